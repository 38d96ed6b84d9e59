import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type RESTPostAPIChannelMessageJSONBody,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';

/** A message as views make it: plain API JSON. */
export interface Payload {
  content?: string | undefined;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Attachments; an embed shows one as its image with `attachment://<name>`. */
  files?: { name: string; data: Buffer }[];
}

/** Nobody is pinged by anything the bot sends, whatever its text says. */
const noPings = { parse: [] as [] };

/**
 * discord.js turns plain payload objects into its builders before sending, validating them
 * all over again (the largest share of an interaction's CPU time); anything with a toJSON
 * method is sent as it is. The limits are kept where the text comes from (the outline's
 * schema, truncate), and the stand-in checks every payload in the tests.
 */
function asIs<T>(json: T): { toJSON(): T } {
  return { toJSON: () => json };
}

/** The payload as discord.js sends it: as-is JSON, and no pings. Every answer to an interaction goes through here. */
function forDiscord({ content, embeds, components, files }: Payload) {
  const attachments = files?.map(({ name, data }) => ({ name, attachment: data }));
  return { content, embeds: embeds?.map(asIs), components: components?.map(asIs), files: attachments, allowedMentions: noPings };
}

const ephemeralFlag = (ephemeral: boolean | undefined) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});

export async function reply(interaction: RepliableInteraction, payload: Payload, { ephemeral }: { ephemeral?: boolean } = {}): Promise<void> {
  await interaction.reply({ ...forDiscord(payload), ...ephemeralFlag(ephemeral) } as InteractionReplyOptions);
}

/** Replaces a deferred or sent reply (content, embeds and components left out are cleared). */
export async function editReply(interaction: RepliableInteraction, payload: Payload): Promise<void> {
  await interaction.editReply(forDiscord({ embeds: [], components: [], ...payload }) as InteractionEditReplyOptions);
}

/** Updates the message the clicked component sits on. */
export async function update(interaction: MessageComponentInteraction, payload: Payload): Promise<void> {
  await interaction.update(forDiscord(payload) as InteractionUpdateOptions);
}

export async function followUp(interaction: RepliableInteraction, payload: Payload, { ephemeral }: { ephemeral?: boolean } = {}): Promise<void> {
  await interaction.followUp({ ...forDiscord(payload), ...ephemeralFlag(ephemeral) } as InteractionReplyOptions);
}

/**
 * Answers ephemerally whatever state the interaction is in: a deferred reply's placeholder
 * is replaced, an interaction already answered gets an ephemeral follow-up, a fresh one a reply.
 * A deferred button update is followed up, so the message the button sits on is left alone.
 */
export async function answerEphemerally(interaction: RepliableInteraction, content: string): Promise<void> {
  if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) await editReply(interaction, { content });
  else if (interaction.deferred || interaction.replied) await followUp(interaction, { content }, { ephemeral: true });
  else await reply(interaction, { content }, { ephemeral: true });
}

/** The payload as the body of a message sent by REST (the daily posts): no pings either. */
export function channelMessageBody({ content, embeds, components }: Payload): RESTPostAPIChannelMessageJSONBody {
  return { content, embeds, components, allowed_mentions: noPings };
}
