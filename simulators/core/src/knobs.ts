import type { CounterSnapshot, FaultRule, KnobsState, LatencyConfig, RateLimitConfig, RateLimitInfo } from './simulator-types.ts';

/** mulberry32: a tiny seeded PRNG, so a fault ratio gives the same faulted requests on every run */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Counters {
  /** one API request, counted under its route's key */
  incrementRequest(key: string): void;
  /** a secondary key for the same request (does not add to the total) */
  increment(key: string): void;
  snapshot(): CounterSnapshot;
  /**
   * When each request counted under `key` arrived (epoch ms, oldest first; the last 10 000 per key), so a test can
   * check what an upstream saw in any window, e.g. HubSpot's 5 searches per second.
   */
  arrivals(key: string): number[];
  reset(): void;
}

const MAX_ARRIVALS_PER_KEY = 10_000;

export function createCounters(): Counters {
  const endpoints = new Map<string, number>();
  const arrivals = new Map<string, number[]>();
  let total = 0;
  const arrived = (key: string) => {
    const list = arrivals.get(key) ?? [];
    list.push(Date.now());
    if (list.length > MAX_ARRIVALS_PER_KEY) list.splice(0, list.length - MAX_ARRIVALS_PER_KEY);
    arrivals.set(key, list);
  };
  return {
    incrementRequest(key) {
      total += 1;
      endpoints.set(key, (endpoints.get(key) ?? 0) + 1);
      arrived(key);
    },
    increment(key) {
      endpoints.set(key, (endpoints.get(key) ?? 0) + 1);
      arrived(key);
    },
    arrivals: (key) => [...(arrivals.get(key) ?? [])],
    snapshot() {
      return { total, endpoints: Object.fromEntries([...endpoints].sort(([a], [b]) => a.localeCompare(b))) };
    },
    reset() {
      endpoints.clear();
      arrivals.clear();
      total = 0;
    },
  };
}

export interface FaultDecision {
  rule: FaultRule;
}

export interface FaultInjector {
  add(rules: FaultRule[]): void;
  clear(): void;
  list(): FaultRule[];
  /** decides, for one request, whether a fault fires; consumes one of a rule's `count` when it does */
  decide(key: string, path: string): FaultDecision | null;
}

export function validateFaultRule(input: unknown): FaultRule {
  if (typeof input !== 'object' || input === null) throw new Error('a fault rule must be an object');
  const r = input as Record<string, unknown>;
  const kinds = ['status', 'rate_limit', 'hang', 'reset', 'commit_then_reset', 'garbage'];
  if (typeof r['kind'] !== 'string' || !kinds.includes(r['kind'])) {
    throw new Error(`fault kind must be one of ${kinds.join(', ')}`);
  }
  const rule: FaultRule = { kind: r['kind'] as FaultRule['kind'] };
  if (r['status'] !== undefined) {
    if (!Number.isInteger(r['status']) || (r['status'] as number) < 400 || (r['status'] as number) > 599) {
      throw new Error('fault status must be an integer between 400 and 599');
    }
    rule.status = r['status'] as number;
  }
  if (r['ratio'] !== undefined) {
    if (typeof r['ratio'] !== 'number' || r['ratio'] < 0 || r['ratio'] > 1) throw new Error('fault ratio must be within 0..1');
    rule.ratio = r['ratio'];
  }
  if (r['count'] !== undefined) {
    if (!Number.isInteger(r['count']) || (r['count'] as number) < 1) throw new Error('fault count must be a positive integer');
    rule.count = r['count'] as number;
  }
  if (rule.ratio === undefined && rule.count === undefined) throw new Error('a fault rule needs a ratio or a count');
  if (r['retryAfterSeconds'] !== undefined) {
    if (!Number.isInteger(r['retryAfterSeconds']) || (r['retryAfterSeconds'] as number) < 0 || (r['retryAfterSeconds'] as number) > 3_600) {
      throw new Error('fault retryAfterSeconds must be an integer between 0 and 3600');
    }
    rule.retryAfterSeconds = r['retryAfterSeconds'] as number;
  }
  if (r['match'] !== undefined) {
    if (typeof r['match'] !== 'string' || r['match'] === '') throw new Error('fault match must be a non-empty string');
    rule.match = r['match'];
  }
  return rule;
}

