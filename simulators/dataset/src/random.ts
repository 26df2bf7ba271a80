/**
 * Seeded pseudo-random numbers for the dataset generator.
 *
 * sfc32 is small, fast and passes PractRand far beyond what a few hundred thousand
 * draws need. Seeds are derived by hashing labels so that independent parts of the
 * dataset (one product template, one demo customer) get their own stream: adding a
 * draw in one part never shifts the values of another.
 */

const UINT32 = 0x1_0000_0000;
const ALNUM_LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 32-bit FNV-1a over the labels, then murmur3's finaliser to spread the bits. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 expands one seed into the four words sfc32 needs; sfc32 must not start all-zero.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() | 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A stream for one labelled part of the dataset. */
  static derive(...parts: readonly (string | number)[]): Random {
    return new Random(hashSeed(...parts));
  }

  /** A child stream; consumes one draw of this stream. */
  fork(label: string | number): Random {
    return new Random(hashSeed(this.nextUint32(), label));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / UINT32;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** One value of `[value, weight]` pairs, proportionally to the weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** RFC 4122 version 4 layout, bits from this stream. */
  uuid(): string {
    const hex8 = (n: number): string => n.toString(16).padStart(8, '0');
    const a = hex8(this.nextUint32());
    const b = hex8(((this.nextUint32() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = hex8(((this.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex8(this.nextUint32());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }

  /**
   * RFC 4122 version 1 (time-based) layout for the given instant, clock sequence and node from this stream. Allegro's
   * checkout-form and payment ids are time-based UUIDs and Allegro refuses other ids with 422, so a client must not
   * assume v4. Draws as many values as {@link uuid}, so switching one for the other shifts no later draw.
   */
  uuidV1(epochMs: number): string {
    // 100-ns ticks since the Gregorian reform (1582-10-15), the UUID v1 epoch
    const ticks = (BigInt(epochMs) + 12_219_292_800_000n) * 10_000n + BigInt(this.nextUint32() % 10_000);
    const hex = (n: bigint | number, width: number): string => n.toString(16).padStart(width, '0');
    const timeLow = hex(ticks & 0xffff_ffffn, 8);
    const timeMid = hex((ticks >> 32n) & 0xffffn, 4);
    const timeHiAndVersion = hex(((ticks >> 48n) & 0x0fffn) | 0x1000n, 4);
    const clockSeq = hex((this.nextUint32() & 0x3fff) | 0x8000, 4);
    const node = hex(this.nextUint32(), 8) + hex(this.nextUint32() & 0xffff, 4);
    return `${timeLow}-${timeMid}-${timeHiAndVersion}-${clockSeq}-${node}`;
  }

  /** `n` lowercase hex characters. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  }

  /** `n` decimal digits; may start with 0. */
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(0, 9));
    return out;
  }

  /** `n` characters of `alphabet` (lowercase letters and digits by default). */
  chars(n: number, alphabet: string = ALNUM_LOWER): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

/**
 * Repeated weighted picks from a fixed list: cumulative weights with binary search, so
 * drawing order lines from a catalogue of thousands stays cheap.
 */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  private readonly items: readonly T[];

  constructor(items: readonly T[], weights: readonly number[]) {
    this.items = items;
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('WeightedPicker needs one weight per item and at least one item');
    }
    let sum = 0;
    for (const w of weights) {
      sum += Math.max(0, w);
      this.cumulative.push(sum);
    }
    if (!(sum > 0)) throw new RangeError('WeightedPicker needs a positive total weight');
    this.total = sum;
  }

  pick(rng: Random): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}
