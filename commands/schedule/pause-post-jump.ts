import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { editReply, reply } from '../../src/ui/reply.ts';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { resolveLesson } from '../../src/lessons/resolve-lesson.ts';
import type { ScheduleConfig } from '../../src/store/schedule-values.ts';

type AdminInteraction = ChatInputCommandInteraction<'cached' | 'raw'>;

async function requireSchedule({ lessonOfTheDay }: HandlerContext, guildId: string): Promise<ScheduleConfig> {
  const effective = await lessonOfTheDay.scheduleOf(guildId);
  if (!effective) throw new UserError('No lesson of the day is set up here yet. Start one with /schedule set.');
  return effective.config;
}

const say = (interaction: AdminInteraction, content: string) => reply(interaction, { content }, { ephemeral: true });

export async function schedulePause(interaction: AdminInteraction, context: HandlerContext, paused: boolean): Promise<void> {
  const config = await requireSchedule(context, interaction.guildId);
  await context.store.schedules.set(interaction.guildId, { ...config, paused });
  context.lessonOfTheDay.forget(interaction.guildId);
  await say(
    interaction,
    paused ? '⏸️ Paused. No lesson of the day is posted until /schedule resume.' : '▶️ Resumed. /schedule show tells when the next lesson is posted.',
  );
}

export async function schedulePostNow(interaction: AdminInteraction, context: HandlerContext): Promise<void> {
  const config = await requireSchedule(context, interaction.guildId);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await context.lessonOfTheDay.postNow(interaction.guildId, config);
  const answers: Record<typeof outcome.kind, string> = {
    sent: `Posted today’s lesson in <#${config.channelId}>. It counts as today’s post.`,
    already: 'Today’s lesson was already posted (or failed for good today: see /schedule show). Nothing new was posted.',
    elsewhere: 'Another instance of the bot is posting today’s lesson right now. Nothing new was posted.',
    later: 'Discord did not take the post just now; it will be retried shortly. /schedule show has the details.',
    paused:
      'The bot has paused its posts for a while: Discord refused too many of its requests in the last 10 minutes (the bot’s log says more). Nothing was posted; try again in a few minutes.',
    failed: `The post failed: ${'message' in outcome ? outcome.message : ''}`,
  };
  await editReply(interaction, { content: answers[outcome.kind] });
}

export async function scheduleJump(interaction: AdminInteraction, context: HandlerContext): Promise<void> {
  const lesson = resolveLesson(context.course, interaction.options.getString('lesson', true));
  await context.store.schedules.setPointer(interaction.guildId, { nextLessonId: lesson.id });
  await say(
    interaction,
    `The next lesson of the day will be “${lesson.title}” (${lesson.part.title}, lesson ${lesson.index + 1} of ${context.course.lessons.length}).`,
  );
}
