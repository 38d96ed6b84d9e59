import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyMinute } from '../../src/schedule/every-minute.ts';

afterEach(() => vi.useRealTimers());

describe('the once-a-minute tick', () => {
  it('ticks at the start of each minute of the wall clock, once per minute, and not after it stops', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 2, 9, 0, 42, 500) });
    const ticks: string[] = [];
    const ticker = everyMinute(() => ticks.push(new Date().toISOString().slice(11, 19)));
    vi.advanceTimersByTime(17_000);
    expect(ticks).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(ticks).toEqual(['09:01:00']);
    vi.advanceTimersByTime(3 * 60_000);
    expect(ticks).toEqual(['09:01:00', '09:02:00', '09:03:00', '09:04:00']);
    ticker.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(ticks).toHaveLength(4);
  });
});
