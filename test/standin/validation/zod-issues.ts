import * as z from 'zod/mini';
import { type Path, type Violation, valueAt, violation } from './violation.ts';

/** The fields of a zod issue this module reads; zod's own union type is narrower than needed here. */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  expected?: string;
  format?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  values?: unknown[];
  errors?: Issue[][];
}

export function schemaViolations(schema: z.ZodMiniType, body: unknown): Violation[] {
  const result = z.safeParse(schema, body);
  if (result.success) return [];
  return (result.error.issues as unknown as Issue[]).flatMap((issue) => toViolations(issue, [], body));
}

function toViolations(issue: Issue, prefix: Path, body: unknown): Violation[] {
  const path: Path = [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
  const value = valueAt(body, path);
  switch (issue.code) {
    case 'too_big':
      return [violation(path, `at most ${String(issue.maximum)}${unitOf(issue)} (got ${measure(value)})`, maxCode(issue))];
    case 'too_small':
      return [violation(path, `at least ${String(issue.minimum)}${unitOf(issue)} (got ${measure(value)})`, minCode(issue))];
    case 'invalid_type':
      return value === undefined
        ? [violation(path, 'required', 'BASE_TYPE_REQUIRED')]
        : [violation(path, `expected ${issue.expected} (got ${describe(value)})`, 'BASE_TYPE_BAD_TYPE')];
    case 'invalid_value':
      return [violation(path, `must be one of ${(issue.values ?? []).map(show).join(', ')} (got ${show(value)})`, 'BASE_TYPE_CHOICES')];
    case 'invalid_format':
      return [violation(path, `must be a valid ${issue.format} (got ${show(value)})`, 'BASE_TYPE_INVALID_FORMAT')];
    case 'invalid_union':
      return unionViolations(issue.errors ?? [], path, body);
    default:
      return [violation(path, issue.message)];
  }
}

/**
 * A union fails with every branch's issues. Branches whose `type` literal did not match
 * are the wrong component/option kind, so the closest remaining branch explains the error.
 */
function unionViolations(branches: Issue[][], path: Path, body: unknown): Violation[] {
  const isTypeMismatch = (issue: Issue) => issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'type';
  const matching = branches.filter((branch) => !branch.some(isTypeMismatch));
  if (matching.length === 0 && branches.every((branch) => branch.some(isTypeMismatch))) {
    const allowed = branches.flatMap((branch) => branch.find(isTypeMismatch)?.values ?? []);
    const type = valueAt(body, [...path, 'type']);
    return [violation([...path, 'type'], `must be one of ${allowed.map(show).join(', ')} here (got ${show(type)})`, 'BASE_TYPE_CHOICES')];
  }
  // A branch failing at its root (e.g. "expected undefined") is a different shape entirely.
  const isWrongShape = (branch: Issue[]) => branch.some((issue) => issue.path.length === 0 && issue.code === 'invalid_type');
  const sameShape = matching.filter((branch) => !isWrongShape(branch));
  const candidates = sameShape.length > 0 ? sameShape : matching.length > 0 ? matching : branches;
  const closest = candidates.reduce((best, branch) => (branch.length < best.length ? branch : best));
  return closest.flatMap((issue) => toViolations(issue, path, body));
}

function unitOf(issue: Issue): string {
  if (issue.origin === 'string') return ' characters';
  if (issue.origin === 'array') return ' items';
  return '';
}

function maxCode(issue: Issue): string {
  return issue.origin === 'number' ? 'NUMBER_TYPE_MAX' : 'BASE_TYPE_MAX_LENGTH';
}

function minCode(issue: Issue): string {
  return issue.origin === 'number' ? 'NUMBER_TYPE_MIN' : 'BASE_TYPE_MIN_LENGTH';
}

function measure(value: unknown): string {
  if (typeof value === 'string' || Array.isArray(value)) return String(value.length);
  return show(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
