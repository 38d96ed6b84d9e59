import { StartError } from '../util/start-error.ts';
import { DiscordjsErrorCodes, type Client } from 'discord.js';
import type { Log } from '../util/log.ts';
import { backoffDelay, waitUnlessAborted } from '../util/backoff.ts';

export class FatalStartError extends StartError {
  override name = 'FatalStartError';
}

/** The short reason a connection failed, such as ECONNREFUSED, without a stack trace. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

/**
 * Logs in, retrying with back-off while Discord cannot be reached. A rejected token is
 * fatal. Resolves true once logged in, false when `signal` aborts first.
 */
export async function loginWithRetry(client: Client, token: string, apiUrl: string, log: Log, signal: AbortSignal): Promise<boolean> {
  for (let attempt = 0; !signal.aborted; attempt += 1) {
    try {
      await client.login(token);
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      const code = (error as { code?: string }).code;
      if (code === DiscordjsErrorCodes.TokenInvalid)
        throw new FatalStartError('Discord rejected DISCORD_TOKEN: copy the bot token again from the developer portal into .env (see .env.example).');
      if (code === DiscordjsErrorCodes.DisallowedIntents) throw new FatalStartError('Discord refused the gateway intents the bot asks for.');
      const delay = backoffDelay(attempt);
      log.warn({ apiUrl, attempt: attempt + 1, retryInSeconds: delay / 1000, reason: reasonOf(error) }, 'Discord is not reachable; retrying');
      if (!(await waitUnlessAborted(delay, signal))) return false;
    }
  }
  return false;
}
