import type { Client } from 'discord.js';
import { expect } from 'vitest';
import { readyClient } from './discord-client.ts';
import { type ExampleBot, exampleCommands, installExampleBot } from './example-bot.ts';
import { type Standin, type StandinOptions, startStandin } from './standin.ts';
import type { StandinGuild } from './world/guild.ts';
import type { StandinChannel, StandinMember } from './world/records.ts';

export interface BotFixture {
  discord: Standin;
  client: Client<true>;
  bot: ExampleBot;
  guild: StandinGuild;
  study: StandinChannel;
  ada: StandinMember;
  /** Destroys the client, checks that nothing went wrong, and closes the stand-in. */
  finish(): Promise<void>;
}

/** A stand-in with one guild (#general, #study, member ada) and the example bot logged in with its commands. */
export async function startBotFixture(options: StandinOptions = {}): Promise<BotFixture> {
  const discord = await startStandin(options);
  const guild = discord.addGuild({ name: 'Study Hall' });
  const study = guild.addTextChannel('study');
  const ada = guild.addMember({ username: 'ada' });
  const client = await readyClient(discord);
  const bot = installExampleBot(client);
  await client.application.commands.set(exampleCommands);
  const finish = async () => {
    await client.destroy();
    try {
      expect(bot.errors).toEqual([]);
      discord.assertClean();
    } finally {
      await discord.close();
    }
  };
  return { discord, client, bot, guild, study, ada, finish };
}
