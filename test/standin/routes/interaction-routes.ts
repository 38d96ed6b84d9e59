import { type APIMessage, InteractionResponseType as Callback, MessageFlags } from 'discord.js';
import { DiscordHttpError, discordErrors } from '../http/discord-errors.ts';
import type { RestRoute } from '../http/rest-server.ts';
import type { CallbackBody, InteractionRecord } from '../interactions/interaction-ledger.ts';
import type { MessageFields, UploadedFile } from '../payloads/message-json.ts';
import { interactionMetadata, responseMessageType } from './interaction-metadata.ts';
import { type RouteContext, requireValidBody } from './route-context.ts';

/** `POST /interactions/:id/:token/callback`: the bot's first answer to an interaction. No bot token is sent. */
export function interactionRoutes(context: RouteContext): RestRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/interactions/:interaction_id/:interaction_token/callback',
      auth: false,
      handle: ({ params, body, files, query }) => {
        const record = context.interactions.byId(params.interaction_id!);
        if (!record || record.token !== params.interaction_token) {
          throw discordErrors.unknownInteraction(`no interaction ${params.interaction_id} with that token`);
        }
        if (record.callback) throw discordErrors.alreadyAcknowledged(record.label);
        const elapsed = context.clock.now() - record.createdAt;
        if (elapsed > context.interactionDeadlineMs) {
          return reject(
            context,
            record,
            discordErrors.unknownInteraction(
              `${record.label} was answered ${elapsed} ms after it was sent; Discord only accepts a first response within ${context.interactionDeadlineMs} ms (defer sooner)`,
            ),
          );
        }
        let callback: CallbackBody;
        try {
          callback = requireValidBody('interaction-callback', body, {
            hasFiles: files.length > 0,
            interactionType: record.type,
          }) as unknown as CallbackBody;
        } catch (error) {
          return reject(context, record, error);
        }
        const message = applyCallback(context, record, callback, files);
        context.interactions.answered(record, { callback });
        if (query.get('with_response') !== 'true') return { status: 204 };
        return { status: 200, body: callbackResponse(record, callback, message) };
      },
    },
  ];
}

function reject(context: RouteContext, record: InteractionRecord, error: unknown): never {
  const rejection = error instanceof DiscordHttpError ? (error.failure?.reasons.join('; ') ?? error.message) : String(error);
  context.interactions.answered(record, { rejection });
  throw error;
}

/** Creates or updates the response message; returns it when the callback produced one. */
function applyCallback(context: RouteContext, record: InteractionRecord, callback: CallbackBody, files: UploadedFile[]): APIMessage | undefined {
  const { world } = context;
  const data = (callback.data ?? {}) as MessageFields;
  const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const origin = {
    type: responseMessageType(record),
    webhookId: context.applicationId,
    applicationId: context.applicationId,
    interactionMetadata: interactionMetadata(record),
    files,
  };
  switch (callback.type) {
    case Callback.ChannelMessageWithSource: {
      const message = world.postMessage(record.channel, data, origin, ephemeral);
      record.originalMessageId = message.id;
      return message;
    }
    case Callback.DeferredChannelMessageWithSource: {
      const flags = MessageFlags.Loading | (ephemeral ? MessageFlags.Ephemeral : 0);
      const message = world.postMessage(record.channel, {}, { ...origin, flags }, ephemeral);
      record.originalMessageId = message.id;
      record.loading = true;
      return message;
    }
    case Callback.DeferredMessageUpdate:
      record.originalMessageId = record.sourceMessageId;
      return undefined;
    case Callback.UpdateMessage:
      record.originalMessageId = record.sourceMessageId;
      return record.sourceMessageId ? world.editMessage(record.sourceMessageId, data, files) : undefined;
    default:
      return undefined;
  }
}

/** The body Discord returns for `?with_response=true`. */
function callbackResponse(record: InteractionRecord, callback: CallbackBody, message: APIMessage | undefined) {
  return {
    interaction: {
      id: record.id,
      type: record.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type: callback.type, ...(message ? { message } : {}) },
  };
}
