import { ApplicationIntegrationType } from 'discord.js';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import type { ButtonActionName } from '../ui/custom-id.ts';
import { answerEphemerally } from '../ui/reply.ts';
import type { ButtonHandler, Command, HandlerContext } from './handler.ts';
import { routeButton } from './route-button.ts';
import { tellAboutClosedDms } from './closed-dms-notice.ts';
import { createRosterRecorder } from './roster-recorder.ts';
import { UserError } from '../ui/user-error.ts';

const apologyText = 'Something went wrong on our side. It has been logged; please try again in a moment.';

function describe(interaction: Interaction) {
  return { interactionId: interaction.id, guildId: interaction.guildId, userId: interaction.user.id, kind: interaction.type };
}

type RecordLearner = ReturnType<typeof createRosterRecorder>;

/** Every handler the bot has: slash commands by name, button handlers by action. */
export interface Handlers {
  commands: ReadonlyMap<string, Command>;
  buttons: ReadonlyMap<ButtonActionName, ButtonHandler>;
}

async function run(
  { commands, buttons }: Handlers,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  context: HandlerContext,
  recordLearner: RecordLearner,
) {
  // Only where the server installed the bot: a learner's own user install used in a server does not put them on its roster.
  if (interaction.inGuild() && interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall] === interaction.guildId)
    await recordLearner(interaction.guildId, interaction.user.id);
  if (interaction.isButton()) return routeButton(interaction, buttons, context);
  const command = commands.get(interaction.commandName);
  if (!command) throw new UserError(`The command /${interaction.commandName} is not available any more.`);
  await command.execute(interaction, context);
  if (interaction.replied || interaction.deferred) await tellAboutClosedDms(interaction, context);
}

async function runAutocomplete(commands: ReadonlyMap<string, Command>, interaction: AutocompleteInteraction, context: HandlerContext) {
  try {
    await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
  } catch (error) {
    context.log.error({ err: error, ...describe(interaction) }, 'autocomplete failed');
  }
  if (!interaction.responded) await interaction.respond([]);
}

/** The one error boundary: every failure is answered ephemerally and logged; the process stays up. */
async function answerFailure(interaction: RepliableInteraction, error: unknown, context: HandlerContext) {
  const isUserError = error instanceof UserError;
  if (!isUserError) context.log.error({ err: error, ...describe(interaction) }, 'interaction failed');
  try {
    await answerEphemerally(interaction, isUserError ? error.message : apologyText);
  } catch (answerError) {
    context.log.warn({ err: answerError, ...describe(interaction) }, 'could not tell the user about a failure');
  }
}

/** Routes every interaction to its handler. */
export function createInteractionRouter(handlers: Handlers, context: HandlerContext) {
  const recordLearner = createRosterRecorder(context);
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete())
      return runAutocomplete(handlers.commands, interaction, context).catch((error) =>
        context.log.warn({ err: error, ...describe(interaction) }, 'autocomplete not answered'),
      );
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    try {
      await run(handlers, interaction, context, recordLearner);
    } catch (error) {
      await answerFailure(interaction, error, context);
    }
  };
}
