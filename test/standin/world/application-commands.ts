import { type APIApplicationCommand, ApplicationCommandType } from 'discord.js';
import type { SnowflakeGenerator } from '../snowflake.ts';

type Json = Record<string, unknown>;

/** The commands the bot registered, globally and per guild, kept the way Discord keeps them. */
export class ApplicationCommands {
  private readonly scopes = new Map<string, Map<string, APIApplicationCommand>>();
  private readonly overwriteCounts = new Map<string, number>();

  constructor(
    private readonly ids: SnowflakeGenerator,
    private readonly applicationId: string,
    private readonly onChange: () => void,
  ) {}

  /** Global commands when `guildId` is null. */
  list(guildId: string | null = null): APIApplicationCommand[] {
    return [...this.scope(guildId).values()].map((command) => structuredClone(command));
  }

  get(guildId: string | null, id: string): APIApplicationCommand | undefined {
    return this.scope(guildId).get(id);
  }

  /** How many bulk overwrites (PUT) the bot made in a scope. */
  overwriteCount(guildId: string | null = null): number {
    return this.overwriteCounts.get(guildId ?? 'global') ?? 0;
  }

  /** Bulk overwrite: commands keep their id when name and type match, and get a new version when they change. */
  overwrite(guildId: string | null, definitions: Json[]): APIApplicationCommand[] {
    const previous = [...this.scope(guildId).values()];
    const next = new Map<string, APIApplicationCommand>();
    for (const definition of definitions) {
      const existing = previous.find((command) => sameCommand(command, definition));
      const command = this.toCommand(guildId, definition, existing);
      next.set(command.id, command);
    }
    this.scopes.set(guildId ?? 'global', next);
    this.overwriteCounts.set(guildId ?? 'global', this.overwriteCount(guildId) + 1);
    this.onChange();
    return this.list(guildId);
  }

  /** POST creates, or replaces a command with the same name and type (Discord answers 200 then, 201 otherwise). */
  upsert(guildId: string | null, definition: Json): { command: APIApplicationCommand; created: boolean } {
    const scope = this.scope(guildId);
    const existing = [...scope.values()].find((command) => sameCommand(command, definition));
    const command = this.toCommand(guildId, definition, existing);
    scope.set(command.id, command);
    this.scopes.set(guildId ?? 'global', scope);
    this.onChange();
    return { command: structuredClone(command), created: !existing };
  }

  edit(guildId: string | null, existing: APIApplicationCommand, changes: Json): APIApplicationCommand {
    return this.upsert(guildId, { ...definitionOf(existing), ...changes }).command;
  }

  delete(guildId: string | null, id: string): boolean {
    const deleted = this.scope(guildId).delete(id);
    this.onChange();
    return deleted;
  }

  /** The command an interaction would come from: a guild command shadows a global one. */
  find(name: string, guildId: string | null, type = ApplicationCommandType.ChatInput): APIApplicationCommand | undefined {
    const matches = (command: APIApplicationCommand) => command.name === name && command.type === type;
    return (guildId ? this.list(guildId).find(matches) : undefined) ?? this.list(null).find(matches);
  }

  describe(guildId: string | null): string {
    const names = (commands: APIApplicationCommand[]) => commands.map((command) => `/${command.name}`).join(', ') || 'none';
    const guildPart = guildId ? `; in this guild: ${names(this.list(guildId))}` : '';
    return `registered globally: ${names(this.list(null))}${guildPart}`;
  }

  private scope(guildId: string | null): Map<string, APIApplicationCommand> {
    return this.scopes.get(guildId ?? 'global') ?? new Map();
  }

  private toCommand(guildId: string | null, definition: Json, existing?: APIApplicationCommand): APIApplicationCommand {
    const permissions = definition.default_member_permissions;
    const fields = {
      type: (definition.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput,
      name: String(definition.name),
      name_localizations: (definition.name_localizations as Record<string, string> | undefined) ?? null,
      description: (definition.description as string | undefined) ?? '',
      description_localizations: (definition.description_localizations as Record<string, string> | undefined) ?? null,
      options: (definition.options as APIApplicationCommand['options']) ?? [],
      default_member_permissions: permissions === undefined || permissions === null ? null : String(permissions),
      dm_permission: (definition.dm_permission as boolean | undefined) ?? true,
      contexts: (definition.contexts as APIApplicationCommand['contexts']) ?? null,
      integration_types: (definition.integration_types as APIApplicationCommand['integration_types']) ?? [0],
      nsfw: (definition.nsfw as boolean | undefined) ?? false,
    };
    const changed = !existing || JSON.stringify(definitionOf(existing)) !== JSON.stringify(fields);
    return {
      id: existing?.id ?? this.ids.next(),
      application_id: this.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      version: changed ? this.ids.next() : existing.version,
      ...fields,
    };
  }
}

function sameCommand(command: APIApplicationCommand, definition: Json): boolean {
  return command.name === definition.name && command.type === ((definition.type as number | undefined) ?? ApplicationCommandType.ChatInput);
}

function definitionOf(command: APIApplicationCommand): Json {
  const { id: _id, application_id: _app, guild_id: _guild, version: _version, ...fields } = command;
  return fields;
}
