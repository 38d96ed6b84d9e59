import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The folder of the course outline and its JSON Schema. */
export const dataDir = join(projectRoot(), 'data');
