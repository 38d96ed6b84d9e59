import { ButtonStyle, type DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';
import { ManualClock } from './clock.ts';

const CALLBACK = 'POST /interactions/:interaction_id/:interaction_token/callback';

describe('catching what real Discord would reject', () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture();
  });
  afterEach(() => fixture.finish());

  test('rejects six buttons in one action row, naming the route and the rule', async () => {
    const { discord, bot, ada } = fixture;
    const button = (n: number) => ({ type: 2, style: ButtonStyle.Primary, label: `Step ${n}`, custom_id: `step:${n}` });
    bot.extraCommands.set('lesson', (interaction) =>
      interaction.reply({ content: 'Pick a step', components: [{ type: 1, components: [1, 2, 3, 4, 5, 6].map(button) }] }),
    );

    await expect(discord.command({ user: ada, name: 'lesson', options: { lesson: 'linux' } })).rejects.toThrow(
      "Discord rejected the bot's response to /lesson: data.components[0].components: at most 5 buttons per action row (got 6)",
    );
    await vi.waitFor(() => expect(bot.errors).toHaveLength(1));
    expect((bot.errors[0] as DiscordAPIError).code).toBe(RESTJSONErrorCodes.InvalidFormBodyOrContentType);
    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual([
      `${CALLBACK}: data.components[0].components: at most 5 buttons per action row (got 6)`,
    ]);
    bot.errors.length = 0;
  });

  test('rejects a 2001-character message, naming the route and the rule', async () => {
    const { discord, bot, ada, study } = fixture;
    bot.extraCommands.set('lesson', async (interaction) => {
      await interaction.reply('Posting the lesson');
      if (interaction.channel?.isSendable()) await interaction.channel.send('x'.repeat(2001));
    });

    await discord.command({ user: ada, channel: study, name: 'lesson', options: { lesson: 'linux' } });

    await vi.waitFor(() => expect(bot.errors).toHaveLength(1));
    expect(bot.errors[0]!.message).toContain('content[BASE_TYPE_MAX_LENGTH]: at most 2000 characters (got 2001)');
    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual([
      'POST /channels/:channel_id/messages: content: at most 2000 characters (got 2001)',
    ]);
    bot.errors.length = 0;
  });

  test("answers an unknown route with 404 in Discord's error shape and records it", async () => {
    const { discord, client, guild } = fixture;

    const error = await client.rest.get(`/guilds/${guild.id}/bans`).catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 404, rawError: { message: '404: Not Found', code: 0 } });
    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual([
      `GET /api/v10/guilds/${guild.id}/bans: unknown route (real Discord answers 404)`,
    ]);
  });

  test('rejects command names with uppercase letters', async () => {
    const { discord, client } = fixture;

    await expect(client.application.commands.set([{ name: 'Lesson', description: 'Show a lesson' }])).rejects.toThrow('Invalid Form Body');

    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual([
      'PUT /applications/:application_id/commands: [0].name: must be lowercase (got "Lesson")',
    ]);
  });

  test('demands the bot token on bot routes', async () => {
    const { discord } = fixture;

    const response = await fetch(`${discord.apiUrl}/v10/users/@me`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    expect(discord.takeFailures().map((failure) => failure.summary)).toEqual([
      'GET /users/@me: missing or wrong Authorization header (expected "Bot <token>")',
    ]);
  });

  test('assertClean lists every recorded problem', async () => {
    const { discord, client } = fixture;
    await client.rest.get('/nope').catch(() => undefined);
    await client.rest.post('/channels/1/typing').catch(() => undefined);

    expect(() => discord.assertClean()).toThrow(
      'Discord stand-in recorded 2 problem(s) that real Discord would reject:\n' +
        '  - GET /api/v10/nope: unknown route (real Discord answers 404)\n' +
        '  - POST /api/v10/channels/1/typing: unknown route (real Discord answers 404)',
    );
    discord.takeFailures();
  });
});

describe('the three-second rule for first responses', () => {
  const clock = new ManualClock();
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture({ clock });
  });
  afterEach(() => fixture.finish());

  test('refuses a first response that comes after 3 seconds', async () => {
    const { discord, bot, ada } = fixture;
    bot.extraCommands.set('summary', (interaction) => {
      clock.advance(3001);
      return interaction.reply('Too late');
    });

    await expect(discord.command({ user: ada, name: 'summary' })).rejects.toThrow(
      '/summary was answered 3001 ms after it was sent; Discord only accepts a first response within 3000 ms (defer sooner)',
    );
    await vi.waitFor(() => expect(bot.errors).toMatchObject([{ code: RESTJSONErrorCodes.UnknownInteraction }]));
    expect(discord.takeFailures()).toHaveLength(1);
    bot.errors.length = 0;
  });
});
