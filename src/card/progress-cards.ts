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
}

/** Bytes of one kept card's slot: cards are about 20 to 24 KB; a larger one is given but not kept. */
export const keptCardBytes = 24 * 1024;

const drawingCode = () => import('./progress-card.ts').then((module) => module.drawProgressCard);

/**
 * The drawing code and its fonts load on the first card, so a bot whose learners never ask for /progress never holds them.
 * A kept card lives in a slot that the card dropped next reuses, and each showing gets a copy: with a buffer of its own per
 * kept card, every dropped one stayed in V8's old generation until a full collection, tens of MB in a busy shard (README, Performance).
 */
export function createProgressCards({ maxKept = 256, isBusy = () => false, loadDraw = drawingCode }: ProgressCardOptions = {}): ProgressCards {
  const kept = new Map<string, { slot: Buffer; length: number }>();
  let draw: Promise<DrawCard> | undefined;
  const keep = (key: string, png: Buffer) => {
    if (png.length > keptCardBytes || maxKept < 1) return;
    let slot: Buffer;
    if (kept.size < maxKept) slot = Buffer.alloc(keptCardBytes);
    else {
      const [oldest, dropped] = kept.entries().next().value!;
      kept.delete(oldest);
      slot = dropped.slot;
    }
    png.copy(slot);
    kept.set(key, { slot, length: png.length });
  };
  return {
    async render(facts) {
      const key = JSON.stringify(facts);
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return Buffer.from(hit.slot.subarray(0, hit.length));
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
