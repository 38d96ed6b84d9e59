import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { progressCardFacts, type ProgressCardFacts } from '../../src/card/card-facts.ts';
import { coverageOf } from '../../src/card/coverage.ts';
import { loadFaces } from '../../src/card/fonts.ts';
import { encodePng } from '../../src/card/png.ts';
import { drawProgressCard } from '../../src/card/progress-card.ts';
import { createProgressCards, keptCardBytes, placeReusedAfterMs } from '../../src/card/progress-cards.ts';
import type { PathCommand } from '../../src/card/rasterize.ts';
import { createSurface, paint } from '../../src/card/surface.ts';
import { fit, measure, textStyle } from '../../src/card/text.ts';
import { loadCourse } from '../../src/course/load-course.ts';
import type { QuizStanding } from '../../src/progress/quiz-standing.ts';
import { createLog } from '../../src/util/log.ts';
import { progressEmbed } from '../../src/views/progress-embed.ts';
import { progressPayload } from '../../src/card/progress-payload.ts';
import { eventLoopSampler, loadGauge } from '../../src/util/event-loop-lag.ts';
import { decodePng } from '../support/png-pixels.ts';
import { readmeCard, readmeCardFile } from '../support/readme-card.ts';

const course = loadCourse();
const square = (x: number, y: number, size: number, clockwise = true): PathCommand[] => {
  const corners = [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ];
  const ordered = clockwise ? corners : [...corners].reverse();
  return [...ordered.map(([px, py], index) => ({ type: index === 0 ? 'M' : 'L', x: px, y: py }) as PathCommand), { type: 'Z' }];
};
const alphaAt = (coverage: ReturnType<typeof coverageOf>, x: number, y: number) =>
  coverage.alpha[(y - coverage.top) * coverage.width + (x - coverage.left)];

describe('the rasterizer', () => {
  it('covers the pixels inside a shape fully, none outside, and half of a pixel an edge halves', () => {
    const coverage = coverageOf(square(2, 3, 4.5));
    expect([coverage.left, coverage.top, coverage.width, coverage.height]).toEqual([2, 3, 5, 5]);
    expect(alphaAt(coverage, 3, 4)).toBe(255);
    expect(alphaAt(coverage, 6, 4)).toBe(128);
    expect(alphaAt(coverage, 6, 7)).toBe(Math.round((4 * 255) / 16));
  });

  it('fills by the non-zero rule: a hole wound the other way stays empty, an overlap wound the same way is filled once', () => {
    const holed = coverageOf([...square(0, 0, 8), ...square(2, 2, 4, false)]);
    expect(alphaAt(holed, 3, 3)).toBe(0);
    expect(alphaAt(holed, 1, 1)).toBe(255);
    const overlapping = coverageOf([...square(0, 0, 8), ...square(2, 2, 4)]);
    expect(alphaAt(overlapping, 3, 3)).toBe(255);
  });

  it('paints through the coverage, blending partly covered pixels', () => {
    const surface = createSurface(8, 8, 0x000000);
    paint(surface, coverageOf(square(0, 0, 4.5)), 1, 1, 0xffffff);
    const png = decodePng(encodePng(surface));
    expect([png.width, png.height]).toEqual([8, 8]);
    expect(png.colourAt(0, 0)).toBe(0x000000);
    expect(png.colourAt(2, 2)).toBe(0xffffff);
    expect(png.colourAt(5, 2)).toBe(0x808080);
  });

  it('keeps at most 256 colours, giving a colour past them the nearest one kept', () => {
    const surface = createSurface(20, 20, 0x000000);
    const pixel = coverageOf(square(0, 0, 1));
    // The background and 255 greens fill the palette; then one colour more, one step of red off a green.
    for (let green = 1; green <= 255; green += 1) paint(surface, pixel, green % 20, Math.floor(green / 20), green << 8);
    paint(surface, pixel, 16, 12, 0x01fe00);
    const png = decodePng(encodePng(surface));
    expect(surface.palette.colours).toHaveLength(256);
    expect(png.colourAt(15, 12)).toBe(0x00ff00);
    expect(png.colourAt(16, 12)).toBe(0x00fe00);
    expect(png.colourAt(19, 19)).toBe(0x000000);
  });
});

