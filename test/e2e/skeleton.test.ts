import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../src/interactions/handler.ts';
import { loadCommands } from '../../src/interactions/load-commands.ts';
import { UserError } from '../../src/ui/user-error.ts';
import { startStandin } from 'discord-standin';
import { tempStoreDir } from '../support/temp-store.ts';
import { startHarness, type Harness } from './harness.ts';

describe('the bot skeleton', () => {
  let h: Harness;
  let guild: ReturnType<Harness['discord']['addGuild']>;

  beforeAll(async () => {
    // discord.js waits 5 s before identifying a shard again, so waits here may take longer than the stand-in's default.
    h = await startHarness({ standin: { timeoutMs: 15_000 } });
    guild = h.discord.addGuild({ name: 'Study Hall' });
    await h.launch();
  });
  afterEach(() => h.discord.assertClean());
  afterAll(() => h.close());

  it('identifies with exactly the Guilds intent', () => {
    expect(h.discord.gateway.identifies.map((identify) => identify.intents)).toEqual([GatewayIntentBits.Guilds]);
  });

  it("registers every command globally, valid by the stand-in's checks", () => {
    expect(
      h.discord.commands
        .list()
        .map((command) => command.name)
        .sort(),
    ).toEqual(['admin', 'course', 'group', 'lesson', 'me', 'milestones', 'progress', 'quiz', 'review', 'schedule']);
    expect(h.discord.commands.overwriteCount()).toBe(1);
  });

  it('does not overwrite unchanged commands on a second start', async () => {
    await h.restart();
    expect(h.discord.commands.overwriteCount()).toBe(1);
    expect(h.logLines().filter((line) => line.msg === 'commands already registered and unchanged')).toHaveLength(1);
  });

  it('resumes after op 7 and after a dropped socket, and still answers', async () => {
    h.discord.gateway.requestReconnect();
    await h.discord.gateway.waitForResumes(1);
    h.discord.gateway.dropConnections();
    await h.discord.gateway.waitForResumes(2);
    const reply = await h.discord.command({ user: guild.owner, guild, name: 'course' });
    expect(reply.callback.data?.embeds).toHaveLength(1);
  });

  it('identifies again after a non-resumable op 9', async () => {
    const before = h.discord.gateway.identifies.length;
    h.discord.gateway.invalidateSessions({ resumable: false });
    await h.discord.gateway.waitForIdentifies(before + 1);
    const reply = await h.discord.command({ user: guild.owner, guild, name: 'course' });
    expect(reply.callback.data?.embeds).toHaveLength(1);
  }, 20_000);
});

describe('command registration when the definitions change', () => {
  it('overwrites once, and only then', async () => {
    const commands = await loadCommands();
    const h = await startHarness({ commands });
    try {
      h.discord.addGuild({ name: 'Study Hall' });
      await h.launch();
      const course = commands.get('course')!;
      commands.set('course', { ...course, data: { ...course.data, description: 'A new description' } });
      await h.restart();
      await h.restart();
      expect(h.discord.commands.overwriteCount()).toBe(2);
      expect(h.discord.commands.list().find((command) => command.name === 'course')?.description).toBe('A new description');
      h.discord.assertClean();
    } finally {
      await h.close();
    }
  });
});

describe('command registration in one server (DISCORD_GUILD_ID)', () => {
  it('registers there only, and answers there', async () => {
    const h = await startHarness();
    try {
      const hall = h.discord.addGuild({ name: 'Study Hall' });
      await h.launch({ commandsGuildId: hall.id });
      expect(
        h.discord.commands
          .list(hall.id)
          .map((command) => command.name)
          .sort(),
      ).toEqual(['admin', 'course', 'group', 'lesson', 'me', 'milestones', 'progress', 'quiz', 'review', 'schedule']);
      expect(h.discord.commands.list()).toEqual([]);
      await h.restart();
      expect(h.discord.commands.overwriteCount(hall.id)).toBe(1);
      expect((await h.discord.command({ user: hall.owner, guild: hall, name: 'course' })).callback.data?.embeds).toHaveLength(1);
      h.discord.assertClean();
    } finally {
      await h.close();
    }
  });
});

