import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { Standin } from './standin.ts';

/** A plain discord.js client pointed at the stand-in, logged in and ready (all guilds received). */
export async function readyClient(standin: Standin, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options, rest: { ...options.rest, api: standin.apiUrl } });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(standin.token);
  return ready;
}
