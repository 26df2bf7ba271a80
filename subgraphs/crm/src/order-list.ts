/**
 * The merged order list of ADR 0014: `Customer.orders` checks the page's arguments and returns an `OrderConnection`
 * whose key tells each channel subgraph which slice to read; the gateway then hands both slices back here
 * (`@requires`) and {@link mergeOrderSlices} merges them. No upstream call happens in the merge.
 *
 * Order: `placedAt` descending, then `id` descending (compareNewestFirst), so ties have one stable order and a cursor
 * (`placedAt|id` of the last edge) points at exactly one position in the list.
 */
import type { OrderChannel } from './__generated__/resolvers-types.ts';
import { badUserInput } from '@omnigraph/shared/errors';
import {
  compareNewestFirst,
  decodeOrderListKey,
  isAfterPosition,
  type OrderListKey,
  type OrderListPosition,
  type OrderSliceModel,
} from '@omnigraph/shared/models';

export interface OrderSummaryInput {
  ref: { typename: string; id: string };
  placedAt: string;
}

export type OrderSliceInput = Pick<OrderSliceModel, 'hasMore' | 'totalCount'> & { orders: readonly OrderSummaryInput[] };

/** `OrderConnection` as crm holds it: the key, and the channels' slices once the gateway has fetched them. */
export interface OrderConnectionModel {
  id: string;
  /** `null` or `undefined`: the e-shop subgraph could not read its slice (degraded mode) */
  eshopSlice?: OrderSliceInput | null | undefined;
  /** `null` or `undefined`: the marketplace subgraph could not read its slice (degraded mode) */
  marketplaceSlice?: OrderSliceInput | null | undefined;
}

export interface OrderListNode {
  __typename: 'EshopOrder' | 'MarketplaceOrder';
  id: string;
}

export interface OrderListPage {
  edges: { cursor: string; node: OrderListNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  unavailableChannels: OrderChannel[];
}

export const MAX_ORDERS_PAGE_SIZE = 100;

const TYPENAME_BY_CHANNEL = { ESHOP: 'EshopOrder', MARKETPLACE: 'MarketplaceOrder' } as const;

interface Entry extends OrderListPosition {
  typename: OrderListNode['__typename'];
  placedAt: string;
}

/** Opaque to clients: base64url of `placedAt|id`. */
export function encodeOrderCursor(placedAt: string, id: string): string {
  return Buffer.from(`${placedAt}|${id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when the string is not one of our cursors. */
export function decodeOrderCursor(cursor: string): OrderListPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar <= 0 || bar === text.length - 1) return null;
  const time = Date.parse(text.slice(0, bar));
  if (Number.isNaN(time)) return null;
  return { time, id: text.slice(bar + 1) };
}

/** `first` and `after` as the channels need them; BAD_USER_INPUT before anything is asked. */
export function checkOrderListArgs(args: { first: number; after?: string | null | undefined }): { first: number; after: OrderListPosition | null } {
  const { first } = args;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ORDERS_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 1 and ${MAX_ORDERS_PAGE_SIZE}.`);
  }
  if (args.after === undefined || args.after === null) return { first, after: null };
  const after = decodeOrderCursor(args.after);
  if (after === null) throw badUserInput('"after" is not a cursor of this list.');
  return { first, after };
}

/** One channel's entries, newest first, strictly after the cursor; orders of another type are left out. */
function entriesOf(slice: OrderSliceInput, typename: OrderListNode['__typename'], after: OrderListPosition | null): Entry[] {
  const entries: Entry[] = [];
  for (const summary of slice.orders) {
    // Only the two order types this subgraph knows can be nodes of the list; anything else would fail __resolveType.
    if (summary.ref.typename !== typename) continue;
    const time = Date.parse(summary.placedAt);
    if (Number.isNaN(time)) continue;
    const entry = { typename, id: summary.ref.id, placedAt: summary.placedAt, time };
    if (isAfterPosition(after, entry)) entries.push(entry);
  }
  return entries.sort(compareNewestFirst);
}

