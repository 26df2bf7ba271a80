import { createClient } from 'redis';
import { resilientRedisOptions } from '../cache/redis-client-options.ts';
import {
  createFileCursorStore,
  createLocalRunnerLock,
  createMemoryCursorStore,
  createRedisFreshnessState,
  type FreshnessState,
} from './freshness-state.ts';

export interface FreshnessStateFromEnvOptions {
  /** `redis://…`: cursors and the runner lock shared by every replica */
  redisUrl?: string | undefined;
  /** Redis key prefix, e.g. `marketplace:freshness:`; required */
  keyPrefix: string;
  /** without Redis: a JSON file of cursors (survives restarts of a single process); unset → memory */
  cursorFile?: string | undefined;
  onError: (error: unknown) => void;
}

/**
 * Redis when configured (one runner per poller across replicas, cursors shared), else a cursor file, else memory.
 * Never throws because Redis is down: the pollers then fail their ticks and retry with backoff until it is back.
 */
export async function createFreshnessStateFromEnv(options: FreshnessStateFromEnvOptions): Promise<FreshnessState> {
  if (options.redisUrl === undefined || options.redisUrl === '') {
    const cursors = options.cursorFile ? createFileCursorStore(options.cursorFile) : createMemoryCursorStore();
    return { cursors, lock: createLocalRunnerLock(), close: async () => {} };
  }
  const redis = createClient(resilientRedisOptions(options.redisUrl, 'omnigraph-freshness'));
  redis.on('error', (error: unknown) => options.onError(error));
  const connected = redis.connect().then(
    () => undefined,
    (error: unknown) => options.onError(error),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connected, new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
  const state = createRedisFreshnessState({ redis, keyPrefix: options.keyPrefix });
  return {
    ...state,
    async close() {
      if (!redis.isOpen) return;
      await Promise.race([redis.close().catch(() => undefined), new Promise((r) => setTimeout(r, 500).unref())]);
      if (redis.isOpen) redis.destroy();
    },
  };
}
