import { Client, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';
import { cacheLimits } from './cache-limits.ts';

/**
 * A client with the Guilds intent only: slash commands, buttons and posting need no
 * privileged intent. Caches the bot does not read are switched off; no message ever
 * pings anyone unless a payload says so explicitly. `rest` adds REST options (the bot's budget).
 */
export function createClient(apiUrl: string, rest: Partial<RESTOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...rest, api: apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, ...cacheLimits }),
  });
}
