import { Client, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';

/**
 * A client with the Guilds intent only: slash commands, buttons and posting need no
 * privileged intent. Caches the bot does not read are switched off; no message ever
 * pings anyone unless a payload says so explicitly. `rest` adds REST options (the bot's budget).
 */
export function createClient(apiUrl: string, rest: Partial<RESTOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...rest, api: apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
    }),
  });
}
