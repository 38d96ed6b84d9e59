import { StartError } from '../util/start-error.ts';
export class StoreError extends StartError {
  override name = 'StoreError';
}

/** STORE_URL as it may be shown in messages and logs: with any password masked. */
function describeStoreUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/** The start-up error for a store that cannot be opened or a server that does not answer: which STORE_URL, and why. */
export function storeOpenError(url: string, cause: unknown): StoreError {
  const reason = cause instanceof Error ? cause.message || String(cause) : String(cause);
  return new StoreError(`Cannot open the store at STORE_URL ${describeStoreUrl(url)}: ${reason}`, { cause });
}
