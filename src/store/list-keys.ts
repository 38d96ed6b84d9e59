import type { OpenedKeyv } from './open-keyv.ts';

const namespacePrefix = 'study:';

/** The key after `prefix` sorts past every key that starts with it (":" + 1 is ";"). */
function upperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * Lists the keys that start with `prefix`. On SQLite a range over the primary key uses its
 * index; other adapters walk Keyv's iterator, which is slower but works everywhere.
 */
export async function listKeys(opened: OpenedKeyv, prefix: string): Promise<string[]> {
  const full = namespacePrefix + prefix;
  if (opened.sqlite) {
    const rows = await opened.sqlite(`SELECT key FROM ${opened.tableName} WHERE key >= ? AND key < ? ORDER BY key`, full, upperBound(full));
    return rows.map((row) => String(row.key).slice(namespacePrefix.length));
  }
  const keys: string[] = [];
  if (!opened.keyv.iterator) return keys;
  for await (const [key] of opened.keyv.iterator(undefined)) {
    if (typeof key === 'string' && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}
