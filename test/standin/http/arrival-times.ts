import type { Clock } from '../clock.ts';

const beatMs = 5;

/**
 * How early a request handled now may have arrived. The stand-in sees a request only when its
 * event loop gets to it: after a stall (a garbage collection, a long validation, a busy machine)
 * requests that came spread over the stall are all handled at once. A beat every few ms shows
 * when the loop last ran; a request handled during or just after a stall may have arrived as
 * early as the beat before it, and the global limit gives the bot that benefit of the doubt.
 */
export class ArrivalTimes {
  private lastBeat: number;
  private beatBefore: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {
    this.lastBeat = this.beatBefore = clock.now();
    this.timer = setInterval(() => this.beat(), beatMs);
    this.timer.unref();
  }

  beat(): void {
    this.beatBefore = this.lastBeat;
    this.lastBeat = this.clock.now();
  }

  /** The earliest the request handled at `now` can have arrived. */
  earliest(now: number): number {
    if (now - this.lastBeat > 2 * beatMs) return this.lastBeat;
    if (this.lastBeat - this.beatBefore > 2 * beatMs) return this.beatBefore;
    return now;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
