import { describe, expect, it } from 'vitest';
import { createLoadShedder, type EventLoopLag } from './load-shedding.ts';

function fakeLag() {
  let value = 0;
  const lag: EventLoopLag = { current: () => value, close: () => {} };
  return { lag, set: (ms: number) => (value = ms) };
}

describe('createLoadShedder', () => {
  it('sheds bulk traffic at half the in-flight bound and interactive traffic only at the bound', () => {
    const { lag } = fakeLag();
    const shedder = createLoadShedder({ maxInFlight: 4, bulkLagMs: 100, interactiveLagMs: 300, lag });
    const a = shedder.admit('bulk');
    const b = shedder.admit('bulk');
    expect([a.shed, b.shed]).toEqual([false, false]);
    expect(shedder.admit('bulk')).toEqual({ shed: true, reason: 'in-flight', retryAfterSeconds: 2 });
    const c = shedder.admit('interactive');
    const d = shedder.admit('interactive');
    expect([c.shed, d.shed]).toEqual([false, false]);
    expect(shedder.admit('interactive')).toEqual({ shed: true, reason: 'in-flight', retryAfterSeconds: 1 });

    if (a.shed) throw new Error('unreachable');
    a.release();
    a.release(); // idempotent
    expect(shedder.inFlight()).toBe(3);
    expect(shedder.admit('interactive').shed).toBe(false);
  });

  it('sheds bulk traffic first as the event loop lags, then interactive traffic, and recovers with the lag', () => {
    const { lag, set } = fakeLag();
    const shedder = createLoadShedder({ maxInFlight: 1_000, bulkLagMs: 100, interactiveLagMs: 300, lag });
    set(150);
    expect(shedder.admit('bulk')).toEqual({ shed: true, reason: 'lag', retryAfterSeconds: 2 });
    expect(shedder.admit('interactive').shed).toBe(false);
    set(350);
    expect(shedder.admit('interactive')).toEqual({ shed: true, reason: 'lag', retryAfterSeconds: 1 });
    set(20);
    expect(shedder.admit('bulk').shed).toBe(false);
    // a refused request holds no slot
    expect(shedder.inFlight()).toBe(2);
  });
});
