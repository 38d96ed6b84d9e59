import type { CommandContext } from '../bot/command.ts';
import { groupStandings } from '../progress/group-standings.ts';
import { serverDay } from '../schedule/todays-lesson.ts';
import { groupView } from './group-view.ts';

/** One page of a server's group view for a viewer, with today's lesson of the day when there is one. */
export async function groupPage(context: CommandContext, guildId: string, serverName: string, page: number, viewerId: string) {
  const { timeZone, todaysLesson } = await serverDay(context, guildId);
  const standings = await groupStandings(context.store, context.course, guildId, context.clock.now(), timeZone, todaysLesson?.id);
  return groupView(context.course, serverName, standings, page, viewerId, todaysLesson);
}
