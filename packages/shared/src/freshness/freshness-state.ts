import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { withTimeout } from '../redis/stall-guard.ts';

/**
 * Where a polled source keeps its cursor (Allegro's last event id, HubSpot's journal offset, Odoo's last
 * `write_date` + id), so a restart neither replays history nor skips what happened while it was down.
 */
export interface CursorStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
}

/**
 * At most one replica runs a given poller at a time. `acquire` takes the lock or renews it when this holder already
 * has it; it lapses after `ttlMs` without renewal, so a replica that dies hands over within one TTL.
 */
export interface RunnerLock {
  acquire(name: string, ttlMs: number): Promise<boolean>;
  release(name: string): Promise<void>;
}

export interface FreshnessState {
  cursors: CursorStore;
  lock: RunnerLock;
  close(): Promise<void>;
}

/** Memory: one process, cursors lost on restart (tests, and `npm start` without Redis or a cursor file). */
export function createMemoryCursorStore(): CursorStore {
  const values = new Map<string, string>();
  return {
    get: async (name) => values.get(name),
    set: async (name, value) => void values.set(name, value),
  };
}

/** A process without Redis is alone: it always holds its own locks. */
export function createLocalRunnerLock(): RunnerLock {
  return { acquire: async () => true, release: async () => {} };
}

/**
 * A JSON file of cursors, for `npm start` without Redis: written to a temporary file and renamed, so a crash never
 * leaves half a file behind. One process only (no lock across processes).
 */
export function createFileCursorStore(path: string): CursorStore {
  let cache: Record<string, string> | undefined;
  let writing: Promise<void> = Promise.resolve();
  async function load(): Promise<Record<string, string>> {
    if (cache) return cache;
    try {
      const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
      cache = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cache = {};
    }
    return cache;
  }
  return {
    get: async (name) => (await load())[name],
    async set(name, value) {
      const all = await load();
      all[name] = value;
      const snapshot = JSON.stringify(all, null, 2);
      writing = writing.then(async () => {
        await mkdir(dirname(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, snapshot, { mode: 0o600 });
        await rename(tmp, path);
      });
      await writing;
    },
  };
}

/** The few Redis commands the freshness state needs; node-redis' client satisfies it. */
export interface FreshnessRedis {
  sendCommand(args: string[]): Promise<unknown>;
}

export interface RedisFreshnessOptions {
  redis: FreshnessRedis;
  /** e.g. `marketplace:freshness:`; intentionally no default, so two subgraphs never share cursors by accident */
  keyPrefix: string;
  /** a Redis call that takes longer fails (the poll is retried with backoff) instead of hanging. @default 1_000 */
  operationTimeoutMs?: number;
  /** this holder's identity in lock values. @default a random UUID per process */
  holderId?: string;
}

// Renew only our own lock, release only our own lock: a lapsed holder must not extend or delete a successor's.
const RENEW_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** Cursors and the single-runner lock in Redis, shared by every replica of a subgraph. */
export function createRedisFreshnessState(options: RedisFreshnessOptions): Omit<FreshnessState, 'close'> {
  const { redis, keyPrefix } = options;
  const holder = options.holderId ?? randomUUID();
  const timeoutMs = options.operationTimeoutMs ?? 1_000;
  const run = (args: string[]) => withTimeout(redis.sendCommand(args), timeoutMs);
  return {
    cursors: {
      async get(name) {
        const value = await run(['GET', `${keyPrefix}cursor:${name}`]);
        return typeof value === 'string' ? value : undefined;
      },
      async set(name, value) {
        await run(['SET', `${keyPrefix}cursor:${name}`, value]);
      },
    },
    lock: {
      async acquire(name, ttlMs) {
        const key = `${keyPrefix}lock:${name}`;
        const ttl = String(Math.max(1, Math.round(ttlMs)));
        if ((await run(['SET', key, holder, 'NX', 'PX', ttl])) === 'OK') return true;
        return Number(await run(['EVAL', RENEW_SCRIPT, '1', key, holder, ttl])) === 1;
      },
      async release(name) {
        await run(['EVAL', RELEASE_SCRIPT, '1', `${keyPrefix}lock:${name}`, holder]);
      },
    },
  };
}
