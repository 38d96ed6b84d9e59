import type { UploadedFile } from '../payloads/message-json.ts';
import type { HttpMethod, RoutePattern } from './router.ts';

export interface RestRequest {
  method: HttpMethod;
  /** The path below `/api/v10`. */
  path: string;
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RestReply {
  status: number;
  body?: unknown;
}

export interface RestRoute extends RoutePattern {
  /** Bot-authenticated routes need `Authorization: Bot <token>` and count against rate limits. */
  auth: boolean;
  handle(request: RestRequest): RestReply | Promise<RestReply>;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** `METHOD /pattern`, or undefined for unknown routes. */
  route: string | undefined;
  status: number;
  body: unknown;
  /** For error answers: Discord's error code and message, and why the stand-in gave them. */
  error?: RequestError;
}

export interface RequestError {
  code: number;
  message: string;
  reason?: string;
}

export interface TooManyRequestsRecord {
  route: string;
  path: string;
  scope: 'global' | 'user';
  retryAfterSeconds: number;
  injected: boolean;
}
