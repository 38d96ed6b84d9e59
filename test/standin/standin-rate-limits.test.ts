import { execFile } from 'node:child_process';
import type { TextChannel } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';
import { ManualClock } from './clock.ts';
import { ArrivalTimes } from './http/arrival-times.ts';
import { GlobalRateLimit, RouteBuckets } from './http/rate-limits.ts';
import { type Standin, startStandin } from './index.ts';

const MESSAGES = '/channels/:channel_id/messages';

function botFetch(discord: Standin, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${discord.apiUrl}/v10${path}`, {
    ...init,
    headers: { Authorization: `Bot ${discord.token}`, 'Content-Type': 'application/json', ...init.headers },
  });
}

describe('rate limits like Discord', () => {
  let discord: Standin;
  afterEach(async () => {
    try {
      discord.assertClean();
    } finally {
      await discord.close();
    }
  });

  test('sends per-route rate limit headers on bot-authenticated responses', async () => {
    discord = await startStandin();

    const response = await botFetch(discord, '/users/@me');

    expect(response.status).toBe(200);
    expect(response.headers.get('X-RateLimit-Limit')).toBe('50');
    expect(response.headers.get('X-RateLimit-Remaining')).toBe('49');
    expect(Number(response.headers.get('X-RateLimit-Reset-After'))).toBeCloseTo(1, 1);
    expect(Number(response.headers.get('X-RateLimit-Reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(response.headers.get('X-RateLimit-Bucket')).toMatch(/^[0-9a-f]{32}$/);
  });

  test('answers beyond 50 requests per second with a global 429', async () => {
    discord = await startStandin({ clock: new ManualClock() });

    const responses = await Promise.all(Array.from({ length: 51 }, () => botFetch(discord, '/users/@me')));

    const limited = responses.filter((response) => response.status === 429);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(50);
    expect(limited).toHaveLength(1);
    expect(limited[0]!.headers.get('Retry-After')).toBe('1');
    expect(limited[0]!.headers.get('X-RateLimit-Global')).toBe('true');
    expect(limited[0]!.headers.get('X-RateLimit-Scope')).toBe('global');
    expect(await limited[0]!.json()).toEqual({ message: 'You are being rate limited.', code: 0, retry_after: 1, global: true });
    expect(discord.tooManyRequests).toEqual([
      { route: 'GET /users/@me', path: '/api/v10/users/@me', scope: 'global', retryAfterSeconds: 1, injected: false },
    ]);
  });

  test('counts the global limit over any one-second span, not over windows of its own', async () => {
    const clock = new ManualClock();
    discord = await startStandin({ clock });
    const burst = (n: number) => Promise.all(Array.from({ length: n }, () => botFetch(discord, '/users/@me')));

    await burst(25);
    clock.advance(500);
    await burst(25);
    clock.advance(499); // 999 ms after the first 25: all 50 are still within the last second
    const tooSoon = await botFetch(discord, '/users/@me');
    clock.advance(1); // the first 25 have left the span
    const inTime = await burst(25);
    const overflow = await botFetch(discord, '/users/@me');

    expect(tooSoon.status).toBe(429);
    expect(await tooSoon.json()).toMatchObject({ global: true, retry_after: 0.001 });
    expect(inTime.map((response) => response.status)).toEqual(inTime.map(() => 200));
    expect(overflow.status).toBe(429);
    expect(await overflow.json()).toMatchObject({ global: true, retry_after: 0.5 });
  });

  test('keeps one global limit for the bot token across processes', async () => {
    discord = await startStandin({ clock: new ManualClock() });
    const script = `const r = await Promise.all(Array.from({ length: 30 }, () => fetch(process.argv[1], { headers: { Authorization: process.argv[2] } }))); console.log(r.map((x) => x.status).join(','));`;
    const runProcess = () =>
      new Promise<number[]>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--input-type=module', '-e', script, `${discord.apiUrl}/v10/users/@me`, `Bot ${discord.token}`],
          (error, stdout) => (error ? reject(error) : resolve(stdout.trim().split(',').map(Number))),
        );
      });

    const statuses = (await Promise.all([runProcess(), runProcess()])).flat();

    expect(statuses.filter((status) => status === 200)).toHaveLength(50);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    expect(discord.tooManyRequests.every((record) => record.scope === 'global')).toBe(true);
  });

  test('does not count interaction callbacks and webhooks against the global limit', async () => {
    discord = await startStandin({ clock: new ManualClock() });
    await Promise.all(Array.from({ length: 50 }, () => botFetch(discord, '/users/@me')));

    const callback = await fetch(`${discord.apiUrl}/v10/interactions/1/token/callback`, {
      method: 'POST',
      body: '{"type":4}',
      headers: { 'Content-Type': 'application/json' },
    });
    const webhook = await fetch(`${discord.apiUrl}/v10/webhooks/${discord.applicationId}/token/messages/%40original`);

    expect([callback.status, webhook.status]).toEqual([404, 404]);
    expect(callback.headers.get('X-RateLimit-Limit')).toBeNull();
    expect(discord.tooManyRequests).toEqual([]);
    expect(discord.takeFailures().map((failure) => failure.kind)).toEqual(['interaction', 'webhook']);
  });

  test('answers the sixth message in five seconds to one channel with a per-route 429', async () => {
    discord = await startStandin({ clock: new ManualClock() });
    const study = discord.addGuild({ name: 'Study Hall' }).addTextChannel('study');
    const post = () => botFetch(discord, `/channels/${study.id}/messages`, { method: 'POST', body: JSON.stringify({ content: 'hi' }) });

    for (let n = 0; n < 5; n++) expect((await post()).status).toBe(200);
    const limited = await post();

    expect(limited.status).toBe(429);
    expect(limited.headers.get('X-RateLimit-Scope')).toBe('user');
    expect(limited.headers.get('X-RateLimit-Global')).toBeNull();
    expect(limited.headers.get('X-RateLimit-Remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ retry_after: 5, global: false });
  });
});

describe('route buckets', () => {
  test('open a window with the first request and reset when it ends', () => {
    const clock = new ManualClock();
    const buckets = new RouteBuckets({}, { limit: 2, windowMs: 1000 }, clock);
    const take = () => buckets.take('POST /channels/:channel_id/messages', 'channel-1');

    expect([take().remaining, take().remaining, take().allowed]).toEqual([1, 0, false]);
    clock.advance(1000);
    expect(take()).toMatchObject({ allowed: true, remaining: 1, resetAfterMs: 1000 });
  });
});

describe('a discord.js client against the limits and injected faults', () => {
  let fixture: BotFixture;
  afterEach(() => fixture.finish());

  const studyChannel = ({ client, study }: BotFixture) => client.channels.cache.get(study.id) as TextChannel;

  test('waits for the route bucket to reset instead of running into 429s', async () => {
    fixture = await startBotFixture({ routeRateLimits: { [`POST ${MESSAGES}`]: { limit: 2, windowMs: 300 } } });

    for (let n = 1; n <= 5; n++) await studyChannel(fixture).send(`message ${n}`);

    expect(fixture.discord.messagesIn(fixture.study)).toHaveLength(5);
    expect(fixture.discord.tooManyRequests).toEqual([]);
  });

  test('retries an injected 500', async () => {
    fixture = await startBotFixture();
    fixture.discord.faults.failNext({ method: 'POST', route: MESSAGES });

    await studyChannel(fixture).send('still arrives');

    const statuses = fixture.discord.requests.filter((request) => request.route === `POST ${MESSAGES}`).map((request) => request.status);
    expect(statuses).toEqual([500, 200]);
    expect(fixture.discord.messagesIn(fixture.study).map((message) => message.content)).toEqual(['still arrives']);
  });

  test('lets the fourth injected 503 in a row reach the bot, since discord.js retries a 5xx three times', async () => {
    fixture = await startBotFixture();
    fixture.discord.faults.failNext({ method: 'POST', route: MESSAGES, times: 4, status: 503 });

    await expect(studyChannel(fixture).send('lost')).rejects.toMatchObject({ name: 'HTTPError', status: 503 });

    const statuses = fixture.discord.requests.filter((request) => request.route === `POST ${MESSAGES}`).map((request) => request.status);
    expect(statuses).toEqual([503, 503, 503, 503]);
    expect(fixture.discord.messagesIn(fixture.study)).toEqual([]);
    expect(fixture.discord.failures).toEqual([]);
  });

  test('waits out an injected per-route 429 and an injected global 429', async () => {
    fixture = await startBotFixture();
    fixture.discord.faults.rateLimitNext({ method: 'POST', route: MESSAGES, retryAfterSeconds: 0.2 });
    fixture.discord.faults.rateLimitNext({ method: 'POST', route: MESSAGES, retryAfterSeconds: 0.2, global: true });

    await studyChannel(fixture).send('after waiting');

    expect(fixture.discord.tooManyRequests.map(({ scope, injected }) => ({ scope, injected }))).toEqual([
      { scope: 'user', injected: true },
      { scope: 'global', injected: true },
    ]);
    expect(fixture.discord.faults.pending).toBe(0);
    expect(fixture.discord.messagesIn(fixture.study)).toHaveLength(1);
  });
});

describe("the global limit and the stand-in's own stalls", () => {
  test('limits the 51st request in a second when every arrival time is certain', () => {
    const limit = new GlobalRateLimit({ limit: 50, windowMs: 1000 });
    for (let i = 0; i < 50; i += 1) expect(limit.take('t', 1000 + i * 10)).toBeUndefined();
    expect(limit.take('t', 1500)).toBe(500);
  });

  test('does not limit requests that may have arrived spread over a stall, and still limits what is over the limit anyway', () => {
    const limit = new GlobalRateLimit({ limit: 50, windowMs: 1000 });
    // Ten were handled bunched at 1400, after a stall from 1000 on; forty more came after it, every 10 ms.
    for (let i = 0; i < 10; i += 1) expect(limit.take('t', 1400, 1000)).toBeUndefined();
    for (let i = 0; i < 40; i += 1) expect(limit.take('t', 1410 + i * 10)).toBeUndefined();
    // At 2001 the span since the first ten may be over a second: the doubt goes to the bot. Stamped at 1400 only, it would be the 51st.
    expect(limit.take('t', 2001)).toBeUndefined();
    for (let i = 0; i < 50; i += 1) limit.take('u', 5000);
    expect(limit.take('u', 5001, 4000)).toBe(999);
  });

  test('tells when a request may have waited behind a stalled event loop', () => {
    let now = 0;
    const times = new ArrivalTimes({ now: () => now });
    try {
      now = 4;
      times.beat();
      expect(times.earliest(6)).toBe(6);
      now = 204; // the loop was blocked for 200 ms
      expect(times.earliest(now)).toBe(4);
      times.beat();
      expect(times.earliest(206)).toBe(4);
      now = 209;
      times.beat();
      expect(times.earliest(210)).toBe(210);
    } finally {
      times.close();
    }
  });
});
