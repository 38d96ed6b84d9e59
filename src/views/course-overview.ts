import type { APIEmbed } from 'discord.js';
import type { Course } from '../course/course.ts';
import { truncate } from '../util/truncate.ts';

/**
 * The course at a glance, one field per part (Discord allows 25): its objective, then the
 * numbered lessons. Field values share a 5000-character budget so the embed stays under 6000.
 */
export function courseOverviewEmbed(course: Course): APIEmbed {
  const parts = course.parts.slice(0, 25);
  const valueBudget = Math.min(1024, Math.floor(5000 / parts.length));
  const fields = parts.map((part) => ({
    name: truncate(`${part.title} · ${part.lessons.length} lessons`, 60),
    value: truncate(`${part.objective}\n${part.lessons.map((lesson) => `${lesson.index + 1}. ${lesson.title}`).join('\n')}`, valueBudget),
  }));
  return { title: truncate(course.title, 256), fields, footer: { text: `${course.lessons.length} lessons in ${course.parts.length} parts.` } };
}
