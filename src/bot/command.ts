import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Clock } from '../clock.ts';
import type { Course } from '../course/course.ts';
import type { Log } from '../log.ts';
import type { DailyPoster } from '../schedule/daily-poster.ts';
import type { StudyStore } from '../store/study-store.ts';

/** What every handler is given: the course, the store, the clock, a logger and settings. */
export interface CommandContext {
  course: Course;
  store: StudyStore;
  clock: Clock;
  log: Log;
  /** IANA time zone for streaks and dates where a server has none of its own (STUDY_TIMEZONE). */
  defaultTimeZone: string;
  /** The lesson of the day: schedules and posting. */
  poster: DailyPoster;
}

/** One slash command: its registration JSON and its handlers. `export default { data, execute } satisfies Command`. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): Promise<void>;
}
