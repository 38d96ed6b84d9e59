import type { ButtonInteraction } from 'discord.js';
import { ButtonIdError, parseButtonId, type ButtonActionName } from '../ui/custom-id.ts';
import { UserError } from '../ui/user-error.ts';
import type { ButtonHandler, HandlerContext } from './handler.ts';

/** Parses the button's id and hands it to the handler of its action; an id we cannot read is explained, never guessed at. */
export async function routeButton(
  interaction: ButtonInteraction,
  handlers: ReadonlyMap<ButtonActionName, ButtonHandler>,
  context: HandlerContext,
): Promise<void> {
  let button;
  try {
    button = parseButtonId(interaction.customId);
  } catch (error) {
    if (!(error instanceof ButtonIdError)) throw error;
    context.log.warn({ customId: interaction.customId.slice(0, 100), reason: error.message }, 'unreadable button id');
    throw new UserError('This button is out of date or was not made by this bot, so nothing was changed. Run /lesson to get fresh buttons.');
  }
  const handler = handlers.get(button.action);
  if (!handler) throw new Error(`no handler for the button action "${button.action}"`);
  await handler.execute(interaction, button, context);
}
