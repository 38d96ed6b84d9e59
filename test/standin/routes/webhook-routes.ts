import { InteractionResponseType as Callback, MessageFlags } from 'discord.js';
import { DiscordHttpError, discordErrors } from '../http/discord-errors.ts';
import type { RestRequest, RestRoute } from '../http/rest-server.ts';
import type { HttpMethod } from '../http/router.ts';
import type { InteractionRecord, MessageBody } from '../interactions/interaction-ledger.ts';
import type { MessageFields } from '../payloads/message-json.ts';
import { interactionMetadata, responseMessageType } from './interaction-metadata.ts';
import { type RouteContext, requireValidBody } from './route-context.ts';

const BASE = '/webhooks/:webhook_id/:webhook_token';

/**
 * The interaction webhook: edit/get/delete the original response and send follow-ups.
 * Authenticated by the interaction token in the path, never by the bot token.
 */
export function webhookRoutes(context: RouteContext): RestRoute[] {
  const { world } = context;

  const interactionOf = ({ params }: RestRequest): InteractionRecord => {
    if (params.webhook_id !== context.applicationId) {
      throw discordErrors.unknownWebhook(`webhook ${params.webhook_id} is not the application's (interaction webhooks use the application id)`);
    }
    const record = context.interactions.byToken(params.webhook_token!);
    if (!record) throw discordErrors.unknownWebhook('no interaction has this token');
    if (context.clock.now() - record.createdAt > context.interactionTokenLifetimeMs) {
      throw discordErrors.invalidWebhookToken(`the token of ${record.label} has expired (interaction tokens last 15 minutes)`);
    }
    return record;
  };
  /** `@original` or a follow-up id, as long as it belongs to this interaction. */
  const messageIdOf = (record: InteractionRecord, requested: string): string => {
    if (!record.callback) throw missingMessage(`${record.label}: ${requested} was used before the interaction was acknowledged`);
    const id = requested === '@original' ? record.originalMessageId : requested;
    const belongs = id === record.originalMessageId || (id !== undefined && record.followUpMessageIds.includes(id));
    if (!id || !belongs || !world.messages.get(id)) {
      throw missingMessage(`${record.label} has no message ${requested} (callback type ${record.callback.type})`);
    }
    return id;
  };
  const route = (method: HttpMethod, pattern: string, handle: RestRoute['handle']): RestRoute => ({ method, pattern, auth: false, handle });

  const messageRoutes = (pattern: string) => [
    route('GET', pattern, (request) => {
      const record = interactionOf(request);
      return { status: 200, body: world.messages.get(messageIdOf(record, request.params.message_id ?? '@original'))!.json };
    }),
    route('PATCH', pattern, (request) => {
      const record = interactionOf(request);
      const id = messageIdOf(record, request.params.message_id ?? '@original');
      const valid = requireValidBody('webhook-edit', request.body);
      const edited = world.editMessage(id, valid as MessageFields, request.files);
      if (id === record.originalMessageId) {
        record.loading = false;
        record.edits.push(valid as MessageBody);
      }
      return { status: 200, body: edited };
    }),
    route('DELETE', pattern, (request) => {
      world.deleteMessage(messageIdOf(interactionOf(request), request.params.message_id ?? '@original'));
      return { status: 204 };
    }),
  ];

  return [
    ...messageRoutes(`${BASE}/messages/@original`),
    ...messageRoutes(`${BASE}/messages/:message_id`),
    route('POST', BASE, (request) => {
      const record = interactionOf(request);
      if (!record.callback) throw discordErrors.unknownWebhook(`${record.label}: follow-up sent before the interaction was acknowledged`);
      const valid = requireValidBody('webhook-execute', request.body, { hasFiles: request.files.length > 0 });
      record.followUps.push(valid as MessageBody);
      const message = sendFollowUp(context, record, valid as MessageFields, request);
      record.followUpMessageIds.push(message.id);
      return request.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
    }),
  ];
}

/** After a deferred reply, Discord turns the first follow-up into the "thinking" message itself. */
function sendFollowUp(context: RouteContext, record: InteractionRecord, body: MessageFields, request: RestRequest) {
  const { world } = context;
  if (record.loading && record.callback?.type === Callback.DeferredChannelMessageWithSource && record.originalMessageId) {
    record.loading = false;
    return world.editMessage(record.originalMessageId, body, request.files);
  }
  const ephemeral = ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  return world.postMessage(
    record.channel,
    body,
    {
      type: responseMessageType(record),
      webhookId: context.applicationId,
      applicationId: context.applicationId,
      interactionMetadata: interactionMetadata(record, record.originalMessageId),
      files: request.files,
    },
    ephemeral,
  );
}

function missingMessage(reason: string): DiscordHttpError {
  return new DiscordHttpError(404, { message: 'Unknown Message', code: 10008 }, { kind: 'webhook', reasons: [reason] });
}
