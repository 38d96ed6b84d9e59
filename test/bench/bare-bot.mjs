// The baseline: a bare discord.js 14 client with the same intents and cache settings as the
// bot (BARE_CACHES=default: discord.js's default caches instead), answering every interaction
// with a static embed of similar size to a lesson, and /progress with a static PNG of a
// progress card's size as the embed's image, as the bot's /progress carries one. Plain
// JavaScript, run like the bot's compiled build with npm start's Node flags. Env:
// DISCORD_API_URL, DISCORD_TOKEN, BARE_COMMANDS_FILE: the bot's command definitions as JSON,
// written by the benchmark, so that this client registers the same commands without loading
// any of the bot's modules; BARE_CARD_FILE: the PNG to attach.
// Not part of the bot: benchmarks compare against it.
import { readFileSync } from 'node:fs';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, EmbedBuilder, Events, GatewayIntentBits, Options, Routes } from 'discord.js';
import { cacheLimits } from '../../dist/src/discord/cache-limits.js';

const apiUrl = process.env.DISCORD_API_URL;
// The bot's cache settings (or discord.js's defaults), with discord.js as installed.
const makeCache =
  process.env.BARE_CACHES === 'default' ? undefined : Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, ...cacheLimits });
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: apiUrl },
  allowedMentions: { parse: [], repliedUser: false },
  ...(makeCache && { makeCache }),
});
const text = (n) => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil(n / 57)).slice(0, n);
const embed = new EmbedBuilder()
  .setTitle('Static lesson')
  .setAuthor({ name: 'Part · Lesson 1 of 18' })
  .setDescription(text(520))
  .addFields({ name: 'Key topics', value: text(300) }, { name: 'Practice', value: text(480) }, { name: 'Check yourself', value: text(300) });
const buttons = new ActionRowBuilder().addComponents(
  new ButtonBuilder().setCustomId('bare:a').setLabel('Mark done').setStyle(ButtonStyle.Success),
  new ButtonBuilder().setCustomId('bare:b').setLabel('Next ▶').setStyle(ButtonStyle.Secondary),
);
const payload = { embeds: [embed], components: [buttons], allowedMentions: { parse: [] } };
const card = readFileSync(process.env.BARE_CARD_FILE);
const withCard = {
  ...payload,
  embeds: [new EmbedBuilder(embed.toJSON()).setImage('attachment://progress.png')],
  files: [{ attachment: card, name: 'progress.png' }],
};

client.on(Events.InteractionCreate, async (interaction) => {
  if (interaction.isAutocomplete()) await interaction.respond([{ name: 'Source Systems (MLOps2)', value: 'source-systems' }]);
  else if (interaction.isButton()) await interaction.update(payload);
  else if (interaction.isChatInputCommand()) await interaction.reply(interaction.commandName === 'progress' ? withCard : payload);
});
client.once(Events.ClientReady, async (ready) => {
  // The same command definitions as the bot, so the stand-in accepts the same interactions.
  const commands = JSON.parse(readFileSync(process.env.BARE_COMMANDS_FILE, 'utf8'));
  await ready.rest.put(Routes.applicationCommands(ready.user.id), { body: commands });
});
process.on('SIGTERM', async () => {
  await client.destroy();
  process.exit(0);
});
await client.login(process.env.DISCORD_TOKEN);
