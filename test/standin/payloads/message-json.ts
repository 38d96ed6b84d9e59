import {
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  MessageFlags,
  MessageReferenceType,
  MessageType,
} from 'discord.js';
import type { ChannelRecord, StandinUser } from '../world/records.ts';
import { userJson } from './entities.ts';

/** The parts of a message-create or message-edit body the stand-in keeps (already validated). */
export interface MessageFields {
  content?: string | null;
  embeds?: APIEmbed[] | null;
  components?: Record<string, unknown>[] | null;
  flags?: number | null;
  tts?: boolean | null;
  message_reference?: { message_id?: string } | null;
  nonce?: string | number | null;
  enforce_nonce?: boolean | null;
}

export interface UploadedFile {
  filename: string;
  size: number;
  contentType: string;
  data: Buffer;
}

export interface MessageOrigin {
  id: string;
  channel: ChannelRecord;
  author: StandinUser;
  type?: MessageType;
  flags?: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
  files?: UploadedFile[];
  findUser: (id: string) => StandinUser | undefined;
  findMessage: (id: string) => APIMessage | undefined;
}

export function createMessageJson(body: MessageFields, origin: MessageOrigin): APIMessage {
  const content = body.content ?? '';
  const referenced = body.message_reference?.message_id ? origin.findMessage(body.message_reference.message_id) : undefined;
  return {
    id: origin.id,
    channel_id: origin.channel.id,
    author: userJson(origin.author),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body.tts ?? false,
    mention_everyone: false,
    mentions: mentionedUsers(content, origin.findUser).map(userJson),
    mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1]!),
    attachments: attachmentsJson(origin.files ?? [], origin.id, origin.channel.id),
    embeds: embedsJson(body.embeds),
    components: numberComponents(body.components),
    pinned: false,
    type: referenced ? MessageType.Reply : (origin.type ?? MessageType.Default),
    flags: ((origin.flags ?? 0) | (body.flags ?? 0)) as MessageFlags,
    ...(body.nonce !== undefined && body.nonce !== null ? { nonce: body.nonce } : {}),
    ...(origin.webhookId ? { webhook_id: origin.webhookId } : {}),
    ...(origin.applicationId ? { application_id: origin.applicationId } : {}),
    ...(origin.interactionMetadata ? { interaction_metadata: origin.interactionMetadata } : {}),
    ...(referenced
      ? {
          message_reference: {
            type: MessageReferenceType.Default,
            message_id: referenced.id,
            channel_id: referenced.channel_id,
          },
          referenced_message: referenced,
        }
      : {}),
  };
}

/** Applies a PATCH body: fields that are present replace the old ones. */
export function editMessageJson(message: APIMessage, body: MessageFields, files: UploadedFile[] = []): APIMessage {
  const edited: APIMessage = { ...message, edited_timestamp: new Date().toISOString() };
  if (body.content !== undefined) edited.content = body.content ?? '';
  if (body.embeds !== undefined) edited.embeds = embedsJson(body.embeds);
  if (body.components !== undefined) edited.components = numberComponents(body.components);
  // Editing settles a deferred "thinking" message; ephemerality cannot change after sending.
  const requested = body.flags ?? message.flags ?? 0;
  edited.flags = ((requested & ~MessageFlags.Loading) | ((message.flags ?? 0) & MessageFlags.Ephemeral)) as MessageFlags;
  if (files.length > 0) edited.attachments = attachmentsJson(files, message.id, message.channel_id);
  return edited;
}

function mentionedUsers(content: string, findUser: MessageOrigin['findUser']): StandinUser[] {
  const ids = new Set([...content.matchAll(/<@!?(\d+)>/g)].map((match) => match[1]!));
  return [...ids].map(findUser).filter((user): user is StandinUser => user !== undefined);
}

function embedsJson(embeds: APIEmbed[] | null | undefined): APIEmbed[] {
  return (embeds ?? []).map((embed) => ({ type: 'rich' as APIEmbed['type'], ...embed }));
}

/** Discord answers with every component numbered depth-first, starting at 1. */
function numberComponents(components: Record<string, unknown>[] | null | undefined): APIMessageTopLevelComponent[] {
  let next = 1;
  const visit = (component: Record<string, unknown>): Record<string, unknown> => {
    const numbered: Record<string, unknown> = { ...component, id: component.id ?? next++ };
    if (Array.isArray(component.components)) numbered.components = component.components.map(visit);
    if (component.accessory && typeof component.accessory === 'object') {
      numbered.accessory = visit(component.accessory as Record<string, unknown>);
    }
    return numbered;
  };
  return (components ?? []).map(visit) as unknown as APIMessageTopLevelComponent[];
}

function attachmentsJson(files: UploadedFile[], messageId: string, channelId: string): APIAttachment[] {
  return files.map((file, index) => {
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${messageId}${index}/${file.filename}`;
    return {
      id: `${messageId}${index}`,
      filename: file.filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
    };
  });
}
