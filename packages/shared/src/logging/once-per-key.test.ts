import { describe, expect, it } from 'vitest';
import { oncePerKey } from './once-per-key.ts';

describe('oncePerKey', () => {
  it('reports each key once, and again only after the memory was full', () => {
    const seen: string[] = [];
    const report = oncePerKey((key) => seen.push(key), 2);
    for (const key of ['a', 'a', 'b', 'a', 'b']) report(key);
    expect(seen).toEqual(['a', 'b']);
    report('c'); // full: starts over
    report('a');
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });
});
