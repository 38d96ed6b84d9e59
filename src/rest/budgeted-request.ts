import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { RefusedRequestCount } from './refused-requests.ts';
import type { SendSlots } from './send-slots.ts';

type MakeRequest = RESTOptions['makeRequest'];
type RequestInit = Parameters<MakeRequest>[1];

/** Whether discord.js signs the request with the bot token: every route but interaction callbacks and interaction webhooks. */
function isAuthenticated(headers: RequestInit['headers']): boolean {
  if (!headers) return false;
  if (headers instanceof Headers) return headers.has('authorization');
  if (Array.isArray(headers)) return headers.some(([name]) => name?.toLowerCase() === 'authorization');
  return Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
}

/**
 * discord.js's own transport, behind the bot's one REST budget: every request signed with the
 * bot token waits for its slot in the shared schedule (discord.js's own retries too), and every
 * answer is counted for the refused-request guard. Interaction callbacks and webhooks are not
 * signed, are exempt from Discord's global limit, and go straight out.
 */
export function budgetedRequest(slots: SendSlots, refused: RefusedRequestCount, send: MakeRequest = DefaultRestOptions.makeRequest): MakeRequest {
  return async (url, init) => {
    if (isAuthenticated(init.headers)) await slots.take(init.signal ?? undefined);
    const response = await send(url, init);
    refused.record(response.status, response.headers.get('x-ratelimit-scope'));
    return response;
  };
}
