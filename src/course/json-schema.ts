import { join } from 'node:path';
import * as z from 'zod';
import { dataDir } from '../util/data-dir.ts';
import { courseSchema } from './course-schema.ts';

export const courseJsonSchemaPath = join(dataDir, 'course.schema.json');

/**
 * The JSON Schema an editor uses while the outline is typed. Cross-field rules (unique
 * ids, the choice-name and embed totals) are not expressible in it; check-course runs them.
 */
export function courseJsonSchemaText(): string {
  const schema = z.toJSONSchema(courseSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Study Companion course outline' }, null, 2)}\n`;
}
