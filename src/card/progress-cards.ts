import type { ProgressCardFacts } from './card-facts.ts';

/** Draws progress cards, keeping the latest ones: a learner who looks again with nothing changed gets the same picture at once. */
export interface ProgressCards {
  render(facts: ProgressCardFacts): Promise<Buffer>;
}

/**
 * The drawing code and its fonts load on the first card, so a bot whose learners never ask for
 * /progress never holds them. `maxKept` cards are kept (about 15 KB each), the least recently shown dropped first.
 */
export function createProgressCards(maxKept = 128): ProgressCards {
  const kept = new Map<string, Buffer>();
  let draw: Promise<(facts: ProgressCardFacts) => Buffer> | undefined;
  return {
    async render(facts) {
      const key = JSON.stringify(facts);
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      draw ??= import('./progress-card.ts').then((module) => module.drawProgressCard);
      const png = (await draw)(facts);
      kept.set(key, png);
      if (kept.size > maxKept) kept.delete(kept.keys().next().value!);
      return png;
    },
  };
}
