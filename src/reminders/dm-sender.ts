import { DiscordAPIError, Routes, type APIChannel, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { BulkLane } from '../rest/bulk-lane.ts';
import type { ReminderStore } from '../store/reminder-store.ts';

/** Discord's answer when a user does not accept DMs from the bot. */
const cannotMessageUser = 50007;
const unknownChannel = 10003;

const hasCode = (error: unknown, code: number) => error instanceof DiscordAPIError && Number(error.code) === code;

/** Sends a learner a DM; 'closed' when their DMs do not accept the bot. */
export type DmSender = (userId: string, body: RESTPostAPIChannelMessageJSONBody) => Promise<'sent' | 'closed'>;

/**
 * DMs through the bot's bulk lane, so within its one REST budget. A DM is two requests the first
 * time (open the DM channel, then send); the channel's id is kept in the store, so later DMs are one.
 */
export function createDmSender(rest: REST, lane: BulkLane, reminders: ReminderStore): DmSender {
  const openChannel = async (userId: string) => {
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    await reminders.setDmChannel(userId, channel.id);
    return channel.id;
  };
  return (userId, body) =>
    lane.send(async () => {
      const known = await reminders.dmChannelOf(userId);
      try {
        const channelId = known ?? (await openChannel(userId));
        await rest.post(Routes.channelMessages(channelId), { body }).catch(async (error: unknown) => {
          // A kept channel id that Discord no longer knows: open the DM again, once.
          if (!known || !hasCode(error, unknownChannel)) throw error;
          await rest.post(Routes.channelMessages(await openChannel(userId)), { body });
        });
        return 'sent';
      } catch (error) {
        if (hasCode(error, cannotMessageUser)) return 'closed';
        throw error;
      }
    });
}
