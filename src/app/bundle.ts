// Builds what npm start runs: the bot as a few ES modules in dist/, with its own code and its
// pure-JavaScript dependencies bundled and tree-shaken. Loaded one file per module, as tsc wrote
// them, the same modules kept about 2 MB more of V8's heap in every shard (zod's unused locales
// among it; see README, Performance). No type check here: `npm test` runs tsc.
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';

const topLevelModules = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name}`);

const banner = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
// discord.js's optional native helpers: it loads each only if it is installed.
const optionalNatives = ['zlib-sync', 'bufferutil', 'utf-8-validate', 'erlpack'];

/**
 * discord.js is bundled too, on its own: its 559 files as one held 2 MB less of V8's heap. It is
 * CommonJS, and esbuild gives every module that imports a CommonJS module a wrapper of its own with
 * a getter per export (about 530): the bot's 44 modules that import discord.js kept 2.4 MB of them.
 * So dist/vendor/discord.js is one ES module that takes its exports once, and the bot's modules
 * import it as `#discord` (package.json "imports"). Its names are kept: bundled, classes whose names
 * clash get new ones (TextChannel2), and discord.js finds each cache's limit by its manager class's
 * name. The bot's own code keeps none, since keeping a name costs a call for every closure made.
 * It is minified (local names too): its source, which V8 keeps as long as the process runs, is
 * 1.4 MB instead of 2 MB, 0.75 MB less of every shard's heap. Its stack traces keep the names of
 * its functions and classes; the bot's own code is only stripped of whitespace, for readable ones.
 */
async function buildDiscord(): Promise<void> {
  const require = createRequire(import.meta.url);
  const names = Object.keys(require('discord.js') as object).filter((name) => /^[A-Za-z]\w*$/.test(name));
  await build({
    stdin: {
      contents: `import discord from 'discord.js';\nexport const { ${names.join(', ')} } = discord;`,
      resolveDir: '.',
      sourcefile: 'discord.js',
    },
    outfile: 'dist/vendor/discord.js',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: optionalNatives,
    banner: { js: banner },
    minify: true,
    keepNames: true,
    logLevel: 'warning',
  });
}

const discordFromVendor: Plugin = {
  name: 'discord.js from dist/vendor',
  setup(build) {
    build.onResolve({ filter: /^discord\.js$/ }, () => ({ path: '#discord', external: true }));
  },
};

rmSync('dist', { recursive: true, force: true });
await buildDiscord();
await build({
  // The loaders import every command and button file by path, so each stays a module of its own;
  // cache-limits is one too because the benchmarks' bare client shares the bot's cache settings,
  // and create-client because a test checks that the built client keeps them.
  entryPoints: [
    'src/app/main.ts',
    'src/discord/cache-limits.ts',
    'src/discord/create-client.ts',
    ...topLevelModules('commands'),
    ...topLevelModules('src/buttons'),
  ],
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
  // Native modules and the drivers of the optional stores; discord.js comes from dist/vendor.
  external: [...optionalNatives, 'better-sqlite3', 'sqlite3', '@keyv/sqlite', '@keyv/postgres', '@keyv/redis', 'pg'],
  // pino and its helpers are CommonJS and require Node's built-ins, which an ES module can only do through createRequire.
  banner: { js: banner },
  // Without comments and indentation the bundle is 512 KB instead of 682, and its source, which V8
  // keeps for the lifetime of the process, is held one byte per character (one dash in a comment
  // had made zod's 190 KB two bytes per character). Names stay, so stack traces still name functions.
  minifyWhitespace: true,
  plugins: [discordFromVendor],
  logLevel: 'warning',
});
