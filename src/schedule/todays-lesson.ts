import type { CommandContext } from '../bot/command.ts';
import type { Lesson } from '../course/course.ts';
import { localTime } from '../util/local-time.ts';

/** The server's time zone (its schedule's, else the default) and the lesson posted there today, if any. */
export async function serverDay({ poster, store, course, clock, defaultTimeZone }: CommandContext, guildId: string): Promise<{ timeZone: string; todaysLesson?: Lesson }> {
  const schedule = await poster.scheduleOf(guildId);
  const timeZone = schedule?.config.timeZone ?? defaultTimeZone;
  if (!schedule) return { timeZone };
  const post = await store.schedules.getPost(guildId, localTime(clock.now(), timeZone).date);
  const todaysLesson = post?.state === 'sent' && post.lessonId ? course.lessonById(post.lessonId) : undefined;
  return { timeZone, todaysLesson };
}
