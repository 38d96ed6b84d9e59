import { hostname } from 'node:os';

export interface Claimant {
  host: string;
  pid: number;
}

/** Who claims a day's post: this process, on this machine. */
export function thisProcess(): Claimant {
  return { host: hostname(), pid: process.pid };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when the claimant is known to be gone: another process on this same machine that no
 * longer runs (a crash, a kill). A claimant elsewhere cannot be checked; its claim goes stale
 * by age instead. A reused pid only makes us wait for that age, never post twice.
 */
export function claimantIsGone(claimant: Claimant | undefined): boolean {
  if (!claimant) return false;
  const me = thisProcess();
  return claimant.host === me.host && claimant.pid !== me.pid && !isRunning(claimant.pid);
}
