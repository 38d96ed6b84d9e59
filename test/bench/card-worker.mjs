// Draws `CARDS` distinct progress cards with the bot's built card module (dist/, as npm start
// runs it) and prints, as JSON: the first card's time (fonts loaded with it), every later card's
// time, and RSS before the module was loaded, after the first card and after the last.
import { readdirSync } from 'node:fs';

const dir = new URL('../../dist/src/app/', import.meta.url);
const chunk = readdirSync(dir).find((file) => file.startsWith('progress-card-') && file.endsWith('.js'));
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const day = ['studied', 'missed', 'frozen', 'studied', 'studied'];
const facts = (i) => ({
  learnerName: `Learner ${i} ${'ÄöЖλ'.slice(0, i % 5)}`,
  courseTitle: 'MLOps',
  nextLesson: i % 19 === 18 ? undefined : `Lesson ${i % 19}`,
  overall: { done: i % 19, total: 18, percent: Math.floor(((i % 19) * 100) / 18) },
  parts: [
    { title: 'MLOps1', colour: 0x3b82f6, tally: { done: i % 12, total: 11, percent: Math.floor(((i % 12) * 100) / 11) } },
    { title: 'MLOps2', colour: 0x10b981, tally: { done: i % 8, total: 7, percent: Math.floor(((i % 8) * 100) / 7) } },
  ],
  streak: { days: i % 40, freezes: i % 3, maxFreezes: 2 },
  calendar: Array.from({ length: 12 }, (_, week) => Array.from({ length: 7 }, (_, weekday) => day[(i + week * 7 + weekday) % day.length])),
  quiz: { known: i % 93, total: 92, reviewsDue: i % 11 },
});

const before = rssMb();
let started = performance.now();
const { drawProgressCard } = await import(new URL(chunk, dir).href);
drawProgressCard(facts(0));
const firstMs = performance.now() - started;
const afterFirst = rssMb();
const latencies = [];
for (let i = 1; i <= Number(process.env.CARDS); i += 1) {
  started = performance.now();
  drawProgressCard(facts(i));
  latencies.push(performance.now() - started);
  // As between interactions: let the event loop turn, so memory held outside V8 is freed.
  if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
}
console.log(JSON.stringify({ firstMs, latencies, rssMb: { before, afterFirst, afterAll: rssMb() } }));
