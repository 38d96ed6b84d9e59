// The Discord stand-in in a process of its own, so that it does not share the bot's event
// loop. Driven by the benchmark runner over IPC (see rpc.ts); latencies are taken here, on
// Discord's side: from the interaction's dispatch to the bot's callback.
import { performance } from 'node:perf_hooks';
import { InteractionResponseType } from 'discord.js';
import { startStandin, type Standin, type StandinChannel, type StandinGuild, type StandinMember, type StandinUser } from 'discord-standin';
import { serveRpc } from './rpc.ts';

let discord: Standin;
const guilds: StandinGuild[] = [];
const channels: StandinChannel[] = [];
const members: StandinMember[] = [];
const users: StandinUser[] = [];
let buttonMessage: { id: string; customId: string; user: StandinMember } | undefined;

export type LoadKind = 'lesson' | 'progress' | 'button' | 'autocomplete' | 'quiz' | 'review';

/** Each member's quiz message and the button to click next on it (the first: an option, then Next, …). */
const quizMessages = new Map<string, { id: string; customId: string }>();

/** One step of a member's quiz: /quiz to start, then the first button of whatever the message shows (an answer, Next, Quiz again). */
async function quizStep(user: StandinMember) {
  const current = quizMessages.get(user.id);
  const exchange = current
    ? await discord.clickButton({ user, message: { id: current.id }, customId: current.customId })
    : await discord.command({ user, guild: guilds[0]!, channel: channels[0]!, name: 'quiz', options: { lesson: 'linux' } });
  const updated = exchange.callback.type === InteractionResponseType.UpdateMessage;
  const id = updated ? current!.id : exchange.message.id;
  const first = (exchange.callback.data?.components?.[0] as { components: { custom_id: string }[] } | undefined)?.components[0];
  if (first) quizMessages.set(user.id, { id, customId: first.custom_id });
}

function interactionOf(kind: LoadKind, i: number): () => Promise<unknown> {
  const user = members[i % members.length]!;
  const guild = guilds[0]!;
  const channel = channels[0]!;
  if (kind === 'lesson') return () => discord.command({ user, guild, channel, name: 'lesson', options: { lesson: 'web-api' } });
  if (kind === 'progress') return () => discord.command({ user, guild, channel, name: 'progress' });
  if (kind === 'review') return () => discord.command({ user, guild, channel, name: 'review' });
  if (kind === 'quiz') return () => quizStep(user);
  if (kind === 'autocomplete') return () => discord.autocomplete({ user, guild, channel, name: 'lesson', focused: { name: 'lesson', value: 'kaf' } });
  // Someone other than the message's owner: the bot answers with a private copy and the message stays as it is.
  const button = buttonMessage!;
  const clicker = members[1 + (i % (members.length - 1))]!;
  return () => discord.clickButton({ user: clicker, message: { id: button.id }, customId: button.customId });
}

export interface ServerShape {
  textChannels: number;
  roles: number;
  emojis: number;
}

function shapeServer(guild: StandinGuild, shape: ServerShape) {
  for (let i = 0; i < shape.textChannels; i += 1) guild.addTextChannel(`channel-${i}`, { topic: 'A channel of a study server' });
  for (let i = 0; i < shape.roles; i += 1) guild.addRole({ name: `role ${i}` });
  for (let i = 0; i < shape.emojis; i += 1) guild.addEmoji(`emoji_${i}`);
}

