import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for one test file's SQLite store; `remove` deletes it. */
export function tempStoreDir(): { dir: string; url: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'study-store-'));
  return { dir, url: `sqlite://${join(dir, 'nested', 'study.sqlite')}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
