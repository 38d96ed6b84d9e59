import type { ProgressCardFacts } from './card-facts.ts';

/** Draws progress cards, keeping the latest ones: a learner who looks again with nothing changed gets the same picture at once. */
export interface ProgressCards {
  /** The card, or undefined when the process is too busy to draw a new one (a kept card is still given). */
  render(facts: ProgressCardFacts): Promise<Buffer | undefined>;
}

export interface ProgressCardOptions {
  /** How many cards to keep (about 21 KB each); the least recently shown is dropped first. */
  maxKept?: number;
  /** True while the process is behind on its work: then new cards are not drawn, so replies still come in time. */
  isBusy?: () => boolean;
}

/** The drawing code and its fonts load on the first card, so a bot whose learners never ask for /progress never holds them. */
export function createProgressCards({ maxKept = 256, isBusy = () => false }: ProgressCardOptions = {}): ProgressCards {
  const kept = new Map<string, Buffer>();
  let draw: Promise<(facts: ProgressCardFacts) => Buffer> | undefined;
  const loadDraw = () =>
    import('./progress-card.ts').then(
      (module) => module.drawProgressCard,
      (error: unknown) => {
        draw = undefined; // the next card tries again
        throw error;
      },
    );
  return {
    async render(facts) {
      const key = JSON.stringify(facts);
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      if (isBusy()) return undefined;
      draw ??= loadDraw();
      const png = (await draw)(facts);
      kept.set(key, png);
      if (kept.size > maxKept) kept.delete(kept.keys().next().value!);
      return png;
    },
  };
}
