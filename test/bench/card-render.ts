import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readStartScript } from '../support/start-script.ts';
import { summarize, type Summary } from './stats.ts';

export interface CardRenderResult {
  cards: number;
  /** The first card, with the drawing module and its fonts loaded. */
  firstMs: number;
  render: Summary;
  rssMb: { before: number; afterFirst: number; afterAll: number };
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Draws `cards` distinct progress cards (none from the kept ones) in a process of its own, with npm start's Node flags and environment. */
export function benchCardRender(cards: number): CardRenderResult {
  const start = readStartScript();
  const output = execFileSync(process.execPath, [...start.nodeFlags, 'test/bench/card-worker.mjs'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...start.env, CARDS: String(cards) },
    encoding: 'utf8',
  });
  const { firstMs, latencies, rssMb } = JSON.parse(output) as { firstMs: number; latencies: number[]; rssMb: CardRenderResult['rssMb'] };
  return { cards, firstMs, render: summarize(latencies), rssMb };
}
