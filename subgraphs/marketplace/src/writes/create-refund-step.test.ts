import { describe, expect, it } from 'vitest';
import { refundTagOf, sellerCommentOf, tagOfComment } from './create-refund-step.ts';

const ORDER = '7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50';

describe('the refund tag', () => {
  it('is stable per order and key, differs across either, and its commandId is a version-8 UUID', () => {
    const a = refundTagOf(ORDER, 'key-1');
    expect(refundTagOf(ORDER, 'key-1')).toEqual(a);
    expect(refundTagOf(ORDER, 'key-2').tag).not.toBe(a.tag);
    expect(refundTagOf('7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f51', 'key-1').tag).not.toBe(a.tag);
    expect(a.tag).toMatch(/^[0-9a-f]{16}$/);
    expect(a.commandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rides at the end of the seller comment, within Allegro’s 250 characters, and is read back from it', () => {
    const { tag } = refundTagOf(ORDER, 'key-1');
    expect(sellerCommentOf(null, tag)).toBe(`[omnigraph:${tag}]`);
    expect(sellerCommentOf('  Zwrot   w sklepie\nWAW1 ', tag)).toBe(`Zwrot w sklepie WAW1 [omnigraph:${tag}]`);
    const long = sellerCommentOf('x'.repeat(500), tag);
    expect(long.length).toBeLessThanOrEqual(250);
    expect(tagOfComment(long)).toBe(tag);
    expect(tagOfComment('Zwrot bez znacznika')).toBeNull();
    expect(tagOfComment(null)).toBeNull();
  });
});
