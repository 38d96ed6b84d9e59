// `npm run course-schema`: regenerates data/course.schema.json from the zod schema.
import { writeFileSync } from 'node:fs';
import { courseJsonSchemaPath, courseJsonSchemaText } from './json-schema.ts';

writeFileSync(courseJsonSchemaPath, courseJsonSchemaText());
console.log(`wrote ${courseJsonSchemaPath}`);
