import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from './concurrency.ts';

describe('createConcurrencyLimiter', () => {
  it('admits up to the limit per subject, frees a slot on release, and keeps subjects apart', () => {
    const limiter = createConcurrencyLimiter();
    const held = Array.from({ length: 3 }, () => limiter.tryAcquire('key:a', 3));
    expect(held.every((r) => r !== undefined)).toBe(true);
    expect(limiter.tryAcquire('key:a', 3)).toBeUndefined();
    // another key is not affected by a's flood
    expect(limiter.tryAcquire('key:b', 3)).toBeDefined();

    held[0]!();
    held[0]!(); // a second release of the same slot frees nothing more
    expect(limiter.inFlight('key:a')).toBe(2);
    expect(limiter.tryAcquire('key:a', 3)).toBeDefined();
    expect(limiter.tryAcquire('key:a', 3)).toBeUndefined();
  });

  it('forgets a subject once nothing of it is in flight', () => {
    const limiter = createConcurrencyLimiter();
    const release = limiter.tryAcquire('key:a', 1)!;
    release();
    expect(limiter.inFlight('key:a')).toBe(0);
    expect(limiter.tryAcquire('key:a', 1)).toBeDefined();
  });
});
