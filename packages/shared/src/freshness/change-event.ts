/**
 * A normalized change in one upstream system, produced by the freshness sources (WooCommerce and HubSpot webhooks,
 * the HubSpot webhooks journal, Allegro order events, Odoo `write_date` polling) and handed to `onChange`, which
 * drops the affected cache entries. Sources deliver at least once: the same change may arrive twice (a webhook
 * retried, a poll re-reading its overlap window), so handlers must be idempotent — deleting a cache entry is.
 */
export type ChangeSystem = 'woocommerce' | 'hubspot' | 'allegro' | 'odoo';

export type ChangeKind =
  /** an order (WooCommerce order id, Allegro checkout-form id) was created, changed, cancelled or trashed */
  | 'order'
  /** a catalogue record (name, price, status …) changed: WooCommerce product id, Odoo product id */
  | 'product'
  /** stock of a product changed: WooCommerce product id, Odoo product id (from `stock.quant`) */
  | 'stock'
  /** a CRM contact was created or changed: HubSpot contact id */
  | 'contact'
  /** contacts were merged into one: `ids` = every id involved, `merge` says which one survives */
  | 'contact-merged'
  /** a contact was deleted (archived) or erased for GDPR (`gdpr: true`): links and cached data must go */
  | 'contact-deleted'
  /** a shop customer account changed: WooCommerce customer id */
  | 'customer';

export interface ChangeEvent {
  system: ChangeSystem;
  kind: ChangeKind;
  /** upstream ids of the changed records, as strings, deduplicated (order ids, product ids, contact ids …) */
  ids: string[];
  /** when the change happened upstream (ISO 8601), or when it was observed if the upstream does not say */
  at: string;
  /** what reported it, for logs: e.g. `woocommerce:webhook:order.updated`, `allegro:order-events:BUYER_CANCELLED` */
  cause: string;
  /**
   * Other keys the change touches, when the source knows them, for cache entries keyed by them rather than by id:
   * SKUs of a product or of an order's lines, the order's customer, the buyer's login.
   */
  refs?: ChangeRefs;
  /** for `contact-merged`: the contact that remains and the ones merged into it (and gone) */
  merge?: { survivingId: string; mergedIds: string[] };
  /** for `contact-deleted`: the record was erased on a GDPR request, not just archived */
  gdpr?: boolean;
}

export interface ChangeRefs {
  skus?: string[];
  /** shop customer ids (WooCommerce) of the changed orders */
  customerIds?: string[];
  /** e-mail addresses on the changed records (lower-cased) */
  emails?: string[];
  /** Allegro buyer logins and ids of the changed orders */
  buyerLogins?: string[];
  buyerIds?: string[];
}

/**
 * Receives every change. Resolve when the affected entries are gone: a polled source advances its cursor only after
 * `onChange` resolved for the whole page, so a throwing handler gets the same events again on the next attempt.
 */
export type OnChange = (event: ChangeEvent) => void | Promise<void>;

/** Drops empty and duplicate values, keeping first-seen order. */
export function uniqueIds(values: Iterable<string | number | null | undefined>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const s = String(v).trim();
    if (s !== '') out.add(s);
  }
  return [...out];
}

/** `refs` without empty lists, or undefined when nothing is left (keeps events small and comparable in tests). */
export function compactRefs(refs: ChangeRefs): ChangeRefs | undefined {
  const out: ChangeRefs = {};
  for (const [k, v] of Object.entries(refs) as [keyof ChangeRefs, string[] | undefined][]) {
    if (v !== undefined && v.length > 0) out[k] = uniqueIds(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
