import { type APIApplicationCommand, type APIApplicationCommandOption, ApplicationCommandOptionType as T } from 'discord.js';
import { channelJson, memberJson, roleJson, userJson } from '../payloads/entities.ts';
import type { StandinGuild } from '../world/guild.ts';
import type { StandinChannel, StandinRole, StandinUser } from '../world/records.ts';

export type OptionValue = string | number | boolean | StandinUser | StandinChannel | StandinRole;

/** An option exactly as it appears in interaction data, for tests that want full control. */
export interface RawOption {
  name: string;
  type?: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

/** `{ lesson: 'linux' }` (types come from the registered command) or a raw option list. */
export type OptionsInput = Readonly<Record<string, OptionValue>> | readonly RawOption[];

export interface OptionsRequest {
  subcommand?: string;
  group?: string;
  options?: OptionsInput;
  /** For autocomplete: the option being typed and its partial value. */
  focused?: { name: string; value: string | number };
}

interface Resolved {
  users?: Record<string, unknown>;
  members?: Record<string, unknown>;
  roles?: Record<string, unknown>;
  channels?: Record<string, unknown>;
}

/** Who invokes the command, and in which channel (resolved permissions are computed there). */
export interface Invoker {
  guild?: StandinGuild;
  userId: string;
  channel: StandinChannel;
}

/** Builds `data.options` and `data.resolved` the way a Discord client fills them from the command definition. */
export function buildInteractionOptions(command: APIApplicationCommand, request: OptionsRequest, invoker: Invoker) {
  const resolved: Resolved = {};
  const given = request.options ?? {};
  if (Array.isArray(given) && given.some((option) => option.type === T.Subcommand || option.type === T.SubcommandGroup)) {
    return { options: [...given] as RawOption[], resolved: undefined };
  }
  const definitions = leafDefinitions(command, request);
  const entries: [string, OptionValue][] = Array.isArray(given)
    ? (given as readonly RawOption[]).map((option) => [option.name, option.value ?? ''])
    : Object.entries(given);
  const options: RawOption[] = entries.map(([name, value]) => {
    const definition = definitions.find((candidate) => candidate.name === name);
    if (!definition) throw new Error(`/${command.name} has no option "${name}" (its options: ${names(definitions)})`);
    return { name, type: definition.type, value: toValue(command, definition, value, resolved, invoker) };
  });
  if (request.focused) {
    const { name, value } = request.focused;
    const definition = definitions.find((candidate) => candidate.name === name);
    if (!definition) throw new Error(`/${command.name} has no option "${name}" to autocomplete (its options: ${names(definitions)})`);
    if (!('autocomplete' in definition) || !definition.autocomplete) {
      throw new Error(`option "${name}" of /${command.name} was not registered with autocomplete: true`);
    }
    const index = options.findIndex((option) => option.name === name);
    if (index >= 0) options.splice(index, 1);
    options.push({ name, type: definition.type, value: String(value), focused: true });
  } else {
    const given = new Set(options.map((option) => option.name));
    const missing = definitions.filter((definition) => 'required' in definition && definition.required && !given.has(definition.name));
    if (missing.length > 0) throw new Error(`/${command.name} needs option(s) ${names(missing)}`);
  }
  return { options: wrapInSubcommand(options, request), resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

function leafDefinitions(command: APIApplicationCommand, request: OptionsRequest): APIApplicationCommandOption[] {
  let level = command.options ?? [];
  const descend = (type: T, name: string) => {
    const found = level.find((option) => option.type === type && option.name === name);
    if (!found) {
      const kind = type === T.Subcommand ? 'subcommand' : 'subcommand group';
      throw new Error(`/${command.name} has no ${kind} "${name}" (it has: ${names(level)})`);
    }
    level = (('options' in found ? found.options : undefined) ?? []) as APIApplicationCommandOption[];
  };
  if (request.group) descend(T.SubcommandGroup, request.group);
  if (request.subcommand) descend(T.Subcommand, request.subcommand);
  if (level.some((option) => option.type === T.Subcommand || option.type === T.SubcommandGroup)) {
    throw new Error(`/${command.name} needs a subcommand (it has: ${names(level)})`);
  }
  return level;
}

function wrapInSubcommand(options: RawOption[], request: OptionsRequest): RawOption[] {
  let wrapped = options;
  if (request.subcommand) wrapped = [{ name: request.subcommand, type: T.Subcommand, options: wrapped }];
  if (request.group) wrapped = [{ name: request.group, type: T.SubcommandGroup, options: wrapped }];
  return wrapped;
}

function toValue(
  command: APIApplicationCommand,
  definition: APIApplicationCommandOption,
  value: OptionValue,
  resolved: Resolved,
  invoker: Invoker,
): string | number | boolean {
  const fail = (expected: string) => new Error(`option "${definition.name}" of /${command.name} expects ${expected} (got ${JSON.stringify(value)})`);
  switch (definition.type) {
    case T.String:
    case T.Integer:
    case T.Number: {
      const isString = definition.type === T.String;
      const ok = isString ? typeof value === 'string' : typeof value === 'number' && (definition.type === T.Number || Number.isInteger(value));
      if (!ok) throw fail(isString ? 'a string' : definition.type === T.Integer ? 'an integer' : 'a number');
      const choices = definition.choices ?? [];
      if (choices.length > 0 && !choices.some((choice) => choice.value === value)) {
        throw fail(`one of ${choices.map((choice) => JSON.stringify(choice.value)).join(', ')}`);
      }
      return value as string | number;
    }
    case T.Boolean:
      if (typeof value !== 'boolean') throw fail('a boolean');
      return value;
    case T.User:
    case T.Mentionable:
      if (typeof value === 'object' && 'username' in value) return resolveUser(value, resolved, invoker);
      if (definition.type === T.Mentionable && typeof value === 'object' && 'permissions' in value) return resolveRole(value, resolved);
      throw fail(definition.type === T.User ? 'a user or member' : 'a user, member or role');
    case T.Channel:
      if (typeof value !== 'object' || !('lastMessageId' in value)) throw fail('a channel');
      resolved.channels = { ...resolved.channels, [value.id]: resolvedChannel(value, invoker) };
      return value.id;
    case T.Role:
      if (typeof value !== 'object' || !('permissions' in value)) throw fail('a role');
      return resolveRole(value, resolved);
    default:
      throw new Error(`option "${definition.name}" of /${command.name} has type ${definition.type}, which the stand-in cannot fill in`);
  }
}

/** Resolved members carry their permissions in the channel of the interaction. */
function resolveUser(user: StandinUser, resolved: Resolved, { guild, channel }: Invoker): string {
  resolved.users = { ...resolved.users, [user.id]: userJson(user) };
  const member = guild?.member(user.id);
  if (guild && member) {
    const { user: _user, ...fields } = memberJson(member);
    resolved.members = { ...resolved.members, [user.id]: { ...fields, permissions: guild.permissionsIn(channel, user.id).toString() } };
  }
  return user.id;
}

function resolveRole(role: StandinRole, resolved: Resolved): string {
  resolved.roles = { ...resolved.roles, [role.id]: roleJson(role) };
  return role.id;
}

/** Resolved channels carry the invoking member's permissions in them. */
function resolvedChannel(channel: StandinChannel, { guild, userId }: Invoker): Record<string, unknown> {
  const { id, name, type, parent_id, thread_metadata } = channelJson(channel) as unknown as Record<string, unknown>;
  const inThisGuild = guild !== undefined && channel.guildId === guild.id;
  const permissions = inThisGuild ? guild.permissionsIn(channel, userId).toString() : guild ? guild.permissionsOf(userId).toString() : '0';
  return { id, name, type, permissions, ...(parent_id ? { parent_id } : {}), ...(thread_metadata ? { thread_metadata } : {}) };
}

function names(options: readonly { name: string }[]): string {
  return options.map((option) => option.name).join(', ') || 'none';
}
