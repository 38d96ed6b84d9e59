import { MessageFlags, type RepliableInteraction } from 'discord.js';

/**
 * Answers ephemerally whatever state the interaction is in: a deferred reply's placeholder
 * is replaced, an interaction already answered gets an ephemeral follow-up, a fresh one a reply.
 * A deferred button update is followed up, so the message the button sits on is left alone.
 */
export async function answerEphemerally(interaction: RepliableInteraction, content: string): Promise<void> {
  const allowedMentions = { parse: [] };
  if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
    await interaction.editReply({ content, embeds: [], components: [], allowedMentions });
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions });
  }
}
