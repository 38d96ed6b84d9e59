import type { APIMessage } from 'discord.js';

export interface StoredMessage {
  json: APIMessage;
  /** Ephemeral messages exist for one user only and are never listed in the channel. */
  ephemeral: boolean;
  deleted: boolean;
}

/** Every message the bot created, in creation order. */
export class MessageStore {
  private readonly byId = new Map<string, StoredMessage>();

  add(json: APIMessage, ephemeral: boolean): StoredMessage {
    const stored: StoredMessage = { json, ephemeral, deleted: false };
    this.byId.set(json.id, stored);
    return stored;
  }

  /** A message that still exists. */
  get(id: string): StoredMessage | undefined {
    const stored = this.byId.get(id);
    return stored && !stored.deleted ? stored : undefined;
  }

  replace(id: string, json: APIMessage): void {
    const stored = this.byId.get(id);
    if (stored) stored.json = json;
  }

  delete(id: string): void {
    const stored = this.byId.get(id);
    if (stored) stored.deleted = true;
  }

  /** Copies of the messages everyone can see in a channel, oldest first. */
  visibleIn(channelId: string): APIMessage[] {
    return [...this.byId.values()]
      .filter((stored) => !stored.deleted && !stored.ephemeral && stored.json.channel_id === channelId)
      .map((stored) => structuredClone(stored.json));
  }
}
