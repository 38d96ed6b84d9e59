import { time, TimestampStyles, type APIEmbed, type ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { localTime } from '../../src/util/time.ts';
import { truncate } from '../../src/util/truncate.ts';
import { nextPostTime } from '../../src/schedule/due.ts';
import { describeDays } from '../../src/schedule/schedule-config.ts';
import { reply } from '../../src/ui/reply.ts';
import { describeRecap } from './recap.ts';

/** The schedule, the next post time, the group's next lesson, the last post and the last error. */
export async function scheduleShow(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  { lessonOfTheDay, store, course, clock }: HandlerContext,
): Promise<void> {
  const guildId = interaction.guildId;
  const effective = await lessonOfTheDay.scheduleOf(guildId);
  if (!effective) {
    await reply(
      interaction,
      { content: 'No lesson of the day is set up here yet. Start one with /schedule set channel:#study time:09:00 timezone:Europe/Berlin.' },
      { ephemeral: true },
    );
    return;
  }
  const { config, isDefault } = effective;
  const now = clock.now();
  const today = localTime(now, config.timeZone).date;
  const [pointer, lastPost, lastError, todays, recap, lastRecap] = await Promise.all([
    store.schedules.getPointer(guildId),
    store.schedules.getLastPost(guildId),
    store.schedules.getLastError(guildId),
    store.schedules.getPost(guildId, today),
    store.recaps.get(guildId),
    store.recaps.getLast(guildId),
  ]);
  const next = nextPostTime(config, now, todays?.state === 'sent' || todays?.state === 'failed' ? today : undefined);
  const nextLesson =
    pointer && 'finished' in pointer
      ? 'the course is finished: the next post says so and pauses'
      : (course.lessonById(pointer?.nextLessonId ?? '') ?? course.lessons[0])?.title;
  const lastLesson = lastPost?.lessonId ? (course.lessonById(lastPost.lessonId)?.title ?? lastPost.lessonId) : 'course finished';
  const fields = [
    { name: 'Channel', value: `<#${config.channelId}>`, inline: true },
    { name: 'When', value: `${config.time} ${config.timeZone}, ${describeDays(config.weekdays)}`, inline: true },
    { name: 'Status', value: config.paused ? '⏸️ Paused' : '▶️ Active', inline: true },
    {
      name: 'Next post',
      value: next ? `${time(next, TimestampStyles.LongDateTime)} (${time(next, TimestampStyles.RelativeTime)})` : 'None while paused',
    },
    { name: 'Next lesson', value: truncate(nextLesson ?? 'none', 1024) },
    {
      name: 'Last post',
      value: lastPost
        ? `${lastPost.date}: ${truncate(lastLesson, 200)} (https://discord.com/channels/${guildId}/${lastPost.channelId}/${lastPost.messageId})`
        : 'None yet',
    },
    {
      name: 'Last error',
      value: lastError ? truncate(`${time(new Date(lastError.at), TimestampStyles.RelativeTime)}: ${lastError.message}`, 1024) : 'None',
    },
    { name: 'Weekly recap', value: truncate(describeRecap(recap, config.timeZone, now, lastRecap), 1024) },
  ];
  const embed: APIEmbed = {
    title: 'Lesson of the day',
    fields,
    ...(isDefault ? { footer: { text: 'From the bot’s default settings (STUDY_CHANNEL_ID). /schedule set makes it this server’s own.' } } : {}),
  };
  await reply(interaction, { embeds: [embed] }, { ephemeral: true });
}
