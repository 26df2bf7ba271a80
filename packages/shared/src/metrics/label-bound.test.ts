import { describe, expect, it } from 'vitest';
import { createLabelBound, isGraphQLName, OTHER_LABEL } from './label-bound.ts';

describe('createLabelBound', () => {
  it('passes the first max distinct values through and maps every later one to other', () => {
    const bound = createLabelBound({ max: 2 });
    expect(bound('a')).toBe('a');
    expect(bound('b')).toBe('b');
    expect(bound('c')).toBe(OTHER_LABEL);
    // a value admitted earlier stays itself after the cap is reached
    expect(bound('a')).toBe('a');
    expect(bound.size).toBe(2);
  });

  it('never counts the always-values against the cap', () => {
    const bound = createLabelBound({ max: 1, always: ['CustomerProfile', 'ProductAvailability'] });
    expect(bound('CustomerProfile')).toBe('CustomerProfile');
    expect(bound('adhoc')).toBe('adhoc');
    expect(bound('ProductAvailability')).toBe('ProductAvailability');
    expect(bound('adhoc2')).toBe(OTHER_LABEL);
  });

  it('maps unacceptable values to other without spending a slot', () => {
    const bound = createLabelBound({ max: 1, accept: isGraphQLName });
    expect(bound('not a name')).toBe(OTHER_LABEL);
    expect(bound('x'.repeat(65))).toBe(OTHER_LABEL);
    expect(bound('Fine_1')).toBe('Fine_1');
  });

  it('stays bounded under a flood of distinct values', () => {
    const bound = createLabelBound({ max: 50 });
    const labels = new Set<string>();
    for (let i = 0; i < 10_000; i++) labels.add(bound(`op${i}`));
    expect(labels.size).toBe(51);
  });
});
