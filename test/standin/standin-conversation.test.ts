import { ChannelType, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';

describe('conversing with a discord.js bot', () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture();
  });
  afterEach(() => fixture.finish());

  test('answers a slash command with interaction.reply', async () => {
    const { discord, guild, study, ada } = fixture;
    const reply = await discord.command({ user: ada, guild, channel: study, name: 'lesson', options: { lesson: 'linux' } });

    expect(reply.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.callback.data?.content).toBe('Lesson: linux');
    expect(discord.messagesIn(study).map((message) => message.content)).toEqual(['Lesson: linux']);
  });

  test('defers, then edits the reply', async () => {
    const { discord, study, ada } = fixture;
    const reply = await discord.command({ user: ada, channel: study, name: 'summary' });

    expect(reply.callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect((await reply.edited()).content).toBe('Summary: 3 lessons done');
    expect(reply.message.content).toBe('Summary: 3 lessons done');
    expect(reply.message.flags! & MessageFlags.Loading).toBe(0);
  });

  test('offers autocomplete choices for what the user typed', async () => {
    const { discord, study, ada } = fixture;
    const choices = await discord.autocomplete({ user: ada, channel: study, name: 'lesson', focused: { name: 'lesson', value: 'k' } });

    expect(choices.map((choice) => choice.value)).toEqual(['kafka', 'kubernetes', 'kotlin']);
  });

  test('updates the message when a button is clicked', async () => {
    const { discord, study, ada } = fixture;
    const reply = await discord.command({ user: ada, channel: study, name: 'lesson', options: { lesson: 'kafka' } });

    const click = await discord.clickButton({ user: ada, message: reply.message, customId: 'done:kafka' });

    expect(click.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(discord.messagesIn(study)).toMatchObject([{ id: reply.message.id, content: 'Marked kafka as done', components: [] }]);
  });

  test('gives members their computed permissions, so admins can be told apart', async () => {
    const { discord, guild, ada } = fixture;
    const admin = guild.addMember({ username: 'root', manageGuild: true });

    const asAda = await discord.command({ user: ada, name: 'whoami' });
    const asAdmin = await discord.command({ user: admin, name: 'whoami' });

    expect(asAda.callback.data?.content).toBe('member in a guild');
    expect(asAdmin.callback.data?.content).toBe('admin in a guild');
    expect(asAda.ephemeral).toBe(true);
    expect(discord.messagesIn(guild.general)).toEqual([]);
  });

  test('talks to a user in a DM', async () => {
    const { discord } = fixture;
    const solo = discord.addUser({ username: 'solo' });

    const reply = await discord.command({ user: solo, name: 'whoami' });

    expect(reply.callback.data?.content).toBe('member in a DM');
    expect(discord.channel(reply.message.channel_id)?.type).toBe(ChannelType.DM);
  });

  test('posts in the channel and starts a thread from the message', async () => {
    const { discord, study, ada } = fixture;
    await discord.command({ user: ada, channel: study, name: 'discuss', options: { topic: 'pipes' } });

    const post = await discord.waitForMessageIn(study, (message) => message.content === 'Discussion: pipes');
    const thread = await discord.waitForThreadIn(study);
    expect(thread).toMatchObject({ id: post.id, name: 'pipes', type: ChannelType.PublicThread, parentId: study.id });
  });

  test('receives files the bot attaches (multipart bodies)', async () => {
    const { discord, bot, study, ada } = fixture;
    bot.extraCommands.set('summary', (interaction) =>
      interaction.reply({ content: 'Your notes', files: [{ attachment: Buffer.from('grep -r'), name: 'notes.txt' }] }),
    );

    const reply = await discord.command({ user: ada, channel: study, name: 'summary' });

    expect(reply.message.attachments).toMatchObject([{ filename: 'notes.txt', size: 7 }]);
    expect(discord.attachmentContent(reply.message.attachments[0]!)?.toString()).toBe('grep -r');
  });

  test('sends follow-ups and returns the callback response when asked with withResponse', async () => {
    const { discord, bot, study, ada } = fixture;
    bot.extraCommands.set('lesson', async (interaction) => {
      const response = await interaction.reply({ content: 'first', withResponse: true });
      await interaction.followUp(`reply was ${response.resource?.message?.content}`);
    });

    const reply = await discord.command({ user: ada, channel: study, name: 'lesson', options: { lesson: 'linux' } });

    expect((await reply.followedUp(1)).map((body) => body.content)).toEqual(['reply was first']);
  });
});

describe('when the bot does not answer', () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture({ timeoutMs: 200 });
  });
  afterEach(() => fixture.finish());

  test('command() fails naming the command the bot never registered', async () => {
    const { discord, ada } = fixture;

    await expect(discord.command({ user: ada, name: 'quiz' })).rejects.toThrow(
      'Timed out after 200 ms waiting for /quiz to be registered by the bot\nregistered globally: /lesson, /summary, /whoami, /discuss',
    );
  });

  test('await helpers time out with an error naming what was awaited', async () => {
    const { discord, ada, study } = fixture;
    const reply = await discord.command({ user: ada, channel: study, name: 'lesson', options: { lesson: 'linux' } });

    await expect(reply.edited()).rejects.toThrow('Timed out after 200 ms waiting for edit #1 of the response to /lesson');
  });
});
