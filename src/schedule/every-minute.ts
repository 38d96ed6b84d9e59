/**
 * Calls `tick` at the start of every minute of the system clock until stopped. What
 * `cron.schedule('* * * * *')` did, without node-cron's scheduler: it reads the wall clock
 * through Intl on every tick, which maps ICU into the process (see util/time-zones.ts).
 */
export function everyMinute(tick: () => void): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const armForNextMinute = () => {
    // A few ms past the minute, so a timer that fires a hair early still lands in the new minute.
    timer = setTimeout(
      () => {
        armForNextMinute();
        tick();
      },
      60_000 - (Date.now() % 60_000) + 5,
    );
  };
  armForNextMinute();
  return { stop: () => clearTimeout(timer) };
}
