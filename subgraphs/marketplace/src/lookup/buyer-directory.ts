/**
 * A small phone → Allegro buyer directory. Allegro cannot search buyers by phone (the only buyer filter of
 * `GET /order/checkout-forms` is `buyer.login`), yet a caller often gives the phone they bought with, which the CRM
 * may not hold (Marek: the CRM knows +48 503 222 111, Allegro +48 789 012 345). So every checkout form this subgraph
 * reads anyway (order lists, single forms) is indexed by its buyer's national phone number, and a budgeted backfill
 * over the newest forms (`refreshBuyerDirectory`) fills it at start and after order events. A phone lookup then
 * answers from the directory with no Allegro call.
 *
 * Stored in the shared cache (Redis across replicas, or memory), one entry per phone under
 * `buyer-directory:phone:<sha256>`, holding at most {@link MAX_BUYERS_PER_PHONE} buyers with their last-seen details,
 * for MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS after the last form seen. Writes are read-modify-write without a lock:
 * two replicas indexing the same phone at once may drop one buyer until the next read of their forms; the directory
 * is a lookup aid, not a record, so that is accepted.
 */
import { createHash } from 'node:crypto';
import type { Cache } from '@omnigraph/shared/cache';
import type { Logger } from '@omnigraph/shared/logging';
import { normaliseNip, toPolishNationalNumber } from '@omnigraph/shared/lookup';
import type { MarketplaceClient, MarketplaceOrderModel } from '../upstream/marketplace-client.ts';

/** 30 days: long enough to find a returning buyer, short for personal data kept outside Allegro. */
export const DEFAULT_BUYER_DIRECTORY_TTL_SECONDS = 30 * 24 * 3600;

/** A family sharing a phone is plausible; dozens are not (a shop's own number typed as the buyer's): keep the newest. */
export const MAX_BUYERS_PER_PHONE = 5;

/** One buyer as the directory remembers them. */
export interface DirectoryBuyer {
  id: string | null;
  login: string;
  firstName: string | null;
  lastName: string | null;
  phone: string;
  postalCode: string | null;
  companyName: string | null;
  nip: string | null;
  /** the earliest purchase seen */
  since: string;
  /** the newest purchase seen (which details are current) */
  lastSeen: string;
}

export interface BuyerDirectory {
  /** Indexes the buyers of forms just read; never throws (a cache failure only loses the index entry). */
  record(orders: readonly MarketplaceOrderModel[]): Promise<void>;
  /**
   * The buyers known for a national number, newest first; [] when none (or the cache is down). While a fill is
   * running (the start-up backfill) it waits for it, at most the fill's `waitMs`, so a lookup right after start sees
   * the newest buyers without the subgraph's start waiting for them.
   */
  findByPhone(national: string): Promise<DirectoryBuyer[]>;
  /** A fill is running: lookups wait for it, `waitMs` at most. */
  filling(fill: Promise<void>, waitMs: number): void;
}

export interface BuyerDirectoryOptions {
  cache: Cache;
  /** MARKETPLACE_BUYER_DIRECTORY_TTL_SECONDS; 0 turns the directory off (nothing is stored). */
  ttlSeconds: number;
  logger?: Pick<Logger, 'warn'> | undefined;
}

function phoneKey(national: string): string {
  return `buyer-directory:phone:${createHash('sha256').update(national).digest('hex').slice(0, 32)}`;
}

function entryOf(order: MarketplaceOrderModel, phone: string): DirectoryBuyer {
  const b = order.buyer;
  return {
    id: b.id,
    login: b.login,
    firstName: b.firstName,
    lastName: b.lastName,
    phone,
    postalCode: b.postalCode,
    companyName: b.companyName,
    nip: b.nip === null ? null : normaliseNip(b.nip),
    since: order.placedAt,
    lastSeen: order.placedAt,
  };
}

function merge(known: DirectoryBuyer, seen: DirectoryBuyer): DirectoryBuyer {
  const newer = seen.lastSeen >= known.lastSeen ? seen : known;
  const older = newer === seen ? known : seen;
  return {
    id: newer.id ?? older.id,
    login: newer.login,
    firstName: newer.firstName ?? older.firstName,
    lastName: newer.lastName ?? older.lastName,
    phone: newer.phone,
    postalCode: newer.postalCode ?? older.postalCode,
    companyName: newer.companyName ?? older.companyName,
    nip: newer.nip ?? older.nip,
    since: known.since < seen.since ? known.since : seen.since,
    lastSeen: newer.lastSeen,
  };
}

