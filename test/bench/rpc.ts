import { fork, type ChildProcess } from 'node:child_process';

/**
 * A child process that answers calls over Node's IPC channel:
 * `{ id, method, params }` in, `{ id, result }` or `{ id, error }` out.
 */
export interface RpcChild {
  call<T>(method: string, params?: unknown): Promise<T>;
  process: ChildProcess;
  close(): Promise<void>;
}

export function forkRpc(entry: string, env: NodeJS.ProcessEnv = process.env): RpcChild {
  const extraArgs = process.env.BENCH_STANDIN_NODE_ARGS ? process.env.BENCH_STANDIN_NODE_ARGS.split(' ') : []; // e.g. --cpu-prof
  const child = fork(entry, [], {
    execArgv: [...extraArgs, '--import', import.meta.resolve('tsx')],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`${entry} exited with ${code}`));
    waiting.clear();
  });
  return {
    process: child,
    call<T>(method: string, params?: unknown) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, method, params });
      });
    },
    /** Gives the child a moment to exit by itself (so a --cpu-prof profile gets written), then stops it. */
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode !== null) return;
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** In the child: answers calls with the given handlers. */
export function serveRpc(handlers: Record<string, (params: never) => unknown>): void {
  process.on('message', async (message: { id: number; method: string; params: never }) => {
    try {
      const handler = handlers[message.method];
      if (!handler) throw new Error(`no method ${message.method}`);
      process.send!({ id: message.id, result: await handler(message.params) });
    } catch (error) {
      process.send!({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
