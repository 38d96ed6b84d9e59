import { type PermissionsBitField, PermissionFlagsBits as P, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';
import type { StandinChannel } from './world/records.ts';

const MESSAGES = 'POST /channels/:channel_id/messages';
const THREADS = 'POST /channels/:channel_id/messages/:message_id/threads';

describe('channel permission overwrites, enforced for the bot like Discord does', () => {
  let fixture: BotFixture;
  afterEach(() => fixture.finish());

  /** The channel as the discord.js client caches it (waits for CHANNEL_CREATE of channels added after login). */
  const cached = async (channel: StandinChannel): Promise<TextChannel> =>
    vi.waitFor(() => {
      const found = fixture.client.channels.cache.get(channel.id);
      if (!found) throw new Error(`discord.js has not cached #${channel.name} yet`);
      return found as TextChannel;
    });
  const botPermissionsIn = (channel: TextChannel): PermissionsBitField => channel.permissionsFor(fixture.client.user)!;

  test('a channel that denies the bot Send Messages answers 403 Missing Permissions, and permissionsFor agrees', async () => {
    fixture = await startBotFixture();
    const { discord, guild } = fixture;
    const lessons = guild.addTextChannel('lessons', { overwrites: [{ id: guild.botRole.id, type: 'role', deny: P.SendMessages }] });
    const channel = await cached(lessons);

    expect(botPermissionsIn(channel).has(P.SendMessages)).toBe(false);
    expect(botPermissionsIn(channel).bitfield).toBe(guild.permissionsIn(lessons, discord.bot));
    await expect(channel.send('Lesson of the day')).rejects.toMatchObject({
      status: 403,
      code: 50013,
      rawError: { message: 'Missing Permissions', code: 50013 },
    });
    expect(discord.messagesIn(lessons)).toEqual([]);
    expect(discord.requests.at(-1)).toMatchObject({
      route: MESSAGES,
      status: 403,
      error: { code: 50013, message: 'Missing Permissions', reason: 'the bot lacks SendMessages in #lessons to send a message' },
    });
    expect(discord.failures).toEqual([]);
  });

  test('changed overwrites reach discord.js as CHANNEL_UPDATE, and lifting them lets the bot post again', async () => {
    fixture = await startBotFixture();
    const { discord, guild, study } = fixture;
    const channel = await cached(study);

    guild.denyBotIn(study, P.SendMessages);
    await vi.waitFor(() => expect(botPermissionsIn(channel).has(P.SendMessages)).toBe(false));
    await expect(channel.send('Lesson of the day')).rejects.toMatchObject({ status: 403, code: 50013 });

    guild.setChannelOverwrites(study, []);
    await vi.waitFor(() => expect(botPermissionsIn(channel).has(P.SendMessages)).toBe(true));
    await channel.send('Lesson of the day');

    expect(discord.messagesIn(study).map((message) => message.content)).toEqual(['Lesson of the day']);
    expect(discord.requests.filter((request) => request.route === MESSAGES).map((request) => request.status)).toEqual([403, 200]);
  });

  test('a channel hidden from the bot answers 403 Missing Access to posting and to fetching it', async () => {
    fixture = await startBotFixture();
    const { discord, guild, client } = fixture;
    const staff = guild.addTextChannel('staff', { overwrites: [{ id: guild.id, type: 'role', deny: P.ViewChannel }] });
    const channel = await cached(staff);

    expect(channel.viewable).toBe(false);
    await expect(channel.send('Lesson of the day')).rejects.toMatchObject({ status: 403, code: 50001, rawError: { message: 'Missing Access' } });
    await expect(client.channels.fetch(staff.id, { force: true })).rejects.toMatchObject({ status: 403, code: 50001 });
    expect(discord.requests.slice(-2).map(({ route, status, error }) => [route, status, error?.reason])).toEqual([
      [MESSAGES, 403, 'the bot lacks ViewChannel in #staff'],
      ['GET /channels/:channel_id', 403, 'the bot lacks ViewChannel in #staff'],
    ]);
  });

  test("an overwrite on the bot's role or on the bot itself lets it into a channel hidden from @everyone", async () => {
    fixture = await startBotFixture();
    const { discord, guild } = fixture;
    const hidden = { id: guild.id, type: 'role' as const, deny: P.ViewChannel };
    const viaRole = guild.addTextChannel('via-role', { overwrites: [hidden, { id: guild.botRole.id, type: 'role', allow: P.ViewChannel }] });
    const viaMember = guild.addTextChannel('via-member', { overwrites: [hidden, { id: discord.bot.id, type: 'member', allow: P.ViewChannel }] });

    for (const standinChannel of [viaRole, viaMember]) {
      const channel = await cached(standinChannel);
      expect(botPermissionsIn(channel).bitfield).toBe(guild.permissionsIn(standinChannel, discord.bot));
      await channel.send('Lesson of the day');
      expect(discord.messagesIn(standinChannel)).toHaveLength(1);
    }
  });

  test('without Create Public Threads, starting a thread on the lesson post answers 403 Missing Permissions', async () => {
    fixture = await startBotFixture();
    const { discord, guild, study } = fixture;
    guild.denyBotIn(study, P.CreatePublicThreads);
    const channel = await cached(study);
    await vi.waitFor(() => expect(botPermissionsIn(channel).has(P.CreatePublicThreads)).toBe(false));

    const post = await channel.send('Lesson of the day');
    await expect(post.startThread({ name: 'Linux' })).rejects.toMatchObject({ status: 403, code: 50013 });

    expect(discord.threadsIn(study)).toEqual([]);
    expect(discord.requests.at(-1)).toMatchObject({
      route: THREADS,
      status: 403,
      error: { reason: 'the bot lacks CreatePublicThreads in #study to start a thread' },
    });
  });

  test('an administrator bot is not held back by overwrites', async () => {
    fixture = await startBotFixture({ botPermissions: P.Administrator });
    const { discord, guild } = fixture;
    const staff = guild.addTextChannel('staff', { overwrites: [{ id: discord.bot.id, type: 'member', deny: P.ViewChannel | P.SendMessages }] });

    await (await cached(staff)).send('Lesson of the day');

    expect(discord.messagesIn(staff)).toHaveLength(1);
  });

  test('drops the embeds of a bot without Embed Links, without an error, as Discord does', async () => {
    fixture = await startBotFixture();
    const { discord, guild, study } = fixture;
    guild.denyBotIn(study, P.EmbedLinks);
    const channel = await cached(study);
    await vi.waitFor(() => expect(botPermissionsIn(channel).has(P.EmbedLinks)).toBe(false));

    const sent = await channel.send({ content: 'Lesson of the day', embeds: [{ title: 'Linux' }] });

    expect(sent.embeds).toEqual([]);
    expect(discord.messagesIn(study)).toMatchObject([{ content: 'Lesson of the day', embeds: [] }]);
  });

  test('a payload Discord rejects is still a failure, even where the bot may not post', async () => {
    fixture = await startBotFixture();
    const { discord, guild, study } = fixture;
    guild.denyBotIn(study, P.SendMessages);
    const channel = await cached(study);

    await expect(channel.send('x'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 50035 });

    expect(() => discord.assertClean()).toThrow('POST /channels/:channel_id/messages: content: at most 2000 characters (got 2001)');
    discord.takeFailures();
  });
});

describe('interactions carry the permissions of their channel', () => {
  let fixture: BotFixture;
  afterEach(() => fixture.finish());

  test('app_permissions and member permissions reflect the channel overwrites', async () => {
    fixture = await startBotFixture();
    const { discord, guild, study, ada, bot } = fixture;
    guild.setChannelOverwrites(study, [
      { id: guild.botRole.id, type: 'role', deny: P.EmbedLinks | P.SendMessages },
      { id: ada.id, type: 'member', deny: P.SendMessages },
    ]);
    const seen: { app: bigint; member: bigint }[] = [];
    bot.extraCommands.set('whoami', (interaction) => {
      seen.push({ app: interaction.appPermissions.bitfield, member: interaction.memberPermissions!.bitfield });
      return interaction.reply('noted');
    });

    const inStudy = await discord.command({ user: ada, channel: study, name: 'whoami' });
    await discord.command({ user: ada, channel: guild.general, name: 'whoami' });

    expect(inStudy.message.content).toBe('noted'); // answering an interaction needs no Send Messages
    const [inStudyChannel, inGeneral] = seen;
    expect(inStudyChannel).toEqual({ app: guild.permissionsIn(study, discord.bot), member: guild.permissionsIn(study, ada) });
    expect(inStudyChannel!.app & (P.EmbedLinks | P.SendMessages)).toBe(0n);
    expect(inStudyChannel!.member & P.SendMessages).toBe(0n);
    expect(inGeneral!.app & P.EmbedLinks).toBe(P.EmbedLinks);
    expect(inGeneral!.member & P.SendMessages).toBe(P.SendMessages);
  });

  test('a member cannot run a command in a channel hidden from them', async () => {
    fixture = await startBotFixture();
    const { discord, guild, study, ada } = fixture;
    guild.setChannelOverwrites(study, [{ id: ada.id, type: 'member', deny: P.ViewChannel }]);

    await expect(discord.command({ user: ada, channel: study, name: 'whoami' })).rejects.toThrow('ada cannot see #study');
  });
});
