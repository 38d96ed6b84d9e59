import { StartError } from '../util/start-error.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import { buildCourse, type Course } from './course.ts';
import { courseSchema } from './course-schema.ts';
import { dataDir } from '../util/data-dir.ts';

export const defaultCoursePath = join(dataDir, 'course.json');

export class CourseError extends StartError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`The course outline ${file} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CourseError';
  }
}

/** Formats a zod path the way an editor reads it: `parts[1].lessons[3].title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') ||
    '(top level)'
  );
}

function describeIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** Parses outline text; every problem names the path inside the file and the rule broken. */
export function parseCourse(text: string, file: string): Course {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CourseError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const result = courseSchema.safeParse(json);
  if (!result.success) throw new CourseError(file, describeIssues(result.error.issues));
  return buildCourse(result.data);
}

export function loadCourse(file = defaultCoursePath): Course {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CourseError(file, [`cannot be read: ${(error as Error).message}`]);
  }
  return parseCourse(text, file);
}
