import { DiscordAPIError } from 'discord.js';

/** What an admin reads in /schedule show when a post failed: what happened and what to do. */
export function describePostFailure(error: unknown, channelId: string): string {
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    if (error.status === 404 || code === 10003)
      return `The study channel <#${channelId}> no longer exists (Discord ${code}: ${error.message}). Pick another with /schedule set.`;
    if (error.status === 403 || code === 50001 || code === 50013)
      return `The bot may not post in <#${channelId}> (Discord ${code}: ${error.message}). Give it View Channel, Send Messages and Embed Links there, or pick another channel with /schedule set.`;
    return `Discord answered ${error.status} (${code}: ${error.message}).`;
  }
  const status = (error as { status?: number }).status;
  return status ? `Discord answered ${status}.` : `Discord could not be reached (${(error as Error).message}).`;
}
