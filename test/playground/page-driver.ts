import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** What the functions run inside the page use of the DOM (the project compiles without the DOM's types). */
interface PageElement {
  textContent: string | null;
  disabled?: boolean;
  click(): void;
}
declare const document: { querySelectorAll(selector: string): Iterable<PageElement> };

/** Debian's Chromium (`.ci/run` installs it), headless; CHROMIUM_PATH names another. */
export async function launchChromium(): Promise<Browser> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`No Chromium at ${chromium}: apt-get install chromium (as .ci/run does), or set CHROMIUM_PATH`);
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

export const waitForText = (page: Page, selector: string, text: string) =>
  page.waitForFunction((s, t) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(t)), { timeout: 15_000 }, selector, text);

/** Clicks the last element matching `selector` whose text includes `text`, found and clicked in one step (the page re-renders as it polls). */
export async function clickText(page: Page, selector: string, text: string) {
  await page.waitForFunction(
    (s, t) => {
      const found = [...document.querySelectorAll(s)].filter((e) => e.textContent?.includes(t) && !e.disabled).at(-1);
      found?.click();
      return found !== undefined;
    },
    { timeout: 15_000 },
    selector,
    text,
  );
}

/** Types the command's first letters, picks it from the suggestions and types its options. */
export async function runCommand(page: Page, name: string, options: Record<string, string> = {}) {
  await page.type('#command', `/${name.slice(0, 3)}`);
  await page.click(`#suggestions li[data-command="${name}"]`);
  for (const [option, value] of Object.entries(options)) await page.type(`[data-option="${option}"]`, value);
}
