import { type APIMessageInteractionMetadata, ApplicationIntegrationType, InteractionType, MessageType } from 'discord.js';
import type { InteractionRecord } from '../interactions/interaction-ledger.ts';
import { userJson } from '../payloads/entities.ts';

/** The `interaction_metadata` Discord attaches to response and follow-up messages. */
export function interactionMetadata(record: InteractionRecord, originalResponseId?: string): APIMessageInteractionMetadata {
  const common = {
    id: record.id,
    user: userJson(record.user),
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: record.guildId ?? '0' },
    ...(originalResponseId ? { original_response_message_id: originalResponseId } : {}),
  };
  if (record.type === InteractionType.MessageComponent) {
    return { ...common, type: InteractionType.MessageComponent, interacted_message_id: record.sourceMessageId ?? '' };
  }
  return { ...common, type: InteractionType.ApplicationCommand, name: record.commandName ?? '', command_type: 1 } as APIMessageInteractionMetadata;
}

export function responseMessageType(record: InteractionRecord): MessageType {
  return record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
}
