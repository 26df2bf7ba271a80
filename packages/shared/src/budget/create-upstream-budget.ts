import type { Logger } from '../logging/index.ts';
import { createRedisFailover, type RedisFailover } from '../limits/index.ts';
import type { RequestPriority } from '../sources/request-scope.ts';
import type { BudgetDecision, BudgetRequest, UpstreamBudgetGate, UpstreamLimitSignal } from './budget-gate.ts';
import { createLocalBudgetStore, createRedisBudgetStore, type BucketCheck, type StoreDecision } from './budget-stores.ts';

/** One upstream limit: at most `limit` calls in any `windowMs` (a sliding window, exact at its boundaries). */
export interface BucketLimit {
  limit: number;
  windowMs: number;
}

export interface UpstreamBudgetOptions {
  /**
   * Limits by bucket name, `<product>:<limit>` (`hubspot:search`). A bucket that is not listed is not limited, so a
   * product whose budget is switched off needs no special case in the caller.
   */
  buckets: Readonly<Record<string, BucketLimit>>;
  /**
   * Share of every limit that bulk callers (partners) may fill in any window; the rest is kept for interactive
   * callers, who may use the whole limit. Between 0 (bulk never calls) and 1 (no reserve). @default 0.6
   */
  bulkShare?: number | undefined;
  /**
   * Added to every bucket's window when counting grants: a grant is timed at Redis, the upstream counts the request
   * when it arrives, and the time between the two varies (event-loop stalls, a new connection's handshake). Without
   * a margin, a grant made just as the window frees a unit can arrive within the same upstream second as an earlier
   * grant that travelled slower, and the upstream sees limit + 1. The margin must exceed that jitter; it costs
   * `limit × margin / (window + margin)` calls per window (for 5 / 1 s and 100 ms: 5 per 1.1 s, 4.5/s). @default 0
   */
  windowMarginMs?: number | undefined;
  /** Longest wait per priority, whatever the caller asks for. @default no cap */
  maxWaitMs?: Partial<Record<RequestPriority, number>> | undefined;
  /** `redis://…` shared by every replica; absent ⇒ this process is the only replica and keeps the budget in memory. */
  redisUrl?: string | undefined;
  /** Prepended to every key. @default 'budget:v1:' */
  keyPrefix?: string | undefined;
  /**
   * Replicas calling the same upstream accounts. While Redis is unreachable each one spends
   * `max(1, floor(limit / replicas))` of every bucket, so together they stay within the limit. @default 1
   */
  replicas?: number | undefined;
  /** Longest wait for one Redis call before the local share decides. @default 100 */
  timeoutMs?: number | undefined;
  /** While Redis is down, how often a PING checks whether it is back. @default 1000 */
  probeIntervalMs?: number | undefined;
  /** How long creation waits for the first Redis connection before starting on the local share. @default 1000 */
  connectWaitMs?: number | undefined;
  /** One `warn` when Redis becomes unreachable, one `info` when it is used again. */
  logger?: Pick<Logger, 'warn' | 'info'> | undefined;
  /** Clock of the local share and of waiting, in ms since the epoch (tests). Redis decisions use Redis `TIME`. */
  now?: (() => number) | undefined;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9-]*$/;

interface Waiter {
  buckets: readonly string[];
  priority: RequestPriority;
  deadline: number;
  settle(outcome: BudgetDecision | { error: unknown }): void;
}

/** Callers waiting for the same buckets: interactive ones are served first, each line first come, first served. */
interface Queue {
  interactive: Waiter[];
  bulk: Waiter[];
  timer: NodeJS.Timeout | undefined;
  wakeAt: number;
  pumping: boolean;
}

/**
 * The upstream budget governor: takes a unit of every bucket a call spends before the call is made, shared by every
 * replica through one Lua script on Redis (sliding-window logs on Redis `TIME`), with a local share from memory while
 * Redis is unreachable or slow (the shared `RedisFailover`: one short timeout, then local until a PING succeeds).
 *
 * Priorities: interactive callers may fill a bucket's whole window; bulk callers only `bulkShare` of it, counting
 * everybody's admissions, so whatever partners send, `limit − floor(limit × bulkShare)` units of every window stay
 * free for the call center. A refused caller waits (up to `maxWaitMs`) in a queue per bucket set that retries when
 * the store says a unit frees up; interactive waiters go first and bulk arrivals queue behind them. A caller whose
 * wait could not end before its `maxWaitMs` is refused at once with the store's `retryAfterMs`.
 */