describe('the card’s text', () => {
  const style = textStyle(loadFaces().regular, 15);

  it('is cut with an ellipsis to fit its width, and left whole when it fits', () => {
    expect(fit(style, 'Ada', 200)).toBe('Ada');
    const cut = fit(style, 'Ada Lovelace, Countess of Lovelace and first programmer', 120);
    expect(cut).toMatch(/…$/);
    expect(measure(style, cut)).toBeLessThanOrEqual(120);
    expect(measure(style, 'Ada Lovelace, Countess of Lovelace and first programmer')).toBeGreaterThan(120);
  });
});

const standing = (known: number[], dueNow: number): QuizStanding => ({
  best: new Map(),
  mastery: course.parts.map((part, index) => ({ part, known: known[index] ?? 0, total: 10 })),
  dueNow,
});

describe('the card’s facts', () => {
  it('are the embed’s numbers: parts, whole course, streak, freezes and quiz mastery in all', () => {
    const completions = new Map(course.lessons.slice(0, 4).map((lesson, index) => [lesson.id, new Date(Date.UTC(2026, 4, 10 + index, 9))]));
    const now = new Date('2026-05-13T12:00:00Z');
    const quiz = standing([7, 2], 3);
    const subject = { course, learnerName: 'Ada', completions, now, timeZone: 'UTC', quiz };
    const facts = progressCardFacts(subject);
    const fields = Object.fromEntries(progressEmbed(subject).fields!.map((field) => [field.name, field.value]));
    expect(fields['Whole course']).toContain(`${facts.overall.done}/${facts.overall.total} (${facts.overall.percent}%)`);
    for (const part of facts.parts) expect(fields[part.title]).toContain(`${part.tally.done}/${part.tally.total} (${part.tally.percent}%)`);
    expect(fields.Streak).toBe(`🔥 ${facts.streak.days} days · 🧊 ${facts.streak.freezes}/${facts.streak.maxFreezes} freezes`);
    expect(facts.quiz).toEqual({ known: 9, total: 20, reviewsDue: 3 });
    expect(fields['Quiz mastery (right at last answer)']).toMatch(/^9\/20 in all · /);
    expect(fields['Reviews due']).toBe('3 now: `/review`');
  });
});

const facts = (name: string): ProgressCardFacts =>
  progressCardFacts({ course, learnerName: name, completions: new Map(), now: new Date('2026-05-13T12:00:00Z'), timeZone: 'UTC' });

