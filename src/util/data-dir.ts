import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root: the nearest folder above this module with a package.json. The same from
 * src/ (TypeScript, in tests) and from dist/src/ (the compiled build npm start runs), so data/
 * is read from one place and a course edit needs no rebuild.
 */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

const root = projectRoot();

/** The folder of the course outline and its JSON Schema. */
export const dataDir = join(root, 'data');

/** For a module of the compiled build (dist/…/x.js), the TypeScript it was built from; undefined for any other file. */
export function compiledFrom(path: string): string | undefined {
  const inBuild = relative(join(root, 'dist'), path);
  if (inBuild.startsWith('..') || !path.endsWith('.js')) return undefined;
  return join(root, inBuild.replace(/\.js$/, '.ts'));
}
