import { time, TimestampStyles, type ChatInputCommandInteraction } from 'discord.js';
import type { HandlerContext } from '../../src/interactions/handler.ts';
import { reply } from '../../src/ui/reply.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { timeOfDay } from '../../src/store/schedule-values.ts';
import type { LastRecap, RecapConfig } from '../../src/store/recap-values.ts';
import { nextPostTime } from '../../src/schedule/due.ts';
import { isoWeek } from '../../src/progress/recap-week.ts';
import { localDate } from '../../src/util/time.ts';

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The recap's setting in words, with its next time as a Discord timestamp. */
export function describeRecap(recap: RecapConfig | undefined, timeZone: string, now: Date, last?: LastRecap): string {
  if (!recap) return 'Off. /schedule recap day:Sunday time:18:00 posts a summary of the week in the study channel.';
  const asSchedule = { time: recap.time, timeZone, weekdays: [recap.weekday], paused: false };
  let next = nextPostTime(asSchedule, now);
  // A week already recapped gets no second one, even if the day moved later in it.
  while (next && last && isoWeek(localDate(next, timeZone)) === last.week) next = nextPostTime(asSchedule, next, localDate(next, timeZone));
  const lastLine = last ? `\nLast: ${last.week}, ${last.state}${last.error ? `: ${last.error}` : ''}` : '';
  return `${weekdayNames[recap.weekday]}s at ${recap.time} (${timeZone})${next ? `, next ${time(next, TimestampStyles.RelativeTime)}` : ''}${lastLine}`;
}

/** /schedule recap day: time: — the weekly recap in the study channel, or day:off to stop it. */
export async function scheduleRecap(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  { lessonOfTheDay, store, clock }: HandlerContext,
): Promise<void> {
  const guildId = interaction.guildId;
  const day = interaction.options.getString('day', true);
  if (day === 'off') {
    await store.recaps.set(guildId, undefined);
    await reply(interaction, { content: 'The weekly recap is off. Nothing more will be posted on its day.' }, { ephemeral: true });
    return;
  }
  const weekday = weekdayNames.findIndex((name) => name.toLowerCase() === day);
  if (weekday < 0) throw new UserError(`“${day.slice(0, 20)}” is not a day of the week. Pick one from the list. Nothing was saved.`);
  const time = interaction.options.getString('time')?.trim() ?? (await store.recaps.get(guildId))?.time ?? '18:00';
  if (!timeOfDay.safeParse(time).success)
    throw new UserError(`“${time.slice(0, 20)}” is not a time. Use 24-hour HH:MM, such as 18:00. Nothing was saved.`);
  const schedule = (await lessonOfTheDay.scheduleOf(guildId))?.config;
  if (!schedule)
    throw new UserError(
      'The recap goes to the study channel of the lesson of the day: set that up first with /schedule set channel:#study. Nothing was saved.',
    );
  const recap = { weekday, time };
  await store.recaps.set(guildId, recap);
  await reply(
    interaction,
    {
      content: `Saved: a recap of the week goes to <#${schedule.channelId}> on ${describeRecap(recap, schedule.timeZone, clock.now())}. It names no one who left the leaderboard, pings nobody, and is skipped in a week with no lesson and no studying.`,
    },
    { ephemeral: true },
  );
}
