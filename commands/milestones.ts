import { ApplicationCommandOptionType as Option, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { forOrganisers } from '../src/interactions/command-reach.ts';
import { requireManageServer } from '../src/interactions/require-manage-server.ts';
import { milestonesOf } from '../src/progress/milestones.ts';
import { clearMilestone, setMilestone, showMilestones } from './milestones/milestone-subcommands.ts';

const part = {
  type: Option.String,
  name: 'part',
  description: 'A part of the course, or the whole course',
  required: true,
  autocomplete: true,
} as const;

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'milestones',
  description: 'Organisers: a role for learners who finish a part of the course, or all of it',
  ...forOrganisers,
  options: [
    {
      type: Option.Subcommand,
      name: 'set',
      description: 'Give a role to everyone who finishes a part',
      options: [part, { type: Option.Role, name: 'role', description: 'The role to give (below the bot’s own role)', required: true }],
    },
    { type: Option.Subcommand, name: 'show', description: 'Each part’s role, and any role the bot could not give' },
    { type: Option.Subcommand, name: 'clear', description: 'Stop giving a part’s role (nobody loses it)', options: [part] },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, context) {
    requireManageServer(interaction, 'set milestone roles');
    switch (interaction.options.getSubcommand()) {
      case 'set':
        return setMilestone(interaction, context);
      case 'clear':
        return clearMilestone(interaction, context);
      default:
        return showMilestones(interaction, context);
    }
  },
  async autocomplete(interaction, { course }) {
    const typed = interaction.options.getFocused().toLowerCase();
    const matching = milestonesOf(course).filter(({ title }) => title.toLowerCase().includes(typed));
    await interaction.respond(matching.slice(0, 25).map(({ id, title }) => ({ name: title.slice(0, 100), value: id })));
  },
} satisfies Command;
