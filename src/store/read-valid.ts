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
  return names.map((name, i) => readValid(schema, prefix + name, valueOfEnvelope(raws[i]), log));
}
