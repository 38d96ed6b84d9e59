import type { ButtonInteraction } from 'discord.js';
import type { CommandContext } from '../../bot/command.ts';
import { ButtonIdError, parseButtonId } from '../button-id.ts';
import { UserError } from '../user-error.ts';
import { handleDailyClick } from './daily-clicks.ts';
import { handleGroupClick } from './group-clicks.ts';
import { handleLessonClick } from './lesson-clicks.ts';

/** Parses the button's id and hands it to its handler; an id we cannot read is explained, never guessed at. */
export async function routeButton(interaction: ButtonInteraction, context: CommandContext): Promise<void> {
  let button;
  try {
    button = parseButtonId(interaction.customId);
  } catch (error) {
    if (!(error instanceof ButtonIdError)) throw error;
    context.log.warn({ customId: interaction.customId.slice(0, 100), reason: error.message }, 'unreadable button id');
    throw new UserError('This button is out of date or was not made by this bot, so nothing was changed. Run /lesson to get fresh buttons.');
  }
  switch (button.action) {
    case 'group':
      return handleGroupClick(interaction, button, context);
    case 'studied':
    case 'full':
      return handleDailyClick(interaction, button, context);
    default:
      return handleLessonClick(interaction, button, context);
  }
}
