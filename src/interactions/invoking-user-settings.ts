import type { Interaction } from 'discord.js';
import type { StudyStore } from '../store/study-store.ts';
import type { LearnerSettings } from '../store/values.ts';

const readFor = new WeakMap<Interaction, Promise<LearnerSettings>>();

/**
 * The invoking user's settings, read once per interaction: /progress and the closed-DMs notice
 * after it share one read. Read when first asked, so after a command that changes settings it may
 * be stale: decide a change on what `updateSettings` hands its callback, never on this.
 */
export function invokingUserSettings(interaction: Interaction, store: Pick<StudyStore, 'learners'>): Promise<LearnerSettings> {
  let settings = readFor.get(interaction);
  if (!settings) {
    settings = store.learners.getSettings([interaction.user.id]).then(([found]) => found ?? {});
    readFor.set(interaction, settings);
  }
  return settings;
}
