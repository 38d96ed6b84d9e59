import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { lessonView } from '../../src/views/lesson-view.ts';
import { groupStandings } from '../../src/queries/group-standings.ts';
import type { StudyStore } from '../../src/store/study-store.ts';
import { truncate } from '../../src/util/truncate.ts';
import { groupView } from '../../src/views/group-view.ts';
import { progressBar } from '../../src/views/progress-bar.ts';
import { progressEmbed } from '../../src/views/progress-embed.ts';

const course = loadCourse();
const owner = '123456789012345678';

/** Discord's count for an embed's 6000-character total. */
function embedLength(embed: {
  title?: string;
  description?: string;
  author?: { name: string };
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}) {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

describe('truncating long text', () => {
  it('cuts at a word and ends with an ellipsis, within the limit', () => {
    expect(truncate('the quick brown fox jumps', 16)).toBe('the quick brown…');
    expect(truncate('short', 16)).toBe('short');
    expect(truncate('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('the lesson view', () => {
  it('shows position, part, done mark and every section for each shipped lesson, inside Discord limits', () => {
    for (const lesson of course.lessons) {
      const view = lessonView(course, lesson, owner, lesson.index % 2 ? new Date('2026-01-01T00:00:00Z') : undefined);
      const embed = view.embeds[0]!;
      expect(embed.author?.name).toBe(`${lesson.part.title} · Lesson ${lesson.index + 1} of 18`);
      expect(embed.description).toMatch(lesson.index % 2 ? /^✅ Done <t:1767225600:R>/ : /^⬜ Not done yet/);
      expect(embed.fields?.map((field) => field.name)).toEqual(['Key topics', 'Practice', 'Check yourself']);
      expect(embedLength(embed)).toBeLessThan(6000);
      for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(1024);
    }
  });

  it('offers mark done, or undo once done, the quiz, and leaves out previous on the first lesson and next on the last', () => {
    const labels = (index: number, done: boolean) =>
      lessonView(course, course.lessons[index]!, owner, done ? new Date() : undefined).components[0]!.components.map((button) => button.label);
    expect(labels(0, false)).toEqual(['Mark done', 'Quiz', 'Next ▶']);
    expect(labels(5, true)).toEqual(['Mark not done', 'Quiz', '◀ Previous', 'Next ▶']);
    expect(labels(17, false)).toEqual(['Mark done', 'Quiz', '◀ Previous']);
  });
});

describe('the progress view', () => {
  it('draws a bar in proportion, rounded down', () => {
    expect(progressBar(0, 11)).toBe('▱'.repeat(10));
    expect(progressBar(3, 11)).toBe('▰▰▱▱▱▱▱▱▱▱');
    expect(progressBar(11, 11)).toBe('▰'.repeat(10));
  });

  it('shows each part, the whole course, streak and freezes, last study, next lesson and the last 12 weeks', () => {
    const completions = new Map([
      ['linux', new Date('2026-04-01T10:00:00Z')],
      ['python', new Date('2026-04-02T10:00:00Z')],
    ]);
    const embed = progressEmbed({ course, learnerName: 'Ada', completions, now: new Date('2026-04-02T12:00:00Z'), timeZone: 'UTC' });
    expect(embed.fields?.map((field) => [field.name, field.value])).toEqual([
      ['MLOps1', '▰▱▱▱▱▱▱▱▱▱ 2/11 (18%)'],
      ['MLOps2', '▱▱▱▱▱▱▱▱▱▱ 0/7 (0%)'],
      ['Whole course', '▰▱▱▱▱▱▱▱▱▱ 2/18 (11%)'],
      ['Streak', '🔥 2 days · 🧊 0/2 freezes'],
      ['Last studied', '<t:1775124000:R>'],
      ['Next lesson', 'Bash Scripting (MLOps1)'],
      [
        'Last 12 weeks',
        [
          // Thursday 2 April 2026, studied on Wednesday and Thursday.
          ...['Mon', 'Tue'].map((day) => `\`${day}\` ${'⬛'.repeat(12)}`),
          ...['Wed', 'Thu'].map((day) => `\`${day}\` ${'⬛'.repeat(11)}🟩`),
          ...['Fri', 'Sat', 'Sun'].map((day) => `\`${day}\` ${'⬛'.repeat(11)}`),
          '🟩 studied · 🧊 kept by a freeze · ⬛ missed · ⬜ today, not yet',
          'Studied on 2 of the last 81 days.',
        ].join('\n'),
      ],
    ]);
  });
});

describe('the group view', () => {
  const fakeStore = (progress: Record<string, string[]>): StudyStore =>
    ({
      listLearners: async () => Object.keys(progress),
      learners: { getSettings: async (userIds: readonly string[]) => userIds.map(() => ({})) },
      getCompletions: async (userId: string, lessonIds: readonly string[]) =>
        new Map((progress[userId] ?? []).filter((id) => lessonIds.includes(id)).map((id) => [id, new Date('2026-04-02T10:00:00Z')])),
    }) as unknown as StudyStore;
  const now = new Date('2026-04-02T12:00:00Z');

  it('ranks by lessons completed, equal counts sharing a rank', async () => {
    const lessons = course.lessons.map((lesson) => lesson.id);
    const standings = await groupStandings(
      fakeStore({ a: lessons.slice(0, 2), b: lessons.slice(0, 5), c: lessons.slice(0, 2), d: [] }),
      course,
      'g',
      now,
      'UTC',
    );
    expect(standings.map((row) => [row.userId, row.rank, row.done])).toEqual([
      ['b', 1, 5],
      ['a', 2, 2],
      ['c', 2, 2],
      ['d', 4, 0],
    ]);
  });

  it("pages by ten and always shows the viewer's own rank", async () => {
    const progress = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [
        `1000000000000000${String(i).padStart(2, '0')}`,
        course.lessons.slice(0, i % 18).map((lesson) => lesson.id),
      ]),
    );
    const standings = await groupStandings(fakeStore(progress), course, 'g', now, 'UTC');
    const viewer = '100000000000000000';
    const page = groupView(course, 'Study Hall', standings, 1, viewer);
    const embed = page.embeds[0]!;
    expect(embed.description?.split('\n')).toHaveLength(10);
    expect(embed.footer?.text).toBe('Page 2 of 3 · 30 learners');
    expect(embed.fields?.[0]).toEqual({ name: 'You', value: `**#29** <@${viewer}>: 0/18 (0%)` });
    expect(page.components[0]!.components.map((button) => button.disabled ?? false)).toEqual([false, false]);
  });
});
