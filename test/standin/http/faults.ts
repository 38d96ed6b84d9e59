import type { HttpMethod } from './router.ts';

export type Fault =
  | { kind: 'server-error'; status: 500 | 502 | 503 }
  | { kind: 'rate-limit'; retryAfterSeconds: number; global: boolean }
  /** The request is taken and never answered, as when Discord or the network stalls; nothing is created. */
  | { kind: 'hang' };

export interface FaultTarget {
  /** The route pattern as failures name it (`/channels/:channel_id/messages`), a concrete path, or a RegExp over either. */
  route: string | RegExp;
  method?: HttpMethod;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
}

interface FaultRule {
  target: FaultTarget;
  remaining: number;
  fault: Fault;
}

/** Makes the next N requests that match a method and route fail the way Discord sometimes does. */
export class FaultInjector {
  private readonly rules: FaultRule[] = [];

  failNext(target: FaultTarget & { status?: 500 | 502 | 503 }): void {
    this.add(target, { kind: 'server-error', status: target.status ?? 500 });
  }

  rateLimitNext(target: FaultTarget & { retryAfterSeconds?: number; global?: boolean }): void {
    this.add(target, { kind: 'rate-limit', retryAfterSeconds: target.retryAfterSeconds ?? 1, global: target.global ?? false });
  }

  hangNext(target: FaultTarget): void {
    this.add(target, { kind: 'hang' });
  }

  /** How many injected faults have not fired yet. */
  get pending(): number {
    return this.rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  clear(): void {
    this.rules.length = 0;
  }

  /** Consumes and returns the fault for this request, if one applies. */
  take(method: string, pattern: string, path: string): Fault | undefined {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && matches(candidate.target, method, pattern, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  private add(target: FaultTarget, fault: Fault): void {
    this.rules.push({ target, remaining: target.times ?? 1, fault });
  }
}

function matches(target: FaultTarget, method: string, pattern: string, path: string): boolean {
  if (target.method && target.method !== method) return false;
  if (typeof target.route === 'string') return target.route === pattern || target.route === path;
  return target.route.test(pattern) || target.route.test(path);
}
