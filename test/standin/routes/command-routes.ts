import { discordErrors } from '../http/discord-errors.ts';
import type { RestRequest, RestRoute } from '../http/rest-server.ts';
import type { HttpMethod } from '../http/router.ts';
import { type Json, type RouteContext, failWith, requireValidBody } from './route-context.ts';

const GLOBAL = '/applications/:application_id/commands';
const GUILD = '/applications/:application_id/guilds/:guild_id/commands';

/** Application commands, global and per guild: list, bulk overwrite, create, and single-command access. */
export function commandRoutes(context: RouteContext): RestRoute[] {
  const { commands } = context;

  /** The command scope a request addresses: null for global, else a guild the bot is in. */
  const scopeOf = ({ params }: RestRequest): string | null => {
    if (params.application_id !== context.applicationId) throw discordErrors.unknownApplication(params.application_id!);
    if (params.guild_id === undefined) return null;
    const guild = context.world.guilds.get(params.guild_id) ?? failWith(discordErrors.unknownGuild(params.guild_id));
    return guild.id;
  };
  const commandOf = (request: RestRequest) => {
    const scope = scopeOf(request);
    const command = commands.get(scope, request.params.command_id!) ?? failWith(discordErrors.unknownCommand(request.params.command_id!));
    return { scope, command };
  };
  const route = (method: HttpMethod, pattern: string, handle: RestRoute['handle']): RestRoute => ({ method, pattern, auth: true, handle });

  return [GLOBAL, GUILD].flatMap((base) => [
    route('GET', base, (request) => ({ status: 200, body: commands.list(scopeOf(request)) })),
    route('PUT', base, (request) => {
      const scope = scopeOf(request);
      requireValidBody('command-overwrite', request.body);
      return { status: 200, body: commands.overwrite(scope, request.body as Json[]) };
    }),
    route('POST', base, (request) => {
      const scope = scopeOf(request);
      const { command, created } = commands.upsert(scope, requireValidBody('command-create', request.body));
      return { status: created ? 201 : 200, body: command };
    }),
    route('GET', `${base}/:command_id`, (request) => ({ status: 200, body: commandOf(request).command })),
    route('PATCH', `${base}/:command_id`, (request) => {
      const { scope, command } = commandOf(request);
      return { status: 200, body: commands.edit(scope, command, requireValidBody('command-edit', request.body)) };
    }),
    route('DELETE', `${base}/:command_id`, (request) => {
      const { scope, command } = commandOf(request);
      commands.delete(scope, command.id);
      return { status: 204 };
    }),
  ]);
}
