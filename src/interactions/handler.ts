import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Course } from '../course/course.ts';
import type { LessonOfTheDay } from '../schedule/lesson-of-the-day.ts';
import type { StudyStore } from '../store/study-store.ts';
import type { ButtonAction, ButtonActionName } from '../ui/custom-id.ts';
import type { ProgressCards } from '../card/progress-cards.ts';
import type { Clock } from '../util/clock.ts';
import type { Log } from '../util/log.ts';

/** What every handler is given: the course, the store, the clock, a logger and settings. */
export interface HandlerContext {
  course: Course;
  store: StudyStore;
  clock: Clock;
  log: Log;
  /** IANA time zone for streaks and dates where a server has none of its own (STUDY_TIMEZONE). */
  defaultTimeZone: string;
  /** The lesson of the day, as far as /schedule may touch it. */
  lessonOfTheDay: LessonOfTheDay;
  /** Draws (and keeps the latest) /progress cards. */
  progressCards: ProgressCards;
}

/** One slash command: its registration JSON and its handlers. `export default { data, execute } satisfies Command`. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: HandlerContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: HandlerContext): Promise<void>;
}

/**
 * The handler of one or more button actions (src/buttons/): `export default buttonHandler(['done', 'undo'], …)`.
 * Every action of the custom-id codec has exactly one handler; the router finds it by the action.
 */
export interface ButtonHandler<Name extends ButtonActionName = ButtonActionName> {
  actions: readonly Name[];
  execute(interaction: ButtonInteraction, button: ButtonAction<Name>, context: HandlerContext): Promise<void>;
}

/** Declares a button handler with its actions, so `button` is typed by exactly those actions. */
export function buttonHandler<const Name extends ButtonActionName>(
  actions: readonly Name[],
  execute: ButtonHandler<Name>['execute'],
): ButtonHandler<Name> {
  return { actions, execute };
}
