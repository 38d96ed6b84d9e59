import type { FailureKind } from '../failures.ts';
import { type Violation, describeViolation, formBodyErrors } from '../validation/violation.ts';

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
}

/**
 * A response in Discord's error shape. `failure` is recorded against the route (the bot did something
 * real Discord rejects); `refusal` explains an answer that is Discord's correct behaviour and is not recorded.
 */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
    readonly failure?: { kind: FailureKind; reasons: string[] },
    readonly refusal?: string,
  ) {
    super(`${status} ${body.message}`);
  }

  /** Why the request was answered this way, for `RequestRecord.error.reason`. */
  get reason(): string {
    return this.refusal ?? this.failure?.reasons.join('; ') ?? this.message;
  }
}

function reject(status: number, message: string, code: number, kind: FailureKind, reason: string): DiscordHttpError {
  return new DiscordHttpError(status, { message, code }, { kind, reasons: [reason] });
}

export const discordErrors = {
  unknownChannel: (id: string) => reject(404, 'Unknown Channel', 10003, 'unknown-resource', `unknown channel ${id}`),
  unknownMessage: (id: string) => reject(404, 'Unknown Message', 10008, 'unknown-resource', `unknown message ${id}`),
  unknownGuild: (id: string) => reject(404, 'Unknown Guild', 10004, 'unknown-resource', `unknown guild ${id}`),
  unknownUser: (id: string) => reject(404, 'Unknown User', 10013, 'unknown-resource', `unknown user ${id}`),
  unknownApplication: (id: string) => reject(404, 'Unknown Application', 10002, 'unknown-resource', `application ${id} is not the bot's application`),
  unknownCommand: (id: string) => reject(404, 'Unknown application command', 10063, 'unknown-resource', `unknown command ${id}`),
  unknownInteraction: (reason: string) => reject(404, 'Unknown interaction', 10062, 'interaction', reason),
  alreadyAcknowledged: (id: string) =>
    reject(400, 'Interaction has already been acknowledged.', 40060, 'interaction', `interaction ${id} was already acknowledged`),
  unknownWebhook: (reason: string) => reject(404, 'Unknown Webhook', 10015, 'webhook', reason),
  invalidWebhookToken: (reason: string) => reject(401, 'Invalid Webhook Token', 50027, 'webhook', reason),
  invalidJson: () => reject(400, 'The request body contains invalid JSON.', 50109, 'invalid-body', 'the request body is not valid JSON'),

  invalidFormBody(violations: readonly Violation[]): DiscordHttpError {
    const reasons = violations.map(describeViolation);
    if (violations.length === 1 && violations[0]!.code === 'EMPTY_MESSAGE') {
      return new DiscordHttpError(400, { message: 'Cannot send an empty message', code: 50006 }, { kind: 'invalid-body', reasons });
    }
    return new DiscordHttpError(
      400,
      { message: 'Invalid Form Body', code: 50035, errors: formBodyErrors(violations) },
      { kind: 'invalid-body', reasons },
    );
  },
};

function refuse(status: number, message: string, code: number, reason: string): DiscordHttpError {
  return new DiscordHttpError(status, { message, code }, undefined, reason);
}

/**
 * What Discord correctly answers when the world, not the payload, forbids a request (a channel the bot
 * may not see or post in, a deleted channel). Visible in `standin.requests`, never an `assertClean()` failure.
 */
export const discordRefusals = {
  missingAccess: (reason: string) => refuse(403, 'Missing Access', 50001, reason),
  missingPermissions: (reason: string) => refuse(403, 'Missing Permissions', 50013, reason),
  deletedChannel: (id: string) => refuse(404, 'Unknown Channel', 10003, `channel ${id} was deleted`),
  unknownMember: (id: string) => refuse(404, 'Unknown Member', 10007, `user ${id} is not a member of the guild`),
  unknownRole: (id: string) => refuse(404, 'Unknown Role', 10011, `role ${id} is not a role of the guild`),
  cannotMessageUser: (id: string) => refuse(403, 'Cannot send messages to this user', 50007, `user ${id} does not accept DMs from the bot`),
};

export const plainErrors = {
  notFound: { message: '404: Not Found', code: 0 },
  methodNotAllowed: { message: '405: Method Not Allowed', code: 0 },
  unauthorized: { message: '401: Unauthorized', code: 0 },
  serverError: { message: '500: Internal Server Error', code: 0 },
} satisfies Record<string, DiscordErrorBody>;
