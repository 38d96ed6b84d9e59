// A second OS process for the store tests:
//   node --import tsx complete-lessons-process.ts <STORE_URL> <learner> <lesson id>…
// Opens the store, prints "ready", waits for "go" on stdin, completes the lessons all at once,
// closes the store and ends by itself, which it can only do if close() released every connection.
import { createLog } from '../../src/util/log.ts';
import { openStudyStore } from '../../src/store/study-store.ts';

const [url = '', learner = '', ...lessonIds] = process.argv.slice(2);
const store = await openStudyStore(url, createLog('silent'));
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy();
await Promise.all(lessonIds.map((lessonId) => store.setCompletion(learner, lessonId, new Date())));
await store.close();
