import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlaygroundActions } from './playground-actions.ts';
import { playgroundState } from './playground-state.ts';
import type { PlaygroundWorld } from './playground-world.ts';

const pageFiles: Record<string, [string, string]> = {
  '/': ['page.html', 'text/html; charset=utf-8'],
  '/page.js': ['page.js', 'text/javascript; charset=utf-8'],
  '/page.css': ['page.css', 'text/css; charset=utf-8'],
};

const contentTypes: Record<string, string> = { png: 'image/png', csv: 'text/csv; charset=utf-8', json: 'application/json' };

async function bodyOf(request: IncomingMessage): Promise<never> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as never;
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body));
}

/** The playground's page and its small JSON API, on 127.0.0.1 only. Without a world (a broken course) the page shows `courseError`. */
export async function servePlayground(
  port: number,
  world: PlaygroundWorld | undefined,
  actions: PlaygroundActions | undefined,
  courseError?: string,
) {
  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => send(response, 500, { error: (error as Error).message }));
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    // Only this page may drive the bot: no other site's form (a simple cross-site POST is text/plain) and no rebound host name.
    const { port } = server.address() as AddressInfo;
    if (request.headers.host !== `127.0.0.1:${port}`) return send(response, 421, { error: 'use the address the playground printed' });
    if (request.method === 'POST' && !request.headers['content-type']?.startsWith('application/json'))
      return send(response, 415, { error: 'JSON only' });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const page = pageFiles[url.pathname];
    if (page) return send(response, 200, readFileSync(new URL(page[0], import.meta.url)), page[1]);
    if (!world || !actions) return send(response, url.pathname === '/api/state' ? 200 : 503, { courseError });
    const attachment = /^\/api\/attachments\/(\d+)\/[^/]*?(?:\.(\w+))?$/.exec(url.pathname);
    if (attachment) {
      const bytes = world.discord.attachmentContent(attachment[1]!);
      if (!bytes) return send(response, 404, { error: 'no such attachment' });
      // An attachment never changes: the page need not fetch it again on every refresh.
      response.writeHead(200, {
        'content-type': contentTypes[attachment[2] ?? ''] ?? 'application/octet-stream',
        'cache-control': 'max-age=86400, immutable',
      });
      return response.end(bytes);
    }
    if (request.method === 'GET' && url.pathname === '/api/state')
      return send(response, 200, playgroundState(world, actions, url.searchParams.get('as') ?? '', url.searchParams.get('channel') ?? ''));
    if (request.method !== 'POST') return send(response, 404, { error: 'not found' });
    const body = await bodyOf(request);
    try {
      if (url.pathname === '/api/command') return send(response, 200, { ok: Boolean(await actions.command(body)) });
      if (url.pathname === '/api/autocomplete') return send(response, 200, { choices: await actions.autocomplete(body) });
      if (url.pathname === '/api/click') return send(response, 200, { ok: Boolean(await actions.click(body)) });
      if (url.pathname === '/api/clock')
        return send(response, 200, { clock: await actions.moveClock((body as { to: 'next-post' | 'next-day' }).to) });
    } catch (error) {
      return send(response, 200, { error: (error as Error).message });
    }
    return send(response, 404, { error: 'not found' });
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // an open page polls on a kept-alive connection
      }),
  };
}