serveRpc({
  /** `shape` makes every server look like a real one: that many more text channels, roles and custom emojis. */
  async setup(params: {
    guilds: number;
    membersPerGuild: number;
    timeoutMs?: number;
    shape?: ServerShape;
    maxConcurrency?: number;
    /** Users who are no server's members (learners reminded by DM), and Discord's global limit (default 50 a second). */
    users?: number;
    globalRate?: number;
  }) {
    discord = await startStandin({
      timeoutMs: params.timeoutMs ?? 30_000,
      maxConcurrency: params.maxConcurrency ?? 1,
      globalRateLimit: { limit: params.globalRate ?? 50, windowMs: 1000 },
    });
    for (let u = 0; u < (params.users ?? 0); u += 1) users.push(discord.addUser({ username: `reader${u}` }));
    for (let g = 0; g < params.guilds; g += 1) {
      const guild = discord.addGuild({ name: `Server ${g}` });
      if (params.shape) shapeServer(guild, params.shape);
      guilds.push(guild);
      channels.push(guild.general);
      if (g === 0) for (let m = 0; m < params.membersPerGuild; m += 1) members.push(guild.addMember({ username: `learner${m}` }));
    }
    return {
      apiUrl: discord.apiUrl,
      token: discord.token,
      channelIds: channels.map((channel) => channel.id),
      guildIds: guilds.map((guild) => guild.id),
      userIds: users.map((user) => user.id),
    };
  },
  /** The users' DM channels, opened on the stand-in's side as the bot would have on an earlier day; their ids in the users' order. */
  openDmChannels() {
    return users.map((user) => discord.dmChannelOf(user).id);
  },
  /**
   * Waits until every user has a DM, or the deadline; reports the time from the first DM to the
   * last, users DMed more than once, users never DMed and 429s. Reads only new log entries each time.
   */
  async reminderFanout(params: { deadlineMs: number }) {
    const started = Date.now();
    const dmChannels = new Map(users.map((user) => [discord.dmChannelOf(user).id, user.id]));
    const perUser = new Map<string, number>();
    let read = 0;
    let firstAt: number | undefined;
    let lastAt = 0;
    for (;;) {
      const requests = discord.requests;
      const readBefore = read;
      for (; read < requests.length; read += 1) {
        const request = requests[read]!;
        if (request.status >= 300 || request.route !== 'POST /channels/:channel_id/messages') continue;
        const userId = dmChannels.get(/\/channels\/(\d+)\//.exec(request.path)?.[1] ?? '');
        if (userId) perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
      }
      if (perUser.size > 0 && firstAt === undefined) firstAt = Date.now();
      if (read > readBefore && perUser.size > 0) lastAt = Date.now();
      if (perUser.size === users.length || Date.now() - started > params.deadlineMs) {
        const counts = users.map((user) => perUser.get(user.id) ?? 0);
        return {
          firstAt: firstAt ?? started,
          lastAt,
          duplicates: counts.filter((count) => count > 1).length,
          missed: counts.filter((count) => count === 0).length,
          tooManyRequests: discord.tooManyRequests.length,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
  /**
   * An organiser's /group and /admin export in the first server, one after the other: for each,
   * the time from dispatch to the bot's callback (its deferral) and to its final answer, in ms.
   */
  async organiserCommands() {
    const organiser = guilds[0]!.addMember({ username: 'organiser', manageGuild: true });
    const timed = async (run: () => ReturnType<Standin['command']>) => {
      const started = performance.now();
      const exchange = await run();
      const deferredMs = performance.now() - started;
      const answer = await exchange.edited();
      return { deferredMs, doneMs: performance.now() - started, exchange, answer };
    };
    const group = await timed(() => discord.command({ user: organiser, guild: guilds[0]!, channel: channels[0]!, name: 'group' }));
    const csv = await timed(() =>
      discord.command({ user: organiser, guild: guilds[0]!, channel: channels[0]!, name: 'admin', subcommand: 'export' }),
    );
    const file = discord.attachmentContent(csv.exchange.message.attachments[0]!);
    const paced = (group.answer.embeds?.[0]?.description ?? '').split('\n').filter((line) => / · (\d+ behind|on pace|\d+ ahead)$/.test(line)).length;
    return {
      group: { deferredMs: group.deferredMs, doneMs: group.doneMs, pacedLines: paced },
      export: { deferredMs: csv.deferredMs, doneMs: csv.doneMs, rows: file ? file.toString('utf8').trimEnd().split('\r\n').length - 1 : 0 },
    };
  },
  async waitForReady() {
    await discord.waitForReady();
    return discord.gateway.identifies.length;
  },
  /** Makes a message with a button the load can click: the owner's "Next" on a /lesson reply. */
  async prepareButton() {
    const user = members[0]!;
    const reply = await discord.command({ user, guild: guilds[0]!, channel: channels[0]!, name: 'lesson', options: { lesson: 'web-api' } });
    const row = reply.message.components?.[0] as { components: { custom_id: string }[] };
    buttonMessage = { id: reply.message.id, customId: row.components.at(-1)!.custom_id, user };
    return buttonMessage.customId;
  },
  /** Sends `rate` interactions a second for `durationMs`, evenly in 10 ms slots; returns each latency in ms. */
  async load(params: { kind: LoadKind; rate: number; durationMs: number }) {
    const latencies: number[] = [];
    const errors: string[] = [];
    const running: Promise<void>[] = [];
    const slots = params.durationMs / 10;
    const perSlot = params.rate / 100;
    const start = performance.now();
    let sent = 0;
    for (let slot = 0; slot < slots; slot += 1) {
      const due = Math.round((slot + 1) * perSlot);
      for (; sent < due; sent += 1) {
        const send = interactionOf(params.kind, sent);
        const t0 = performance.now();
        running.push(
          send().then(
            () => void latencies.push(performance.now() - t0),
            (error: Error) => void errors.push(error.message.slice(0, 200)),
          ),
        );
      }
      const wait = start + (slot + 1) * 10 - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await Promise.all(running);
    return { latencies, errors: errors.slice(0, 5), errorCount: errors.length, seconds: (performance.now() - start) / 1000 };
  },
  /** Closed loop: `inFlight` interactions at a time, the next as soon as one is answered, `total` in all; each latency in ms. */
  async saturate(params: { kind: LoadKind; total: number; inFlight: number }) {
    const latencies: number[] = [];
    const errors: string[] = [];
    let next = 0;
    const start = performance.now();
    const worker = async () => {
      while (next < params.total) {
        const send = interactionOf(params.kind, next++);
        const t0 = performance.now();
        await send().then(
          () => void latencies.push(performance.now() - t0),
          (error: Error) => void errors.push(error.message.slice(0, 200)),
        );
      }
    };
    await Promise.all(Array.from({ length: params.inFlight }, worker));
    return { latencies, errors: errors.slice(0, 5), errorCount: errors.length, seconds: (performance.now() - start) / 1000 };
  },
  /**
   * Waits until every channel has its post (and thread), or the deadline; reports timings,
   * duplicates and 429s. Counts from the request log, reading only new entries each time,
   * so that measuring does not slow the stand-in down.
   */
  async fanout(params: { perChannel: number; threads: boolean; deadlineMs: number }) {
    const started = Date.now();
    const posts = new Map<string, number>();
    const threaded = new Set<string>();
    const channelOfPath = (path: string) => /\/channels\/(\d+)\//.exec(path)?.[1] ?? '';
    let read = 0;
    let firstAt: number | undefined;
    for (;;) {
      const requests = discord.requests;
      for (; read < requests.length; read += 1) {
        const request = requests[read]!;
        if (request.status >= 300) continue;
        if (request.route === 'POST /channels/:channel_id/messages')
          posts.set(channelOfPath(request.path), (posts.get(channelOfPath(request.path)) ?? 0) + 1);
        if (request.route === 'POST /channels/:channel_id/messages/:message_id/threads') threaded.add(channelOfPath(request.path));
      }
      if (posts.size > 0 && firstAt === undefined) firstAt = Date.now();
      const done = posts.size === channels.length && (!params.threads || threaded.size === channels.length);
      if (done || Date.now() - started > params.deadlineMs) {
        const counts = channels.map((channel) => posts.get(channel.id) ?? 0);
        return {
          firstAt,
          lastAt: Date.now(),
          posted: posts.size,
          duplicates: counts.filter((count) => count > params.perChannel).length,
          missed: counts.filter((count) => count === 0).length,
          threads: threaded.size,
          tooManyRequests: discord.tooManyRequests.length,
          requests: requests.length,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  },
  /** From the gateway READY to the first /lesson the bot answers, in ms. */
  async startup() {
    await discord.gateway.waitForIdentifies(discord.gateway.identifies.length + 1);
    await discord.waitForReady();
    const readyAt = performance.now();
    for (;;) {
      try {
        await discord.command({ user: members[0]!, guild: guilds[0]!, channel: channels[0]!, name: 'lesson' });
        return performance.now() - readyAt;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  },
  failures() {
    return discord.failures.map((failure) => JSON.stringify(failure).slice(0, 300));
  },
  async close() {
    await discord.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
