import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compiledFrom } from '../util/data-dir.ts';

/**
 * The handler modules of a folder, sorted: TypeScript in the tests, the compiled build under
 * npm start. A compiled file whose source is gone (a command renamed or removed since the last
 * build: tsc never deletes what it built) is left out, so it cannot come back as a second command.
 */
export function handlerFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') && !name.startsWith('_'))
    .map((name) => join(dir, name))
    .filter((path) => {
      const source = compiledFrom(path);
      return source === undefined || existsSync(source);
    })
    .sort();
}
