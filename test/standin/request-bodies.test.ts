import { describe, expect, test } from 'vitest';
import { type BodyKind, bodyViolations } from './validation/request-bodies.ts';
import { describeViolation } from './validation/violation.ts';

const rules = (kind: BodyKind, body: unknown, interactionType?: number) =>
  bodyViolations(kind, body, interactionType === undefined ? {} : { interactionType }).map(describeViolation);

const button = (customId: string) => ({ type: 2, style: 1, label: customId, custom_id: customId });
const row = (...components: object[]) => ({ type: 1, components });
const COMMAND = 2;
const AUTOCOMPLETE = 4;

describe("Discord's rules for message bodies", () => {
  test('accepts an ordinary message with an embed and a row of buttons', () => {
    expect(
      rules('message-create', {
        content: 'Day 1',
        embeds: [{ title: 'Linux', fields: [{ name: 'Read', value: 'man ls' }] }],
        components: [row(button('next'))],
      }),
    ).toEqual([]);
  });

  test('counts characters as code points, as Discord does: 2000 emoji are allowed, 2001 are not', () => {
    expect(rules('message-create', { content: '🔥'.repeat(2000) })).toEqual([]);
    expect(rules('message-create', { content: '🔥'.repeat(2001) })).toEqual(['content: at most 2000 characters (got 2001)']);
  });

  test.each([
    ['content over 2000 characters', { content: 'x'.repeat(2001) }, 'content: at most 2000 characters (got 2001)'],
    ['an empty message', { content: '' }, '(body): cannot send an empty message (no content, embeds, components, files, stickers or poll)'],
    ['more than 5 action rows', { components: [1, 2, 3, 4, 5, 6].map((n) => row(button(`b${n}`))) }, 'components: at most 5 action rows (got 6)'],
    [
      'a custom_id over 100 characters',
      { components: [row(button('c'.repeat(101)))] },
      'components[0].components[0].custom_id: at most 100 characters (got 101)',
    ],
    [
      'the same custom_id twice',
      { components: [row(button('next')), row(button('next'))] },
      'components[1].components[0].custom_id: duplicate custom_id "next": custom_ids must be unique within a message',
    ],
    [
      'a button without custom_id',
      { components: [row({ type: 2, style: 1, label: 'Go' })] },
      'components[0].components[0].custom_id: buttons of style 1 need a custom_id',
    ],
    [
      'a select menu sharing its row',
      { components: [row({ type: 3, custom_id: 'pick', options: [{ label: 'a', value: 'a' }] }, button('go'))] },
      'components[0].components: a select menu must be alone in its action row (got 2 components)',
    ],
    [
      'embeds over 6000 characters in total',
      { embeds: [1, 2].map(() => ({ title: 't'.repeat(200), description: 'd'.repeat(4000) })) },
      'embeds: at most 6000 characters across all embeds (got 8400)',
    ],
    ['an embed field with an empty name', { embeds: [{ fields: [{ name: '', value: 'v' }] }] }, 'embeds[0].fields[0].name: must not be empty'],
    [
      'an embed title over 256 characters (from the API description)',
      { embeds: [{ title: 't'.repeat(257) }] },
      'embeds[0].title: at most 256 characters (got 257)',
    ],
    [
      'more than 25 embed fields (from the API description)',
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] },
      'embeds[0].fields: at most 25 items (got 26)',
    ],
  ])('rejects %s', (_, body, expected) => {
    expect(rules('message-create', body)).toContain(expected);
  });
});

describe("Discord's rules for application commands", () => {
  const command = (overrides: object) => ({ name: 'lesson', description: 'Show a lesson', ...overrides });

  test('accepts what discord.js sends, including default_member_permissions as a string', () => {
    expect(
      rules('command-overwrite', [
        command({
          default_member_permissions: '32',
          options: [{ type: 3, name: 'lesson', description: 'Which', required: true, autocomplete: true }],
        }),
      ]),
    ).toEqual([]);
  });

  test.each([
    ['an uppercase command name', [command({ name: 'Lesson' })], '[0].name: must be lowercase (got "Lesson")'],
    ['a command name with spaces', [command({ name: 'my lesson' })], '[0].name: must match ^[-_\\p{L}\\p{N}]{1,32}$ (got "my lesson")'],
    [
      'an uppercase option name',
      [command({ options: [{ type: 3, name: 'Topic', description: 'd' }] })],
      '[0].options[0].name: must be lowercase (got "Topic")',
    ],
    [
      'a string choice value over 100 characters',
      [command({ options: [{ type: 3, name: 'topic', description: 'd', choices: [{ name: 'long', value: 'v'.repeat(101) }] }] })],
      '[0].options[0].choices[0].value: at most 100 characters (got 101)',
    ],
    [
      'a required option after an optional one',
      [
        command({
          options: [
            { type: 3, name: 'a', description: 'd' },
            { type: 3, name: 'b', description: 'd', required: true },
          ],
        }),
      ],
      '[0].options[1].required: required options must be listed before optional ones',
    ],
    ['two commands with the same name', [command({}), command({})], '[1].name: duplicate command name "lesson"'],
    ['a slash command without description', [{ name: 'lesson' }], '[0].description: slash commands need a description of 1-100 characters'],
  ])('rejects %s', (_, body, expected) => {
    expect(rules('command-overwrite', body)).toContain(expected);
  });
});

describe("Discord's rules for interaction callbacks", () => {
  test('rejects more than 25 autocomplete choices and choice values over 100 characters', () => {
    const choices = Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: n === 0 ? 'v'.repeat(101) : `v${n}` }));

    expect(rules('interaction-callback', { type: 8, data: { choices } }, AUTOCOMPLETE)).toEqual([
      'data.choices: at most 25 choices (got 26)',
      'data.choices[0].value: at most 100 characters (got 101)',
    ]);
  });

  test('rejects a callback type that does not fit the interaction', () => {
    expect(rules('interaction-callback', { type: 7, data: { content: 'x' } }, COMMAND)).toEqual([
      'type: callback type 7 cannot answer a slash command interaction (allowed: 4, 5, 9, 12)',
    ]);
  });

  test('checks the message inside a reply like any message', () => {
    expect(rules('interaction-callback', { type: 4, data: { content: 'x'.repeat(2001) } }, COMMAND)).toEqual([
      'data.content: at most 2000 characters (got 2001)',
    ]);
  });

  test('names an unknown component type instead of listing every union branch', () => {
    expect(rules('interaction-callback', { type: 4, data: { components: [row({ type: 99 })] } }, COMMAND)).toEqual([
      'data.components[0].components[0].type: must be one of 2, 8, 7, 6, 3, 5 here (got 99)',
    ]);
  });
});
