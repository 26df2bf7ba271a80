import { z } from 'zod';

/**
 * The kinds of data the graph caches, by how long an old copy is still worth showing when its source fails. An entity
 * that mixes kinds (a shop listing or a marketplace offer carries a price AND a stock quantity) takes the shortest of
 * the kinds it holds.
 */
export const DATA_KINDS = ['catalogue', 'stock', 'orders', 'contacts'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/**
 * How old a value may be when it is served in place of a failing upstream (flagged `STALE` with its `asOf`), in
 * seconds, unless the subgraph's `<ROLE>_MAX_STALE_<KIND>_SECONDS` says otherwise. It is also how long the entry is
 * kept in Redis. Past it the field is null with the upstream's error: an old answer that misleads is worse than none.
 *
 * - catalogue, 6 h: names, EANs and list prices change a few times a day at most (a price list switches over night);
 *   six hours outlasts a typical ERP maintenance window or a morning's outage, and the `asOf` tells the clerk the
 *   price is from before it.
 * - stock, 10 min: every sale moves it; after ten minutes in a busy store an old count promises click-and-collect
 *   stock that may be gone, so beyond that "unknown" is the honest answer.
 * - orders, 1 h: an order changes state a few times in its life (paid, sent, delivered); an hour-old status, flagged
 *   with its age, still answers "did it go through, what is in it" for a customer on the phone.
 * - contacts, 15 min: personal data. Kept short so a withdrawn consent or an erased person does not live on in the
 *   cache while the CRM cannot be asked (data minimisation), while still covering a short CRM outage mid-call.
 */
export const DEFAULT_MAX_STALE_SECONDS: Readonly<Record<DataKind, number>> = Object.freeze({
  catalogue: 6 * 60 * 60,
  stock: 10 * 60,
  orders: 60 * 60,
  contacts: 15 * 60,
});

/** Nothing is kept longer than a week, whatever the environment says: Redis is a cache, not an archive. */
const MAX_STALE_CEILING_SECONDS = 7 * 24 * 60 * 60;

/**
 * The zod field of a `<ROLE>_MAX_STALE_<KIND>_SECONDS` variable: whole seconds, 0 turns the stale fallback off for
 * that kind, default from {@link DEFAULT_MAX_STALE_SECONDS}.
 */
export function maxStaleSecondsEnv(kind: DataKind) {
  return z.coerce.number().int().nonnegative().max(MAX_STALE_CEILING_SECONDS).default(DEFAULT_MAX_STALE_SECONDS[kind]);
}
