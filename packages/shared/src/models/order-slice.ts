/**
 * The keyset pieces of the merged order list (ADR 0014): what crm asks each channel for, in one opaque entity key,
 * and how a channel reads only the newest-first slice a page needs from an upstream list sorted by date.
 *
 * Why shared: crm encodes the key and merges the slices, eshop and marketplace decode the key and cut the slices;
 * the three must agree on the order (placedAt, then id) to the last tie, or a page boundary would skip or repeat.
 */
import { isBoundAllegroLogin, isBoundEmail, type CustomerBinding } from '../identity/customer-binding.ts';
import type { OrderChannelModel, OrderSummaryModel } from './order-model.ts';

/** A place in the merged list: `placedAt` as epoch ms, then the order's id (the cursor of an edge decodes to one). */
export interface OrderListPosition {
  time: number;
  id: string;
}

/**
 * Newest first; ties (one second, or one millisecond) by id descending, where a shorter id is a smaller one: shop
 * ids are numbers (`eshop:999` < `eshop:1000`), which is also the order WooCommerce lists a second's orders in
 * (`orderby=date` is `date ID`), so a channel's upstream order and the merge agree. Equal-length ids (every Allegro
 * id, and shop ids of one magnitude) compare as strings, as before.
 */
export function compareNewestFirst(a: OrderListPosition, b: OrderListPosition): number {
  if (a.time !== b.time) return b.time - a.time;
  if (a.id.length !== b.id.length) return b.id.length - a.id.length;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * What one page of `Customer.orders` asks of the channels, carried in `OrderConnection.id` (`@inaccessible`): the
 * arguments of a field cannot reach a `@requires`, a key can. `customerId` lets each subgraph's customer-binding
 * rule check the representation before any upstream call.
 */
export interface OrderListKey {
  customerId: string;
  email: string | null;
  eshopCustomerId: string | null;
  allegroBuyerLogin: string | null;
  first: number;
  /** the decoded `after` cursor; null on the first page */
  after: OrderListPosition | null;
  channel: OrderChannelModel | null;
}

export function encodeOrderListKey(key: OrderListKey): string {
  const { customerId, email, eshopCustomerId, allegroBuyerLogin, first, after, channel } = key;
  return Buffer.from(JSON.stringify([customerId, email, eshopCustomerId, allegroBuyerLogin, first, after, channel]), 'utf8').toString('base64url');
}

/** The key an id names, or null when it is not one of ours (never from a client: the field is inaccessible). */
export function decodeOrderListKey(id: string): OrderListKey | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 7) return null;
  const [customerId, email, eshopCustomerId, allegroBuyerLogin, first, after, channel] = parsed as unknown[];
  const text = (v: unknown): v is string | null => v === null || typeof v === 'string';
  if (typeof customerId !== 'string' || !text(email) || !text(eshopCustomerId) || !text(allegroBuyerLogin)) return null;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1) return null;
  if (channel !== null && channel !== 'ESHOP' && channel !== 'MARKETPLACE') return null;
  let position: OrderListPosition | null = null;
  if (after !== null) {
    const { time, id: orderId } = (after ?? {}) as { time?: unknown; id?: unknown };
    if (typeof time !== 'number' || typeof orderId !== 'string') return null;
    position = { time, id: orderId };
  }
  return { customerId, email, eshopCustomerId, allegroBuyerLogin, first, after: position, channel };
}

/** One channel's part of a page (the SDL's `OrderSlice`): its newest orders after the cursor, and how many it has. */
export interface OrderSliceModel<TTypename extends string = string> {
  /** at most `first`, newest first, each strictly after the cursor's position */
  orders: OrderSummaryModel<TTypename>[];
  /** the channel holds more orders after the last of `orders` */
  hasMore: boolean;
  /** all of the channel's orders for this customer, whatever the cursor */
  totalCount: number;
}

export function positionOfSummary(summary: OrderSummaryModel): OrderListPosition {
  return { time: Date.parse(summary.placedAt), id: summary.ref.id };
}

export function isAfterPosition(position: OrderListPosition | null, entry: OrderListPosition): boolean {
  return position === null || compareNewestFirst(position, entry) < 0;
}

export interface NewestFirstReadOptions<T> {
  first: number;
  after: OrderListPosition | null;
  positionOf(item: T): OrderListPosition;
  /**
   * The latest `placedAt` (epoch ms) anything the upstream lists after `item` can have. WooCommerce lists by
   * `date ID`, so its own time; Allegro sorts by a line's `boughtAt`, so the form's latest line.
   */
  latestAfter(item: T): number;
  /**
   * Page `index` (0-based) of the upstream list, newest first, and whether the upstream holds more after it.
   * `listedUntil`: the `latestAfter` of the last entry the upstream listed, when the page dropped entries after
   * listing them (the guest list's e-mail re-check), so the last kept item is not the last listed one.
   */
  fetchPage(index: number): Promise<{ items: readonly T[]; more: boolean; listedUntil?: number | null | undefined }>;
  /** pages read at most for one slice (only ties at the cursor and a page boundary need a second) */
  maxPages: number;
}

/**
 * Reads upstream pages until the first `first` items after the cursor are certain: an item is certain when nothing
 * the upstream has not listed yet can come before it (its time ≥ the last listed item's `latestAfter`), or when the
 * list ended. Items at or before the cursor (the cursor's own second, listed again because upstream date filters have
 * second precision) are dropped here.
 */
export async function readNewestFirst<T>(options: NewestFirstReadOptions<T>): Promise<{ items: T[]; hasMore: boolean }> {
  const { first, after, positionOf } = options;
  const byId = new Map<string, T>();
  let bound = Number.POSITIVE_INFINITY;
  let more = true;
  let certain: T[] = [];
  for (let page = 0; more && page < options.maxPages; page += 1) {
    const { items, more: upstreamHasMore, listedUntil } = await options.fetchPage(page);
    for (const item of items) {
      byId.set(positionOf(item).id, item);
      bound = Math.min(bound, options.latestAfter(item));
    }
    if (listedUntil !== undefined && listedUntil !== null) bound = Math.min(bound, listedUntil);
    more = upstreamHasMore;
    const kept = [...byId.values()]
      .filter((item) => isAfterPosition(after, positionOf(item)))
      .sort((a, b) => compareNewestFirst(positionOf(a), positionOf(b)));
    certain = more ? kept.filter((item) => positionOf(item).time >= bound) : kept;
    if (certain.length >= first) break;
  }
  return { items: certain.slice(0, first), hasMore: certain.length > first || more };
}

/**
 * For a customer-bound caller (ADR 0009): an order page's key names the bound customer, with their own channel
 * identities only. Every subgraph that resolves `OrderConnection` admits its representation by this one rule.
 */
export function isBoundOrderList(connection: { id?: unknown }, binding: CustomerBinding): boolean {
  const key = typeof connection.id === 'string' ? decodeOrderListKey(connection.id) : null;
  if (key === null || key.customerId !== binding.customerId) return false;
  if (key.email !== null && !isBoundEmail(binding, key.email)) return false;
  if (key.eshopCustomerId !== null && key.eshopCustomerId !== binding.eshopCustomerId) return false;
  return key.allegroBuyerLogin === null || isBoundAllegroLogin(binding, key.allegroBuyerLogin);
}
