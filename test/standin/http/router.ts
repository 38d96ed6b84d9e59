export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RoutePattern {
  method: HttpMethod;
  /** Path below `/api/v10`, with `:name` parameters, e.g. `/channels/:channel_id/messages`. */
  pattern: string;
}

export type RouteLookup<T> = { found: 'route'; route: T; params: Record<string, string> } | { found: 'other-method' } | { found: 'nothing' };

/** Matches request paths segment by segment; literal segments (like `@original`) win over parameters. */
export class Router<T extends RoutePattern> {
  private readonly compiled: { route: T; segments: string[] }[];

  constructor(routes: readonly T[]) {
    this.compiled = routes
      .map((route) => ({ route, segments: route.pattern.split('/').filter(Boolean) }))
      .sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
  }

  lookup(method: string, path: string): RouteLookup<T> {
    const segments = path.split('/').filter(Boolean).map(safeDecode);
    let pathMatched = false;
    for (const { route, segments: pattern } of this.compiled) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === method) return { found: 'route', route, params };
      pathMatched = true;
    }
    return pathMatched ? { found: 'other-method' } : { found: 'nothing' };
  }
}

function matchSegments(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const actual = segments[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = actual;
    else if (part !== actual) return undefined;
  }
  return params;
}

function literalCount(segments: string[]): number {
  return segments.filter((segment) => !segment.startsWith(':')).length;
}

/** discord.js sends `@original` as `%40original`. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
