import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Whether the process is overloaded: its event loop has been busy nearly all of the last second. */
export interface LoadGauge {
  busy(): boolean;
  stop(): void;
}

/** How much of the time since the previous call the event loop spent working, 0 to 1 (Node's event loop utilisation). */
export type UtilisationSampler = () => number;

export function eventLoopSampler(): UtilisationSampler {
  let previous: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const current = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(current, previous);
    previous = current;
    return utilization;
  };
}

/**
 * A gauge fed one sample per `tick()`: busy while both of the last two samples were at or above
 * `threshold`, so a start-up or one long task does not count, a backlog of work does.
 */
export function loadGauge(sample: UtilisationSampler, threshold = 0.95) {
  let recent = [0, 0];
  return {
    tick: () => void (recent = [recent[1]!, sample()]),
    busy: () => recent.every((utilisation) => utilisation >= threshold),
  };
}

/** The gauge on this process's event loop, sampled every half second. */
export function watchEventLoop(): LoadGauge {
  const gauge = loadGauge(eventLoopSampler());
  const timer = setInterval(gauge.tick, 500);
  timer.unref();
  return { busy: gauge.busy, stop: () => clearInterval(timer) };
}
