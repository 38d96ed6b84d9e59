import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../src/interactions/handler.ts';
import { forLearnersAnywhere } from '../src/interactions/command-reach.ts';
import { UserError } from '../src/ui/user-error.ts';
import { displayName } from '../src/views/display-name.ts';
import { getCompletions } from '../src/progress/completions.ts';
import { ownOrServerZone } from '../src/queries/learner-today.ts';
import { localDate } from '../src/util/time.ts';
import { followUp, reply } from '../src/ui/reply.ts';
import { giveMilestoneRoles, givenRolesNotice } from '../src/interactions/milestone-roles.ts';
import { progressEmbed } from '../src/views/progress-embed.ts';
import { progressPayload } from '../src/card/progress-payload.ts';
import { progressCardFacts } from '../src/card/card-facts.ts';
import { quizStanding } from '../src/progress/quiz-standing.ts';
import { paceOf } from '../src/progress/pace.ts';
import { serverDay } from '../src/queries/server-day.ts';
import { progressFigures } from '../src/views/progress-figures.ts';
import { invokingUserSettings } from '../src/interactions/invoking-user-settings.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'progress',
  description: 'Your progress card: per part and overall, streak, next lesson, quiz scores and reviews due',
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: 'See another member’s progress instead of your own',
      required: false,
    },
  ],
  ...forLearnersAnywhere,
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  async execute(interaction, context) {
    const { course, store, clock } = context;
    const learner = interaction.options.getUser('member') ?? interaction.user;
    if (learner.bot)
      throw new UserError(`${learner.username} is a bot, and bots keep no study progress. Pick a person, or leave the option empty for your own.`);
    const member = interaction.options.getUser('member') ? interaction.options.getMember('member') : interaction.member;
    const name = displayName(member, learner);
    const now = clock.now();
    const [completions, day, adjustment, settings] = await Promise.all([
      getCompletions(store, course, learner.id),
      interaction.guildId ? serverDay(context.lessonOfTheDay, store.schedules, course, now, context.defaultTimeZone, interaction.guildId) : undefined,
      store.audit.lastAdjustment(learner.id),
      learner.id === interaction.user.id
        ? invokingUserSettings(interaction, store)
        : store.learners.getSettings([learner.id]).then(([found]) => found),
    ]);
    // Streak days are the learner's own days: their time zone, else this server's (its day, read above), else the default.
    const timeZone = ownOrServerZone(settings ?? {}, day?.timeZone ?? context.defaultTimeZone);
    const today = localDate(now, timeZone);
    // Quiz results show when learners post their own /progress, never when someone else looks them up.
    const ownQuizResults = learner.id === interaction.user.id ? await quizStanding(store, course, learner.id, today) : undefined;
    // Pace is against this server's group, where it has a lesson of the day.
    const pace = day?.position ? paceOf(course, completions, day.position) : undefined;
    const adjusted = adjustment ? { at: new Date(adjustment.at), here: adjustment.guildId === interaction.guildId } : undefined;
    const subject = { course, learnerName: name, completions, now, timeZone, quiz: ownQuizResults, pace, adjusted };
    const figures = progressFigures(subject);
    await reply(interaction, await progressPayload(context, progressEmbed(subject, figures), progressCardFacts(subject, figures)));
    // A learner who finished a part in a DM or elsewhere gets its role here when they next look.
    const given = await giveMilestoneRoles(interaction, context, learner.id, completions);
    const whose = learner.id === interaction.user.id ? 'you' : { userId: learner.id };
    if (given.length > 0) await followUp(interaction, { content: givenRolesNotice(given, whose) }, { ephemeral: true });
  },
} satisfies Command;
