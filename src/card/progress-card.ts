import type { Tally } from '../progress/stats.ts';
import type { ProgressCardFacts } from './card-facts.ts';
import { calendarColours, cardColours, cardLayout } from './card-layout.ts';
import { loadFaces } from './fonts.ts';
import { encodePng } from './png.ts';
import { roundedRect } from './shapes.ts';
import { clear, createSurface, paint, type Colour, type Surface } from './surface.ts';
import { drawText, fit, measure, textStyle, type TextStyle } from './text.ts';

const faces = loadFaces();
const styles = {
  name: textStyle(faces.bold, 28),
  big: textStyle(faces.bold, 30),
  value: textStyle(faces.bold, 15),
  label: textStyle(faces.regular, 15),
  small: textStyle(faces.regular, 13),
};
const { left, right, calendar } = cardLayout;
// Cards are drawn one at a time (drawing never awaits), so one surface serves them all.
const surface = createSurface(cardLayout.width, cardLayout.height, cardColours.background);

function bar(surface: Surface, box: { x: number; y: number; width: number; height: number }, tally: Tally, colour: Colour): void {
  const radius = box.height / 2;
  paint(surface, roundedRect(box.width, box.height, radius), box.x, box.y, cardColours.track);
  const filled = tally.total === 0 ? 0 : Math.round((box.width * tally.done) / tally.total);
  if (filled > 0) paint(surface, roundedRect(Math.max(filled, box.height), box.height, radius), box.x, box.y, colour);
}

function labelledBar(surface: Surface, title: string, tally: Tally, box: { x: number; y: number; width: number; height: number }, colour: Colour) {
  const value = `${tally.done}/${tally.total} · ${tally.percent}%`;
  const valueWidth = measure(styles.value, value);
  drawText(surface, styles.value, value, box.x + box.width - valueWidth, box.y - 10, cardColours.text);
  drawText(surface, styles.label, fit(styles.label, title, box.width - valueWidth - 16), box.x, box.y - 10, cardColours.muted);
  bar(surface, box, tally, colour);
}

function text(surface: Surface, style: TextStyle, value: string, x: number, y: number, width: number, colour: Colour = cardColours.text) {
  drawText(surface, style, fit(style, value, width), x, y, colour);
}

function streakColumn(surface: Surface, { streak, calendar: weeks }: ProgressCardFacts): void {
  text(surface, styles.label, 'Streak', right.x, 58, right.width, cardColours.muted);
  text(surface, styles.big, streak.days === 1 ? '1 day' : `${streak.days} days`, right.x, 96, right.width);
  for (let index = 0; index < streak.maxFreezes; index += 1)
    paint(surface, roundedRect(14, 14, 3), right.x + index * 20, 110, index < streak.freezes ? cardColours.freeze : cardColours.track);
  const freezesX = right.x + streak.maxFreezes * 20 + 4;
  text(surface, styles.small, `${streak.freezes} of ${streak.maxFreezes} freezes`, freezesX, 122, right.x + right.width - freezesX);
  text(surface, styles.small, `Last ${weeks.length} weeks`, right.x, 160, right.width, cardColours.muted);
  weeks.forEach((week, column) =>
    week.forEach((day, row) => {
      if (day !== 'future')
        paint(
          surface,
          roundedRect(calendar.cell, calendar.cell, 3),
          calendar.x + column * calendar.step,
          calendar.y + row * calendar.step,
          calendarColours[day],
        );
    }),
  );
  let x = right.x;
  for (const [day, label] of [
    ['studied', 'studied'],
    ['frozen', 'freeze'],
    ['missed', 'missed'],
  ] as const) {
    paint(surface, roundedRect(10, 10, 2), x, 331, calendarColours[day]);
    drawText(surface, styles.small, label, x + 14, 341, cardColours.muted);
    x += 14 + Math.ceil(measure(styles.small, label)) + 14;
  }
}

/** The learner's progress card as a PNG (`cardLayout.width` × `cardLayout.height`). */
export function drawProgressCard(facts: ProgressCardFacts): Buffer {
  clear(surface, cardColours.background);
  text(surface, styles.name, facts.learnerName, left.x, 58, left.width);
  const next = facts.nextLesson === undefined ? 'every lesson done' : `next: ${facts.nextLesson}`;
  text(surface, styles.label, `${facts.courseTitle} · ${next}`, left.x, 86, left.width, cardColours.muted);
  labelledBar(surface, 'Whole course', facts.overall, cardLayout.overallBar, cardColours.overall);
  facts.parts.slice(0, cardLayout.maxParts).forEach((part, index) => {
    const box = { ...cardLayout.partBar, y: cardLayout.partBar.y + index * cardLayout.partStep };
    labelledBar(surface, part.title, part.tally, box, part.colour);
  });
  if (facts.quiz) {
    const { known, total, reviewsDue } = facts.quiz;
    const mastery = `Quiz mastery ${known}/${total}${total > 0 ? ` · ${Math.floor((known * 100) / total)}%` : ''}`;
    text(surface, styles.label, `${mastery}   Reviews due: ${reviewsDue}`, left.x, 372, left.width);
  }
  streakColumn(surface, facts);
  return encodePng(surface);
}
