export interface WaitOptions {
  timeoutMs?: number;
  /** Extra context appended to the timeout error, computed when the wait fails. */
  explain?: () => string;
  /**
   * What the condition depends on alone, e.g. one interaction's answer. A wait with a topic is
   * re-checked only after `touch(topic)`, so thousands of interactions in flight do not make
   * every state change check every one of them.
   */
  topic?: string;
}

interface PendingWait {
  check(): boolean;
  fail(error: Error): void;
}

/**
 * Await helpers that re-check a condition whenever the stand-in's state changes,
 * and fail with an error naming what was awaited instead of hanging.
 */
export class Waiter {
  private readonly pending = new Set<PendingWait>();
  private readonly byTopic = new Map<string, Set<PendingWait>>();
  private readonly touched = new Set<string>();
  private closed = false;

  constructor(private readonly defaultTimeoutMs: number) {}

  /** Call after every state change that a wait may depend on. */
  notify(): void {
    for (const wait of [...this.pending]) wait.check();
    const topics = [...this.touched];
    this.touched.clear();
    for (const topic of topics) for (const wait of [...(this.byTopic.get(topic) ?? [])]) wait.check();
  }

  /** Marks a topic as changed; its waits are re-checked at the next `notify()`. */
  touch(topic: string): void {
    if (this.byTopic.has(topic)) this.touched.add(topic);
  }

  until<T>(description: string, probe: () => T | undefined, options: WaitOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`Discord stand-in is closed; cannot wait for ${description}`));
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const waits = options.topic === undefined ? this.pending : this.waitsOn(options.topic);
      const finish = () => {
        clearTimeout(timer);
        waits.delete(wait);
        if (options.topic !== undefined && waits.size === 0) this.byTopic.delete(options.topic);
      };
      const wait: PendingWait = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          finish();
          resolve(value);
          return true;
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const extra = options.explain?.();
        wait.fail(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${extra ? `\n${extra}` : ''}`));
      }, timeoutMs);
      waits.add(wait);
      wait.check();
    });
  }

  close(): void {
    this.closed = true;
    const all = [...this.pending, ...[...this.byTopic.values()].flatMap((waits) => [...waits])];
    for (const wait of all) wait.fail(new Error('Discord stand-in closed while a test was still waiting'));
  }

  private waitsOn(topic: string): Set<PendingWait> {
    let waits = this.byTopic.get(topic);
    if (!waits) this.byTopic.set(topic, (waits = new Set()));
    return waits;
  }
}
