import { createClient } from 'redis';
import { resilientRedisOptions } from '@omnigraph/shared/cache';
import { createFileAllegroTokenStore } from './allegro-token-file-store.ts';
import { createRedisAllegroTokenStore, type AllegroTokenRedisClient } from './allegro-token-redis-store.ts';
import { createMemoryAllegroTokenStore, type AllegroTokenStore } from './allegro-token-store.ts';

/** `marketplace:` like every Redis key of the role; v1 = the record's shape (bump it when that changes). */
export const ALLEGRO_TOKEN_KEY_PREFIX = 'marketplace:v1:allegro-token:';

export interface AllegroTokenStoreOptions {
  kind: 'redis' | 'file' | 'memory';
  /** for `redis` */
  redisUrl?: string | undefined;
  /** for `file` */
  filePath: string;
  /** the application's Client_ID: one grant per application (and seller) */
  clientId: string;
  /** refresh lock lifetime: above the token call's timeout. Waiters wait as long at most. */
  lockTtlMs: number;
  /** Redis connection failures (node-redis crashes the process on an unhandled 'error' event) */
  onRedisError: (error: unknown) => void;
  /** for tests: key prefix instead of {@link ALLEGRO_TOKEN_KEY_PREFIX}, so runs never touch real grants */
  redisKeyPrefix?: string;
}

/** The store ALLEGRO_TOKEN_STORE names. Never throws because Redis is down: the subgraph boots and reports it. */
export async function createAllegroTokenStore(options: AllegroTokenStoreOptions): Promise<AllegroTokenStore> {
  if (options.kind === 'memory') return createMemoryAllegroTokenStore();
  if (options.kind === 'file') return createFileAllegroTokenStore(options.filePath);
  if (options.redisUrl === undefined) throw new Error('ALLEGRO_TOKEN_STORE=redis needs REDIS_URL');

  const redis = createClient(resilientRedisOptions(options.redisUrl, 'omnigraph-marketplace-tokens'));
  redis.on('error', options.onRedisError);
  // Boot waits a moment for the connection, then goes on: commands fail fast (no offline queue) until it is up.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    redis.connect().then(
      () => undefined,
      (error: unknown) => options.onRedisError(error),
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000))),
  ]);
  clearTimeout(timer);
  const store = createRedisAllegroTokenStore({
    redis: redis as unknown as AllegroTokenRedisClient,
    key: `${options.redisKeyPrefix ?? ALLEGRO_TOKEN_KEY_PREFIX}${options.clientId}`,
    lockTtlMs: options.lockTtlMs,
  });
  return {
    ...store,
    async close() {
      if (redis.isOpen) await redis.close().catch(() => redis.destroy());
    },
  };
}
