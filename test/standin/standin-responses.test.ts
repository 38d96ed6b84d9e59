import * as spec from 'discord-api-spec/zod';
import { ButtonStyle } from 'discord.js';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import { type BotFixture, startBotFixture } from './bot-fixture.ts';
import { describeViolation } from './validation/violation.ts';
import { schemaViolations } from './validation/zod-issues.ts';

/** Problems with a response the stand-in gave, measured against Discord's API description. */
const against = (schema: ZodMiniType, body: unknown) => schemaViolations(schema, body).map(describeViolation);

describe("the stand-in's answers match Discord's API description", () => {
  let fixture: BotFixture;
  beforeEach(async () => {
    fixture = await startBotFixture();
  });
  afterEach(() => fixture.finish());

  const bot = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${fixture.discord.apiUrl}/v10${path}`, {
      method,
      headers: { Authorization: `Bot ${fixture.discord.token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then((response) => response.json());

  test('for the bot user and its application', async () => {
    expect(against(spec.UserPIIResponseSchema, await bot('/users/@me'))).toEqual([]);
    expect(against(spec.PrivateApplicationResponseSchema, await bot('/applications/@me'))).toEqual([]);
  });

  test('for registered commands', async () => {
    const commands = (await bot(`/applications/${fixture.discord.applicationId}/commands`)) as unknown[];
    expect(commands.flatMap((command) => against(spec.ApplicationCommandResponseSchema, command))).toEqual([]);
  });

  test('for a created message and a thread started from it', async () => {
    const row = { type: 1, components: [{ type: 2, style: ButtonStyle.Primary, label: 'Next', custom_id: 'next' }] };
    const message = (await bot(`/channels/${fixture.study.id}/messages`, 'POST', {
      content: 'Day 1',
      embeds: [{ title: 'Linux' }],
      components: [row],
    })) as { id: string };
    const thread = await bot(`/channels/${fixture.study.id}/messages/${message.id}/threads`, 'POST', { name: 'Day 1' });

    expect(against(spec.MessageResponseSchema, message)).toEqual([]);
    expect(against(spec.ThreadResponseSchema, thread)).toEqual([]);
  });

  test('for an interaction callback asked for with_response', async () => {
    let response: unknown;
    fixture.bot.extraCommands.set('lesson', async (interaction) => {
      response = await fixture.client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
        body: { type: 4, data: { content: 'Lesson: linux' } },
        query: new URLSearchParams({ with_response: 'true' }),
        auth: false,
      });
    });

    await fixture.discord.command({ user: fixture.ada, name: 'lesson', options: { lesson: 'linux' } });

    await vi.waitFor(() => expect(response).toBeDefined());
    expect(against(spec.InteractionCallbackResponseSchema, response)).toEqual([]);
  });
});
