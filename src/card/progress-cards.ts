import type { ProgressCardFacts } from './card-facts.ts';

/** Draws progress cards, keeping the latest ones: a learner who looks again with nothing changed gets the same picture at once. */
export interface ProgressCards {
  /** The card, or undefined when the process is too busy to draw a new one (a kept card is still given). */
  render(facts: ProgressCardFacts): Promise<Buffer | undefined>;
}

type DrawCard = (facts: ProgressCardFacts) => Buffer;

export interface ProgressCardOptions {
  /** How many cards to keep; the least recently shown is dropped first. */
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
 * A kept card lives in a place that the card kept next reuses (unless it was just shown, and may still be on its way):
 * with a buffer of its own per kept card, every dropped one stayed in V8's old generation until a full collection, tens
 * of MB in a busy shard (README, Performance).
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
  return {
    async render(facts) {
      const key = JSON.stringify(facts);
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
      keep(key, png);
      return png;
    },
  };
}
