// The floors of the house (README, "How it is built"). Each folder may import itself and the
// folders listed for it, which are all on lower floors; `npm test` checks this and that no
// module imports itself through a cycle.
const lowest = ['src/util'];
const base = [...lowest, 'src/config', 'src/course'];
const mayImport = {
  'src/util': [],
  'src/config': lowest,
  'src/course': lowest,
  'src/store': [...lowest, 'src/course'],
  'src/ui': [...lowest, 'src/course'],
  'src/rest': [...lowest, 'src/store'],
  'src/progress': [...lowest, 'src/course', 'src/store', 'src/ui'],
  'src/lessons': [...lowest, 'src/course', 'src/store', 'src/ui'],
  'src/views': [...lowest, 'src/course', 'src/ui', 'src/progress', 'src/lessons'],
  'src/card': [...lowest, 'src/course', 'src/ui', 'src/progress', 'src/views'],
  'src/schedule': [...base, 'src/store', 'src/rest', 'src/ui', 'src/progress', 'src/lessons', 'src/views'],
  'src/queries': [...base, 'src/store', 'src/progress', 'src/lessons', 'src/schedule'],
  'src/reminders': [...base, 'src/store', 'src/rest', 'src/ui', 'src/progress', 'src/lessons', 'src/views', 'src/queries'],
  'src/recap': [...base, 'src/store', 'src/rest', 'src/ui', 'src/progress', 'src/lessons', 'src/views', 'src/queries', 'src/schedule'],
  'src/interactions': [...base, 'src/store', 'src/ui', 'src/progress', 'src/schedule', 'src/card'],
  'src/discord': [...base, 'src/rest', 'src/interactions'],
};
const handlers = [
  ...base,
  'src/store',
  'src/ui',
  'src/progress',
  'src/lessons',
  'src/views',
  'src/card',
  'src/queries',
  'src/schedule',
  'src/reminders',
  'src/interactions',
];
mayImport['src/buttons'] = handlers;
mayImport.commands = handlers;

const folder = (path) => `^${path}/`;
const either = (paths) => `^(${paths.join('|')})/`;

module.exports = {
  forbidden: [
    ...Object.entries(mayImport).map(([from, allowed]) => ({
      name: `floor:${from}`,
      comment: `${from} may import only ${allowed.length > 0 ? allowed.join(', ') : 'packages'} (README, "How it is built")`,
      severity: 'error',
      from: { path: folder(from) },
      to: { path: '^(src|commands)/', pathNot: either([from, ...allowed]) },
    })),
    {
      name: 'no-cycle',
      comment: 'modules of the bot import each other in a circle',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { circular: true },
    },
    // The stand-in's records and their JSON refer to each other's types; its code runs in no circle.
    {
      name: 'no-cycle-in-tests',
      severity: 'error',
      from: { path: '^test/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    { name: 'app-code-never-imports-tests', severity: 'error', from: { path: '^(src|commands)/' }, to: { path: '^test/' } },
    {
      name: 'standin-stands-alone',
      comment: 'the Discord stand-in is a package of its own: it knows nothing of the bot',
      severity: 'error',
      from: { path: '^test/standin/' },
      to: { path: '^(src|commands|test/(?!standin/))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
