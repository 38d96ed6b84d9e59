import { pino, type Logger } from 'pino';

export type Log = Logger;

/** JSON logs on stdout. Anything that looks like a token is redacted before it is written. */
export function createLog(level: string, destination?: NodeJS.WritableStream, context?: Record<string, unknown>): Log {
  return pino(
    {
      level,
      base: context ?? undefined,
      redact: {
        paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
