export interface WaitOptions {
  timeoutMs?: number;
  /** Extra context appended to the timeout error, computed when the wait fails. */
  explain?: () => string;
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
  private closed = false;

  constructor(private readonly defaultTimeoutMs: number) {}

  /** Call after every state change that a wait may depend on. */
  notify(): void {
    for (const wait of [...this.pending]) wait.check();
  }

  until<T>(description: string, probe: () => T | undefined, options: WaitOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`Discord stand-in is closed; cannot wait for ${description}`));
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        this.pending.delete(wait);
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
      this.pending.add(wait);
      wait.check();
    });
  }

  close(): void {
    this.closed = true;
    for (const wait of [...this.pending]) wait.fail(new Error('Discord stand-in closed while a test was still waiting'));
  }
}
