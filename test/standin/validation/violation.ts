export type Path = readonly (string | number)[];

/** One broken rule in a request body. */
export interface Violation {
  path: Path;
  /** Human wording, e.g. `at most 2000 characters (got 2001)`. */
  rule: string;
  /** Discord's error code for the rule, e.g. `BASE_TYPE_MAX_LENGTH`. */
  code: string;
}

export function violation(path: Path, rule: string, code = 'BASE_TYPE_INVALID'): Violation {
  return { path, rule, code };
}

export function formatPath(path: Path): string {
  if (path.length === 0) return '(body)';
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${key}` : key;
  }, '');
}

export function describeViolation(broken: Violation): string {
  return `${formatPath(broken.path)}: ${broken.rule}`;
}

export function valueAt(body: unknown, path: Path): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Discord's nested `errors` object: each path ends in `{ _errors: [{ code, message }] }`. */
export function formBodyErrors(violations: readonly Violation[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const broken of violations) {
    let node = root;
    for (const key of broken.path) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const errors = (node._errors ??= []) as { code: string; message: string }[];
    errors.push({ code: broken.code, message: broken.rule });
  }
  return root;
}

/** Later violations on a path already reported are dropped, so hand-written rules win over the spec's. */
export function firstPerPath(violations: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((broken) => {
    const key = formatPath(broken.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
