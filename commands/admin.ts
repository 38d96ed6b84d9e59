import { ApplicationCommandOptionType as Option, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { lessonChoiceName } from '../src/course/limits.ts';
import type { Command } from '../src/interactions/handler.ts';
import { forOrganisers } from '../src/interactions/command-reach.ts';
import { requireManageServer } from '../src/interactions/require-manage-server.ts';
import { searchLessons } from '../src/lessons/search-lessons.ts';
import { reply } from '../src/ui/reply.ts';
import { correctProgress } from './admin/correct-progress.ts';
import { exportProgress } from './admin/export-progress.ts';
import { askToResetProgress } from './admin/reset-progress.ts';
import { auditPage } from './admin/show-audit.ts';

const member = { type: Option.User, name: 'member', description: 'The learner', required: true } as const;
const reason = { type: Option.String, name: 'reason', description: 'Why (kept in the audit log)', required: true, max_length: 200 } as const;

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'admin',
  description: 'Organisers: correct a member’s progress, see the audit log, export the server’s progress',
  ...forOrganisers,
  options: [
    {
      type: Option.Subcommand,
      name: 'progress',
      description: 'Mark a lesson done or not done for a member',
      options: [
        member,
        { type: Option.String, name: 'lesson', description: 'Start typing a title or a topic', autocomplete: true, required: true },
        {
          type: Option.String,
          name: 'state',
          description: 'Done or not done',
          required: true,
          choices: [
            { name: 'done', value: 'done' },
            { name: 'not done', value: 'not-done' },
          ],
        },
        reason,
      ],
    },
    { type: Option.Subcommand, name: 'reset', description: 'Clear all of a member’s lessons (asks to confirm)', options: [member, reason] },
    {
      type: Option.Subcommand,
      name: 'audit',
      description: 'The latest corrections: who, for whom, what, when and why',
      options: [{ type: Option.Integer, name: 'page', description: 'Page 1 is the newest', min_value: 1, max_value: 100_000 }],
    },
    { type: Option.Subcommand, name: 'export', description: 'Every learner’s progress here as a CSV file, privately' },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, context) {
    requireManageServer(interaction, 'correct or export the group’s progress');
    switch (interaction.options.getSubcommand()) {
      case 'progress':
        return correctProgress(interaction, context);
      case 'reset':
        return askToResetProgress(interaction, context);
      case 'audit':
        return reply(interaction, await auditPage(context, interaction, (interaction.options.getInteger('page') ?? 1) - 1), { ephemeral: true });
      default:
        return exportProgress(interaction, context);
    }
  },
  async autocomplete(interaction, { course }) {
    const typed = interaction.options.getFocused();
    await interaction.respond(
      searchLessons(course, typed).map((lesson) => ({ name: lessonChoiceName(lesson.part.title, lesson.title), value: lesson.id })),
    );
  },
} satisfies Command;