export function createFaultInjector(seed: number): FaultInjector {
  let rules: FaultRule[] = [];
  let random = createPrng(seed);
  const matches = (rule: FaultRule, key: string, path: string) => rule.match === undefined || rule.match === key || path.startsWith(rule.match);
  return {
    add(newRules) {
      rules.push(...newRules.map((r) => ({ ...r })));
    },
    clear() {
      rules = [];
      random = createPrng(seed);
    },
    list() {
      return rules.map((r) => ({ ...r }));
    },
    decide(key, path) {
      for (const rule of rules) {
        if (!matches(rule, key, path)) continue;
        if (rule.count !== undefined) {
          if (rule.count <= 0) continue;
          rule.count -= 1;
          if (rule.count === 0) rules = rules.filter((r) => r !== rule);
          return { rule: { ...rule } };
        }
        if (rule.ratio !== undefined && random() < rule.ratio) return { rule: { ...rule } };
      }
      return null;
    },
  };
}

export interface RateLimiter {
  configure(config: RateLimitConfig | null): void;
  config(): RateLimitConfig | null;
  /** records one request for `key`; returns null when no budget is configured */
  take(key: string, nowMs?: number): { admitted: boolean; info: RateLimitInfo } | null;
  reset(): void;
}

/**
 * Fixed-window budget per key. Real HubSpot uses a rolling ten-second window and Allegro a per-minute budget with
 * a one-minute block; a fixed window with an optional block reproduces both signals closely enough for a client
 * to be tested against (it sees 429s at the right rate and the right headers).
 */
export function createRateLimiter(initial: RateLimitConfig | null): RateLimiter {
  let cfg = initial;
  let windows = new Map<string, { startMs: number; used: number; blockedUntilMs: number }>();
  return {
    configure(config) {
      cfg = config;
      windows = new Map();
    },
    config() {
      return cfg;
    },
    reset() {
      windows = new Map();
    },
    take(key, nowMs = Date.now()) {
      if (!cfg) return null;
      let w = windows.get(key);
      if (!w || nowMs - w.startMs >= cfg.windowMs) {
        w = { startMs: nowMs, used: 0, blockedUntilMs: w?.blockedUntilMs ?? 0 };
        windows.set(key, w);
      }
      const windowEnd = w.startMs + cfg.windowMs;
      if (w.blockedUntilMs > nowMs) {
        return { admitted: false, info: info(cfg, key, 0, w.blockedUntilMs, nowMs) };
      }
      if (w.used >= cfg.limit) {
        if (cfg.blockMs) w.blockedUntilMs = nowMs + cfg.blockMs;
        const until = Math.max(windowEnd, w.blockedUntilMs);
        return { admitted: false, info: info(cfg, key, 0, until, nowMs) };
      }
      w.used += 1;
      return { admitted: true, info: info(cfg, key, cfg.limit - w.used, windowEnd, nowMs) };
    },
  };
}

function info(cfg: RateLimitConfig, key: string, remaining: number, resetAtMs: number, nowMs: number): RateLimitInfo {
  return {
    limit: cfg.limit,
    remaining,
    windowMs: cfg.windowMs,
    resetAtMs,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000)),
    key,
  };
}

export function latencyFor(latency: LatencyConfig, random: () => number = Math.random): number {
  return latency.fixedMs + (latency.jitterMs > 0 ? random() * latency.jitterMs : 0);
}

export function cloneKnobs(k: KnobsState): KnobsState {
  return {
    latency: { ...k.latency },
    rateLimit: k.rateLimit ? { ...k.rateLimit } : null,
    faults: k.faults.map((f) => ({ ...f })),
  };
}