export function createBuyerDirectory(options: BuyerDirectoryOptions): BuyerDirectory {
  const { cache, ttlSeconds } = options;
  let pending: { fill: Promise<void>; waitMs: number } | null = null;

  return {
    filling(fill, waitMs) {
      const current = { fill, waitMs };
      pending = current;
      void fill.finally(() => {
        if (pending === current) pending = null;
      });
    },

    async record(orders) {
      if (ttlSeconds <= 0) return;
      const byPhone = new Map<string, DirectoryBuyer[]>();
      for (const order of orders) {
        // guests ("Client:…") have one-off accounts: nothing to find again by phone
        if (order.buyer.guest || order.buyer.phone === null) continue;
        const national = toPolishNationalNumber(order.buyer.phone);
        if (national === null) continue;
        const list = byPhone.get(national) ?? [];
        list.push(entryOf(order, national));
        byPhone.set(national, list);
      }
      await Promise.all(
        [...byPhone].map(async ([national, seen]) => {
          try {
            const known = new Map(((await cache.get<DirectoryBuyer[]>(phoneKey(national))) ?? []).map((b) => [b.login, b]));
            for (const buyer of seen) {
              const previous = known.get(buyer.login);
              known.set(buyer.login, previous === undefined ? buyer : merge(previous, buyer));
            }
            const kept = [...known.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)).slice(0, MAX_BUYERS_PER_PHONE);
            await cache.set(phoneKey(national), kept, ttlSeconds);
          } catch (error) {
            options.logger?.warn({ err: error }, 'buyer directory: could not index a phone');
          }
        }),
      );
    },

    async findByPhone(national) {
      if (ttlSeconds <= 0) return [];
      if (pending !== null) {
        let timer: NodeJS.Timeout | undefined;
        const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, pending!.waitMs).unref()));
        await Promise.race([pending.fill, waited]);
        clearTimeout(timer);
      }
      return (await cache.get<DirectoryBuyer[]>(phoneKey(national))) ?? [];
    },
  };
}

/** The pages of 100 forms the start-up backfill reads at most (MARKETPLACE_BUYER_DIRECTORY_BACKFILL_PAGES). */
export interface RefreshBuyerDirectoryOptions {
  client: Pick<MarketplaceClient, 'listRecentOrders'>;
  directory: Pick<BuyerDirectory, 'record'>;
  /** pages of 100 forms, newest first; 0 reads nothing */
  pages: number;
}

/**
 * Reads the newest `pages` × 100 checkout forms and indexes their buyers: `pages` list calls at most, fewer when the
 * account has fewer forms. At start-up with the configured backfill, and with 1 page after order events (new forms
 * are the newest). Returns the number of forms indexed; the first failure ends the refresh (the next one resumes).
 */
export async function refreshBuyerDirectory(options: RefreshBuyerDirectoryOptions): Promise<number> {
  let indexed = 0;
  for (let page = 0; page < options.pages; page += 1) {
    const { orders, totalCount } = await options.client.listRecentOrders({ offset: page * 100, limit: 100 });
    await options.directory.record(orders);
    indexed += orders.length;
    if (orders.length < 100 || (page + 1) * 100 >= totalCount) break;
  }
  return indexed;
}

export interface BuyerDirectoryRefresher {
  /**
   * The start-up backfill: `pages` list calls at most; failures are logged, not thrown. Phone lookups arriving
   * meanwhile wait for it, `lookupWaitMs` at most.
   */
  backfill(pages: number, lookupWaitMs?: number): Promise<void>;
  /**
   * An order event arrived (a purchase, a buyer's change): re-read the newest page once. Events arriving while a
   * refresh runs are folded into one more refresh, so a burst of events costs two list calls, not one per event.
   */
  onOrderEvent(): void;
  /** resolves when no refresh is running (tests, shutdown) */
  idle(): Promise<void>;
}

export function createBuyerDirectoryRefresher(options: {
  client: Pick<MarketplaceClient, 'listRecentOrders'>;
  directory: Pick<BuyerDirectory, 'record' | 'filling'>;
  logger?: Pick<Logger, 'warn'> | undefined;
}): BuyerDirectoryRefresher {
  let running: Promise<void> | null = null;
  let again = false;

  const run = (pages: number): Promise<void> =>
    refreshBuyerDirectory({ client: options.client, directory: options.directory, pages }).then(
      () => undefined,
      (error: unknown) => options.logger?.warn({ err: error }, 'buyer directory refresh failed; the next one resumes'),
    );

  function start(pages: number): void {
    running = run(pages).then(() => {
      running = null;
      if (again) {
        again = false;
        start(1);
      }
    });
  }

  return {
    async backfill(pages, lookupWaitMs = 0) {
      if (pages <= 0) return;
      const fill = run(pages);
      options.directory.filling(fill, lookupWaitMs);
      await fill;
    },
    onOrderEvent() {
      if (running !== null) {
        again = true;
        return;
      }
      start(1);
    },
    async idle() {
      while (running !== null) await running;
    },
  };
}
