/**
 * One opened store, and the one door to its data. Inside, each backend writes through Keyv and
 * does what Keyv cannot do, or not fast enough for every interaction (reads, conditional
 * writes), on its own client. Keys are given without the namespace; raw values are Keyv envelopes.
 */
export interface StoreBackend {
  /** Stores `value` under `key` (Keyv's set). */
  write(key: string, value: unknown): Promise<void>;
  /** Deletes the keys; absent keys are no error. */
  remove(keys: readonly string[]): Promise<void>;
  /** Called with every error the backend's connection reports outside a call (a dropped connection). */
  onError(listener: (error: unknown) => void): void;
  /** The envelopes stored under `keys`, in their order, as stored, read in one round trip. */
  readMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  /**
   * The envelopes stored under `prefix` + each of `names`, in their order: what readMany of those
   * keys returns. A backend whose keys are ordered reads the range under `prefix` instead.
   */
  readUnder(prefix: string, names: readonly string[]): Promise<(string | undefined)[]>;
  /** Writes `raw` under `key` only if the key is absent, atomically; true if this call wrote it. */
  insertIfAbsent(key: string, raw: string): Promise<boolean>;
  /** Writes `next` under `key` only if it still holds exactly `expected`, atomically; true if this call wrote it. */
  replaceIfEqual(key: string, expected: string, next: string): Promise<boolean>;
  /**
   * Takes the next slot of a schedule shared by every process on this store, slots `intervalMs`
   * apart, atomically: the slot is the later of now and the end of the last one taken. Resolves
   * with how long from now the slot begins (0 when it is free now), measured by the backend's own
   * clock, so machines whose clocks differ still share one schedule. The value under `key` is the
   * schedule's end, as a number.
   */
  reserveSlot(key: string, intervalMs: number): Promise<number>;
  /** Adds `amount` to the count stored under `key` (absent counts as 0), atomically. The count reads back through readMany as a number. */
  addToCount(key: string, amount: number): Promise<void>;
  /** The keys that start with `prefix`, each once, sorted, read through an index or a cursor rather than a full scan. */
  listKeys(prefix: string): Promise<string[]>;
  /** Releases the backend's connections so the process can exit. */
  close(): Promise<void>;
}
