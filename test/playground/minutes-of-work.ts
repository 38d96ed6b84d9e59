import { localTime, minutesOf } from '../../src/util/time.ts';
import type { PlaygroundWorld } from './playground-world.ts';

const minute = 60_000;
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;

/**
 * The minutes after `from`, up to `to`, at which the bot's minute timer would have had work beyond the
 * lesson of the day: a learner's reminder or the server's weekly recap. The clock control stops at each,
 * so a jump of a day does not skip what a real day would have brought.
 */
export async function minutesOfWork(world: PlaygroundWorld, recapZone: string, from: Date, to: Date): Promise<Date[]> {
  const everyLocalTime = Array.from({ length: 24 * 60 }, (_, m) => hhmmOf(m));
  const reminders = (await Promise.all(everyLocalTime.map((hhmm) => world.store.reminders.listAt(hhmm)))).flat();
  const recap = await world.store.recaps.get(world.guild.id);
  const found: Date[] = [];
  for (let at = Math.floor(from.getTime() / minute) * minute + minute; at <= to.getTime(); at += minute) {
    const instant = new Date(at);
    const reminderDue = reminders.some(({ hhmm, timeZone }) => hhmmOf(localTime(instant, timeZone).minutes) === hhmm);
    const recapLocal = recap ? localTime(instant, recapZone) : undefined;
    const recapDue = recap !== undefined && recapLocal?.weekday === recap.weekday && recapLocal.minutes === minutesOf(recap.time);
    if (reminderDue || recapDue) found.push(instant);
  }
  return found;
}
