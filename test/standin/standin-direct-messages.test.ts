import { Routes, type APIChannel } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';

describe('direct messages', () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture();
  });
  afterEach(() => fixture.finish());

  const openDm = async () => (await fixture.client.rest.post(Routes.userChannels(), { body: { recipient_id: fixture.ada.id } })) as APIChannel;

  test('open one channel per user, and deliver what the bot sends there', async () => {
    const { discord, client, ada } = fixture;
    const channel = await openDm();
    expect((await openDm()).id).toBe(channel.id);
    await client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'Time to study', allowed_mentions: { parse: [] } } });
    expect(discord.directMessagesTo(ada.user).map((message) => message.content)).toEqual(['Time to study']);
  });

  test('to a user whose DMs are closed are refused with 403 and code 50007, which is no failure', async () => {
    const { discord, client, ada } = fixture;
    const channel = await openDm();
    discord.closeDms(ada.user);
    await expect(client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'Time to study' } })).rejects.toMatchObject({
      status: 403,
      code: 50007,
      rawError: { message: 'Cannot send messages to this user', code: 50007 },
    });
    expect(discord.requests.at(-1)).toMatchObject({ status: 403, error: { code: 50007, reason: `user ${ada.id} does not accept DMs from the bot` } });
    expect(discord.directMessagesTo(ada.user)).toEqual([]);
    expect(discord.failures).toEqual([]);
  });
});
