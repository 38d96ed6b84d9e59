import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { answerEphemerally, channelMessageBody, editReply, reply } from '../../src/ui/reply.ts';

const projectRoot = new URL('../../', import.meta.url).pathname;
const embed = { title: 'A lesson', description: 'Hello <@123456789012345678> and @everyone' };

/** An interaction that records what it was asked to send. */
function recordingInteraction(state: { deferred?: boolean; replied?: boolean } = {}) {
  const sent: { method: string; options: Record<string, unknown> }[] = [];
  const record = (method: string) => async (options: Record<string, unknown>) => void sent.push({ method, options });
  const interaction = {
    deferred: false,
    replied: false,
    ...state,
    isMessageComponent: () => false,
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
  };
  return { interaction: interaction as unknown as RepliableInteraction, sent };
}

describe('every answer', () => {
  it('pings nobody and sends embeds and components as the JSON they are', async () => {
    const { interaction, sent } = recordingInteraction();
    await reply(interaction, { content: 'Hi @everyone', embeds: [embed], components: [{ type: 1, components: [] }] }, { ephemeral: true });
    const [{ options }] = sent as unknown as [
      { options: { allowedMentions: unknown; flags: number; embeds: { toJSON(): unknown }[]; components: { toJSON(): unknown }[] } },
    ];
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(options.flags).toBe(MessageFlags.Ephemeral);
    expect(options.embeds[0]!.toJSON()).toBe(embed);
    expect(options.components[0]!.toJSON()).toEqual({ type: 1, components: [] });
  });

  it('replaces a deferred reply whole, and answers errors the way the interaction allows', async () => {
    const deferred = recordingInteraction({ deferred: true });
    await editReply(deferred.interaction, { content: 'Done' });
    expect(deferred.sent[0]).toMatchObject({
      method: 'editReply',
      options: { content: 'Done', embeds: [], components: [], allowedMentions: { parse: [] } },
    });
    const answered = recordingInteraction({ replied: true });
    await answerEphemerally(answered.interaction, 'No such lesson');
    expect(answered.sent[0]).toMatchObject({
      method: 'followUp',
      options: { content: 'No such lesson', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } },
    });
  });

  it('gives a message sent by REST (the daily post) no pings either', () => {
    expect(channelMessageBody({ embeds: [embed] })).toMatchObject({ embeds: [embed], allowed_mentions: { parse: [] } });
  });

  it('fails the lint of a handler that answers without the reply kit', async () => {
    const eslint = new ESLint({ cwd: projectRoot, overrideConfigFile: '.eslint.config.js' });
    const handler =
      "export async function execute(interaction: { reply(options: object): Promise<void> }) {\n  await interaction.reply({ content: 'hi' });\n}\n";
    const [result] = await eslint.lintText(handler, { filePath: `${projectRoot}commands/example.ts` });
    expect(result!.messages.map((message) => message.message)).toContainEqual(expect.stringContaining('Answer interactions through src/ui/reply.ts'));
  });
});
