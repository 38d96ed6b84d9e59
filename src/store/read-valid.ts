import type * as z from 'zod';
import type { Log } from '../util/log.ts';
import { valueOfEnvelope } from './envelope.ts';
import type { StoreBackend } from './store-backend.ts';

/** A stored value checked against its schema; a value that fails is logged and treated as absent. */
function readValid<T>(schema: z.ZodType<T>, key: string, raw: unknown, log: Log): T | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn({ key, issues: parsed.error.issues.map((issue) => issue.message) }, 'ignoring a corrupt stored value');
  return undefined;
}

/** The values under `keys`, in their order, each checked as `readValid` does; read in one round trip on the backend's own client. */
export async function readValidMany<T>(backend: StoreBackend, schema: z.ZodType<T>, keys: readonly string[], log: Log): Promise<(T | undefined)[]> {
  const raws = keys.length === 0 ? [] : await backend.readMany(keys);
  return keys.map((key, i) => readValid(schema, key, valueOfEnvelope(raws[i]), log));
}

/** The values under `prefix` + each of `names`, checked as `readValid` does, read as one key range where the backend can. */
export async function readValidUnder<T>(
  backend: StoreBackend,
  schema: z.ZodType<T>,
  prefix: string,
  names: readonly string[],
  log: Log,
): Promise<(T | undefined)[]> {
  const raws = names.length === 0 ? [] : await backend.readUnder(prefix, names);
  // Most names have nothing stored (a question not yet answered): their keys are not built.
  return names.map((name, i) => (raws[i] === undefined ? undefined : readValid(schema, prefix + name, valueOfEnvelope(raws[i]), log)));
}

/** Every value whose key starts with `prefix`, by the rest of its key, each checked as `readValid` does (those that fail are left out). */
export async function readValidByPrefix<T>(backend: StoreBackend, schema: z.ZodType<T>, prefix: string, log: Log): Promise<Map<string, T>> {
  const keys = await backend.listKeys(prefix);
  const values = await readValidMany(backend, schema, keys, log);
  const found = new Map<string, T>();
  keys.forEach((key, i) => {
    const value = values[i];
    if (value !== undefined) found.set(key.slice(prefix.length), value);
  });
  return found;
}
