import type { HandlerContext } from './handler.ts';

const rememberAtMost = 100_000;

/**
 * Puts learners on their server's roster the first time this process sees them there.
 * The roster only needs membership, so one write per learner and server is enough, not
 * one per interaction. The memory is bounded: past the limit it starts over.
 */
export function createRosterRecorder({ store, clock }: Pick<HandlerContext, 'store' | 'clock'>) {
  const recorded = new Set<string>();
  return async (guildId: string, userId: string): Promise<void> => {
    const key = `${guildId}:${userId}`;
    if (recorded.has(key)) return;
    await store.touchLearner(guildId, userId, clock.now());
    if (recorded.size >= rememberAtMost) recorded.clear();
    recorded.add(key);
  };
}
