import { hash } from 'node:crypto';
import type { ProgressCardFacts } from './card-facts.ts';

/** Draws progress cards, keeping the latest ones: a learner who looks again with nothing changed gets the same picture at once. */
export interface ProgressCards {
  /** The card, or undefined when the process is too busy to draw a new one (a kept card is still given). */
  render(facts: ProgressCardFacts): Promise<Buffer | undefined>;
}

type DrawCard = (facts: ProgressCardFacts) => Buffer;

export interface ProgressCardOptions {
  /** How many cards to keep; the least recently shown is dropped first. As many keys of cards drawn once are remembered. */
  maxKept?: number;
  /** True while the process is behind on its work: then new cards are not drawn, so replies still come in time. */
  isBusy?: () => boolean;
  /** Loads the drawing code (the bot's own by default). */
  loadDraw?: () => Promise<DrawCard>;
  /** The time in ms, for how recently a kept card was shown. */
  now?: () => number;
}

/** A kept card's place is reused only when the card was not shown for this long: a reply copies its file soon after it is drawn or shown. */
export const placeReusedAfterMs = 10_000;

/** Bytes of one kept card's place: cards are about 11 to 12 KB; a larger one is given but not kept. */
export const keptCardBytes = 14 * 1024;

const drawingCode = () => import('./progress-card.ts').then((module) => module.drawProgressCard);

/**
 * The drawing code and its fonts load on the first card, so a bot whose learners never ask for /progress never holds them.
 * A card is kept when it is drawn the second time while the first is still among the last `maxKept` drawn (only the
 * keys of those are remembered): a shard whose learners each look once in a while, more of them than it keeps, holds
 * no cards that no one looks at again (3.6 MB when all 256 places were filled), and a learner who looks again and again
 * gets the kept card from the third look. A kept card lives in a place that the card kept next reuses (unless it was
 * just shown, and may still be on its way): with a buffer of its own per kept card, every dropped one stayed in V8's
 * old generation until a full collection, tens of MB in a busy shard (README, Performance).
 */
export function createProgressCards({
  maxKept = 256,
  isBusy = () => false,
  loadDraw = drawingCode,
  now = Date.now,
}: ProgressCardOptions = {}): ProgressCards {
  const kept = new Map<string, { place: Buffer; length: number; shownAt: number }>();
  let draw: Promise<DrawCard> | undefined;
  const keep = (key: string, png: Buffer) => {
    if (png.length > keptCardBytes || maxKept < 1) return;
    let place: Buffer | undefined;
    if (kept.size >= maxKept) {
      const [oldest, dropped] = kept.entries().next().value!;
      kept.delete(oldest);
      if (now() - dropped.shownAt >= placeReusedAfterMs) place = dropped.place;
    }
    place ??= Buffer.alloc(keptCardBytes);
    png.copy(place);
    kept.set(key, { place, length: png.length, shownAt: -Infinity });
  };
  const drawnOnce = new Set<string>();
  const keepIfDrawnBefore = (key: string, png: Buffer) => {
    if (drawnOnce.delete(key)) return keep(key, png);
    drawnOnce.add(key);
    if (drawnOnce.size > maxKept) drawnOnce.delete(drawnOnce.values().next().value!);
  };
  return {
    async render(facts) {
      const key = hash('sha1', JSON.stringify(facts), 'base64');
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        hit.shownAt = now();
        return hit.place.subarray(0, hit.length);
      }
      if (isBusy()) return undefined;
      draw ??= loadDraw().catch((error: unknown) => {
        draw = undefined; // the next card tries again
        throw error;
      });
      const png = (await draw)(facts);
      keepIfDrawnBefore(key, png);
      return png;
    },
  };
}
