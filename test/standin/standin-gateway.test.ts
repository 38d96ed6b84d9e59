import { type Client, Events, GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes, type TextChannel } from 'discord.js';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';
import { readyClient } from './discord-client.ts';
import { type Standin, shardOfGuild, startStandin } from './index.ts';

describe('the gateway with a discord.js client', () => {
  let fixture: BotFixture;
  afterEach(() => fixture.finish());

  /** An interaction round trip proves the bot is connected and handling events. */
  const stillAnswers = async ({ discord, ada }: BotFixture) => {
    const reply = await discord.command({ user: ada, name: 'lesson', options: { lesson: 'linux' } });
    expect(reply.callback.data?.content).toBe('Lesson: linux');
  };

  test('logs in and caches the guild with its channels, roles and the bot member', async () => {
    fixture = await startBotFixture();
    const { client, discord, guild, study } = fixture;

    const cached = client.guilds.cache.get(guild.id);

    expect(client.user.id).toBe(discord.bot.id);
    expect(client.application.id).toBe(discord.applicationId);
    expect(cached?.name).toBe('Study Hall');
    expect(cached?.channels.cache.map((channel) => channel.name).sort()).toEqual(['general', 'study']);
    expect(cached?.roles.everyone.id).toBe(guild.id);
    expect(cached?.members.me?.roles.botRole?.name).toBe('Study Companion');
    expect(client.channels.cache.get(study.id)?.isTextBased()).toBe(true);
  });

  test('records the identify with token, intents, shard and client properties', async () => {
    fixture = await startBotFixture();

    expect(fixture.discord.gateway.identifies).toEqual([
      expect.objectContaining({
        token: fixture.discord.token,
        intents: GatewayIntentBits.Guilds,
        shard: [0, 1],
        compress: false,
        properties: { os: process.platform, browser: expect.stringMatching(/^@discordjs\/ws/), device: expect.stringMatching(/^@discordjs\/ws/) },
      }),
    ]);
    expect(fixture.discord.gateway.connections[0]?.query).toEqual({ v: '10', encoding: 'json' });
  });

  test('tells the bot about a guild it joins after logging in', async () => {
    fixture = await startBotFixture();
    const joined = new Promise<string>((resolve) => fixture.client.once(Events.GuildCreate, (guild) => resolve(guild.name)));

    fixture.discord.addGuild({ name: 'Night Owls' });

    expect(await joined).toBe('Night Owls');
  });

  test("sends the bot's own messages back as MESSAGE_CREATE when it holds the GuildMessages intent", async () => {
    fixture = await startBotFixture();
    const client = await readyClient(fixture.discord, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });
    const heard = new Promise<string>((resolve) =>
      client.once(Events.MessageCreate, (message) => resolve(`${message.channel.id}: ${message.content}`)),
    );

    await (client.channels.cache.get(fixture.study.id) as TextChannel).send('Day 1: pipes');

    expect(await heard).toBe(`${fixture.study.id}: Day 1: pipes`);
    await client.destroy();
  });

  test('opens a DM channel when the bot messages a user directly', async () => {
    fixture = await startBotFixture();

    await fixture.client.users.send(fixture.ada.id, 'Reminder: lesson at 9');

    expect(fixture.discord.directMessagesTo(fixture.ada).map((message) => message.content)).toEqual(['Reminder: lesson at 9']);
  });

  test('opcode 7 (reconnect) leads the bot to resume on the resume URL', async () => {
    fixture = await startBotFixture();
    const { gateway } = fixture.discord;

    gateway.requestReconnect();

    expect(await gateway.waitForResumes(1)).toEqual([expect.objectContaining({ resumed: true })]);
    expect(gateway.connections.at(-1)?.path).toBe('/resume');
    expect(gateway.identifies).toHaveLength(1);
    await stillAnswers(fixture);
  });

  test('a dropped connection leads the bot to resume', async () => {
    fixture = await startBotFixture();
    const { gateway } = fixture.discord;

    gateway.dropConnections();

    expect(await gateway.waitForResumes(1)).toEqual([expect.objectContaining({ resumed: true })]);
    expect(gateway.identifies).toHaveLength(1);
    await stillAnswers(fixture);
  });

  test('opcode 9 (invalid session, resumable) leads the bot to resume', async () => {
    fixture = await startBotFixture();
    const { gateway } = fixture.discord;

    gateway.invalidateSessions({ resumable: true });

    expect(await gateway.waitForResumes(1)).toEqual([expect.objectContaining({ resumed: true })]);
    await stillAnswers(fixture);
  });

  test('opcode 9 (invalid session, not resumable) leads the bot to identify again', async () => {
    // discord.js spaces identifies of one shard 5 s apart, so this one takes a while.
    fixture = await startBotFixture({ timeoutMs: 10_000 });
    const { gateway } = fixture.discord;

    gateway.invalidateSessions({ resumable: false });

    expect(await gateway.waitForIdentifies(2)).toHaveLength(2);
    expect(gateway.resumes).toEqual([]);
    await fixture.discord.waitForReady();
    await stillAnswers(fixture);
  }, 15_000);
});