/** The k-way merge of sorted lists, stopping once `limit` entries are out. */
function mergeSorted(lists: readonly Entry[][], limit: number): Entry[] {
  const heads = lists.map(() => 0);
  const out: Entry[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![heads[i]!];
      if (candidate !== undefined && (best === -1 || compareNewestFirst(candidate, lists[best]![heads[best]!]!) < 0)) best = i;
    }
    if (best === -1) break;
    out.push(lists[best]![heads[best]!]!);
    heads[best]! += 1;
  }
  return out;
}

/**
 * One page from the channels' slices. Each slice holds that channel's first `first` orders after the cursor, so the
 * page's `first` are among them; a next page exists when more entries came than fit, or a channel holds more.
 */
export function mergeOrderSlices(input: {
  key: Pick<OrderListKey, 'first' | 'after' | 'channel'>;
  eshopSlice: OrderSliceInput | null | undefined;
  marketplaceSlice: OrderSliceInput | null | undefined;
}): OrderListPage {
  const { first, after, channel } = input.key;
  const channels: OrderChannel[] = channel ? [channel] : ['ESHOP', 'MARKETPLACE'];
  const unavailableChannels: OrderChannel[] = [];
  const lists: Entry[][] = [];
  let totalCount = 0;
  let channelHasMore = false;
  for (const name of channels) {
    const slice = name === 'ESHOP' ? input.eshopSlice : input.marketplaceSlice;
    if (slice === null || slice === undefined) {
      unavailableChannels.push(name);
      continue;
    }
    lists.push(entriesOf(slice, TYPENAME_BY_CHANNEL[name], after));
    totalCount += slice.totalCount;
    channelHasMore ||= slice.hasMore;
  }
  const merged = mergeSorted(lists, first + 1);
  const edges = merged.slice(0, first).map((e) => ({
    cursor: encodeOrderCursor(e.placedAt, e.id),
    node: { __typename: e.typename, id: e.id },
  }));
  return {
    edges,
    pageInfo: { hasNextPage: merged.length > first || channelHasMore, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
    unavailableChannels,
  };
}

/** The page an `OrderConnection` representation (key + slices) stands for. */
export function orderListPageOf(connection: OrderConnectionModel): OrderListPage {
  const key = decodeOrderListKey(connection.id);
  // crm encoded the key itself (Customer.orders); anything else did not come through our plan
  if (key === null) throw badUserInput('Not an order list of this graph.');
  return mergeOrderSlices({ key, eshopSlice: connection.eshopSlice, marketplaceSlice: connection.marketplaceSlice });
}

/**
 * The page over whole channel lists, each cut the way a channel subgraph cuts its slice: the reference the tests
 * compare the keyset pages with.
 */
export function buildOrderListPage(input: {
  eshopOrderSummaries: readonly OrderSummaryInput[] | null | undefined;
  marketplaceOrderSummaries: readonly OrderSummaryInput[] | null | undefined;
  first: number;
  after?: string | null | undefined;
  channel?: OrderChannel | null | undefined;
}): OrderListPage {
  const { first, after } = checkOrderListArgs(input);
  const sliceOf = (list: readonly OrderSummaryInput[] | null | undefined): OrderSliceInput | null => {
    if (list === null || list === undefined) return null;
    const rest = list
      .map((summary) => ({ summary, position: { time: Date.parse(summary.placedAt), id: summary.ref.id } }))
      .filter(({ position }) => !Number.isNaN(position.time) && isAfterPosition(after, position))
      .sort((a, b) => compareNewestFirst(a.position, b.position));
    return { orders: rest.slice(0, first).map((r) => r.summary), hasMore: rest.length > first, totalCount: list.length };
  };
  return mergeOrderSlices({
    key: { first, after, channel: input.channel ?? null },
    eshopSlice: sliceOf(input.eshopOrderSummaries),
    marketplaceSlice: sliceOf(input.marketplaceOrderSummaries),
  });
}
