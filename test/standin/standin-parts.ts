import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import { FailureLog } from './failures.ts';
import { Gateway } from './gateway/gateway.ts';
import { FaultInjector } from './http/faults.ts';
import { RestServer } from './http/rest-server.ts';
import { Conversation } from './interactions/conversation.ts';
import { InteractionLedger } from './interactions/interaction-ledger.ts';
import { allRoutes } from './routes/all-routes.ts';
import type { ResolvedOptions } from './standin-options.ts';
import { Waiter } from './waiting.ts';
import { ApplicationCommands } from './world/application-commands.ts';
import { World } from './world/world.ts';

const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/** The pieces of a stand-in, wired together; `gatewayUrl` is known only once the server listens. */
export function assembleParts(settings: ResolvedOptions, gatewayUrl: () => string) {
  const { clock } = settings;
  const waiter = new Waiter(settings.timeoutMs);
  const notify = () => waiter.notify();
  const failures = new FailureLog(notify);
  const faults = new FaultInjector();
  const world: World = new World({
    botUsername: settings.botUsername,
    botPermissions: settings.botPermissions,
    publish: (event) => gateway.publish(event),
  });
  const applicationId = world.bot.id;
  const token = `${Buffer.from(world.bot.id).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
  const commands = new ApplicationCommands(world.ids, applicationId, notify);
  const interactions = new InteractionLedger((topic) => waiter.touch(topic));
  const gateway: Gateway = new Gateway({
    world,
    token,
    applicationId,
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
    privilegedIntents: settings.privilegedIntents,
    failures,
    waiter,
    resumeUrl: () => `${gatewayUrl()}/resume`,
  });
  const routes = allRoutes({
    world,
    commands,
    interactions,
    clock,
    applicationId,
    applicationOwner: world.addUser({ username: 'app-developer' }),
    gatewayUrl,
    recommendedShards: settings.recommendedShards,
    maxConcurrency: settings.maxConcurrency,
    identifyCount: () => gateway.identifies.length,
    interactionDeadlineMs: settings.interactionDeadlineMs,
    interactionTokenLifetimeMs: INTERACTION_TOKEN_LIFETIME_MS,
  });
  const rest = new RestServer({
    routes,
    token,
    clock,
    failures,
    faults,
    globalLimit: settings.globalRateLimit,
    routeLimits: settings.routeRateLimits,
    defaultRouteLimit: settings.defaultRouteRateLimit,
    onChange: notify,
  });
  const conversation = new Conversation({ world, commands, ledger: interactions, gateway, waiter, clock, failures, applicationId });
  return { waiter, failures, faults, world, applicationId, token, commands, gateway, rest, conversation };
}

/** One HTTP server for REST and the gateway's WebSocket upgrade. */
export function createLoopbackServer(parts: Pick<ReturnType<typeof assembleParts>, 'rest' | 'gateway' | 'failures'>): Server {
  const server = createServer((request, response) => {
    parts.rest.handle(request, response).catch((error: unknown) => {
      parts.failures.record('standin-error', `the stand-in failed on ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on('upgrade', (request, socket, head) => parts.gateway.handleUpgrade(request, socket, head));
  return server;
}