describe("the interaction router's error boundary", () => {
  const failing = (name: string, run: Command['execute']): Command => ({ data: { name, description: `Test command ${name}` }, execute: run });
  const commands = new Map<string, Command>(
    [
      failing('user-error', async () => {
        throw new UserError('Pick a lesson first.');
      }),
      failing('crash', async () => {
        throw new Error('database on fire');
      }),
      failing('defer-then-crash', async (interaction) => {
        await interaction.deferReply();
        throw new Error('slow database on fire');
      }),
      failing('reply-then-crash', async (interaction) => {
        await interaction.reply({ content: 'Working on it', allowedMentions: { parse: [] } });
        throw new Error('crashed after replying');
      }),
    ].map((command) => [command.data.name, command]),
  );
  let h: Harness;
  let guild: ReturnType<Harness['discord']['addGuild']>;

  beforeAll(async () => {
    h = await startHarness({ commands });
    guild = h.discord.addGuild({ name: 'Study Hall' });
    await h.launch();
  });
  afterEach(() => h.discord.assertClean());
  afterAll(() => h.close());

  const run = (name: string) => h.discord.command({ user: guild.owner, guild, name });

  it('shows a user-facing error ephemerally, and logs no error', async () => {
    const reply = await run('user-error');
    expect(reply.callback.data).toMatchObject({ content: 'Pick a lesson first.', flags: MessageFlags.Ephemeral });
    expect(h.logLines().filter((line) => line.level === 50)).toEqual([]);
  });

  it('apologises ephemerally for an unexpected error and logs it with its context', async () => {
    const reply = await run('crash');
    expect(reply.ephemeral).toBe(true);
    expect(reply.callback.data?.content).toMatch(/^Something went wrong on our side/);
    const logged = h.logLines().find((line) => line.msg === 'interaction failed' && (line.err as { message: string }).message === 'database on fire');
    expect(logged).toMatchObject({ guildId: guild.id, userId: guild.owner.id, interactionId: reply.id });
  });

  it('replaces the placeholder of a deferred reply with the apology', async () => {
    const reply = await run('defer-then-crash');
    expect((await reply.edited()).content).toMatch(/^Something went wrong on our side/);
  });

  it('follows up ephemerally when the handler had already replied', async () => {
    const reply = await run('reply-then-crash');
    const [followUp] = await reply.followedUp();
    expect(followUp).toMatchObject({ content: expect.stringMatching(/^Something went wrong/), flags: MessageFlags.Ephemeral });
  });

  it('keeps the bot up and answering after all that', async () => {
    expect((await run('user-error')).callback.data?.content).toBe('Pick a lesson first.');
  });
});

describe('the bot as a process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'shuts down on %s with exit code 0',
    async (signal) => {
      // A bot process started through tsx from a fresh clone compiles every module first: give it time to connect.
      const discord = await startStandin({ timeoutMs: 30_000 });
      const temp = tempStoreDir();
      try {
        const hall = discord.addGuild({ name: 'Study Hall' });
        const bot = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), new URL('../../src/app/main.ts', import.meta.url).pathname], {
          cwd: temp.dir,
          env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, STORE_URL: temp.url },
        });
        let output = '';
        bot.stdout.on('data', (chunk) => (output += chunk));
        bot.stderr.on('data', (chunk) => (output += chunk));
        await discord.waitForReady();
        const reply = await discord.command({ user: hall.owner, guild: hall, name: 'course' });
        expect(reply.callback.data?.embeds).toHaveLength(1);
        bot.kill(signal);
        const [code] = await once(bot, 'exit');
        expect(code).toBe(0);
        expect(output).toContain('"msg":"stopped"');
        expect(output).not.toContain(discord.token);
      } finally {
        await discord.close();
        temp.remove();
      }
    },
    60_000,
  );

  it('registers the commands in one server with npm run deploy-commands and DISCORD_GUILD_ID', async () => {
    const discord = await startStandin();
    try {
      const hall = discord.addGuild({ name: 'Study Hall' });
      const deploy = spawn(
        process.execPath,
        ['--import', import.meta.resolve('tsx'), new URL('../../src/app/deploy-commands.ts', import.meta.url).pathname],
        {
          env: { PATH: process.env.PATH ?? '', DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl, DISCORD_GUILD_ID: hall.id },
        },
      );
      const [code] = await once(deploy, 'exit');
      expect(code).toBe(0);
      expect(
        discord.commands
          .list(hall.id)
          .map((command) => command.name)
          .sort(),
      ).toEqual(['admin', 'course', 'group', 'lesson', 'me', 'milestones', 'progress', 'quiz', 'review', 'schedule']);
      expect(discord.commands.list()).toEqual([]);
      discord.assertClean();
    } finally {
      await discord.close();
    }
  });
});
