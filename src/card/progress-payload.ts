import type { APIEmbed } from 'discord.js';
import type { Payload } from '../ui/reply.ts';
import type { Log } from '../util/log.ts';
import type { ProgressCardFacts } from './card-facts.ts';
import type { ProgressCards } from './progress-cards.ts';

export const cardFileName = 'progress.png';

/**
 * The /progress embed with the learner's card as its image. The embed keeps every fact as text
 * (screen readers, clients without images), so a card that fails to draw is logged and left out,
 * and one the process is too busy to draw is left out.
 */
export async function progressPayload(
  context: { progressCards: ProgressCards; log: Log },
  embed: APIEmbed,
  facts: ProgressCardFacts,
): Promise<Payload> {
  try {
    const card = await context.progressCards.render(facts);
    if (!card) return { embeds: [embed] };
    return { embeds: [{ ...embed, image: { url: `attachment://${cardFileName}` } }], files: [{ name: cardFileName, data: card }] };
  } catch (error) {
    context.log.error({ err: error }, 'progress card not drawn');
    return { embeds: [embed] };
  }
}
