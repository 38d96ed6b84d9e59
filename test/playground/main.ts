// `npm run playground [-- --course path/to/course.json] [-- --port 4000]`: the bot on a local Discord, in the browser.
import { parseArgs } from 'node:util';
import { startPlayground } from './playground.ts';

const { values } = parseArgs({ options: { course: { type: 'string' }, port: { type: 'string', default: '0' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port ${values.port} is not a port number (0 to 65535; 0 picks a free one).`);
  process.exit(1);
}
const playground = await startPlayground({ coursePath: values.course, port });
if (playground.courseError) console.error(`${playground.courseError}\n(The page shows this too; fix the file and start the playground again.)`);
console.log(
  `Study Companion playground: ${playground.url}\nThe real bot on a local stand-in of Discord; nothing here connects anywhere else. Ctrl+C stops it.`,
);
const stop = () => void playground.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
