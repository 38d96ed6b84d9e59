import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The stand-in's own tests (`npm test` here, or `npm test -w discord-standin` from the project).
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 20_000,
  },
});
