import { type APIMessage, MessageFlags } from 'discord.js';
import type { Waiter } from '../waiting.ts';
import type { MessageStore } from '../world/messages.ts';
import type { CallbackBody, InteractionRecord, MessageBody } from './interaction-ledger.ts';

/** A test's view of one interaction: what the bot answered, edited and followed up with. */
export class InteractionExchange {
  constructor(
    private readonly record: InteractionRecord,
    private readonly messages: MessageStore,
    private readonly waiter: Waiter,
    private readonly explain: () => string,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** The interaction callback body `{ type, data }`. */
  get callback(): CallbackBody {
    if (!this.record.callback) throw new Error(`The bot has not answered ${this.record.label} yet`);
    return this.record.callback;
  }

  /** Bodies of every `PATCH .../messages/@original`, in order. */
  get edits(): MessageBody[] {
    return [...this.record.edits];
  }

  /** Bodies of every follow-up (`POST /webhooks/:app/:token`), in order. */
  get followUps(): MessageBody[] {
    return [...this.record.followUps];
  }

  /** The response message as it looks now (after edits); what `clickButton` needs. */
  get message(): APIMessage {
    const id = this.record.originalMessageId;
    const stored = id ? this.messages.get(id) : undefined;
    if (!stored) throw new Error(`${this.record.label} has no response message (callback type ${this.record.callback?.type ?? 'none'})`);
    return structuredClone(stored.json);
  }

  /** The follow-up messages as they look now. */
  get followUpMessages(): APIMessage[] {
    return this.record.followUpMessageIds
      .map((id) => this.messages.get(id))
      .filter((stored) => stored !== undefined)
      .map((stored) => structuredClone(stored.json));
  }

  get ephemeral(): boolean {
    return (Number(this.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  }

  /** Resolves with the body of the nth edit of the original response (the first by default). */
  edited(nth = 1): Promise<MessageBody> {
    return this.waiter.until(`edit #${nth} of the response to ${this.record.label}`, () => this.record.edits[nth - 1], {
      explain: this.explain,
    });
  }

  /** Resolves once the bot has sent `count` follow-ups, with all follow-up bodies so far. */
  followedUp(count = 1): Promise<MessageBody[]> {
    return this.waiter.until(
      `${count} follow-up(s) to ${this.record.label}`,
      () => (this.record.followUps.length >= count ? this.followUps : undefined),
      { explain: this.explain },
    );
  }
}
