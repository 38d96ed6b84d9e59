import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/course/load-course.ts';
import { openStudyStore } from '../../src/store/study-store.ts';
import { createLog } from '../../src/util/log.ts';
import { populateStore } from './populate-store.ts';
import { startBotProcess } from './processes.ts';
import { forkRpc } from './rpc.ts';

const workerEntry = fileURLToPath(new URL('./standin-worker.ts', import.meta.url));

export interface OrganiserToolsResult {
  learners: number;
  group: { deferredMs: number; doneMs: number; pacedLines: number };
  export: { deferredMs: number; doneMs: number; rows: number };
  /** The bot's RSS before the two commands, and its highest while they ran (sampled every 50 ms). */
  rssMb: { before: number; peak: number };
}

/** An organiser's /group (with pacing) and /admin export in a server of `learners` learners, against the bot as npm start runs it. */
export async function benchOrganiserTools(learners: number): Promise<OrganiserToolsResult> {
  const dir = mkdtempSync(join(tmpdir(), 'study-bench-organiser-'));
  const file = join(dir, 'study.sqlite');
  const standin = forkRpc(workerEntry);
  try {
    const setup = await standin.call<{ apiUrl: string; token: string; guildIds: string[]; channelIds: string[] }>('setup', {
      guilds: 1,
      membersPerGuild: 0,
    });
    const course = loadCourse();
    await populateStore(file, course, learners, 3, setup.guildIds);
    // A lesson of the day four lessons in, so that /group shows each learner's pace.
    const store = await openStudyStore(`sqlite://${file}`, createLog('silent'));
    await store.schedules.set(setup.guildIds[0]!, {
      channelId: setup.channelIds[0]!,
      time: '09:00',
      timeZone: 'UTC',
      weekdays: [1, 2, 3, 4, 5],
      paused: false,
    });
    await store.schedules.setPointer(setup.guildIds[0]!, { nextLessonId: course.lessons[4]!.id });
    await store.close();
    const bot = startBotProcess('dist/src/app/main.js', { DISCORD_API_URL: setup.apiUrl, DISCORD_TOKEN: setup.token, STORE_URL: `sqlite://${file}` });
    try {
      await standin.call('waitForReady');
      const before = bot.rssMb();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, bot.rssMb())), 50);
      try {
        const measured = await standin.call<Omit<OrganiserToolsResult, 'learners' | 'rssMb'>>('organiserCommands');
        return { learners, ...measured, rssMb: { before, peak: Math.max(peak, bot.rssMb()) } };
      } finally {
        clearInterval(sampler);
      }
    } finally {
      await bot.stop();
    }
  } finally {
    await standin.call('close').catch(() => undefined);
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
