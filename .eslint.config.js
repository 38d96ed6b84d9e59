// ESLint with typescript-eslint (`npm run lint`; `npm test` runs it). A dotfile, so the project's
// top level stays as the design fixes it: `eslint --config .eslint.config.js`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const replyMethods = 'reply|editReply|update|followUp';

export default tseslint.config(
  { ignores: ['dist/', '**/node_modules/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  // The playground's page runs in the browser.
  { files: ['test/playground/page.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/ui/reply.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.object.name='interaction'][callee.property.name=/^(${replyMethods})$/]`,
          message:
            'Answer interactions through src/ui/reply.ts (reply, editReply, update, followUp): it keeps every message from pinging anyone and sends views as the JSON they are.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through src/config (loadConfig), where they are validated.' },
      ],
    },
  },
);
