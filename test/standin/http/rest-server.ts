import { ArrivalTimes } from './arrival-times.ts';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { type Clock, systemClock } from '../clock.ts';
import type { FailureLog } from '../failures.ts';
import { type DiscordErrorBody, DiscordHttpError, plainErrors } from './discord-errors.ts';
import type { Fault, FaultInjector } from './faults.ts';
import { GlobalRateLimit, RouteBuckets, type WindowRule, bucketHeaders, majorParameter, tooManyRequestsReply } from './rate-limits.ts';
import { parseBody, readRawBody } from './read-body.ts';
import type { RequestRecord, RestRoute, TooManyRequestsRecord } from './rest-types.ts';
import { Router } from './router.ts';

export const API_PREFIX = '/api/v10';

export type { RequestError, RequestRecord, RestReply, RestRequest, RestRoute, TooManyRequestsRecord } from './rest-types.ts';

export interface RestServerOptions {
  routes: RestRoute[];
  token: string;
  clock: Clock;
  failures: FailureLog;
  faults: FaultInjector;
  globalLimit: WindowRule;
  routeLimits: Readonly<Record<string, WindowRule>>;
  defaultRouteLimit: WindowRule;
  onChange: () => void;
}

interface Outgoing {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Why an error answer was given. */
  reason?: string;
}

/** Discord's REST API at `/api/v10`: auth, rate limits, injected faults, then the route's handler. */
export class RestServer {
  readonly requests: RequestRecord[] = [];
  readonly tooManyRequests: TooManyRequestsRecord[] = [];
  private readonly router: Router<RestRoute>;
  private readonly globalLimit: GlobalRateLimit;
  private readonly buckets: RouteBuckets;
  /** Only on the system clock: a test's manual clock does not move with the event loop's stalls. */
  private readonly arrivalTimes: ArrivalTimes | undefined;

  constructor(private readonly options: RestServerOptions) {
    this.router = new Router(options.routes);
    this.globalLimit = new GlobalRateLimit(options.globalLimit);
    this.buckets = new RouteBuckets(options.routeLimits, options.defaultRouteLimit, options.clock);
    this.arrivalTimes = options.clock === systemClock ? new ArrivalTimes(systemClock) : undefined;
  }

