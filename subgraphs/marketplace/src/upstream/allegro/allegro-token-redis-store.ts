import { LockWaitTimeoutError, withRedisLock, type RedisLockClient } from '@omnigraph/shared/cache';
import { AllegroTokenRecordSchema, TokenStoreUnavailableError, type AllegroTokenRecord, type AllegroTokenStore } from './allegro-token-store.ts';

/** The node-redis v5 commands the store uses (structural, like the cache's client type). */
export interface AllegroTokenRedisClient extends RedisLockClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: object): Promise<string | null>;
}

export interface RedisAllegroTokenStoreOptions {
  /** a connected (or connecting) client; the caller owns it */
  redis: AllegroTokenRedisClient;
  /** the record's key, e.g. `marketplace:v1:allegro-token:<clientId>`; the lock lives at `<key>:lock` */
  key: string;
  /**
   * Lifetime of the refresh lock if its holder dies; must exceed the token call's timeout, or a slow refresh could
   * overlap a second one (the second would send a refresh token the first just retired).
   */
  lockTtlMs: number;
  /** how long a replica waits for another one's refresh before giving up. @default lockTtlMs */
  lockWaitMs?: number;
  /** longest wait for one Redis command; a stalled Redis must not hold requests. @default 500 */
  operationTimeoutMs?: number;
}

/**
 * Refresh tokens outlive any grant for 3 months at most (Allegro's refresh-token lifetime); a record left untouched
 * that long is useless, so it expires instead of lingering in Redis.
 */
const RECORD_TTL_MS = 92 * 24 * 3_600_000;

/**
 * The token record shared by every replica through Redis: one JSON value under `key`, and a SET NX PX lock at
 * `<key>:lock` so exactly one replica refreshes while the others wait and then read what it stored.
 */
export function createRedisAllegroTokenStore(options: RedisAllegroTokenStoreOptions): AllegroTokenStore {
  const { redis, key } = options;
  const timeoutMs = options.operationTimeoutMs ?? 500;
  const lockKey = `${key}:lock`;

  async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      if (error instanceof TokenStoreUnavailableError) throw error;
      throw new TokenStoreUnavailableError(`Allegro token store (Redis) ${what} failed`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    kind: 'redis',
    async read() {
      const text = await guarded('read', () => redis.get(key));
      if (text === null) return null;
      let raw: unknown = null;
      try {
        raw = JSON.parse(text);
      } catch {
        // A damaged value is treated as empty, like the file store: the configured seed takes over.
      }
      const parsed = AllegroTokenRecordSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    async write(record: AllegroTokenRecord) {
      const text = JSON.stringify(AllegroTokenRecordSchema.parse(record));
      await guarded('write', () => redis.set(key, text, { expiration: { type: 'PX', value: RECORD_TTL_MS } }));
    },
    async withRefreshLock(critical) {
      try {
        // Only the lock commands are bounded here; `critical` runs for as long as the token call takes.
        return await withRedisLock(
          {
            set: (k, v, o) => guarded('lock', () => redis.set(k, v, o)),
            eval: (script, o) => guarded('unlock', () => redis.eval(script, o)),
          },
          { key: lockKey, ttlMs: options.lockTtlMs, waitMs: options.lockWaitMs ?? options.lockTtlMs },
          critical,
        );
      } catch (error) {
        if (error instanceof LockWaitTimeoutError) {
          throw new TokenStoreUnavailableError('another replica held the Allegro refresh lock too long', { cause: error });
        }
        throw error;
      }
    },
    close: async () => {},
  };
}