describe('the kept cards', () => {
  const countingDraws = () => {
    const drawn: string[] = [];
    const loadDraw = async () => (cardFacts: ProgressCardFacts) => {
      drawn.push(cardFacts.learnerName);
      return drawProgressCard(cardFacts);
    };
    return { drawn, loadDraw };
  };

  it('keep a card drawn a second time, and give it from the third look without drawing, until a fact changes', async () => {
    const { drawn, loadDraw } = countingDraws();
    const cards = createProgressCards({ maxKept: 2, loadDraw });
    const ada = await cards.render(facts('Ada'));
    expect(await cards.render(facts('Ada'))).toEqual(ada);
    expect(await cards.render(facts('Ada'))).toEqual(ada);
    expect(drawn).toEqual(['Ada', 'Ada']);
    const changed = { ...facts('Ada'), streak: { ...facts('Ada').streak, days: 1 } };
    expect(await cards.render(changed)).not.toEqual(ada);
    expect(drawn).toEqual(['Ada', 'Ada', 'Ada']);
  });

  it('keep no card of learners who look once, so they never push out one a learner looks at again and again', async () => {
    const { drawn, loadDraw } = countingDraws();
    const cards = createProgressCards({ maxKept: 2, loadDraw });
    await cards.render(facts('Ada'));
    await cards.render(facts('Ada'));
    for (const name of ['Bo', 'Cy', 'Di', 'Ed']) await cards.render(facts(name));
    await cards.render(facts('Ada'));
    expect(drawn).toEqual(['Ada', 'Ada', 'Bo', 'Cy', 'Di', 'Ed']);
    // Bo's first card is no longer among the last two drawn: his second look is as if it were his first.
    await cards.render(facts('Bo'));
    await cards.render(facts('Bo'));
    await cards.render(facts('Bo'));
    expect(drawn).toEqual(['Ada', 'Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Bo', 'Bo']);
  });

  it('drop the least recently shown kept card for a new one past the limit', async () => {
    const { drawn, loadDraw } = countingDraws();
    const cards = createProgressCards({ maxKept: 2, loadDraw });
    for (const name of ['Ada', 'Ada', 'Bo', 'Bo', 'Ada', 'Cy', 'Cy', 'Ada', 'Cy']) await cards.render(facts(name));
    expect(drawn).toEqual(['Ada', 'Ada', 'Bo', 'Bo', 'Cy', 'Cy']);
    await cards.render(facts('Bo'));
    expect(drawn).toEqual(['Ada', 'Ada', 'Bo', 'Bo', 'Cy', 'Cy', 'Bo']);
  });

  it('never overwrite a kept card shown in the last 10 seconds, which a reply may still be sending, and reuse its place later', async () => {
    let time = 0;
    const cards = createProgressCards({ maxKept: 1, now: () => time });
    const twice = async (name: string) => (await cards.render(facts(name)), await cards.render(facts(name)));
    await twice('Ada');
    const shown = (await cards.render(facts('Ada')))!;
    const shownBefore = Buffer.from(shown);
    time += placeReusedAfterMs - 1;
    await twice('Bo'); // takes Ada's turn, in a new place
    expect(shown).toEqual(shownBefore);
    const bo = (await cards.render(facts('Bo')))!;
    time += placeReusedAfterMs;
    await twice('Cy'); // Bo was shown long enough ago: Cy takes Bo's place
    const cy = (await cards.render(facts('Cy')))!;
    expect(cy.buffer).toBe(bo.buffer);
    expect(decodePng(cy).width).toBe(800);
  });

  it('give a card too large for a kept place, without keeping it', async () => {
    const { drawn } = countingDraws();
    const large = Buffer.alloc(keptCardBytes + 1, 7);
    const cards = createProgressCards({ loadDraw: async () => (cardFacts) => (drawn.push(cardFacts.learnerName), large) });
    for (let look = 0; look < 3; look += 1) expect(await cards.render(facts('Ada'))).toBe(large);
    expect(drawn).toEqual(['Ada', 'Ada', 'Ada']);
  });

  it('draw no new card while the process is busy, but still give a kept one', async () => {
    let busy = false;
    const cards = createProgressCards({ isBusy: () => busy });
    await cards.render(facts('Ada'));
    const ada = await cards.render(facts('Ada'));
    busy = true;
    expect(await cards.render(facts('Ada'))).toEqual(ada);
    expect(await cards.render(facts('Bo'))).toBeUndefined();
    const payload = await progressPayload({ progressCards: cards, log: createLog('silent') }, { title: 'Bo' }, facts('Bo'));
    expect(payload).toEqual({ embeds: [{ title: 'Bo' }] });
    busy = false;
    expect(await cards.render(facts('Bo'))).toBeInstanceOf(Buffer);
  });

  it('leave the card out, and keep the embed, when drawing fails', async () => {
    const lines: string[] = [];
    const log = createLog('error', { write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream);
    const failing = { render: () => Promise.reject(new Error('no font')) };
    const payload = await progressPayload({ progressCards: failing, log }, { title: 'Ada' }, facts('Ada'));
    expect(payload).toEqual({ embeds: [{ title: 'Ada' }] });
    expect(lines.join('')).toContain('progress card not drawn');
  });
});

describe('the README’s picture of the card', () => {
  it('is what the code draws today (redraw it with `npx tsx test/support/readme-card.ts`)', () => {
    const pictured = PNG.sync.read(readFileSync(readmeCardFile));
    const drawn = PNG.sync.read(readmeCard());
    expect([pictured.width, pictured.height]).toEqual([drawn.width, drawn.height]);
    expect(pictured.data.equals(drawn.data)).toBe(true);
  });
});

describe('the load gauge', () => {
  it('is busy after two samples in a row of a nearly always busy event loop, and not after one', () => {
    const samples = [0.99, 0.3, 0.99, 0.97, 0.2];
    let next = 0;
    const gauge = loadGauge(() => samples[next++]!, 0.95);
    const seen = samples.map(() => (gauge.tick(), gauge.busy()));
    expect(seen).toEqual([false, false, false, true, false]);
  });

  it('samples the real event loop as a share of time, between 0 and 1', () => {
    const sample = eventLoopSampler();
    const started = performance.now();
    while (performance.now() - started < 20); // a loop that does nothing but work
    const utilisation = sample();
    expect(utilisation).toBeGreaterThan(0.5);
    expect(utilisation).toBeLessThanOrEqual(1);
  });
});
