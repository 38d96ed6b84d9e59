import type { APIEmbed } from 'discord.js';

/** Reading what the bot sent: the first embed, its fields by name, the first row's buttons. */
export const embedOf = (body: { embeds?: unknown[] } | undefined) => body?.embeds?.[0] as APIEmbed;

export const fieldsOf = (body: { embeds?: unknown[] } | undefined): Record<string, string> =>
  Object.fromEntries((embedOf(body).fields ?? []).map((field) => [field.name, field.value]));

export const buttonsOf = (body: { components?: unknown[] } | undefined) =>
  ((body?.components?.[0] as { components: { custom_id: string; label: string; style: number }[] } | undefined)?.components ?? []).map((button) => ({
    id: button.custom_id,
    label: button.label,
    style: button.style,
  }));
