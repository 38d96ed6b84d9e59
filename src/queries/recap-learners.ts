import type { Course } from '../course/course.ts';
import { getCompletions } from '../progress/completions.ts';
import type { RecapLearner } from '../progress/recap-facts.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { RecapWeek } from '../progress/recap-week.ts';
import { forEachLearner } from './each-learner.ts';

/** Every learner on the server's roster with their completions; those who left the leaderboard are marked not to be named. */
export function recapLearners(store: StudyStore, course: Course, guildId: string): Promise<RecapLearner[]> {
  return forEachLearner(store, guildId, async (userId, settings) => ({
    userId,
    completions: await getCompletions(store, course, userId),
    named: !settings.hiddenFromLeaderboard,
  }));
}

/** The lessons of the day the server's posts in the week's span carried, oldest first. */
export async function postedLessonIds(store: StudyStore, guildId: string, week: RecapWeek): Promise<string[]> {
  const posts = await Promise.all(week.dates.map((date) => store.schedules.getPost(guildId, date)));
  const inWeek = (at: number) => at >= week.from.getTime() && at < week.until.getTime();
  return posts.flatMap((post) => (post?.state === 'sent' && post.lessonId && inWeek(post.claimedAt) ? [post.lessonId] : []));
}
