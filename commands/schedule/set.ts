import type { ChatInputCommandInteraction } from 'discord.js';
import { reply } from '../../src/ui/reply.ts';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { isValidTimeZone } from '../../src/util/time.ts';
import { localTime } from '../../src/util/time.ts';
import { describeDays } from '../../src/schedule/schedule-config.ts';
import { everyDay, timeOfDay, weekdaysOnly, type ScheduleConfig } from '../../src/store/schedule-values.ts';
import { checkStudyChannel } from './check-channel.ts';

/** Reads the options over the current schedule (own, else default, else 09:00 every day); every problem is an error before anything is saved. */
function readOptions(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  current: ScheduleConfig | undefined,
  defaultTimeZone: string,
): ScheduleConfig {
  const channelId = interaction.options.getChannel('channel')?.id ?? current?.channelId;
  if (!channelId) throw new UserError('Choose the study channel: /schedule set channel:#study. Nothing was saved.');
  const time = interaction.options.getString('time')?.trim() ?? current?.time ?? '09:00';
  if (!timeOfDay.safeParse(time).success)
    throw new UserError(`“${time.slice(0, 20)}” is not a time. Use 24-hour HH:MM, such as 07:30 or 18:00. Nothing was saved.`);
  const timeZone = interaction.options.getString('timezone')?.trim() ?? current?.timeZone ?? defaultTimeZone;
  if (!isValidTimeZone(timeZone))
    throw new UserError(
      `“${timeZone.slice(0, 60)}” is not a time zone. Pick one from the list, such as Europe/Berlin or America/New_York. Nothing was saved.`,
    );
  const days = interaction.options.getString('days');
  const weekdays = days === 'weekdays' ? weekdaysOnly : days === 'every-day' ? everyDay : (current?.weekdays ?? everyDay);
  checkStudyChannel(interaction, channelId);
  return { channelId, time, timeZone, weekdays, paused: current?.paused ?? false };
}

export async function scheduleSet(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  { lessonOfTheDay, store, clock, defaultTimeZone }: HandlerContext,
): Promise<void> {
  const guildId = interaction.guildId;
  const current = (await lessonOfTheDay.scheduleOf(guildId))?.config;
  const config = readOptions(interaction, current, defaultTimeZone);
  await store.schedules.set(guildId, config);
  // A post that failed today (say, the old channel was deleted) may be tried again in the new setting.
  const today = localTime(clock.now(), config.timeZone).date;
  const todays = await store.schedules.getPost(guildId, today);
  if (todays?.state === 'failed') await store.schedules.takeOverPost(guildId, today, todays, { ...todays, state: 'retry', nextAttemptAt: 0 });
  lessonOfTheDay.forget(guildId);
  await reply(
    interaction,
    {
      content: `Saved: the lesson of the day goes to <#${config.channelId}> at ${config.time} (${config.timeZone}), ${describeDays(config.weekdays)}${config.paused ? ', but the schedule is paused: /schedule resume starts it' : ''}. See /schedule show.`,
    },
    { ephemeral: true },
  );
}
