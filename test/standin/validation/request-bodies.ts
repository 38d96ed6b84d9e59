import * as spec from 'discord-api-spec/zod';
import type { ZodMiniType } from 'zod/mini';
import { commandListViolations, commandViolations, stringChoiceValueViolations } from './command-rules.ts';
import { asArray, messageViolations } from './message-rules.ts';
import { type Path, type Violation, firstPerPath, violation } from './violation.ts';
import { schemaViolations } from './zod-issues.ts';

export type BodyKind =
  | 'message-create'
  | 'message-edit'
  | 'thread-from-message'
  | 'dm-channel-create'
  | 'command-create'
  | 'command-edit'
  | 'command-overwrite'
  | 'interaction-callback'
  | 'webhook-execute'
  | 'webhook-edit';

export interface BodyContext {
  hasFiles?: boolean;
  /** For callbacks: the type of interaction being answered (2 command, 3 component, 4 autocomplete, 5 modal). */
  interactionType?: number;
}

type Json = Record<string, unknown>;

const CALLBACK_SCHEMAS: Record<number, ZodMiniType> = {
  1: spec.PongInteractionCallbackRequestSchema,
  4: spec.CreateMessageInteractionCallbackRequestSchema,
  5: spec.CreateMessageInteractionCallbackRequestSchema,
  6: spec.UpdateMessageInteractionCallbackRequestSchema,
  7: spec.UpdateMessageInteractionCallbackRequestSchema,
  8: spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  9: spec.ModalInteractionCallbackRequestSchema,
  12: spec.LaunchActivityInteractionCallbackRequestSchema,
};

const ALLOWED_CALLBACKS: Record<number, { name: string; types: number[] }> = {
  2: { name: 'a slash command', types: [4, 5, 9, 12] },
  3: { name: 'a component', types: [4, 5, 6, 7, 9, 12] },
  4: { name: 'an autocomplete', types: [8] },
  5: { name: 'a modal submit', types: [4, 5, 6, 7] },
};

const AUTOCOMPLETE_CHOICES_MAX = 25;

/**
 * Checks a request body against Discord's API description (discord-api-spec) plus the
 * limits Discord enforces that the description leaves out. Hand-written rules win on a shared path.
 */
export function bodyViolations(kind: BodyKind, body: unknown, context: BodyContext = {}): Violation[] {
  if (kind === 'command-overwrite') {
    if (!Array.isArray(body)) return [violation([], 'expected a JSON array of commands', 'BASE_TYPE_BAD_TYPE')];
    const commands = asArray(body);
    const fromSpec = commands.flatMap((command, index) =>
      prefixed([index], schemaViolations(spec.ApplicationCommandUpdateRequestSchema, withoutStringPermissions(command))),
    );
    return firstPerPath([...commandListViolations(commands), ...fromSpec]);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [violation([], 'expected a JSON object', 'BASE_TYPE_BAD_TYPE')];
  }
  const json = body as Json;
  switch (kind) {
    case 'message-create':
      return merge(messageViolations(json, { creating: true, hasFiles: context.hasFiles }), spec.MessageCreateRequestSchema, json);
    case 'message-edit':
      return merge(messageViolations(json, { creating: false }), spec.MessageEditRequestPartialSchema, json);
    case 'webhook-execute':
      return merge(messageViolations(json, { creating: true, hasFiles: context.hasFiles }), spec.IncomingWebhookRequestPartialSchema, json);
    case 'webhook-edit':
      return merge(messageViolations(json, { creating: false }), spec.IncomingWebhookUpdateRequestPartialSchema, json);
    case 'thread-from-message':
      return merge([], spec.CreateTextThreadWithMessageRequestSchema, json);
    case 'dm-channel-create':
      return merge([], spec.CreatePrivateChannelRequestSchema, json);
    case 'command-create':
      return merge(commandViolations(json, []), spec.ApplicationCommandCreateRequestSchema, withoutStringPermissions(json));
    case 'command-edit':
      return merge(commandViolations(json, []), spec.ApplicationCommandPatchRequestPartialSchema, withoutStringPermissions(json));
    case 'interaction-callback':
      return callbackViolations(json, context);
  }
}

function callbackViolations(body: Json, context: BodyContext): Violation[] {
  const type = Number(body.type);
  const schema = CALLBACK_SCHEMAS[type];
  if (!schema) return [violation(['type'], `unknown interaction callback type ${JSON.stringify(body.type)}`, 'BASE_TYPE_CHOICES')];
  const allowed = context.interactionType === undefined ? undefined : ALLOWED_CALLBACKS[context.interactionType];
  if (allowed && !allowed.types.includes(type)) {
    return [
      violation(
        ['type'],
        `callback type ${type} cannot answer ${allowed.name} interaction (allowed: ${allowed.types.join(', ')})`,
        'INTERACTION_CALLBACK_TYPE_INVALID',
      ),
    ];
  }
  const data = typeof body.data === 'object' && body.data !== null ? (body.data as Json) : {};
  const extras: Violation[] = [];
  if (type === 4) extras.push(...prefixed(['data'], messageViolations(data, { creating: true, hasFiles: context.hasFiles })));
  if (type === 7) extras.push(...prefixed(['data'], messageViolations(data, { creating: false })));
  if (type === 8) {
    const choices = asArray(data.choices);
    if (choices.length > AUTOCOMPLETE_CHOICES_MAX) {
      extras.push(violation(['data', 'choices'], `at most ${AUTOCOMPLETE_CHOICES_MAX} choices (got ${choices.length})`, 'BASE_TYPE_MAX_LENGTH'));
    }
    extras.push(...stringChoiceValueViolations(choices, ['data', 'choices']));
  }
  return merge(extras, schema, body);
}

function merge(extras: Violation[], schema: ZodMiniType, body: unknown): Violation[] {
  return firstPerPath([...extras, ...schemaViolations(schema, body)]);
}

function prefixed(prefix: Path, violations: Violation[]): Violation[] {
  return violations.map((broken) => ({ ...broken, path: [...prefix, ...broken.path] }));
}

/**
 * Discord accepts default_member_permissions as a string of digits (discord.js sends it so),
 * but the API description types it as an integer; command-rules checks the string form instead.
 */
function withoutStringPermissions(command: Json): Json {
  if (typeof command.default_member_permissions !== 'string') return command;
  const { default_member_permissions: _ignored, ...rest } = command;
  return rest;
}
