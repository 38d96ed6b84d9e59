import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import type { Command, CommandContext } from '../bot/command.ts';
import { answerEphemerally } from './answer-error.ts';
import { routeButton } from './buttons/route-button.ts';
import { createRosterRecorder } from './roster-recorder.ts';
import { UserError } from './user-error.ts';

export const apologyText = 'Something went wrong on our side. It has been logged; please try again in a moment.';

function describe(interaction: Interaction) {
  return { interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id, kind: interaction.type };
}

type RecordLearner = ReturnType<typeof createRosterRecorder>;

async function run(commands: Map<string, Command>, interaction: ChatInputCommandInteraction | ButtonInteraction, context: CommandContext, recordLearner: RecordLearner) {
  if (interaction.inGuild()) await recordLearner(interaction.guildId, interaction.user.id);
  if (interaction.isButton()) return routeButton(interaction, context);
  const command = commands.get(interaction.commandName);
  if (!command) throw new UserError(`The command /${interaction.commandName} is not available any more.`);
  await command.execute(interaction, context);
}

async function runAutocomplete(commands: Map<string, Command>, interaction: AutocompleteInteraction, context: CommandContext) {
  try {
    await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
  } catch (error) {
    context.log.error({ err: error, ...describe(interaction) }, 'autocomplete failed');
  }
  if (!interaction.responded) await interaction.respond([]);
}

/** The one error boundary: every failure is answered ephemerally and logged; the process stays up. */
async function answerFailure(interaction: RepliableInteraction, error: unknown, context: CommandContext) {
  const isUserError = error instanceof UserError;
  if (!isUserError) context.log.error({ err: error, ...describe(interaction) }, 'interaction failed');
  try {
    await answerEphemerally(interaction, isUserError ? error.message : apologyText);
  } catch (answerError) {
    context.log.warn({ err: answerError, ...describe(interaction) }, 'could not tell the user about a failure');
  }
}

/** Routes every interaction to its handler. */
export function createInteractionRouter(commands: Map<string, Command>, context: CommandContext) {
  const recordLearner = createRosterRecorder(context);
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) return runAutocomplete(commands, interaction, context).catch((error) => context.log.warn({ err: error, ...describe(interaction) }, 'autocomplete not answered'));
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    try {
      await run(commands, interaction, context, recordLearner);
    } catch (error) {
      await answerFailure(interaction, error, context);
    }
  };
}