export async function createUpstreamBudget(options: UpstreamBudgetOptions): Promise<UpstreamBudgetGate> {
  const limits = new Map(Object.entries(options.buckets));
  for (const [name, { limit, windowMs }] of limits) {
    if (!BUCKET_NAME.test(name)) throw new RangeError(`bucket names are <product>:<limit> in lower case, got "${name}"`);
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`${name}: limit must be an integer ≥ 1, got ${limit}`);
    if (!Number.isInteger(windowMs) || windowMs < 1) throw new RangeError(`${name}: windowMs must be an integer ≥ 1, got ${windowMs}`);
  }
  const bulkShare = options.bulkShare ?? 0.6;
  if (!(bulkShare >= 0 && bulkShare <= 1)) throw new RangeError(`bulkShare must be between 0 and 1, got ${bulkShare}`);
  const replicas = options.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`replicas must be an integer ≥ 1, got ${replicas}`);
  const margin = options.windowMarginMs ?? 0;
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`windowMarginMs must be an integer ≥ 0, got ${margin}`);
  const now = options.now ?? (() => Date.now());
  const waitCap = { interactive: Infinity, bulk: Infinity, ...options.maxWaitMs };

  const local = createLocalBudgetStore(now);
  const shared = createRedisBudgetStore(options.keyPrefix ?? 'budget:v1:');
  let failover: RedisFailover | undefined;
  // No bucket configured (WooCommerce and Odoo by default): every acquire is granted without a store, so the
  // subgraph need not open, and wait at boot for, a Redis connection it would never use.
  if (limits.size > 0 && options.redisUrl !== undefined && options.redisUrl !== '') {
    failover = await createRedisFailover({
      redisUrl: options.redisUrl,
      clientName: 'omnigraph-upstream-budget',
      timeoutMs: options.timeoutMs,
      probeIntervalMs: options.probeIntervalMs,
      connectWaitMs: options.connectWaitMs,
      logger: options.logger,
      messages: {
        down: 'upstream budget: Redis unavailable, spending a local share of each upstream limit',
        up: 'upstream budget: Redis reachable again, upstream limits shared again',
      },
      logFields: { replicas },
    });
  }
  // Without Redis this process is the only replica: its memory holds the whole budget.
  const localDivisor = failover === undefined ? 1 : replicas;

  const capOf = (limit: number, priority: RequestPriority) => (priority === 'bulk' ? Math.floor(limit * bulkShare) : limit);
  const checksOf = (buckets: readonly string[], priority: RequestPriority, divisor: number): BucketCheck[] =>
    buckets.map((name) => {
      const { limit, windowMs } = limits.get(name) as BucketLimit;
      const share = divisor === 1 ? limit : Math.max(1, Math.floor(limit / divisor));
      return { name, windowMs: windowMs + margin, cap: capOf(share, priority) };
    });

  async function attempt(buckets: readonly string[], priority: RequestPriority): Promise<StoreDecision> {
    // A 429 seen by this replica stops its callers without asking Redis.
    const blocked = local.blockedFor(buckets);
    if (blocked > 0) return { granted: false, retryAfterMs: blocked };
    if (failover !== undefined) {
      const checks = checksOf(buckets, priority, 1);
      const decision = await failover.run((redis) => shared.acquire(redis, checks));
      if (decision.ok) {
        if (decision.value.granted) local.record(checks);
        return decision.value;
      }
    }
    return local.acquire(checksOf(buckets, priority, localDivisor));
  }

  const queues = new Map<string, Queue>();
  let closed = false;
  const refusal = (retryAfterMs: number): BudgetDecision => ({ granted: false, retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)) });

  function schedule(key: string, queue: Queue, delayMs: number): void {
    const at = now() + delayMs;
    if (queue.timer !== undefined && queue.wakeAt <= at) return;
    clearTimeout(queue.timer);
    queue.wakeAt = at;
    // +1 ms: Redis answers in µs, timers fire in whole ms, and a wake a hair early only earns another refusal.
    queue.timer = setTimeout(
      () => {
        queue.timer = undefined;
        void pump(key, queue);
      },
      Math.ceil(delayMs) + 1,
    );
    queue.timer.unref();
  }

  function remove(key: string, queue: Queue, waiter: Waiter): boolean {
    const line = waiter.priority === 'interactive' ? queue.interactive : queue.bulk;
    const index = line.indexOf(waiter);
    if (index < 0) return false;
    line.splice(index, 1);
    forgetIfIdle(key, queue);
    return true;
  }

  function forgetIfIdle(key: string, queue: Queue): void {
    if (queue.interactive.length > 0 || queue.bulk.length > 0 || queue.pumping) return;
    clearTimeout(queue.timer);
    queue.timer = undefined;
    queues.delete(key);
  }

  async function pump(key: string, queue: Queue): Promise<void> {
    if (queue.pumping) return;
    queue.pumping = true;
    clearTimeout(queue.timer);
    queue.timer = undefined;
    try {
      while (!closed) {
        const line = queue.interactive.length > 0 ? queue.interactive : queue.bulk;
        const head = line[0];
        if (head === undefined) break;
        const decision = await attempt(head.buckets, head.priority);
        if (closed) break;
        // The head may have given up while we asked; the next in its line has the same buckets and priority.
        const served = line[0];
        if (decision.granted) {
          if (served !== undefined) {
            line.shift();
            served.settle({ granted: true });
          }
          continue;
        }
        // Refused: nobody behind can pass sooner (same buckets; bulk waiters have smaller caps). Whoever cannot
        // outlast the wait is told now instead of at the end of its own.
        const wakeAt = now() + decision.retryAfterMs;
        for (const waiting of [...queue.interactive, ...queue.bulk]) {
          if (waiting.deadline < wakeAt && remove(key, queue, waiting)) waiting.settle(refusal(decision.retryAfterMs));
        }
        if (queue.interactive.length > 0 || queue.bulk.length > 0) schedule(key, queue, decision.retryAfterMs);
        break;
      }
    } finally {
      queue.pumping = false;
      forgetIfIdle(key, queue);
    }
  }

  function resolveBuckets(requested: readonly string[]): string[] {
    const buckets = [...new Set(requested)].filter((name) => {
      if (!BUCKET_NAME.test(name)) throw new RangeError(`bucket names are <product>:<limit> in lower case, got "${name}"`);
      return limits.has(name);
    });
    // One product per call: its buckets share a hash tag, so one script can take them all atomically.
    const products = new Set(buckets.map((name) => name.slice(0, name.indexOf(':'))));
    if (products.size > 1) throw new RangeError(`one acquire spends buckets of one product, got ${buckets.join(', ')}`);
    return buckets.sort();
  }

  return {
    async acquire(request: BudgetRequest): Promise<BudgetDecision> {
      const buckets = resolveBuckets(request.buckets);
      if (buckets.length === 0) return { granted: true };
      request.signal?.throwIfAborted();
      if (closed) return refusal(1_000);
      const { priority } = request;
      const maxWaitMs = Math.max(0, Math.min(request.maxWaitMs, waitCap[priority])) || 0;
      const key = buckets.join(' ');
      const started = now();

      // Try at once unless callers who go first are already waiting for these buckets.
      let queue = queues.get(key);
      const ahead = queue === undefined ? 0 : queue.interactive.length + (priority === 'bulk' ? queue.bulk.length : 0);
      if (ahead === 0) {
        const decision = await attempt(buckets, priority);
        if (decision.granted) return { granted: true };
        request.signal?.throwIfAborted();
        if (closed || decision.retryAfterMs > maxWaitMs - (now() - started)) return refusal(decision.retryAfterMs);
        queue = queues.get(key);
        if (queue === undefined) {
          queue = { interactive: [], bulk: [], timer: undefined, wakeAt: 0, pumping: false };
          queues.set(key, queue);
        }
        schedule(key, queue, decision.retryAfterMs);
      }
      const waitingIn = queue as Queue;

      return new Promise<BudgetDecision>((resolve, reject) => {
        let deadlineTimer: NodeJS.Timeout | undefined;
        const onAbort = () => {
          if (remove(key, waitingIn, waiter)) waiter.settle({ error: request.signal?.reason });
        };
        const waiter: Waiter = {
          buckets,
          priority,
          deadline: started + maxWaitMs,
          settle(outcome) {
            clearTimeout(deadlineTimer);
            request.signal?.removeEventListener('abort', onAbort);
            if ('error' in outcome) reject(outcome.error);
            else resolve(outcome);
          },
        };
        (priority === 'interactive' ? waitingIn.interactive : waitingIn.bulk).push(waiter);
        request.signal?.addEventListener('abort', onAbort, { once: true });
        if (Number.isFinite(maxWaitMs)) {
          deadlineTimer = setTimeout(
            () => {
              if (remove(key, waitingIn, waiter)) waiter.settle(refusal(waitingIn.timer === undefined ? 1 : waitingIn.wakeAt - now()));
            },
            Math.max(0, started + maxWaitMs - now()),
          );
          deadlineTimer.unref();
        }
      });
    },

    observe(bucket: string, signal: UpstreamLimitSignal): void {
      const config = limits.get(bucket);
      if (config === undefined || closed) return;
      const blockedForMs = signal.blockedForMs !== undefined && signal.blockedForMs > 0 ? signal.blockedForMs : 0;
      const windowMs = signal.windowMs !== undefined && signal.windowMs > 0 ? signal.windowMs : config.windowMs;
      const remaining = signal.remaining !== undefined && signal.remaining >= 0 ? Math.floor(signal.remaining) : undefined;
      if (blockedForMs === 0 && remaining === undefined) return;
      // `remaining` is the upstream's view of its whole window: what it leaves us is limit − remaining used. Only
      // ever a tightening: an upstream that allows more than configured (a bigger plan) does not raise our limit.
      const usedOf = (limit: number, left: number | undefined) => (left === undefined ? undefined : Math.max(0, limit - left));
      const localLimit = localDivisor === 1 ? config.limit : Math.max(1, Math.floor(config.limit / localDivisor));
      local.observe(bucket, {
        blockedForMs,
        used: usedOf(localLimit, remaining === undefined ? undefined : Math.floor(remaining / localDivisor)),
        windowMs,
      });
      if (failover !== undefined) {
        const observation = { blockedForMs, used: usedOf(config.limit, remaining), windowMs };
        void failover.run((redis) => shared.observe(redis, bucket, observation));
      }
    },

    async close(): Promise<void> {
      closed = true;
      for (const [key, queue] of queues) {
        for (const waiter of [...queue.interactive, ...queue.bulk]) {
          if (remove(key, queue, waiter)) waiter.settle(refusal(1_000));
        }
        clearTimeout(queue.timer);
      }
      queues.clear();
      await failover?.close();
    },
  };
}
