import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';

/**
 * Payloads are plain API JSON rather than discord.js builders: the builders validate every
 * call (through exceptions inside their schema library), which was the largest share of an
 * interaction's CPU time. The limits are enforced where the text comes from (the outline's
 * schema, truncate) and every payload shape is checked by the stand-in in the tests.
 */
export function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success, options: { emoji?: string; disabled?: boolean } = {}): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    label,
    style,
    ...(options.emoji ? { emoji: { name: options.emoji } } : {}),
    ...(options.disabled ? { disabled: true } : {}),
  };
}

export function buttonRow(...buttons: APIButtonComponentWithCustomId[]): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return { type: ComponentType.ActionRow, components: buttons };
}

/**
 * discord.js turns plain payload objects into its builders before sending, validating them
 * all over again; anything with a toJSON method is sent as it is. Replies wrap their JSON in this.
 */
export function asIs<T>(json: T): { toJSON(): T } {
  return { toJSON: () => json };
}
