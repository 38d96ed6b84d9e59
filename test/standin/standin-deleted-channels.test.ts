import { Routes, type TextChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';

describe('a deleted channel', () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture();
  });
  afterEach(() => fixture.finish());

  const studyChannel = () => fixture.client.channels.cache.get(fixture.study.id) as TextChannel;

  test("leaves discord.js's cache with its threads (CHANNEL_DELETE) and answers 404 Unknown Channel, which is no failure", async () => {
    const { discord, client, guild, study } = fixture;
    const channel = studyChannel();
    const post = await channel.send('Lesson of the day');
    const thread = await post.startThread({ name: 'Linux' });

    guild.deleteChannel(study);

    await vi.waitFor(() => expect(client.channels.cache.has(study.id)).toBe(false));
    expect(client.channels.cache.has(thread.id)).toBe(false);
    expect(discord.channel(study.id)).toBeUndefined();
    expect(discord.threadsIn(study)).toEqual([]);
    await expect(channel.send('Lesson of the day')).rejects.toMatchObject({
      status: 404,
      code: 10003,
      rawError: { message: 'Unknown Channel', code: 10003 },
    });
    await expect(client.rest.get(Routes.channel(study.id))).rejects.toMatchObject({ status: 404, code: 10003 });
    expect(discord.requests.at(-1)).toMatchObject({ status: 404, error: { code: 10003, reason: `channel ${study.id} was deleted` } });
    expect(discord.failures).toEqual([]);
  });

  test('that is a thread goes away alone (THREAD_DELETE)', async () => {
    const { discord, client, guild, study } = fixture;
    const post = await studyChannel().send('Lesson of the day');
    await post.startThread({ name: 'Linux' });
    const thread = await discord.waitForThreadIn(study);

    guild.deleteChannel(thread);

    await vi.waitFor(() => expect(client.channels.cache.has(thread.id)).toBe(false));
    expect(client.channels.cache.has(study.id)).toBe(true);
    await expect(client.rest.post(Routes.channelMessages(thread.id), { body: { content: 'hi' } })).rejects.toMatchObject({ code: 10003 });
  });

  test('takes no more commands', async () => {
    const { discord, guild, study, ada } = fixture;
    guild.deleteChannel(study);

    await expect(discord.command({ user: ada, channel: study, name: 'whoami' })).rejects.toThrow('channel study does not exist (was it deleted?)');
  });

  test('does not trip up the stand-in when the bot answers an interaction from it after the deletion', async () => {
    const { discord, bot, guild, study, ada } = fixture;
    bot.extraCommands.set('whoami', (interaction) => {
      guild.deleteChannel(study);
      return interaction.reply('still here');
    });

    const reply = await discord.command({ user: ada, channel: study, name: 'whoami' });

    expect(reply.callback.data?.content).toBe('still here');
  });

  test('is told apart from a channel id that never existed, which is still recorded as a failure', async () => {
    const { discord, client } = fixture;

    await expect(client.rest.get(Routes.channel('1234'))).rejects.toMatchObject({ status: 404, code: 10003 });

    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual(['GET /channels/:channel_id: unknown channel 1234']);
  });
});
