import { describe, expect, it } from 'vitest';
import { Random, WeightedPicker, hashSeed } from './random.ts';

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 20 }, () => rng.nextUint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(Random.derive('a', 1).next()).toBe(Random.derive('a', 1).next());
    expect(hashSeed('a', 1)).not.toBe(hashSeed('a', 2));
    expect(hashSeed('a1')).not.toBe(hashSeed('a', 1));
  });

  it('keeps helpers within their ranges', () => {
    const rng = new Random(42);
    const ints = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      ints.add(n);
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
    expect(rng.hex(13)).toMatch(/^[0-9a-f]{13}$/);
    expect(rng.digits(11)).toMatch(/^\d{11}$/);
    expect(rng.chars(10)).toMatch(/^[a-z0-9]{10}$/);
  });

  it('makes RFC 4122 version 4 UUIDs', () => {
    const rng = new Random(7);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = rng.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(1000);
  });

  it('makes RFC 4122 version 1 UUIDs whose timestamp is the given instant', () => {
    const rng = new Random(7);
    const at = Date.parse('2026-05-12T08:12:47.101Z');
    const id = rng.uuidV1(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [low, mid, hi] = id.split('-') as [string, string, string];
    const ticks = (BigInt(`0x${hi.slice(1)}`) << 48n) | (BigInt(`0x${mid}`) << 32n) | BigInt(`0x${low}`);
    expect(Number(ticks / 10_000n - 12_219_292_800_000n)).toBe(at);
    expect(new Random(7).uuidV1(at)).toBe(id);
    expect(rng.uuidV1(at)).not.toBe(id);
  });

  it('shuffles, samples and weighs', () => {
    const rng = new Random(3);
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(rng.sample(items, 5)).size).toBe(5);
    let heavy = 0;
    for (let i = 0; i < 5000; i++)
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy / 5000).toBeGreaterThan(0.85);
    expect(heavy / 5000).toBeLessThan(0.95);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('picks by cumulative weights and never picks zero-weight items', () => {
    const rng = new Random(5);
    const picker = new WeightedPicker(['zero', 'one', 'three', 'zero2'], [0, 1, 3, 0]);
    const counts = new Map<string, number>();
    for (let i = 0; i < 8000; i++) {
      const v = picker.pick(rng);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.has('zero')).toBe(false);
    expect(counts.has('zero2')).toBe(false);
    expect((counts.get('three') ?? 0) / 8000).toBeGreaterThan(0.7);
  });
});
