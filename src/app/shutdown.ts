import type { Log } from '../util/log.ts';

const deadlineMs = 4_500;

/** On SIGINT or SIGTERM: runs each closer in order, then exits 0, within 5 seconds in any case. */
export function installShutdown(log: Log, closers: Array<() => Promise<void>>): void {
  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.warn({ deadlineMs }, 'shutdown took too long; exiting anyway');
      process.exit(0);
    }, deadlineMs).unref();
    for (const close of closers) {
      try {
        await close();
      } catch (error) {
        log.warn({ err: error }, 'error while shutting down');
      }
    }
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
