import type Keyv from 'keyv';

/**
 * One opened store: Keyv for plain writes, plus what Keyv cannot do, or not fast enough for
 * every interaction (reads), done on the backend's own client. Keys are given without the
 * namespace; raw values are Keyv envelopes.
 */
export interface StoreBackend {
  keyv: Keyv;
  /** The envelopes stored under `keys`, in their order, as stored, read in one round trip. */
  readMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /** Writes `raw` under `key` only if the key is absent, atomically; true if this call wrote it. */
  insertIfAbsent(key: string, raw: string): Promise<boolean>;
  /** Writes `next` under `key` only if it still holds exactly `expected`, atomically; true if this call wrote it. */
  replaceIfEqual(key: string, expected: string, next: string): Promise<boolean>;
  /** The keys that start with `prefix`, each once, sorted, read through an index or a cursor rather than a full scan. */
  listKeys(prefix: string): Promise<string[]>;
  /** Releases the backend's connections so the process can exit. */
  close(): Promise<void>;
}
