import { describe, expect, it, vi } from 'vitest';
import { ErrorReply } from 'redis';
import { createRedisStallGuard, RedisSuspectError, RedisTimeoutError } from './stall-guard.ts';

/** A Redis that answers, stalls (never settles) or fails, switched by the test. */
function fakeRedis() {
  let mode: 'up' | 'stalled' | 'down' = 'up';
  let calls = 0;
  const command = () => {
    calls++;
    if (mode === 'stalled') return new Promise<string>(() => {});
    if (mode === 'down') return Promise.reject(new Error('ECONNREFUSED'));
    return Promise.resolve('OK');
  };
  return { command, set: (m: typeof mode) => (mode = m), calls: () => calls };
}

describe('createRedisStallGuard', () => {
  it('pays one timeout per stall, then fails at once until a probe answers', async () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const redis = fakeRedis();
      const onSuspect = vi.fn();
      const onRecovered = vi.fn();
      const guard = createRedisStallGuard({ timeoutMs: 100, probeIntervalMs: 1_000, probe: redis.command, now: () => clock, onSuspect, onRecovered });
      await expect(guard.run(redis.command)).resolves.toBe('OK');

      redis.set('stalled');
      const first = guard.run(redis.command);
      const firstRejected = expect(first).rejects.toBeInstanceOf(RedisTimeoutError);
      await vi.advanceTimersByTimeAsync(100);
      await firstRejected;
      expect(guard.suspect).toBe(true);
      expect(onSuspect).toHaveBeenCalledTimes(1);

      // Suspect: no command reaches Redis, each fails at once.
      const sent = redis.calls();
      for (let i = 0; i < 10; i++) await expect(guard.run(redis.command)).rejects.toBeInstanceOf(RedisSuspectError);
      expect(redis.calls()).toBe(sent);

      // A probe at most once per interval; a stalled probe keeps it suspect.
      clock += 1_000;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(redis.calls()).toBe(sent + 1);
      await vi.advanceTimersByTimeAsync(100);
      expect(guard.suspect).toBe(true);

      redis.set('up');
      clock += 1_000;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(guard.suspect).toBe(false);
      expect(onRecovered).toHaveBeenCalledWith(2_000);
      await expect(guard.run(redis.command)).resolves.toBe('OK');
      guard.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a refused connection or a not-ready client makes it suspect; an error reply from Redis does not', async () => {
    const redis = fakeRedis();
    let ready = true;
    const guard = createRedisStallGuard({ timeoutMs: 100, probe: redis.command, isReady: () => ready });
    await expect(guard.run(() => Promise.reject(new ErrorReply('NOSCRIPT No matching script')))).rejects.toThrow('NOSCRIPT');
    await expect(guard.run(() => Promise.reject(new SyntaxError('corrupt cached value')))).rejects.toThrow(SyntaxError);
    expect(guard.suspect).toBe(false);

    ready = false;
    await expect(guard.run(redis.command)).rejects.toThrow('not ready');
    expect(guard.suspect).toBe(true);
    guard.close();

    const other = createRedisStallGuard({ timeoutMs: 100, probe: redis.command });
    redis.set('down');
    await expect(other.run(redis.command)).rejects.toThrow('ECONNREFUSED');
    expect(other.suspect).toBe(true);
    other.close();
  });
});
