// Builds what npm start runs: the bot as a few ES modules in dist/, with its own code and its
// pure-JavaScript dependencies bundled and tree-shaken. Loaded one file per module, as tsc wrote
// them, the same modules kept about 2 MB more of V8's heap in every shard (zod's unused locales
// among it; see README, Performance). No type check here: `npm test` runs tsc.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const topLevelModules = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name}`);

rmSync('dist', { recursive: true, force: true });
await build({
  // The loaders import every command and button file by path, so each stays a module of its own;
  // create-client is one too because the benchmarks' bare client shares its cache settings.
  entryPoints: ['src/app/main.ts', 'src/discord/create-client.ts', ...topLevelModules('commands'), ...topLevelModules('src/buttons')],
  outbase: '.',
  outdir: 'dist',
  // Shared code goes beside main.js, two folders down like src/interactions/, so that the paths
  // the loaders resolve from import.meta.url ('../../commands/', '../buttons/') still hold.
  chunkNames: 'src/app/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // discord.js as the bare client loads it, native modules, and the drivers of the optional stores.
  external: ['discord.js', 'better-sqlite3', 'sqlite3', '@keyv/sqlite', '@keyv/postgres', '@keyv/redis', 'pg'],
  // pino and its helpers are CommonJS and require Node's built-ins, which an ES module can only do through createRequire.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Without comments and indentation the bundle is 512 KB instead of 682, and its source, which V8
  // keeps for the lifetime of the process, is held one byte per character (one dash in a comment
  // had made zod's 190 KB two bytes per character). Names stay, so stack traces still name functions.
  minifyWhitespace: true,
  logLevel: 'warning',
});
