import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { calendarColours, cardColours, cardLayout } from '../../src/card/card-layout.ts';
import { partColour } from '../../src/ui/colours.ts';
import { decodePng } from '../support/png-pixels.ts';
import { startHarness, type Harness } from './harness.ts';
import { embedOf, fieldsOf } from './payloads.ts';

let h: Harness;
let guild: ReturnType<Harness['discord']['addGuild']>;
let ada: ReturnType<typeof guild.addMember>;
let bo: ReturnType<typeof guild.addMember>;

beforeAll(async () => {
  h = await startHarness({ now: '2026-05-13T12:00:00Z' });
  guild = h.discord.addGuild({ name: 'Study Hall' });
  ada = guild.addMember({ username: 'ada', nick: 'Ada L.' });
  bo = guild.addMember({ username: 'bo' });
  await h.launch();
  // Five lessons over 11–13 May (Mon–Wed), with 12 May missed: 11 May studied, then 13 May.
  const days = ['2026-05-11T09:00:00Z', '2026-05-11T10:00:00Z', '2026-05-13T09:00:00Z', '2026-05-13T10:00:00Z', '2026-05-13T11:00:00Z'];
  for (const [index, lesson] of h.course.lessons.slice(0, 5).entries()) await h.store.setCompletion(ada.id, lesson.id, new Date(days[index]!));
});
afterEach(() => {
  h.discord.assertClean();
  h.assertNoPings();
});
afterAll(() => h.close());

function cardOf(message: APIMessage) {
  const attachment = message.attachments.find((candidate) => candidate.filename === 'progress.png');
  expect(attachment).toMatchObject({ content_type: 'image/png' });
  return decodePng(h.discord.attachmentContent(attachment!)!);
}

/** Whether a bar is filled up to `width` pixels: its fill colour just before that on the middle row, the empty track just after. */
function expectFilledTo(
  card: ReturnType<typeof decodePng>,
  bar: { x: number; y: number; width: number; height: number },
  width: number,
  fill: number,
) {
  const y = bar.y + Math.floor(bar.height / 2);
  if (width === 0) expect(card.colourAt(bar.x + Math.floor(bar.width / 2), y)).toBe(cardColours.track);
  else {
    expect(card.colourAt(bar.x + width - 3, y)).toBe(fill);
    if (width < bar.width - 1) expect(card.colourAt(bar.x + width + 1, y)).toBe(cardColours.track);
  }
}

const symbolDay = { '🟩': 'studied', '🧊': 'frozen', '⬛': 'missed', '⬜': 'today' } as const;

describe('the /progress card', () => {
  it('is a PNG of 800 × 400 shown as the embed’s image, with the same bars and calendar as the embed’s text', async () => {
    const reply = await h.discord.command({ user: ada, guild, name: 'progress' });
    expect(embedOf(reply.callback.data).image).toEqual({ url: 'attachment://progress.png' });
    const card = cardOf(reply.message);
    expect([card.width, card.height]).toEqual([cardLayout.width, cardLayout.height]);

    const fields = fieldsOf(reply.callback.data);
    const [, done, total] = /(\d+)\/(\d+) \(/.exec(fields['Whole course']!)!.map(Number);
    expectFilledTo(card, cardLayout.overallBar, Math.round((cardLayout.overallBar.width * done!) / total!), cardColours.overall);
    const [, partDone, partTotal] = /(\d+)\/(\d+) \(/.exec(fields.MLOps1!)!.map(Number);
    expectFilledTo(card, cardLayout.partBar, Math.round((cardLayout.partBar.width * partDone!) / partTotal!), partColour(0));
    const secondPart = { ...cardLayout.partBar, y: cardLayout.partBar.y + cardLayout.partStep };
    expectFilledTo(card, secondPart, 0, partColour(1));

    // The embed's calendar: a line per weekday, a symbol per week; the card: a column per week.
    const rows = fields['Last 12 weeks']!.split('\n')
      .slice(0, 7)
      .map((line) => Array.from(line.replace(/^`\w+` /, '')));
    const { x, y, cell, step } = cardLayout.calendar;
    rows.forEach((symbols, weekday) =>
      symbols.forEach((symbol, week) => {
        const day = symbolDay[symbol as keyof typeof symbolDay];
        expect(card.colourAt(x + week * step + cell / 2, y + weekday * step + cell / 2), `week ${week}, weekday ${weekday}`).toBe(
          calendarColours[day],
        );
      }),
    );
    expect(rows.flat().filter((symbol) => symbol === '🟩')).toHaveLength(2);
    expect(rows.flat().filter((symbol) => symbol === '⬛').length).toBeGreaterThan(0);
  });

  it('leaves quiz results off the card when someone else looks, as the embed does', async () => {
    const own = cardOf((await h.discord.command({ user: ada, guild, name: 'progress' })).message);
    const reply = await h.discord.command({ user: bo, guild, name: 'progress', options: { member: ada } });
    expect(fieldsOf(reply.callback.data)['Reviews due']).toBeUndefined();
    const theirs = cardOf(reply.message);
    const quizLine = Array.from({ length: 24 }, (_, row) =>
      Array.from({ length: cardLayout.left.width }, (_, column) => [cardLayout.left.x + column, 356 + row] as const),
    ).flat();
    expect(quizLine.some(([px, py]) => own.colourAt(px, py) !== cardColours.background)).toBe(true);
    expect(quizLine.every(([px, py]) => theirs.colourAt(px, py) === cardColours.background)).toBe(true);
  });

  it('comes with the reply in a DM too', async () => {
    const reply = await h.discord.command({ user: ada.user, name: 'progress' });
    expect(cardOf(reply.message).width).toBe(cardLayout.width);
  });
});
