import Keyv, { type KeyvStoreAdapter } from 'keyv';
import type { StoreBackend } from './store-backend.ts';

/** Keyv prefixes every key with it (SQLite, PostgreSQL: "study:"; Redis through its adapter: "study::"). */
export const storeNamespace = 'study';

/** Keyv's envelope around a value, exactly as Keyv writes it, so `keyv.get` reads back what a raw write stored. */
export function encodeEnvelope(value: unknown): string {
  return JSON.stringify({ value });
}

/** Keyv's own envelope is JSON; a row that is not JSON comes back as its raw text so validation can reject it. */
function parseEnvelope(raw: string) {
  try {
    return JSON.parse(raw);
  } catch {
    return { value: raw };
  }
}

/** The value inside a stored envelope, as Keyv's get would return it (the store sets no expiry); undefined when absent. */
export function valueOfEnvelope(raw: string | undefined): unknown {
  return raw === undefined ? undefined : (parseEnvelope(raw) as { value?: unknown } | null)?.value;
}

/** The plain writes of StoreBackend, on a backend's Keyv. */
export function keyvWrites(keyv: Keyv): Pick<StoreBackend, 'write' | 'remove' | 'onError'> {
  return {
    write: async (key, value) => void (await keyv.set(key, value)),
    async remove(keys) {
      if (keys.length > 0) await keyv.deleteMany([...keys]);
    },
    onError: (listener) => void keyv.on('error', listener),
  };
}

/** Keyv as every backend uses it: one namespace, the same envelope, and errors thrown rather than read as "absent". */
export function createKeyv(store: KeyvStoreAdapter, options: { useKeyPrefix?: boolean } = {}): Keyv {
  return new Keyv({ store, namespace: storeNamespace, serialize: JSON.stringify, deserialize: parseEnvelope, throwOnErrors: true, ...options });
}
