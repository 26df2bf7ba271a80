import type { SimulatorStore } from '@omnigraph/simulator-core';
import type { AllegroBuyer, Dataset } from '@omnigraph/simulator-dataset';
import { shipmentIdOf, shipmentsFromDataset, type CheckoutFormShipment } from './allegro-shipments.ts';
import type { AllegroAuth } from './allegro-auth.ts';
import { deriveOrderEvents, revisionOf, toCheckoutForm, toEventOrder, toProductOffer, toSaleOffer, toSeller } from './allegro-mappers.ts';
import { parseRecords, type CheckoutFormRecord } from './allegro-records.ts';
import { AllegroRefunds } from './allegro-refunds.ts';
import type {
  CheckoutForm,
  CheckoutFormStatus,
  FulfillmentStatus,
  LineItemsSent,
  OfferEventRecord,
  OfferEventType,
  OfferPublicationStatus,
  OrderEvent,
  OrderEventRecord,
  OrderEventType,
  SaleOffer,
  Seller,
} from './allegro-types.ts';

/** A checkout form plus the keys lists sort and filter on, so a request never re-parses dates. */
interface FormEntry {
  form: CheckoutForm;
  /** the latest line item's boughtAt: what `lineItems.boughtAt` filters and sorts on */
  boughtAtMs: number;
  updatedAtMs: number;
}

/** Number of forms in one status / fulfillment status / lineItemsSent combination. */
interface StateCount {
  status: CheckoutFormStatus;
  fulfillment: FulfillmentStatus;
  sent: LineItemsSent;
  n: number;
}

export type CheckoutFormSort = 'lineItems.boughtAt' | '-lineItems.boughtAt' | 'updatedAt' | '-updatedAt';

export interface CheckoutFormQuery {
  statuses: ReadonlySet<CheckoutFormStatus> | null;
  fulfillmentStatuses: ReadonlySet<FulfillmentStatus> | null;
  lineItemsSent: ReadonlySet<LineItemsSent> | null;
  buyerLogin: string | null;
  paymentId: string | null;
  surchargeId: string | null;
  deliveryMethodId: string | null;
  marketplaceId: string | null;
  boughtAtGte: number | null;
  boughtAtLte: number | null;
  updatedAtGte: number | null;
  updatedAtLte: number | null;
  sort: CheckoutFormSort;
  offset: number;
  limit: number;
}

export type OfferSort =
  'sellingMode.price.amount' | '-sellingMode.price.amount' | 'stock.available' | '-stock.available' | 'stock.sold' | '-stock.sold';

export interface OfferQuery {
  externalIds: readonly string[];
  offerIds: readonly string[];
  name: string | null;
  publicationStatuses: ReadonlySet<OfferPublicationStatus> | null;
  sellingModeFormats: ReadonlySet<string> | null;
  priceGte: number | null;
  priceLte: number | null;
  sort: OfferSort | null;
  offset: number;
  limit: number;
}

export type FulfillmentUpdate =
  { ok: true; form: CheckoutForm } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'conflict'; current: string };

export interface AllegroStoreOptions {
  /** the dataset; read only, the store copies it into Allegro's wire format */
  dataset: Dataset;
  auth: AllegroAuth;
  clock: () => number;
}

/** Descending by key, then by id, so equal timestamps still give one stable order. */
function compareDesc(a: FormEntry, b: FormEntry, key: 'boughtAtMs' | 'updatedAtMs'): number {
  return b[key] - a[key] || (a.form.id < b.form.id ? -1 : a.form.id > b.form.id ? 1 : 0);
}