  close(): void {
    this.arrivalTimes?.close();
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Rate limits count a request from its arrival, before its body is read or checked.
    const arrivedAt = this.options.clock.now();
    const earliestArrival = this.arrivalTimes?.earliest(arrivedAt) ?? arrivedAt;
    const raw = await readRawBody(request);
    const url = new URL(request.url ?? '/', 'http://standin.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const { outgoing, route, body } = await this.respond(method, url, raw, request.headers, arrivedAt, earliestArrival);
    const headers: Record<string, string> = { ...outgoing.headers };
    if (outgoing.body !== undefined) headers['Content-Type'] = 'application/json';
    response.writeHead(outgoing.status, headers);
    response.end(outgoing.body === undefined ? undefined : JSON.stringify(outgoing.body));
    const error = errorOf(outgoing);
    this.requests.push({ method, path: url.pathname, route, status: outgoing.status, body, ...(error ? { error } : {}) });
    this.options.onChange();
  }

  private async respond(
    method: string,
    url: URL,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    arrivedAt: number,
    earliestArrival: number,
  ): Promise<{ outgoing: Outgoing; route: string | undefined; body: unknown }> {
    const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : undefined;
    const lookup = path === undefined ? { found: 'nothing' as const } : this.router.lookup(method, path);
    if (lookup.found !== 'route' || path === undefined) {
      this.options.failures.record('unknown-route', `${method} ${url.pathname}: unknown route (real Discord answers 404)`);
      const body = lookup.found === 'other-method' ? plainErrors.methodNotAllowed : plainErrors.notFound;
      const outgoing = { status: lookup.found === 'other-method' ? 405 : 404, body, reason: 'unknown route' };
      return { outgoing, route: undefined, body: undefined };
    }
    const { route, params } = lookup;
    const name = `${method} ${route.pattern}`;
    const outgoing = await this.dispatch(route, name, params, path, url, raw, headers, arrivedAt, earliestArrival);
    return { outgoing, route: name, body: outgoing.parsedBody };
  }

  private async dispatch(
    route: RestRoute,
    name: string,
    params: Record<string, string>,
    path: string,
    url: URL,
    raw: Buffer,
    headers: IncomingHttpHeaders,
    arrivedAt: number,
    earliestArrival: number,
  ): Promise<Outgoing & { parsedBody?: unknown }> {
    const fault = this.options.faults.take(route.method, route.pattern, path);
    if (fault?.kind === 'hang') return new Promise<never>(() => {});
    if (fault) return this.injected(fault, name, url.pathname);
    if (route.auth && headers.authorization !== `Bot ${this.options.token}`) {
      this.options.failures.record('unauthorized', `${name}: missing or wrong Authorization header (expected "Bot <token>")`);
      return { status: 401, body: plainErrors.unauthorized, reason: 'missing or wrong Authorization header' };
    }
    let rateHeaders: Record<string, string> = {};
    if (route.auth) {
      const globalWaitMs = this.globalLimit.take(this.options.token, arrivedAt, earliestArrival);
      if (globalWaitMs !== undefined) return this.tooMany(name, url.pathname, 'global', globalWaitMs / 1000, false);
      const bucket = this.buckets.take(name, majorParameter(params));
      rateHeaders = bucketHeaders(bucket);
      if (!bucket.allowed) {
        const limited = this.tooMany(name, url.pathname, 'user', bucket.resetAfterMs / 1000, false);
        return { ...limited, headers: { ...rateHeaders, ...limited.headers } };
      }
    }
    let parsedBody: unknown;
    try {
      const { body, files } = await parseBody(raw, headers['content-type']);
      parsedBody = body;
      const reply = await route.handle({ method: route.method, path, route: route.pattern, params, query: url.searchParams, body, files });
      return { ...reply, headers: rateHeaders, parsedBody };
    } catch (error) {
      return { ...this.errorReply(error, name), headers: rateHeaders, parsedBody };
    }
  }

  private errorReply(error: unknown, name: string): Outgoing {
    if (error instanceof DiscordHttpError) {
      const reasons = error.failure?.reasons ?? [];
      const shown = reasons.length > 10 ? [...reasons.slice(0, 10), `...and ${reasons.length - 10} more`] : reasons;
      for (const reason of shown) this.options.failures.record(error.failure!.kind, `${name}: ${reason}`);
      return { status: error.status, body: error.body, reason: error.reason };
    }
    const message = error instanceof Error ? error.message : String(error);
    this.options.failures.record('standin-error', `${name}: the stand-in itself failed: ${message}`);
    return { status: 500, body: plainErrors.serverError, reason: `the stand-in itself failed: ${message}` };
  }

  private injected(fault: Exclude<Fault, { kind: 'hang' }>, name: string, path: string): Outgoing {
    if (fault.kind === 'server-error') return { status: fault.status, body: plainErrors.serverError, reason: 'injected fault' };
    return this.tooMany(name, path, fault.global ? 'global' : 'user', fault.retryAfterSeconds, true);
  }

  private tooMany(route: string, path: string, scope: 'global' | 'user', retryAfterSeconds: number, injected: boolean): Outgoing {
    const reply = tooManyRequestsReply(scope, retryAfterSeconds);
    this.tooManyRequests.push({ route, path, scope, retryAfterSeconds: reply.body.retry_after, injected });
    return reply;
  }
}

function errorOf(outgoing: Outgoing) {
  if (outgoing.status < 400 || !isErrorBody(outgoing.body)) return undefined;
  const { code, message } = outgoing.body;
  return { code, message, ...(outgoing.reason ? { reason: outgoing.reason } : {}) };
}

function isErrorBody(body: unknown): body is DiscordErrorBody {
  return typeof body === 'object' && body !== null && 'code' in body && 'message' in body;
}
