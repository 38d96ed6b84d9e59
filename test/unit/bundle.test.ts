import { describe, expect, it } from 'vitest';
import type { createClient as CreateClient } from '../../src/discord/create-client.ts';

// What npm start runs (npm test builds it first; alone, run `npm run build` before). discord.js
// finds each cache's limit by the name of its manager class, and a bundler renames classes whose
// names clash unless told not to.
const built = new URL('../../dist/src/discord/create-client.js', import.meta.url);

describe('the build', () => {
  it('keeps the cache limits of the bot’s client, and discord.js’s default limits for the rest', async () => {
    const { createClient } = (await import(built.href)) as { createClient: typeof CreateClient };
    const client = createClient('http://127.0.0.1:1/api');
    try {
      const users = client.users.cache as unknown as { maxSize?: number; constructor: { name: string } };
      expect(users.constructor.name).toBe('LimitedCollection');
      expect(users.maxSize).toBe(0);
      expect(client.users.constructor.name).toBe('UserManager');
      expect((client.channels.cache as unknown as { maxSize?: number }).maxSize).toBeUndefined();
    } finally {
      await client.destroy();
    }
  });
});
