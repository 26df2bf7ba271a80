import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyStore } from './key-store.ts';
import { createMemoryKeyStore } from './memory-key-store.ts';
import { createUsageMeter, type UsageMeter } from './usage-meter.ts';
import type { UsageIncrement } from './usage.ts';

describe('createUsageMeter', () => {
  const meters: UsageMeter[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(meters.splice(0).map((m) => m.close()));
  });

  it('buffers per key and UTC day and writes one batch per interval, nothing per request', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T23:59:59.500Z') });
    const batches: UsageIncrement[][] = [];
    const store: Pick<KeyStore, 'addUsage'> = { addUsage: async (increments) => void batches.push(increments.map((i) => ({ ...i }))) };
    const meter = createUsageMeter({ store, flushIntervalMs: 1_000 });
    meters.push(meter);
    meter.record('AAAAAAAA', { requests: 1, cost: 5, upstreamCalls: 2 });
    meter.record('AAAAAAAA', { requests: 1, cost: 3, errors: 1 });
    meter.record('BBBBBBBB', { requests: 1 });
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches).toEqual([
      [
        { keyId: 'AAAAAAAA', day: '2026-12-06', requests: 2, cost: 8, upstreamCalls: 2, errors: 1 },
        { keyId: 'BBBBBBBB', day: '2026-12-06', requests: 1, cost: 0, upstreamCalls: 0, errors: 0 },
      ],
    ]);
    // past midnight UTC: the next day
    meter.record('AAAAAAAA', { requests: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(batches[1]).toEqual([{ keyId: 'AAAAAAAA', day: '2026-12-07', requests: 1, cost: 0, upstreamCalls: 0, errors: 0 }]);
    // nothing recorded, nothing written
    await vi.advanceTimersByTimeAsync(5_000);
    expect(batches).toHaveLength(2);
  });

  it('keeps the usage of a failed write for the next one, so a store outage loses nothing', async () => {
    const memory = createMemoryKeyStore();
    let failing = true;
    const flushes: { keyDays: number; error?: unknown }[] = [];
    const meter = createUsageMeter({
      store: { addUsage: (increments) => (failing ? Promise.reject(new Error('redis down')) : memory.addUsage(increments)) },
      flushIntervalMs: 60_000,
      onFlush: (result) => flushes.push(result),
    });
    meters.push(meter);
    meter.record('AAAAAAAA', { requests: 1, cost: 2 });
    await meter.flush();
    meter.record('AAAAAAAA', { requests: 1, cost: 1 });
    failing = false;
    await meter.flush();
    const day = new Date().toISOString().slice(0, 10);
    expect(await memory.usage('AAAAAAAA', day, day)).toEqual([{ day, requests: 2, cost: 3, upstreamCalls: 0, errors: 0 }]);
    expect(flushes.map((f) => f.error === undefined)).toEqual([false, true]);
  });

  it('drops the oldest buffered key-days beyond its bound while the store fails', async () => {
    const dropped: number[] = [];
    const meter = createUsageMeter({
      store: { addUsage: () => Promise.reject(new Error('down')) },
      flushIntervalMs: 60_000,
      maxBufferedKeyDays: 2,
      onFlush: (result) => result.dropped !== undefined && dropped.push(result.dropped),
    });
    meters.push(meter);
    for (const keyId of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']) meter.record(keyId, { requests: 1 });
    await meter.flush();
    expect(dropped).toEqual([1]);
  });

  it('writes what is left at close and records nothing after it', async () => {
    const memory = createMemoryKeyStore();
    const meter = createUsageMeter({ store: memory, flushIntervalMs: 60_000 });
    meter.record('AAAAAAAA', { requests: 1 });
    await meter.close();
    meter.record('AAAAAAAA', { requests: 1 });
    await meter.flush();
    const day = new Date().toISOString().slice(0, 10);
    expect((await memory.usage('AAAAAAAA', day, day))[0]?.requests).toBe(1);
  });
});