/** The first index whose entry satisfies `pred`, for a predicate that is false then true along the array. */
function firstIndex(entries: readonly FormEntry[], pred: (e: FormEntry) => boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(entries[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function latestBoughtAt(form: CheckoutForm): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const li of form.lineItems) max = Math.max(max, Date.parse(li.boughtAt));
  return max;
}

/** Allegro's default offer order: creation (start) time, newest first; ids break ties. */
function compareOffersNewestFirst(a: SaleOffer, b: SaleOffer): number {
  const ta = a.publication.startedAt ?? '';
  const tb = b.publication.startedAt ?? '';
  if (ta !== tb) return tb < ta ? -1 : 1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function offerPrice(offer: SaleOffer): number {
  return Number(offer.sellingMode.price.amount);
}

/**
 * Allegro's data in its wire format, indexed the way the hot paths read it: forms by id, by buyer login and by
 * payment id, offers by id and by external id (SKU), the order journal as an id-ordered array (binary search on
 * `from`), and two lazily sorted views of all forms for the list sorts.
 */
export class AllegroStore implements SimulatorStore {
  readonly seller: Seller;
  private readonly dataset: Dataset;
  private readonly auth: AllegroAuth;
  private readonly clock: () => number;
  private readonly buyersById: Map<string, AllegroBuyer>;
  private readonly eans: Map<string, string | null>;

  private forms = new Map<string, FormEntry>();
  private formsByLogin = new Map<string, FormEntry[]>();
  private formsByPayment = new Map<string, FormEntry>();
  private byBoughtDesc: FormEntry[] | null = null;
  private byUpdatedDesc: FormEntry[] | null = null;
  private stateCountCache: Map<string, StateCount> | null = null;
  private events: OrderEventRecord[] = [];
  private eventOrders = new Map<string, Omit<OrderEvent['order'], 'checkoutForm'>>();

  private offers = new Map<string, SaleOffer>();
  private offersByExternalId = new Map<string, SaleOffer[]>();
  private offersByCreatedDesc: SaleOffer[] | null = null;
  private offerEvents: OfferEventRecord[] = [];

  private writes = 0;
  private shipments = new Map<string, CheckoutFormShipment[]>();

  /** payment refunds (`/payments/refunds`); empty after every reset, the dataset has none */
  readonly refunds: AllegroRefunds;

  constructor(options: AllegroStoreOptions) {
    this.dataset = options.dataset;
    this.auth = options.auth;
    this.clock = options.clock;
    this.refunds = new AllegroRefunds(options.clock);
    this.seller = toSeller(options.dataset.company);
    this.buyersById = new Map(options.dataset.allegroBuyers.map((b) => [b.id, b]));
    const productsBySku = new Map(options.dataset.products.map((p) => [p.sku, p]));
    this.eans = new Map(options.dataset.allegroOffers.map((o) => [o.id, o.sku === null ? null : (productsBySku.get(o.sku)?.ean ?? null)]));
    this.reset();
  }

  reset(): void {
    this.auth.reset();
    this.refunds.reset();
    this.writes = 0;
    this.forms = new Map();
    this.formsByLogin = new Map();
    this.formsByPayment = new Map();
    this.eventOrders = new Map();
    const derived: { formIndex: number; step: number; ms: number; record: Omit<OrderEventRecord, 'id' | 'idNum'> }[] = [];
    this.dataset.allegroCheckoutForms.forEach((source, formIndex) => {
      const buyer = this.buyersById.get(source.buyerId);
      if (!buyer) throw new Error(`dataset checkout form ${source.id} points at unknown buyer ${source.buyerId}`);
      this.indexForm(toCheckoutForm(source, buyer));
      deriveOrderEvents(source).forEach((e, step) => {
        derived.push({
          formIndex,
          step,
          ms: e.occurredAtMs,
          record: { type: e.type, occurredAt: e.occurredAt, checkoutFormId: source.id, revision: e.revision },
        });
      });
    });
    for (const list of this.formsByLogin.values()) list.sort((a, b) => compareDesc(a, b, 'boughtAtMs'));
    this.byBoughtDesc = null;
    this.byUpdatedDesc = null;
    this.stateCountCache = null;

    // Journal ids are occurredAt in microseconds (A.1.3), bumped by one where events share a millisecond, so they
    // increase strictly in time order.
    derived.sort((a, b) => a.ms - b.ms || a.formIndex - b.formIndex || a.step - b.step);
    this.events = [];
    let last = 0;
    for (const d of derived) {
      const idNum = Math.max(last + 1, d.ms * 1000);
      last = idNum;
      this.events.push({ id: String(idNum), idNum, ...d.record });
    }

    this.shipments = shipmentsFromDataset(this.dataset, (id) => this.forms.get(id)?.form);

    this.offers = new Map();
    this.offersByExternalId = new Map();
    for (const o of this.dataset.allegroOffers) this.indexOffer(toSaleOffer(o, this.dataset.generatedAt));
    this.offersByCreatedDesc = null;
    this.offerEvents = [];
  }

  // ---- checkout forms ----

  private indexForm(form: CheckoutForm): FormEntry {
    const previous = this.forms.get(form.id);
    if (previous) this.unindexForm(previous);
    const entry: FormEntry = { form, boughtAtMs: latestBoughtAt(form), updatedAtMs: Date.parse(form.updatedAt) };
    this.forms.set(form.id, entry);
    const byLogin = this.formsByLogin.get(form.buyer.login);
    if (byLogin) byLogin.push(entry);
    else this.formsByLogin.set(form.buyer.login, [entry]);
    if (form.payment) this.formsByPayment.set(form.payment.id, entry);
    this.eventOrders.delete(form.id);
    return entry;
  }

  private unindexForm(entry: FormEntry): void {
    const list = this.formsByLogin.get(entry.form.buyer.login);
    if (list) {
      const i = list.indexOf(entry);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.formsByLogin.delete(entry.form.buyer.login);
    }
    if (entry.form.payment && this.formsByPayment.get(entry.form.payment.id) === entry) {
      this.formsByPayment.delete(entry.form.payment.id);
    }
  }

  /** `GET …/shipments`: the form's parcel numbers; undefined for an unknown form. */
  listShipments(id: string): CheckoutFormShipment[] | undefined {
    if (!this.forms.has(id)) return undefined;
    return this.shipments.get(id) ?? [];
  }

  /** `POST …/shipments` (validated by the route): the parcel is registered now, for the given lines or all of them. */
  addShipment(id: string, request: { carrierId: string; carrierName: string | null; waybill: string; lineItemIds: string[] }): CheckoutFormShipment {
    const form = this.forms.get(id)?.form;
    if (!form) throw new Error(`unknown checkout form ${id}`);
    const shipment: CheckoutFormShipment = {
      id: shipmentIdOf(request.carrierId, request.waybill),
      waybill: request.waybill,
      carrierId: request.carrierId,
      // Allegro keeps the name only for OTHER
      carrierName: request.carrierId === 'OTHER' ? request.carrierName : null,
      lineItems: (request.lineItemIds.length > 0 ? request.lineItemIds : form.lineItems.map((line) => line.id)).map((lineId) => ({ id: lineId })),
      createdAt: new Date(this.clock()).toISOString(),
    };
    this.shipments.set(id, [...(this.shipments.get(id) ?? []), shipment]);
    return shipment;
  }

  getCheckoutForm(id: string): CheckoutForm | undefined {
    return this.forms.get(id)?.form;
  }

  /** The form a payment id belongs to (the index `payment.id` filters use). */
  getCheckoutFormByPayment(paymentId: string): CheckoutForm | undefined {
    return this.formsByPayment.get(paymentId)?.form;
  }

  private sortedAll(key: 'boughtAtMs' | 'updatedAtMs'): FormEntry[] {
    if (key === 'boughtAtMs') {
      this.byBoughtDesc ??= [...this.forms.values()].sort((a, b) => compareDesc(a, b, 'boughtAtMs'));
      return this.byBoughtDesc;
    }
    this.byUpdatedDesc ??= [...this.forms.values()].sort((a, b) => compareDesc(a, b, 'updatedAtMs'));
    return this.byUpdatedDesc;
  }

  /** How many forms have each status / fulfillment status / lineItemsSent combination (rebuilt after writes). */
  private stateCounts(): Map<string, StateCount> {
    if (!this.stateCountCache) {
      const counts = new Map<string, StateCount>();
      for (const { form } of this.forms.values()) {
        const sent = form.fulfillment.shipmentSummary.lineItemsSent;
        const k = `${form.status}|${form.fulfillment.status}|${sent}`;
        const c = counts.get(k);
        if (c) c.n += 1;
        else counts.set(k, { status: form.status, fulfillment: form.fulfillment.status, sent, n: 1 });
      }
      this.stateCountCache = counts;
    }
    return this.stateCountCache;
  }

  /**
   * `GET /order/checkout-forms`. Candidates come from an index when the query names a buyer or a payment (no scan
   * of all forms); otherwise from the pre-sorted view matching the sort, read forwards or backwards. A date window on
   * the sort key is cut out of the sorted view by binary search (the `updatedAt.gte` + `sort=updatedAt` delta sync
   * never scans), and status-only filters take totalCount from per-state counts and stop once the page is full.
   */
  listCheckoutForms(q: CheckoutFormQuery): { checkoutForms: CheckoutForm[]; totalCount: number } {
    const key = q.sort.endsWith('updatedAt') ? 'updatedAtMs' : 'boughtAtMs';
    const ascending = !q.sort.startsWith('-');
    let candidates: FormEntry[];
    let global = false;
    if (q.buyerLogin !== null) {
      candidates = this.formsByLogin.get(q.buyerLogin) ?? [];
      if (key !== 'boughtAtMs') candidates = [...candidates].sort((a, b) => compareDesc(a, b, key));
    } else if (q.paymentId !== null) {
      const e = this.formsByPayment.get(q.paymentId);
      candidates = e ? [e] : [];
    } else {
      candidates = this.sortedAll(key);
      global = true;
    }
    // Candidates are sorted by `key`, descending: the window on that key is one contiguous slice.
    const gte = key === 'updatedAtMs' ? q.updatedAtGte : q.boughtAtGte;
    const lte = key === 'updatedAtMs' ? q.updatedAtLte : q.boughtAtLte;
    let lo = 0;
    let hi = candidates.length;
    if (lte !== null) lo = firstIndex(candidates, (e) => e[key] <= lte);
    if (gte !== null)
      hi = Math.max(
        lo,
        firstIndex(candidates, (e) => e[key] < gte),
      );
    const otherGte = key === 'updatedAtMs' ? q.boughtAtGte : q.updatedAtGte;
    const otherLte = key === 'updatedAtMs' ? q.boughtAtLte : q.updatedAtLte;
    const otherKey = key === 'updatedAtMs' ? 'boughtAtMs' : 'updatedAtMs';
    const stateFiltered = q.statuses !== null || q.fulfillmentStatuses !== null || q.lineItemsSent !== null;
    const otherFiltered =
      q.deliveryMethodId !== null ||
      q.marketplaceId !== null ||
      q.surchargeId !== null ||
      otherGte !== null ||
      otherLte !== null ||
      (q.paymentId !== null && q.buyerLogin !== null);
    const at = (i: number): FormEntry => candidates[ascending ? hi - 1 - i : lo + i]!;
    const size = hi - lo;

    if (!stateFiltered && !otherFiltered) {
      // Every candidate in the slice matches: page by index.
      const page: CheckoutForm[] = [];
      for (let i = q.offset; i < Math.min(size, q.offset + q.limit); i++) page.push(at(i).form);
      return { checkoutForms: page, totalCount: size };
    }
    const matches = (e: FormEntry): boolean => {
      const f = e.form;
      if (q.statuses && !q.statuses.has(f.status)) return false;
      if (q.fulfillmentStatuses && !q.fulfillmentStatuses.has(f.fulfillment.status)) return false;
      if (q.lineItemsSent && !q.lineItemsSent.has(f.fulfillment.shipmentSummary.lineItemsSent)) return false;
      if (!otherFiltered) return true;
      if (q.buyerLogin !== null && f.buyer.login !== q.buyerLogin) return false;
      if (q.paymentId !== null && f.payment?.id !== q.paymentId) return false;
      if (q.deliveryMethodId !== null && f.delivery?.method.id !== q.deliveryMethodId) return false;
      if (q.marketplaceId !== null && f.marketplace.id !== q.marketplaceId) return false;
      if (q.surchargeId !== null && !f.surcharges.some((s) => (s as { id?: unknown }).id === q.surchargeId)) return false;
      if (otherGte !== null && e[otherKey] < otherGte) return false;
      if (otherLte !== null && e[otherKey] > otherLte) return false;
      return true;
    };
    const end = q.offset + q.limit;
    const page: CheckoutForm[] = [];
    if (global && lo === 0 && hi === candidates.length && !otherFiltered) {
      // Only state filters over all forms: the total is known from the counts, so stop once the page is full.
      let totalCount = 0;
      for (const c of this.stateCounts().values()) {
        if (q.statuses && !q.statuses.has(c.status)) continue;
        if (q.fulfillmentStatuses && !q.fulfillmentStatuses.has(c.fulfillment)) continue;
        if (q.lineItemsSent && !q.lineItemsSent.has(c.sent)) continue;
        totalCount += c.n;
      }
      let seen = 0;
      for (let i = 0; i < size && seen < end; i++) {
        const e = at(i);
        if (!matches(e)) continue;
        if (seen >= q.offset) page.push(e.form);
        seen += 1;
      }
      return { checkoutForms: page, totalCount };
    }
    let total = 0;
    for (let i = 0; i < size; i++) {
      const e = at(i);
      if (!matches(e)) continue;
      if (total >= q.offset && total < end) page.push(e.form);
      total += 1;
    }
    return { checkoutForms: page, totalCount: total };
  }

  /** `PUT /order/checkout-forms/{id}/fulfillment`: new revision, updatedAt and a FULFILLMENT_STATUS_CHANGED event. */
  setFulfillment(id: string, status: FulfillmentStatus, lineItemsSent: LineItemsSent | null, expectedRevision: string | null): FulfillmentUpdate {
    const entry = this.forms.get(id);
    if (!entry) return { ok: false, reason: 'not_found' };
    if (expectedRevision !== null && expectedRevision !== entry.form.revision) {
      return { ok: false, reason: 'conflict', current: entry.form.revision };
    }
    const current = entry.form.fulfillment;
    const nextSent = lineItemsSent ?? current.shipmentSummary.lineItemsSent;
    if (current.status === status && current.shipmentSummary.lineItemsSent === nextSent) {
      // Setting the status it already has changes nothing, so no new revision and no journal entry.
      return { ok: true, form: entry.form };
    }
    this.writes += 1;
    const nowMs = this.clock();
    const updated: CheckoutForm = {
      ...entry.form,
      fulfillment: { ...current, status, shipmentSummary: { lineItemsSent: nextSent } },
      updatedAt: new Date(nowMs).toISOString(),
      revision: revisionOf(id, 'write', this.writes),
    };
    // Replace the form object rather than mutate it: a list being serialized elsewhere keeps a consistent snapshot.
    entry.form = updated;
    entry.updatedAtMs = nowMs;
    this.byUpdatedDesc = null;
    this.stateCountCache = null;
    this.appendEvent('FULFILLMENT_STATUS_CHANGED', updated, nowMs);
    return { ok: true, form: updated };
  }

  // ---- order journal ----

  private appendEvent(type: OrderEventType, form: CheckoutForm, nowMs: number): OrderEventRecord {
    const last = this.events[this.events.length - 1]?.idNum ?? 0;
    // Never below the last id, even if the clock is behind the dataset's times: `from` cursors must see it.
    const idNum = Math.max(last + 1, nowMs * 1000);
    const record: OrderEventRecord = {
      id: String(idNum),
      idNum,
      type,
      occurredAt: new Date(nowMs).toISOString(),
      checkoutFormId: form.id,
      revision: form.revision,
    };
    this.events.push(record);
    return record;
  }

  /** Events with id strictly greater than `from` (the cursor is exclusive), oldest first, optionally by type. */
  listEvents(from: number | null, types: ReadonlySet<OrderEventType> | null, limit: number): OrderEvent[] {
    let lo = 0;
    if (from !== null) {
      let hi = this.events.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.events[mid]!.idNum <= from) lo = mid + 1;
        else hi = mid;
      }
    }
    const out: OrderEvent[] = [];
    for (let i = lo; i < this.events.length && out.length < limit; i++) {
      const e = this.events[i]!;
      if (types && !types.has(e.type)) continue;
      out.push(this.renderEvent(e));
    }
    return out;
  }

  latestEvent(): { id: string; occurredAt: string } | null {
    const e = this.events[this.events.length - 1];
    return e ? { id: e.id, occurredAt: e.occurredAt } : null;
  }

  private renderEvent(e: OrderEventRecord): OrderEvent {
    let base = this.eventOrders.get(e.checkoutFormId);
    if (!base) {
      const form = this.forms.get(e.checkoutFormId)?.form;
      if (!form) throw new Error(`journal event ${e.id} points at unknown checkout form ${e.checkoutFormId}`);
      const { checkoutForm: _omit, ...rest } = toEventOrder(form, this.seller.id, '');
      base = rest;
      this.eventOrders.set(e.checkoutFormId, base);
    }
    return {
      id: e.id,
      order: {
        seller: base.seller,
        buyer: base.buyer,
        lineItems: base.lineItems,
        checkoutForm: { id: e.checkoutFormId, revision: e.revision },
        marketplace: base.marketplace,
      },
      type: e.type,
      occurredAt: e.occurredAt,
    };
  }

  // ---- offers ----

  private indexOffer(offer: SaleOffer): void {
    const previous = this.offers.get(offer.id);
    if (previous?.external) {
      const list = this.offersByExternalId.get(previous.external.id);
      const i = list?.indexOf(previous) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
      if (list && list.length === 0) this.offersByExternalId.delete(previous.external.id);
    }
    this.offers.set(offer.id, offer);
    if (offer.external) {
      const list = this.offersByExternalId.get(offer.external.id);
      if (list) list.push(offer);
      else this.offersByExternalId.set(offer.external.id, [offer]);
    }
  }

  getOffer(id: string): SaleOffer | undefined {
    return this.offers.get(id);
  }

  productOffer(id: string): Record<string, unknown> | undefined {
    const offer = this.offers.get(id);
    if (!offer) return undefined;
    const a = this.dataset.company.address;
    return toProductOffer(offer, { ean: this.eans.get(id) ?? null, location: { city: a.city, postCode: a.zip } });
  }

  private offersCreatedDesc(): SaleOffer[] {
    // Allegro's default order is the offer creation time, newest first.
    this.offersByCreatedDesc ??= [...this.offers.values()].sort(compareOffersNewestFirst);
    return this.offersByCreatedDesc;
  }

  /** `GET /sale/offers`: external.id and offer.id lists are answered from the indexes; other filters scan once. */
  searchOffers(q: OfferQuery): { offers: SaleOffer[]; totalCount: number } {
    let candidates: SaleOffer[];
    if (q.externalIds.length > 0 || q.offerIds.length > 0) {
      const picked = new Set<SaleOffer>();
      const byOfferId = q.offerIds.length > 0 ? new Set(q.offerIds) : null;
      if (q.externalIds.length > 0) {
        for (const ext of q.externalIds) {
          for (const o of this.offersByExternalId.get(ext) ?? []) if (!byOfferId || byOfferId.has(o.id)) picked.add(o);
        }
      } else {
        for (const id of q.offerIds) {
          const o = this.offers.get(id);
          if (o) picked.add(o);
        }
      }
      // Keep the default order without scanning all offers: sort the few picked by the same rule.
      candidates = [...picked].sort(compareOffersNewestFirst);
    } else {
      candidates = this.offersCreatedDesc();
    }
    const needle = q.name?.toLocaleLowerCase('pl') ?? null;
    const filtered = candidates.filter((o) => {
      if (q.publicationStatuses && !q.publicationStatuses.has(o.publication.status)) return false;
      if (q.sellingModeFormats && !q.sellingModeFormats.has(o.sellingMode.format)) return false;
      if (needle !== null && !o.name.toLocaleLowerCase('pl').includes(needle)) return false;
      if (q.priceGte !== null && offerPrice(o) < q.priceGte) return false;
      if (q.priceLte !== null && offerPrice(o) > q.priceLte) return false;
      return true;
    });
    if (q.sort !== null) {
      const desc = q.sort.startsWith('-');
      const field = desc ? q.sort.slice(1) : q.sort;
      const value = (o: SaleOffer): number =>
        field === 'sellingMode.price.amount' ? offerPrice(o) : field === 'stock.available' ? o.stock.available : o.stock.sold;
      filtered.sort((a, b) => (desc ? value(b) - value(a) : value(a) - value(b)) || (a.id < b.id ? -1 : 1));
    }
    return { offers: filtered.slice(q.offset, q.offset + q.limit), totalCount: filtered.length };
  }

  listOfferEvents(fromSeq: number | null, types: ReadonlySet<OfferEventType> | null, limit: number): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const e of this.offerEvents) {
      if (out.length >= limit) break;
      if (fromSeq !== null && e.seq <= fromSeq) continue;
      if (types && !types.has(e.type)) continue;
      const offer = this.offers.get(e.offerId);
      out.push({
        id: e.id,
        occurredAt: e.occurredAt,
        type: e.type,
        offer: { id: e.offerId, external: offer?.external ?? null },
      });
    }
    return out;
  }

  /** Sequence number of an offer-event id, or null for an id this journal never issued. */
  offerEventSeq(id: string): number | null {
    const decoded = Buffer.from(id, 'base64url').toString('utf8');
    if (!/^\d+$/.test(decoded)) return null;
    const seq = Number(decoded);
    return this.offerEvents.some((e) => e.seq === seq) ? seq : null;
  }

  private appendOfferEvent(type: OfferEventType, offerId: string, nowMs: number): void {
    const seq = (this.offerEvents[this.offerEvents.length - 1]?.seq ?? 0) + 1;
    this.offerEvents.push({
      id: Buffer.from(String(seq)).toString('base64url'),
      seq,
      type,
      occurredAt: new Date(nowMs).toISOString(),
      offerId,
    });
  }

  // ---- records, admin ----

  /**
   * Loads checkout forms and offers in Allegro's own JSON. A new form appends its BOUGHT (… READY_FOR_PROCESSING /
   * cancellation) events to the journal; a form with a known id replaces it and appends one event for what changed.
   * Offers append offer events the same way, so both change feeds see the records.
   */
  loadRecords(payload: unknown): Record<string, number> {
    const { checkoutForms, offers } = parseRecords(payload);
    const nowMs = this.clock();
    for (const record of checkoutForms) this.upsertForm(record, nowMs);
    for (const offer of offers) {
      const previous = this.offers.get(offer.id);
      this.indexOffer(offer);
      let type: OfferEventType;
      if (!previous) type = offer.publication.status === 'ACTIVE' ? 'OFFER_ACTIVATED' : 'OFFER_CHANGED';
      else if (previous.publication.status !== 'ENDED' && offer.publication.status === 'ENDED') type = 'OFFER_ENDED';
      else if (previous.sellingMode.price.amount !== offer.sellingMode.price.amount) type = 'OFFER_PRICE_CHANGED';
      else if (previous.stock.available !== offer.stock.available) type = 'OFFER_STOCK_CHANGED';
      else type = 'OFFER_CHANGED';
      this.appendOfferEvent(type, offer.id, nowMs);
    }
    this.offersByCreatedDesc = null;
    return { checkoutForms: checkoutForms.length, offers: offers.length };
  }

  private upsertForm(record: CheckoutFormRecord, nowMs: number): void {
    const previous = this.forms.get(record.id)?.form;
    this.writes += 1;
    const form: CheckoutForm = {
      ...record,
      updatedAt: record.updatedAt ?? new Date(nowMs).toISOString(),
      revision: record.revision ?? revisionOf(record.id, 'record', this.writes),
    };
    this.indexForm(form);
    const list = this.formsByLogin.get(form.buyer.login);
    list?.sort((a, b) => compareDesc(a, b, 'boughtAtMs'));
    this.byBoughtDesc = null;
    this.byUpdatedDesc = null;
    this.stateCountCache = null;
    const types: OrderEventType[] = [];
    if (!previous) {
      types.push('BOUGHT');
      if (form.status !== 'BOUGHT') types.push('FILLED_IN');
      if (form.status === 'READY_FOR_PROCESSING') types.push('READY_FOR_PROCESSING');
      if (form.status === 'CANCELLED') types.push('BUYER_CANCELLED');
    } else if (previous.status !== form.status) {
      types.push(form.status === 'CANCELLED' ? 'BUYER_CANCELLED' : form.status === 'BOUGHT' ? 'BUYER_MODIFIED' : form.status);
    } else if (previous.fulfillment.status !== form.fulfillment.status) {
      types.push('FULFILLMENT_STATUS_CHANGED');
    } else {
      types.push('BUYER_MODIFIED');
    }
    for (const t of types) this.appendEvent(t, form, nowMs);
  }

  describe(): Record<string, unknown> {
    const c = this.auth.credentials;
    const buyersByLogin = new Map(this.dataset.allegroBuyers.map((b) => [b.login, b]));
    return {
      seller: { id: this.seller.id, login: this.seller.login },
      counts: {
        checkoutForms: this.forms.size,
        buyers: this.formsByLogin.size,
        offers: this.offers.size,
        orderEvents: this.events.length,
        offerEvents: this.offerEvents.length,
        refunds: this.refunds.size,
      },
      credentials: {
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        refreshTokens: this.auth.liveRefreshTokens(),
        authorizationCode: c.authCode,
        tokenTtlSeconds: c.tokenTtlSeconds,
        tokenEndpoint: 'POST /auth/oauth/token (HTTP Basic client_id:client_secret; grant_type as query or form)',
        note:
          'Real Allegro serves the token endpoint on https://allegro.pl and the API on https://api.allegro.pl; ' +
          'here one host serves both, so point the adapter’s auth base URL and API base URL at the same address.',
      },
      sellerAccessToken: this.auth.sellerAccessToken(),
      howToCurl:
        'curl -H "Authorization: Bearer <sellerAccessToken>" -H "Accept: application/vnd.allegro.public.v1+json" ' +
        '"<base>/order/checkout-forms?limit=5"',
      latestEvent: this.latestEvent(),
      demoCustomers: this.dataset.demoCustomers
        .filter((d) => d.allegroBuyerLogin !== null)
        .map((d) => {
          const buyer = buyersByLogin.get(d.allegroBuyerLogin ?? '');
          return {
            key: d.key,
            description: d.description,
            buyerLogin: d.allegroBuyerLogin,
            buyerId: buyer?.id ?? null,
            relayEmailLocalPart: buyer?.relayLocal ?? null,
            checkoutForms: this.formsByLogin.get(d.allegroBuyerLogin ?? '')?.length ?? 0,
          };
        }),
    };
  }
}
