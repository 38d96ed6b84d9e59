import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REST, Routes } from 'discord.js';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed, vi } from 'vitest';
import { loadCourse } from '../../src/course/load-course.ts';
import { startPlayground } from '../playground/playground.ts';
import { clickText, launchChromium, runCommand, waitForText } from '../playground/page-driver.ts';

let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});
afterAll(() => browser?.close());

/** A page on the playground; if the test fails, its screenshot is kept and its path printed. */
async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  pages.push(page);
  await page.setViewport({ width: 1280, height: 900 });
  onTestFailed(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'playground-failure-')), 'page.png');
    await page.screenshot({ path, fullPage: true });
    console.error(`playground test failed; screenshot: ${path}`);
  });
  await page.goto(url);
  return page;
}

/** `npm run playground -- …` as a user runs it, with no token; `printed` waits for its output to match. */
function runPlayground(...args: string[]) {
  const run = spawn('setsid', ['npm', 'run', '--silent', 'playground', '--', '--port', '0', ...args], {
    env: { ...process.env, DISCORD_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    printed: (pattern: RegExp) =>
      vi.waitFor(
        () => {
          const match = pattern.exec(output);
          if (!match) throw new Error(`not printed yet: ${pattern}\n${output}`);
          return match;
        },
        { timeout: 30_000, interval: 100 },
      ),
    // setsid made npm a process group of its own: it and the playground under it stop together.
    stop: () => process.kill(-run.pid!, 'SIGINT'),
  };
}

describe('the playground, in a real browser', () => {
  it('takes a newcomer from /lesson to Mark done, /progress, the next lesson of the day with its thread, and another learner’s quiz', async () => {
    const playground = await startPlayground();
    try {
      const page = await openPage(playground.url);
      await page.waitForSelector('#acting-as option');

      await runCommand(page, 'lesson', { lesson: 'linu' });
      await clickText(page, '[data-choices-for="lesson"] li', 'Linux');
      await page.click('#send');
      await clickText(page, '.message button', 'Mark done');
      await waitForText(page, '.message button', 'Mark not done');

      await runCommand(page, 'progress');
      await page.click('#send');
      await waitForText(page, '.message .embed', `1/${loadCourse().lessons.length}`);

      await page.click('#next-post');
      await waitForText(page, '.message .embed-author', 'Lesson of the day');
      await waitForText(page, 'nav a.thread', '·');

      const bo = playground.world!.people[2]!;
      await page.select('#acting-as', bo.id);
      await waitForText(page, '#acting-as option:checked', 'Bo');
      await clickText(page, '.message button', 'Quiz');
      await waitForText(page, '.message.ephemeral .only-you', 'Only you can see this');
      await clickText(page, '.message.ephemeral .row button', '');
      await waitForText(page, '.message.ephemeral', 'Answer:');
      expect(playground.world!.discord.failures).toEqual([]);
    } finally {
      await playground.close();
    }
  }, 90_000);

  it('brings a learner’s reminder on the way when the clock jumps a day, in their DM', async () => {
    const playground = await startPlayground();
    try {
      const page = await openPage(playground.url);
      const ada = playground.world!.people[1]!;
      await page.waitForSelector('#acting-as option');
      const hour = new Date(playground.world!.clock.now().getTime() + 3 * 3_600_000).getUTCHours();
      await runCommand(page, 'me', { 'reminder-time': `${String(hour).padStart(2, '0')}:00` });
      await page.select('[data-option="reminders"]', 'true');
      await page.click('#send');
      await page.waitForSelector('.message.ephemeral');
      await page.click('#next-day');
      await clickText(page, 'nav a.dm', 'DM');
      await waitForText(page, '.message', '⏰ Time to study.');
      expect(playground.world!.discord.directMessagesTo(ada.user)).toHaveLength(1); // once, on the way through the day
    } finally {
      await playground.close();
    }
  }, 90_000);

  it('offers organisers’ commands to the organiser only, with channel, role and autocomplete options', async () => {
    const playground = await startPlayground();
    try {
      const page = await openPage(playground.url);
      const { people, study, guild } = playground.world!;
      await page.waitForSelector('#acting-as option');
      await page.type('#command', '/ad');
      expect(await page.$('#suggestions li[data-command="admin"]')).toBeNull(); // Ada is a learner

      await page.click('#command', { count: 3 });
      await page.keyboard.press('Backspace');
      await page.select('#acting-as', people[0]!.id);
      await waitForText(page, '#acting-as option:checked', 'organiser');
      await runCommand(page, 'schedule', { time: '07:30' });
      await page.select('[data-option="channel"]', study.id);
      await page.click('#send');
      await waitForText(page, '.message.ephemeral', 'Saved: the lesson of the day goes to #study at 07:30');

      await runCommand(page, 'milestones', { part: 'MLOps1' });
      await clickText(page, '[data-choices-for="part"] li', 'MLOps1');
      await page.select('[data-option="role"]', guild.roles.find((role) => role.name === 'MLOps1 graduate')!.id);
      await page.click('#send');
      await waitForText(page, '.message.ephemeral', '🏅 Saved: learners who finish MLOps1 get @MLOps1 graduate.');
      expect(playground.world!.discord.failures).toEqual([]);
    } finally {
      await playground.close();
    }
  }, 90_000);

  it('starts with npm run playground, no token and no configuration, and serves the page on 127.0.0.1 only', async () => {
    const run = runPlayground();
    try {
      const url = (await run.printed(/Study Companion playground: (http:\/\/\S+)/))[1]!;
      expect(new URL(url).hostname).toBe('127.0.0.1');
      expect(await (await fetch(url)).text()).toContain('<title>Study Companion playground</title>');
      const state = (await (await fetch(`${url}api/state`)).json()) as { commands: { name: string }[] };
      expect(state.commands.map((command) => command.name)).toContain('lesson');
      // Another site's page cannot drive the bot: a simple cross-site POST is text/plain, and is refused.
      const crossSite = await fetch(`${url}api/clock`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"to":"next-day"}' });
      expect(crossSite.status).toBe(415);
    } finally {
      run.stop();
    }
  }, 60_000);

  it('shows in red, with the route and the rule, anything Discord would reject', async () => {
    const playground = await startPlayground();
    try {
      const page = await openPage(playground.url);
      const { discord, study } = playground.world!;
      const tooLong = { embeds: [{ title: 'x'.repeat(300) }] }; // an embed title has at most 256 characters
      await expect(
        new REST({ api: discord.apiUrl }).setToken(discord.token).post(Routes.channelMessages(study.id), { body: tooLong }),
      ).rejects.toThrow();
      await page.waitForSelector('#failures:not([hidden])');
      const shown = await page.$eval('#failures', (e) => e.textContent ?? '');
      expect(shown).toMatch(/^Discord would reject this:\nPOST \/channels\/:channel_id\/messages: .*embeds\[0\]\.title/);
      discord.takeFailures();
    } finally {
      await playground.close();
    }
  }, 60_000);

  it('shows a damaged course file’s error on the page, with the file and the rule', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'playground-course-'));
    const file = join(folder, 'course.json');
    writeFileSync(file, JSON.stringify({ id: 'broken', title: 'Broken', parts: [{ id: 'Not A Slug', title: '', lessons: [] }] }));
    const playground = await startPlayground({ coursePath: file });
    try {
      expect(playground.courseError).toMatch(/is invalid/);
      const terminal = runPlayground('--course', file);
      try {
        await terminal.printed(/The course outline .* is invalid:\n {2}- parts\[0\]/);
      } finally {
        terminal.stop();
      }
      const page = await openPage(playground.url);
      await page.waitForSelector('#course-error:not([hidden])');
      const shown = await page.$eval('#course-error', (e) => e.textContent ?? '');
      expect(shown).toContain(file);
      expect(shown).toMatch(/parts\[0\]/);
    } finally {
      await playground.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