describe('sharding', () => {
  let discord: Standin;
  let client: Client<true>;
  afterEach(async () => {
    await client.destroy();
    try {
      discord.assertClean();
    } finally {
      await discord.close();
    }
  });

  test('delivers each shard only its own guilds', async () => {
    discord = await startStandin({ recommendedShards: 2, maxConcurrency: 2 });
    const guilds = ['Linux', 'Kafka', 'Kotlin', 'Rust', 'Go', 'Elm'].map((name) => discord.addGuild({ name }));

    client = await readyClient(discord, { shards: 'auto' });

    const identifies = discord.gateway.identifies;
    expect(identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const identify of identifies) {
      const expected = guilds.filter((guild) => shardOfGuild(guild.id, 2) === identify.shard[0]).map((guild) => guild.id);
      expect(identify.guildIds.sort()).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(0);
    }
    for (const guild of guilds) expect(client.guilds.cache.get(guild.id)?.shardId).toBe(shardOfGuild(guild.id, 2));
  });
});

describe('the gateway protocol', () => {
  let discord: Standin;
  afterEach(async () => {
    try {
      discord.assertClean();
    } finally {
      await discord.close();
    }
  });

  test('says Hello and acknowledges heartbeats', async () => {
    discord = await startStandin({ heartbeatIntervalMs: 45_000 });
    const gateway = await connect(discord);

    expect(await gateway.next()).toMatchObject({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 45_000 } });
    gateway.send({ op: GatewayOpcodes.Heartbeat, d: null });
    expect(await gateway.next()).toEqual({ op: GatewayOpcodes.HeartbeatAck });
    gateway.socket.close();
  });

  test('refuses privileged intents the application has not enabled', async () => {
    discord = await startStandin();
    const gateway = await connect(discord);
    await gateway.next();

    gateway.send({
      op: GatewayOpcodes.Identify,
      d: { token: discord.token, intents: GatewayIntentBits.MessageContent, properties: { os: 'linux', browser: 'test', device: 'test' } },
    });

    expect(await gateway.closed).toBe(GatewayCloseCodes.DisallowedIntents);
    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual([
      'gateway: identify asked for privileged intents MessageContent that the application has not enabled (startStandin({ privilegedIntents }) enables them) (closed with 4014)',
    ]);
  });

  test('closes the connection on an unknown opcode', async () => {
    discord = await startStandin();
    const gateway = await connect(discord);
    await gateway.next();

    gateway.send({ op: 42, d: null });

    expect(await gateway.closed).toBe(GatewayCloseCodes.UnknownOpcode);
    expect(discord.takeFailures()).toHaveLength(1);
  });
});

async function connect(discord: Standin) {
  const socket = new WebSocket(`${discord.gatewayUrl}/?v=10&encoding=json`);
  const inbox: unknown[] = [];
  const waiting: ((payload: unknown) => void)[] = [];
  socket.on('message', (data) => {
    const payload = JSON.parse(data.toString()) as unknown;
    const resolve = waiting.shift();
    if (resolve) resolve(payload);
    else inbox.push(payload);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve) => socket.once('open', resolve));
  return {
    socket,
    closed,
    send: (payload: unknown) => socket.send(JSON.stringify(payload)),
    next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise((resolve) => waiting.push(resolve))),
  };
}
