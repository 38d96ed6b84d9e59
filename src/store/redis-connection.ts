import KeyvRedis, { createClient } from '@keyv/redis';
import { StoreError } from './store-error.ts';

/** Closing waits this long for replies to commands in flight: a server that has gone quiet would never send them. */
const closeWaitMs = 2_000;

/**
 * A node-redis client and @keyv/redis adapter of the store's own. At start-up a server that does
 * not answer is an error to report; once open, a dropped connection is retried with back-off;
 * once closed, it stays closed (@keyv/redis would reconnect on the next call, keeping the process alive).
 */
export function redisConnection(url: string) {
  let state: 'opening' | 'open' | 'closed' = 'opening';
  const reconnectStrategy = (retries: number) =>
    state === 'open' ? Math.min(100 * 2 ** retries, 2_000) : state === 'opening' && retries < 2 ? 200 : false;
  const client = createClient({ url, socket: { connectTimeout: 10_000, reconnectStrategy } });
  const adapter = new (class extends KeyvRedis<unknown> {
    override async getClient() {
      if (state === 'closed') throw new StoreError('The store is closed.');
      return super.getClient();
    }
  })(client, { throwOnErrors: true });
  return {
    client,
    adapter,
    async open() {
      await client.connect();
      state = 'open';
    },
    async close() {
      state = 'closed';
      if (!client.isOpen) return;
      // Reconnecting: no server will answer the commands waiting, so they fail now.
      if (!client.isReady) return client.destroy();
      // Connected: commands in flight get their replies first, unless the server goes quiet.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([client.close(), new Promise((resolve) => (timer = setTimeout(resolve, closeWaitMs)))]);
      clearTimeout(timer);
    },
  };
}
