import type { z } from 'zod';
import type { Log } from '../log.ts';

/** A stored value checked against its schema; a value that fails is logged and treated as absent. */
export function readValid<T>(schema: z.ZodType<T>, key: string, raw: unknown, log: Log): T | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn({ key, issues: parsed.error.issues.map((issue) => issue.message) }, 'ignoring a corrupt stored value');
  return undefined;
}
