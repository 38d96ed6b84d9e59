import type { APIApplicationCommandOptionChoice, APIInteractionResponseCallbackData, InteractionResponseType, InteractionType } from 'discord.js';
import type { ChannelRecord, StandinUser } from '../world/records.ts';

/** A message body as the bot sent it in a callback, an edit or a follow-up. */
export type MessageBody = APIInteractionResponseCallbackData;

/** What the bot answered to the interaction itself (`POST /interactions/:id/:token/callback`). */
export interface CallbackBody {
  type: InteractionResponseType;
  data?: MessageBody & {
    choices?: APIApplicationCommandOptionChoice[];
    custom_id?: string;
    title?: string;
  };
}

/** One interaction the stand-in sent, and everything the bot did with it. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: InteractionType;
  /** How tests name it, e.g. `/lesson` or `button "next"`. */
  readonly label: string;
  readonly user: StandinUser;
  readonly channel: ChannelRecord;
  readonly guildId: string | null;
  readonly createdAt: number;
  readonly commandName?: string;
  /** For component interactions: the message the component is on. */
  readonly sourceMessageId?: string;
  callback?: CallbackBody;
  /** Why Discord refused the bot's callback, if it did. */
  rejection?: string;
  originalMessageId?: string;
  /** True while a deferred reply still shows "thinking…". */
  loading: boolean;
  readonly edits: MessageBody[];
  readonly followUps: MessageBody[];
  readonly followUpMessageIds: string[];
}

/** The waiting topic of an interaction's first answer (see `Waiter.until`). */
export const answerTopic = (record: Pick<InteractionRecord, 'id'>) => `interaction ${record.id} answered`;

export class InteractionLedger {
  private readonly byIdMap = new Map<string, InteractionRecord>();
  private readonly byTokenMap = new Map<string, InteractionRecord>();

  /** `touch` marks a waiting topic as changed (the stand-in's Waiter). */
  constructor(private readonly touch: (topic: string) => void = () => {}) {}

  /** The bot's first answer was accepted or refused. */
  answered(record: InteractionRecord, outcome: { callback: CallbackBody } | { rejection: string }): void {
    if ('callback' in outcome) record.callback = outcome.callback;
    else record.rejection = outcome.rejection;
    this.touch(answerTopic(record));
  }

  add(record: InteractionRecord): void {
    this.byIdMap.set(record.id, record);
    this.byTokenMap.set(record.token, record);
  }

  byId(id: string): InteractionRecord | undefined {
    return this.byIdMap.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.byTokenMap.get(token);
  }
}
