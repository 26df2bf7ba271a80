/**
 * The merged order list of ADR 0004: a pure function over the per-channel summary lists that the gateway hands to
 * `Customer.orders` through `@requires`. No upstream call happens here; the channels already listed their orders.
 *
 * Order: `placedAt` descending, then `id` descending, so ties (two orders in the same second) have one stable order
 * and a cursor (`placedAt|id` of the last edge) points at exactly one position in the list.
 */
import type { OrderChannel } from './__generated__/resolvers-types.ts';
import { badUserInput } from '@omnigraph/shared/errors';

export interface OrderSummaryInput {
  ref: { typename: string; id: string };
  placedAt: string;
}

export interface OrderListInput {
  /** `null` or `undefined`: the e-shop subgraph could not list them (degraded mode) */
  eshopOrderSummaries: readonly OrderSummaryInput[] | null | undefined;
  /** `null` or `undefined`: the marketplace subgraph could not list them (degraded mode) */
  marketplaceOrderSummaries: readonly OrderSummaryInput[] | null | undefined;
  first: number;
  after?: string | null | undefined;
  channel?: OrderChannel | null | undefined;
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

interface Entry {
  typename: OrderListNode['__typename'];
  id: string;
  placedAt: string;
  /** epoch ms of placedAt: channels may send different offsets or precisions of the same instant */
  time: number;
}

/** Opaque to clients: base64url of `placedAt|id`. */
export function encodeOrderCursor(placedAt: string, id: string): string {
  return Buffer.from(`${placedAt}|${id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when the string is not one of our cursors. */
export function decodeOrderCursor(cursor: string): { time: number; id: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar <= 0 || bar === text.length - 1) return null;
  const time = Date.parse(text.slice(0, bar));
  if (Number.isNaN(time)) return null;
  return { time, id: text.slice(bar + 1) };
}

/** Newest first; ids compare descending as strings, which is also numeric order for equal-length numeric ids. */
function compareEntries(a: { time: number; id: string }, b: { time: number; id: string }): number {
  if (a.time !== b.time) return b.time - a.time;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function toEntries(list: readonly OrderSummaryInput[]): Entry[] {
  const entries: Entry[] = [];
  for (const summary of list) {
    const typename = summary.ref.typename;
    // Only the two order types this subgraph knows can be nodes of the list; anything else would fail __resolveType.
    if (typename !== 'EshopOrder' && typename !== 'MarketplaceOrder') continue;
    const time = Date.parse(summary.placedAt);
    if (Number.isNaN(time)) continue;
    entries.push({ typename, id: summary.ref.id, placedAt: summary.placedAt, time });
  }
  return entries;
}

export function buildOrderListPage(input: OrderListInput): OrderListPage {
  const { first } = input;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ORDERS_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 1 and ${MAX_ORDERS_PAGE_SIZE}.`);
  }
  let position: { time: number; id: string } | null = null;
  if (input.after !== undefined && input.after !== null) {
    position = decodeOrderCursor(input.after);
    if (position === null) throw badUserInput('"after" is not a cursor of this list.');
  }

  const channels: OrderChannel[] = input.channel ? [input.channel] : ['ESHOP', 'MARKETPLACE'];
  const unavailableChannels: OrderChannel[] = [];
  const entries: Entry[] = [];
  for (const channel of channels) {
    const list = channel === 'ESHOP' ? input.eshopOrderSummaries : input.marketplaceOrderSummaries;
    if (list === null || list === undefined) {
      unavailableChannels.push(channel);
      continue;
    }
    const typename = TYPENAME_BY_CHANNEL[channel];
    entries.push(...toEntries(list).filter((e) => e.typename === typename));
  }
  entries.sort(compareEntries);

  // Everything strictly after the cursor's position, so a page never repeats the previous page's last edge, even
  // when that order has since disappeared from the list.
  const start = position === null ? 0 : entries.findIndex((e) => compareEntries(position, e) < 0);
  const rest = start === -1 ? [] : entries.slice(start);
  const page = rest.slice(0, first);
  const edges = page.map((e) => ({
    cursor: encodeOrderCursor(e.placedAt, e.id),
    node: { __typename: e.typename, id: e.id },
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rest.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: entries.length,
    unavailableChannels,
  };
}
