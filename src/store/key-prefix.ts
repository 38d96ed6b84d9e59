/** The first string past every string that starts with `prefix` (its last character + 1): the end of a key range. */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** A LIKE pattern matching keys that start with `prefix` (backslash is PostgreSQL's default LIKE escape). */
export function likePrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, '\\$&')}%`;
}

/** A Redis glob (SCAN MATCH) matching keys that start with `prefix`. */
export function globPrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\*?[\]^]/g, '\\$&')}*`;
}
