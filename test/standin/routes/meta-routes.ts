import { discordErrors } from '../http/discord-errors.ts';
import type { RestRoute } from '../http/rest-server.ts';
import { channelJson, currentUserJson, memberJson, roleJson, userJson } from '../payloads/entities.ts';
import { guildCreateJson } from '../payloads/guild-json.ts';
import { type RouteContext, failWith } from './route-context.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_START_LIMIT = 1000;

/** Gateway discovery, the bot's own user and application, and read-only guild lookups. */
export function metaRoutes(context: RouteContext): RestRoute[] {
  const { world } = context;
  const guildOrFail = (id: string) => world.guilds.get(id) ?? failWith(discordErrors.unknownGuild(id));
  return [
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: context.gatewayUrl() } }) },
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          url: context.gatewayUrl(),
          shards: context.recommendedShards,
          session_start_limit: {
            total: SESSION_START_LIMIT,
            remaining: SESSION_START_LIMIT - context.identifyCount(),
            reset_after: DAY_MS,
            max_concurrency: context.maxConcurrency,
          },
        },
      }),
    },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: currentUserJson(world.bot) }) },
    {
      method: 'GET',
      pattern: '/users/:user_id',
      auth: true,
      handle: ({ params }) => {
        const user = world.users.get(params.user_id!) ?? failWith(discordErrors.unknownUser(params.user_id!));
        return { status: 200, body: userJson(user) };
      },
    },
    { method: 'GET', pattern: '/applications/@me', auth: true, handle: () => ({ status: 200, body: applicationJson(context) }) },
    { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handle: () => ({ status: 200, body: applicationJson(context) }) },
    {
      method: 'GET',
      pattern: '/guilds/:guild_id',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: guildCreateJson(guildOrFail(params.guild_id!), world.bot.id) }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild_id/channels',
      auth: true,
      handle: ({ params }) => ({
        status: 200,
        body: guildOrFail(params.guild_id!)
          .channels.filter((c) => !c.thread)
          .map(channelJson),
      }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild_id/roles',
      auth: true,
      handle: ({ params }) => ({ status: 200, body: guildOrFail(params.guild_id!).roles.map(roleJson) }),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guild_id/members/:user_id',
      auth: true,
      handle: ({ params }) => {
        const member = guildOrFail(params.guild_id!).member(params.user_id!) ?? failWith(discordErrors.unknownUser(params.user_id!));
        return { status: 200, body: memberJson(member) };
      },
    },
  ];
}

function applicationJson(context: RouteContext) {
  const { world } = context;
  return {
    id: context.applicationId,
    name: world.bot.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    hook: true,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    flags_new: '0',
    explicit_content_filter: 0,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    eligible_oauth2_scopes: ['bot', 'applications.commands'],
    owner: userJson(context.applicationOwner),
    team: null,
    bot: userJson(world.bot),
    approximate_guild_count: world.guilds.size,
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    integration_types_config: { '0': {} },
    tags: [],
  };
}
