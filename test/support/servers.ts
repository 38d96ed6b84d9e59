import { execFile, spawn } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

/** A database server of the test's own, on 127.0.0.1 and a free port, in a fresh folder that `stop()` removes. */
export interface TestServer {
  url: string;
  stop(): Promise<void>;
}

const startDeadlineMs = 30_000;
const stopDeadlineMs = 10_000;
const run = promisify(execFile);

/** Every failure names the Debian package that provides the server, so the fix is one apt-get away. */
class ServerStartError extends Error {
  constructor(server: string, debianPackage: string, what: string) {
    super(`Cannot start a ${server} test server: ${what}. It comes from the Debian package ${debianPackage} (apt-get install -y ${debianPackage}).`);
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder of PATH
    }
  }
  return undefined;
}

type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;

/**
 * Starts `command` in the foreground and resolves once `accepting()` answers true. Rejects with
 * the server's own output if it exits first or is not accepting connections by the deadline.
 */
async function startServerProcess(command: string, args: string[], accepting: () => Promise<boolean>) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.once('error', (error) => void (output += `\n${error.message}`));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const deadline = Date.now() + startDeadlineMs;
  while (!(await accepting())) {
    if (!running()) throw new Error(`it exited while starting (${child.exitCode ?? child.signalCode ?? 'not started'}):\n${output.trim()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`it did not accept connections within ${startDeadlineMs / 1000} s:\n${output.trim()}`);
    }
    await sleep(100);
  }
  return { child, exited, running };
}

/** Asks the server to stop, kills it if it lingers, then removes its folder. */
async function stopServer(server: ServerProcess, askToStop: () => void, dir: string) {
  if (server.running()) {
    askToStop();
    const lingering = await Promise.race([server.exited.then(() => false), sleep(stopDeadlineMs, true, { ref: false })]);
    if (lingering) server.child.kill('SIGKILL');
    await server.exited;
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Whether Redis answers +PONG on a fresh connection. */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const answer = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(1_000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => answer(data.toString().startsWith('+PONG')));
    socket.once('error', () => answer(false));
    socket.once('timeout', () => answer(false));
  });
}

/** A Redis server (Debian package redis-server) that keeps everything in memory. */
export async function startRedis(): Promise<TestServer> {
  const binary = findOnPath('redis-server');
  if (!binary) throw new ServerStartError('Redis', 'redis-server', 'redis-server is not on PATH');
  const dir = mkdtempSync(join(tmpdir(), 'study-redis-'));
  const port = await freePort();
  try {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    const server = await startServerProcess(binary, args, () => redisAnswers(port));
    return { url: `redis://127.0.0.1:${port}`, stop: () => stopServer(server, () => server.child.kill('SIGTERM'), dir) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new ServerStartError('Redis', 'redis-server', `redis-server failed: ${(error as Error).message}`);
  }
}

/** The newest PostgreSQL server binaries the Debian packages installed. */
function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions
    .map((version) => join(root, version, 'bin'))
    .find((bin) => ['initdb', 'postgres', 'pg_isready'].every((name) => existsSync(join(bin, name))));
}

/**
 * initdb and postgres refuse to run as root (as tests and CI do): then they run as the postgres
 * system user, through runuser, in a folder that user owns. Returns the command prefix.
 */
async function runAsPostgresUser(dir: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout);
  const [uid, gid] = await Promise.all([id('-u'), id('-g')]).catch(() => {
    throw new Error('there is no postgres system user (the Debian package creates it)');
  });
  chownSync(dir, uid, gid);
  return ['runuser', '-u', 'postgres', '--'];
}

/** A command line running one of PostgreSQL's binaries, as the postgres user when `asUser` says so. */
function postgresCommand(asUser: string[], binary: string, args: string[]): [string, string[]] {
  return asUser.length === 0 ? [binary, args] : [asUser[0]!, [...asUser.slice(1), binary, ...args]];
}

/** A PostgreSQL server (Debian package postgresql) trusting local connections, fast rather than durable. */
export async function startPostgres(): Promise<TestServer> {
  const bin = postgresBinDir();
  if (!bin) throw new ServerStartError('PostgreSQL', 'postgresql', 'no server binaries under /usr/lib/postgresql/*/bin');
  const dir = mkdtempSync(join(tmpdir(), 'study-postgres-'));
  const data = join(dir, 'data');
  try {
    const asUser = await runAsPostgresUser(dir);
    const initdb = postgresCommand(asUser, join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    await run(...initdb, { cwd: dir }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`initdb failed: ${error.stderr?.trim() || error.message}`);
    });
    const port = await freePort();
    const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
    const postgres = postgresCommand(asUser, join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      '',
      ...settings.flatMap((setting) => ['-c', setting]),
    ]);
    const accepting = () =>
      run(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-t', '1']).then(
        () => true,
        () => false,
      );
    const server = await startServerProcess(...postgres, accepting).catch((error: Error) => {
      throw new Error(`postgres failed: ${error.message}`);
    });
    // SIGINT is PostgreSQL's fast shutdown, sent to the postmaster itself rather than to runuser.
    const fastShutdown = () => {
      try {
        process.kill(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGINT');
      } catch {
        server.child.kill('SIGTERM');
      }
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: () => stopServer(server, fastShutdown, dir) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new ServerStartError('PostgreSQL', 'postgresql', (error as Error).message);
  }
}
