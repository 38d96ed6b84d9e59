export type FailureKind =
  'invalid-body' | 'unknown-route' | 'unknown-resource' | 'unauthorized' | 'interaction' | 'webhook' | 'gateway' | 'standin-error';

/** Something the bot did that real Discord would reject. */
export interface Failure {
  kind: FailureKind;
  /** One line naming the route or gateway step and the rule, e.g. `POST /channels/:channel_id/messages: content: ...`. */
  summary: string;
}

export class FailureLog {
  private readonly failures: Failure[] = [];

  constructor(private readonly onRecord: () => void = () => {}) {}

  record(kind: FailureKind, summary: string): void {
    this.failures.push({ kind, summary });
    this.onRecord();
  }

  get all(): readonly Failure[] {
    return [...this.failures];
  }

  /** Returns the failures recorded so far and forgets them (for tests that provoke failures on purpose). */
  take(): Failure[] {
    return this.failures.splice(0, this.failures.length);
  }

  describe(): string {
    return this.failures.map((failure) => `  - ${failure.summary}`).join('\n');
  }

  assertClean(): void {
    if (this.failures.length === 0) return;
    throw new Error(`Discord stand-in recorded ${this.failures.length} problem(s) that real Discord would reject:\n${this.describe()}`);
  }
}
