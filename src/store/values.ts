import { z } from 'zod';

/** Values as stored. Each is validated when read; a value that fails is logged and treated as absent. */
export const completionValue = z.object({ completedAt: z.number().int().nonnegative() });
export const schemaVersionValue = z.object({ version: z.number().int().positive() });
