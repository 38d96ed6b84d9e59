import type { RestRoute } from '../http/rest-server.ts';
import { channelRoutes } from './channel-routes.ts';
import { commandRoutes } from './command-routes.ts';
import { guildRoutes } from './guild-routes.ts';
import { interactionRoutes } from './interaction-routes.ts';
import { metaRoutes } from './meta-routes.ts';
import type { RouteContext } from './route-context.ts';
import { webhookRoutes } from './webhook-routes.ts';

export function allRoutes(context: RouteContext): RestRoute[] {
  return [
    ...metaRoutes(context),
    ...commandRoutes(context),
    ...channelRoutes(context),
    ...guildRoutes(context),
    ...interactionRoutes(context),
    ...webhookRoutes(context),
  ];
}
