import { setTimeout as sleep } from 'node:timers/promises';

/** Exponential back-off: 1 s, 2 s, 4 s … capped at `maxMs`. */
export function backoffDelay(attempt: number, baseMs = 1_000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** attempt);
}

/** Waits `ms`, resolving false at once when `signal` aborts. */
export async function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
