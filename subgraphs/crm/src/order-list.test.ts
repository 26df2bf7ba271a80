import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildOrderListPage, decodeOrderCursor, encodeOrderCursor, type OrderSummaryInput } from './order-list.ts';

const eshop = (id: number, placedAt: string): OrderSummaryInput => ({
  ref: { typename: 'EshopOrder', id: `eshop:${id}` },
  placedAt,
});
const allegro = (uuid: string, placedAt: string): OrderSummaryInput => ({
  ref: { typename: 'MarketplaceOrder', id: `marketplace:${uuid}` },
  placedAt,
});

const ESHOP = [
  eshop(101, '2026-05-01T10:00:00Z'),
  eshop(102, '2026-05-03T10:00:00Z'),
  eshop(103, '2026-05-03T10:00:00Z'), // same second as 102 and as an Allegro order
  eshop(104, '2026-04-01T08:00:00Z'),
];
const MARKETPLACE = [
  allegro('aaaaaaaa-0000-1000-8000-000000000001', '2026-05-03T10:00:00Z'),
  allegro('aaaaaaaa-0000-1000-8000-000000000002', '2026-05-02T12:30:00.000Z'),
  allegro('aaaaaaaa-0000-1000-8000-000000000003', '2026-03-15T00:00:00+00:00'),
];

function ids(page: ReturnType<typeof buildOrderListPage>): string[] {
  return page.edges.map((e) => e.node.id);
}

function codeOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions['code'];
  }
  throw new Error('expected a throw');
}

describe('buildOrderListPage', () => {
  it('merges both channels newest first, ties by id descending', () => {
    const page = buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: MARKETPLACE, first: 20 });
    expect(ids(page)).toEqual([
      'marketplace:aaaaaaaa-0000-1000-8000-000000000001', // 2026-05-03T10:00, "marketplace:" > "eshop:"
      'eshop:103',
      'eshop:102',
      'marketplace:aaaaaaaa-0000-1000-8000-000000000002',
      'eshop:101',
      'eshop:104',
      'marketplace:aaaaaaaa-0000-1000-8000-000000000003',
    ]);
    expect(page.totalCount).toBe(7);
    expect(page.unavailableChannels).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[6]!.cursor });
  });

  it('returns nodes as typed references', () => {
    const page = buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: MARKETPLACE, first: 2 });
    expect(page.edges.map((e) => e.node)).toEqual([
      { __typename: 'MarketplaceOrder', id: 'marketplace:aaaaaaaa-0000-1000-8000-000000000001' },
      { __typename: 'EshopOrder', id: 'eshop:103' },
    ]);
  });

  it('compares instants, not strings, across offsets and precisions', () => {
    const page = buildOrderListPage({
      eshopOrderSummaries: [eshop(1, '2026-05-03T12:00:00+02:00'), eshop(2, '2026-05-03T10:00:01Z')],
      marketplaceOrderSummaries: [allegro('b', '2026-05-03T10:00:00.500Z')],
      first: 10,
    });
    expect(ids(page)).toEqual(['eshop:2', 'marketplace:b', 'eshop:1']);
  });

  it('pages through everything with no repeats and no gaps, for every page size', () => {
    const all = ids(buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: MARKETPLACE, first: 100 }));
    for (let size = 1; size <= 8; size++) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page = buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: MARKETPLACE, first: size, after });
        expect(page.totalCount).toBe(7);
        seen.push(...ids(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it('pages through a larger list of many ties', () => {
    const many = Array.from({ length: 250 }, (_, i) => eshop(1000 + i, `2026-01-0${(i % 3) + 1}T00:00:00Z`));
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const page = buildOrderListPage({ eshopOrderSummaries: many, marketplaceOrderSummaries: [], first: 100, after });
      for (const id of ids(page)) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      pages++;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen.size).toBe(250);
  });

  it('continues after the cursor position even when that order is gone from the list', () => {
    const first = buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: MARKETPLACE, first: 2 });
    const withoutLast = ESHOP.filter((s) => s.ref.id !== 'eshop:103');
    const next = buildOrderListPage({
      eshopOrderSummaries: withoutLast,
      marketplaceOrderSummaries: MARKETPLACE,
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(ids(next)).toEqual(['eshop:102', 'marketplace:aaaaaaaa-0000-1000-8000-000000000002']);
  });

  it('keeps one channel with the filter; totalCount counts after the filter', () => {
    const eshopOnly = buildOrderListPage({
      eshopOrderSummaries: ESHOP,
      marketplaceOrderSummaries: MARKETPLACE,
      first: 10,
      channel: 'ESHOP',
    });
    expect(ids(eshopOnly)).toEqual(['eshop:103', 'eshop:102', 'eshop:101', 'eshop:104']);
    expect(eshopOnly.totalCount).toBe(4);
    const marketplaceOnly = buildOrderListPage({
      eshopOrderSummaries: ESHOP,
      marketplaceOrderSummaries: MARKETPLACE,
      first: 10,
      channel: 'MARKETPLACE',
    });
    expect(marketplaceOnly.edges.every((e) => e.node.__typename === 'MarketplaceOrder')).toBe(true);
    expect(marketplaceOnly.totalCount).toBe(3);
  });

  it('filters by typename, not by the list an order came in', () => {
    const page = buildOrderListPage({
      eshopOrderSummaries: [...ESHOP, allegro('stray', '2026-06-01T00:00:00Z')],
      marketplaceOrderSummaries: [],
      first: 10,
      channel: 'ESHOP',
    });
    expect(ids(page)).not.toContain('marketplace:stray');
  });

  it('names a channel whose list is null and still returns the other channel', () => {
    const page = buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: null, first: 10 });
    expect(page.unavailableChannels).toEqual(['MARKETPLACE']);
    expect(page.totalCount).toBe(4);
    const both = buildOrderListPage({ eshopOrderSummaries: undefined, marketplaceOrderSummaries: null, first: 10 });
    expect(both.unavailableChannels).toEqual(['ESHOP', 'MARKETPLACE']);
    expect(both.edges).toEqual([]);
    expect(both.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('does not report an unavailable channel the filter left out', () => {
    const page = buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: null, first: 10, channel: 'ESHOP' });
    expect(page.unavailableChannels).toEqual([]);
  });

  it('answers an empty page for empty lists', () => {
    const page = buildOrderListPage({ eshopOrderSummaries: [], marketplaceOrderSummaries: [], first: 5 });
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0, unavailableChannels: [] });
  });

  it.each([0, -1, 101, 1.5])('refuses first = %s with BAD_USER_INPUT', (first) => {
    expect(codeOf(() => buildOrderListPage({ eshopOrderSummaries: [], marketplaceOrderSummaries: [], first }))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['not base64 at all!'],
    [''],
    [Buffer.from('no-bar', 'utf8').toString('base64url')],
    [Buffer.from('not-a-date|eshop:1', 'utf8').toString('base64url')],
    [Buffer.from('2026-05-01T10:00:00Z|', 'utf8').toString('base64url')],
  ])('refuses after = %j with BAD_USER_INPUT', (after) => {
    expect(codeOf(() => buildOrderListPage({ eshopOrderSummaries: ESHOP, marketplaceOrderSummaries: [], first: 5, after }))).toBe('BAD_USER_INPUT');
  });
});

describe('order cursors', () => {
  it('round-trip placedAt and id', () => {
    const cursor = encodeOrderCursor('2026-05-03T10:00:00Z', 'marketplace:a|b');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeOrderCursor(cursor)).toEqual({ time: Date.parse('2026-05-03T10:00:00Z'), id: 'marketplace:a|b' });
  });
});
