import { describe, expect, it } from 'vitest';
import { Waiter } from './waiting.ts';

describe('the stand-in waiter', () => {
  it('resolves a plain wait at the first notify after its condition holds', async () => {
    const waiter = new Waiter(1000);
    // eslint-disable-next-line prefer-const -- the condition reads it before it is set
    let value: string | undefined;
    const waited = waiter.until('a value', () => value);
    value = 'ready';
    waiter.notify();
    await expect(waited).resolves.toBe('ready');
  });

  it('re-checks a wait on a topic only once that topic is touched', async () => {
    const waiter = new Waiter(1000);
    let checks = 0;
    let answered = false;
    const waited = waiter.until('the answer', () => (++checks, answered ? 'answered' : undefined), { topic: 'interaction 1 answered' });
    const checksAtStart = checks;
    answered = true;
    waiter.notify();
    waiter.touch('interaction 2 answered');
    waiter.notify();
    expect(checks).toBe(checksAtStart);
    waiter.touch('interaction 1 answered');
    waiter.notify();
    await expect(waited).resolves.toBe('answered');
    expect(checks).toBe(checksAtStart + 1);
  });

  it('fails a wait on a topic with what was awaited when it times out, and when the stand-in closes', async () => {
    const timedOut = new Waiter(20).until('the answer to /lesson', () => undefined, { topic: 't', explain: () => 'no callback arrived' });
    await expect(timedOut).rejects.toThrow(/Timed out after 20 ms waiting for the answer to \/lesson\nno callback arrived/);
    const waiter = new Waiter(1000);
    const open = waiter.until('the answer', () => undefined, { topic: 't' });
    waiter.close();
    await expect(open).rejects.toThrow(/closed while a test was still waiting/);
  });
});
