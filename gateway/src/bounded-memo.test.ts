import { describe, expect, it } from 'vitest';
import { createBoundedMemo } from './bounded-memo.ts';

describe('createBoundedMemo', () => {
  it('evicts the least recently used entry past maxEntries', () => {
    const memo = createBoundedMemo<string, number>({ maxEntries: 2 });
    memo.set('a', 1);
    memo.set('b', 2);
    expect(memo.get('a')).toBe(1); // a is now the most recently used
    memo.set('c', 3);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe(1);
    expect(memo.get('c')).toBe(3);
    expect(memo.size).toBe(2);
  });

  it('bounds the total weight, and keeps nothing heavier than the bound alone', () => {
    const memo = createBoundedMemo<string, string>({ maxEntries: 100, maxWeight: 10 });
    memo.set('a', 'a', 4);
    memo.set('b', 'b', 4);
    memo.set('c', 'c', 4); // 12 > 10: a goes
    expect([memo.get('a'), memo.get('b'), memo.get('c')]).toEqual([undefined, 'b', 'c']);
    memo.set('huge', 'huge', 11);
    expect(memo.get('huge')).toBeUndefined();
    expect(memo.size).toBe(2);
    memo.set('b', 'b2', 1); // replacing an entry replaces its weight
    memo.set('d', 'd', 5);
    expect([memo.get('b'), memo.get('c'), memo.get('d')]).toEqual(['b2', 'c', 'd']);
    memo.clear();
    expect(memo.size).toBe(0);
    memo.set('e', 'e', 10);
    expect(memo.get('e')).toBe('e');
  });

  it('forgets its entries when the owner they were derived from changes', () => {
    const memo = createBoundedMemo<string, number>({ maxEntries: 10 });
    const [first, second] = [{}, {}];
    memo.keepFor(first);
    memo.set('a', 1);
    memo.keepFor(first);
    expect(memo.get('a')).toBe(1);
    memo.keepFor(second);
    expect(memo.get('a')).toBeUndefined();
  });
});
