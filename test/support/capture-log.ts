import { Writable } from 'node:stream';
import { createLog, type Log } from '../../src/util/log.ts';

/** A real pino logger whose lines are kept for assertions. */
export function captureLog(level = 'debug'): { log: Log; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done();
    },
  });
  return { log: createLog(level, sink), lines: () => written.flatMap((text) => text.trim().split('\n')).map((line) => JSON.parse(line)) };
}
