// Redraws the README's picture of the playground: `npx tsx test/playground/readme-screenshot.ts`.
import { fileURLToPath } from 'node:url';
import { clickText, launchChromium, runCommand, waitForText } from './page-driver.ts';

declare const document: { querySelectorAll(selector: string): { length: number } };
import { startPlayground } from './playground.ts';

const out = new URL('../../.github/readme/playground.png', import.meta.url);
const playground = await startPlayground();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1500 });
  await page.goto(playground.url);
  await page.waitForSelector('#acting-as option');
  await page.click('#next-post');
  // Today's post (made at start, as the bot catches up) and the next one, then "Studied it" on the newest.
  await page.waitForFunction(() => document.querySelectorAll('.message .embed-author').length >= 2);
  await clickText(page, '.message button', 'Studied it');
  await runCommand(page, 'progress');
  await page.click('#send');
  await waitForText(page, '.message .embed', 'Whole course');
  await page.waitForSelector('.embed img');
  await page.evaluate('document.getElementById("messages").scrollTop = 1e6');
  await page.screenshot({ path: fileURLToPath(out) });
  console.log(`wrote ${fileURLToPath(out)}`);
} finally {
  await browser.close();
  await playground.close();
}
