import { randomBytes } from 'node:crypto';
import { createSlidingWindowLog, type ScriptClient, type SlidingWindowLog } from '../limits/index.ts';
import { ACQUIRE_SCRIPT, OBSERVE_SCRIPT } from './budget-scripts.ts';

/** One bucket as a store checks it: its window and how many admissions the caller's priority may fill it with. */
export interface BucketCheck {
  name: string;
  windowMs: number;
  cap: number;
}

export interface StoreDecision {
  granted: boolean;
  /** When refused: ms until every refusing bucket may have room again. */
  retryAfterMs: number;
}

export interface StoreObservation {
  /** > 0: nobody may call before this many ms have passed. */
  blockedForMs: number;
  /** Admissions the upstream counted in its current window (limit − remaining), in this store's units. */
  used?: number | undefined;
  /** How long that reading holds: the upstream's window. */
  windowMs: number;
}

/** Keys of one bucket `<product>:<limit>`: the product is the hash tag, so all of a product's buckets share a slot. */
export function bucketKeys(keyPrefix: string, bucket: string): [log: string, block: string, floor: string] {
  const colon = bucket.indexOf(':');
  const base = `${keyPrefix}{${bucket.slice(0, colon)}}:${bucket.slice(colon + 1)}:`;
  return [`${base}log`, `${base}block`, `${base}floor`];
}

export interface RedisBudgetStore {
  acquire(redis: ScriptClient, checks: readonly BucketCheck[]): Promise<StoreDecision>;
  observe(redis: ScriptClient, bucket: string, observation: StoreObservation): Promise<void>;
}

export function createRedisBudgetStore(keyPrefix: string): RedisBudgetStore {
  // Log members must be unique across replicas, or two admissions in the same µs would collapse into one entry.
  const replicaId = randomBytes(6).toString('base64url');
  let sequence = 0;
  const us = (ms: number) => String(Math.round(ms * 1000));

  return {
    async acquire(redis, checks) {
      const reply = await ACQUIRE_SCRIPT.run(
        redis,
        checks.flatMap((c) => bucketKeys(keyPrefix, c.name)),
        [`${replicaId}:${(sequence++).toString(36)}`, ...checks.flatMap((c) => [us(c.windowMs), String(c.cap)])],
      );
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error(`budget script: unexpected reply ${JSON.stringify(reply)}`);
      return { granted: String(reply[0]) === '1', retryAfterMs: Number(reply[1]) / 1000 };
    },
    async observe(redis, bucket, observation) {
      const [, block, floor] = bucketKeys(keyPrefix, bucket);
      await OBSERVE_SCRIPT.run(
        redis,
        [block, floor],
        [us(Math.max(0, observation.blockedForMs)), observation.used === undefined ? '-1' : String(observation.used), us(observation.windowMs)],
      );
    },
  };
}

/**
 * In-process twin of the scripts (same checks, same all-or-none rule) for a replica whose Redis is unreachable or
 * that has none; also where this replica's own blocks live, so a 429 stops its callers without a round trip.
 */
export interface LocalBudgetStore {
  acquire(checks: readonly BucketCheck[]): StoreDecision;
  /** Logs a grant decided by Redis, so that falling back mid-window starts from this replica's own recent grants. */
  record(checks: readonly BucketCheck[]): void;
  observe(bucket: string, observation: StoreObservation): void;
  /** ms until none of `buckets` is blocked any more; 0 when none is. */
  blockedFor(buckets: readonly string[]): number;
}

interface BucketState {
  log: SlidingWindowLog;
  blockedUntil: number;
  floor: { used: number; at: number; until: number } | undefined;
}

export function createLocalBudgetStore(now: () => number): LocalBudgetStore {
  // Buckets come from configuration, so this map stays as small as the configuration.
  const buckets = new Map<string, BucketState>();
  const stateOf = (name: string): BucketState => {
    let state = buckets.get(name);
    if (state === undefined) {
      state = { log: createSlidingWindowLog(), blockedUntil: 0, floor: undefined };
      buckets.set(name, state);
    }
    return state;
  };

  return {
    acquire(checks) {
      const t = now();
      let wait = 0;
      let refused = false;
      const refuse = (after: number) => {
        refused = true;
        wait = Math.max(wait, after);
      };
      for (const check of checks) {
        const state = stateOf(check.name);
        if (state.blockedUntil > t) refuse(state.blockedUntil - t);
        const count = state.log.trim(t, check.windowMs);
        if (count >= check.cap) refuse(state.log.waitFor(check.cap, t, check.windowMs));
        const { floor } = state;
        if (floor !== undefined && floor.until > t && floor.used + state.log.countSince(floor.at) >= check.cap) {
          refuse(floor.until - t);
        }
      }
      if (refused) return { granted: false, retryAfterMs: wait };
      for (const check of checks) stateOf(check.name).log.add(t);
      return { granted: true, retryAfterMs: 0 };
    },
    record(checks) {
      const t = now();
      for (const check of checks) {
        const { log } = stateOf(check.name);
        log.trim(t, check.windowMs);
        log.add(t);
      }
    },
    observe(bucket, observation) {
      const t = now();
      const state = stateOf(bucket);
      if (observation.blockedForMs > 0) state.blockedUntil = Math.max(state.blockedUntil, t + observation.blockedForMs);
      if (observation.used !== undefined) state.floor = { used: observation.used, at: t, until: t + observation.windowMs };
    },
    blockedFor(names) {
      const t = now();
      let wait = 0;
      for (const name of names) wait = Math.max(wait, (buckets.get(name)?.blockedUntil ?? 0) - t);
      return wait;
    },
  };
}
