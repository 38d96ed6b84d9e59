import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type ChatInputCommandInteraction,
  type Client,
  Events,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';

/**
 * A tiny bot written the ordinary discord.js way, to show the stand-in works with an unchanged client.
 * Tests may add handlers of their own through `extraCommands`.
 */
export const exampleCommands = [
  new SlashCommandBuilder()
    .setName('lesson')
    .setDescription('Show a lesson')
    .addStringOption((option) => option.setName('lesson').setDescription('Which lesson').setRequired(true).setAutocomplete(true)),
  new SlashCommandBuilder().setName('summary').setDescription('Summarise the week (slowly)'),
  new SlashCommandBuilder().setName('whoami').setDescription('Tell admins from members').setDMPermission(true),
  new SlashCommandBuilder()
    .setName('discuss')
    .setDescription('Open a discussion thread')
    .addStringOption((option) => option.setName('topic').setDescription('What to discuss').setRequired(true)),
];

const LESSONS = ['linux', 'kafka', 'kubernetes', 'kotlin'];

export type ExtraCommand = (interaction: ChatInputCommandInteraction) => Promise<unknown>;

export interface ExampleBot {
  /** Errors the handlers hit (for example a payload the stand-in rejected). */
  errors: Error[];
  extraCommands: Map<string, ExtraCommand>;
}

export function installExampleBot(client: Client): ExampleBot {
  const bot: ExampleBot = { errors: [], extraCommands: new Map() };
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction, bot).catch((error: unknown) => bot.errors.push(error as Error));
  });
  return bot;
}

async function handle(interaction: Interaction, bot: ExampleBot): Promise<void> {
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused();
    await interaction.respond(LESSONS.filter((lesson) => lesson.startsWith(typed)).map((lesson) => ({ name: lesson, value: lesson })));
    return;
  }
  if (interaction.isButton()) {
    const [, lesson] = interaction.customId.split(':');
    await interaction.update({ content: `Marked ${lesson} as done`, components: [] });
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  const extra = bot.extraCommands.get(interaction.commandName);
  if (extra) {
    await extra(interaction);
    return;
  }
  switch (interaction.commandName) {
    case 'lesson': {
      const lesson = interaction.options.getString('lesson', true);
      const done = new ButtonBuilder().setCustomId(`done:${lesson}`).setLabel('Done').setStyle(ButtonStyle.Success);
      await interaction.reply({ content: `Lesson: ${lesson}`, components: [new ActionRowBuilder<ButtonBuilder>().addComponents(done)] });
      return;
    }
    case 'summary':
      await interaction.deferReply();
      await interaction.editReply('Summary: 3 lessons done');
      return;
    case 'whoami': {
      const role = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? 'admin' : 'member';
      await interaction.reply({ content: `${role} in ${interaction.inGuild() ? 'a guild' : 'a DM'}`, flags: MessageFlags.Ephemeral });
      return;
    }
    case 'discuss': {
      const topic = interaction.options.getString('topic', true);
      await interaction.reply({ content: 'Opening a thread', flags: MessageFlags.Ephemeral });
      if (!interaction.channel?.isSendable()) throw new Error('discuss needs a channel the bot can send to');
      const message = await interaction.channel.send(`Discussion: ${topic}`);
      await message.startThread({ name: topic });
      return;
    }
  }
}
