import { describe, expect, it } from 'vitest';
import { createSlidingWindowLog } from './index.ts';

describe('createSlidingWindowLog', () => {
  it('counts the window (now - W, now]: an entry exactly W old no longer counts', () => {
    const log = createSlidingWindowLog();
    log.add(1_000);
    log.add(1_500);
    expect(log.trim(1_999, 1_000)).toBe(2);
    expect(log.trim(2_000, 1_000)).toBe(1);
    expect(log.oldest()).toBe(1_500);
    expect(log.trim(2_500, 1_000)).toBe(0);
    expect(log.oldest()).toBeUndefined();
  });

  it('says how long until fewer than cap remain, also when a lowered cap is exceeded', () => {
    const log = createSlidingWindowLog();
    for (const t of [0, 100, 200, 300]) log.add(t);
    log.trim(400, 1_000);
    expect(log.waitFor(4, 400, 1_000)).toBe(600); // the entry at 0 leaves at 1000
    expect(log.waitFor(2, 400, 1_000)).toBe(800); // entries at 0, 100 and 200 must leave
    expect(log.waitFor(0, 400, 1_000)).toBe(1_000);
  });

  it('counts entries at or after a time, and stays sorted when the clock steps back', () => {
    const log = createSlidingWindowLog();
    for (const t of [10, 20, 20, 30]) log.add(t);
    log.add(25); // logged as 30
    expect(log.countSince(20)).toBe(4);
    expect(log.countSince(21)).toBe(2);
    expect(log.countSince(31)).toBe(0);
    expect(log.trim(1_029, 1_000)).toBe(2);
  });

  it('compacts what left the window', () => {
    const log = createSlidingWindowLog();
    for (let t = 0; t < 10_000; t++) log.add(t);
    expect(log.trim(10_000, 100)).toBe(99);
    expect(log.count).toBe(99);
    expect(log.countSince(0)).toBe(99);
  });
});
