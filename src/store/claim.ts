import type { OpenedKeyv } from './open-keyv.ts';

const namespacePrefix = 'study:';

/**
 * Writes `value` under `key` only if the key is absent, atomically where the backend allows:
 * on SQLite an INSERT … ON CONFLICT DO NOTHING, then a read-back to see whose value won.
 * Returns true when this call's value is the one stored. Values must differ per caller
 * (they carry a random token), which is what makes the read-back conclusive.
 */
export async function claimKey(opened: OpenedKeyv, key: string, value: object): Promise<boolean> {
  const envelope = JSON.stringify({ value });
  if (opened.sqlite) {
    const fullKey = namespacePrefix + key;
    await opened.sqlite(`INSERT INTO ${opened.tableName} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING`, fullKey, envelope);
    const [row] = await opened.sqlite(`SELECT value FROM ${opened.tableName} WHERE key = ?`, fullKey);
    return row?.value === envelope;
  }
  // Other backends get their atomic form with their adapters; until then, check then set.
  if ((await opened.keyv.get(key)) !== undefined) return false;
  await opened.keyv.set(key, value);
  return true;
}
