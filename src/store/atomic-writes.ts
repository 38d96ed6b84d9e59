import type * as z from 'zod';
import { encodeEnvelope, valueOfEnvelope } from './envelope.ts';
import type { StoreBackend } from './store-backend.ts';

/** JSON with every object's keys sorted: equal for equal values, whatever order their fields were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Stores `value` under `key` only if the key is absent, atomically on every backend; true if this call's value is the one stored. */
export async function claimKey(backend: StoreBackend, key: string, value: unknown): Promise<boolean> {
  return backend.insertIfAbsent(key, encodeEnvelope(value));
}

/**
 * Replaces the value under `key` with `next` only if it is still `expected`; true if this call
 * replaced it. The stored value is validated with `schema` and compared by content, so an
 * `expected` read back through the same schema matches; the write itself is conditional on the
 * exact stored text, so of several concurrent callers at most one wins.
 */
export async function replaceIf<T>(backend: StoreBackend, key: string, schema: z.ZodType<T>, expected: T, next: T): Promise<boolean> {
  const [raw] = await backend.readMany([key]);
  if (raw === undefined) return false;
  const stored = schema.safeParse(valueOfEnvelope(raw));
  if (!stored.success || canonicalJson(stored.data) !== canonicalJson(expected)) return false;
  return backend.replaceIfEqual(key, raw, encodeEnvelope(next));
}
