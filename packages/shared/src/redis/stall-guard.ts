import { ErrorReply } from 'redis';

/**
 * One shared answer to "Redis is stalled" for every Redis client on a request path (API keys, rate limits, caches,
 * budgets). A paused or black-holed Redis keeps its socket open and answers nothing, so node-redis never reports an
 * error: each command would wait for its own timeout. The guard pays that timeout once: the first command that times
 * out (or fails) marks the client *suspect*, and from then on every command fails at once with
 * `RedisSuspectError`, so its caller takes its local fallback immediately. While suspect, a PING (at most one in
 * flight, at most one per `probeIntervalMs`, started by a call or by an unref'd timer, never awaited by a request)
 * decides when Redis is trusted again.
 */

export class RedisTimeoutError extends Error {
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
    this.name = 'RedisTimeoutError';
  }
}

/** Thrown without contacting Redis while the client is suspect: the caller falls back at once. */
export class RedisSuspectError extends Error {
  constructor() {
    super('Redis is unresponsive; using the local fallback until a probe succeeds');
    this.name = 'RedisSuspectError';
  }
}

export interface RedisStallGuardOptions {
  /** Longest wait for one command while Redis is trusted. */
  timeoutMs: number;
  /** A cheap round trip on the same connection, e.g. `() => client.ping()`. */
  probe: () => Promise<unknown>;
  /** While suspect, how often Redis is probed. @default 1_000 */
  probeIntervalMs?: number;
  /** `false` while the client is disconnected (node-redis `isReady`): commands then fail at once without a wait. */
  isReady?: () => boolean;
  /** Told once per outage, when the client becomes suspect. */
  onSuspect?: (error: unknown) => void;
  /** Told once per outage, when a probe succeeds again. */
  onRecovered?: (outageMs: number) => void;
  /** Monotonic milliseconds; injectable for tests. @default performance.now */
  now?: () => number;
}

export interface RedisStallGuard {
  /** true from the first failure until a probe succeeds */
  readonly suspect: boolean;
  /**
   * Runs one Redis command bounded by `timeoutMs`. Rejects with `RedisSuspectError` at once while suspect,
   * `RedisTimeoutError` when Redis does not answer in time, or the command's own error. A timeout or a connection
   * error marks the client suspect; an error reply from Redis does not (Redis answered).
   */
  run<R>(command: () => Promise<R>): Promise<R>;
  /** Stops background probes. */
  close(): void;
}

export function createRedisStallGuard(options: RedisStallGuardOptions): RedisStallGuard {
  const { timeoutMs, probe } = options;
  const probeIntervalMs = options.probeIntervalMs ?? 1_000;
  const now = options.now ?? (() => performance.now());
  let suspect = false;
  let suspectSince = 0;
  let lastProbeAt = -Infinity;
  let probing = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  function markSuspect(error: unknown): void {
    if (suspect || closed) return;
    suspect = true;
    suspectSince = now();
    lastProbeAt = now();
    options.onSuspect?.(error);
    // Recovery must not depend on traffic: a quiet replica would otherwise stay local for ever.
    timer = setInterval(startProbe, probeIntervalMs);
    timer.unref();
  }

  function recovered(): void {
    if (!suspect) return;
    suspect = false;
    clearInterval(timer);
    timer = undefined;
    options.onRecovered?.(now() - suspectSince);
  }

  function startProbe(): void {
    if (!suspect || probing || closed || now() - lastProbeAt < probeIntervalMs) return;
    if (options.isReady !== undefined && !options.isReady()) return;
    probing = true;
    lastProbeAt = now();
    withTimeout(probe(), timeoutMs)
      .then(
        () => recovered(),
        () => (lastProbeAt = now()),
      )
      .finally(() => (probing = false));
  }

  return {
    get suspect() {
      return suspect;
    },
    async run<R>(command: () => Promise<R>): Promise<R> {
      if (suspect) {
        startProbe();
        throw new RedisSuspectError();
      }
      if (options.isReady !== undefined && !options.isReady()) {
        const error = new Error('Redis connection is not ready');
        markSuspect(error);
        throw error;
      }
      try {
        return await withTimeout(command(), timeoutMs);
      } catch (error) {
        if (isStall(error)) markSuspect(error);
        throw error;
      }
    },
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

/**
 * A reply from Redis (NOSCRIPT, WRONGTYPE …) proves it is alive, and an error of the caller's own code (a corrupt
 * cached value) says nothing about Redis: neither makes the client suspect.
 */
function isStall(error: unknown): boolean {
  return !(error instanceof ErrorReply || error instanceof SyntaxError || error instanceof TypeError || error instanceof RangeError);
}

// node-redis' own timeout covers only commands not yet written, not ones awaiting a reply.
export function withTimeout<R>(promise: Promise<R>, timeoutMs: number): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
