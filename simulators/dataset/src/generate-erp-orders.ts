/**
 * Channel orders as they reach the ERP: the sale orders a WooCommerce / Allegro connector creates in Odoo, and the
 * outgoing deliveries (pickings) the warehouse validates for them, with the carrier's parcel number.
 *
 * Built after everything else from the finished channel orders and from its OWN derived streams only
 * (`Random.derive(seed, 'erp-…')`), so adding it changed no other value of the dataset.
 */
import type {
  AllegroBuyer,
  AllegroCheckoutForm,
  ErpCarrier,
  ErpDelivery,
  ErpPartner,
  ErpSaleOrder,
  EshopCustomer,
  EshopOrder,
  IsoDateTime,
} from './dataset-types.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, NOW_MS, iso } from './clock.ts';
import { Random } from './random.ts';

export const ERP_CARRIERS: readonly ErpCarrier[] = [
  { id: 1, name: 'InPost Paczkomaty 24/7', code: 'inpost_locker' },
  { id: 2, name: 'InPost Kurier', code: 'inpost_courier' },
  { id: 3, name: 'DPD Polska', code: 'dpd' },
  { id: 4, name: 'Poczta Polska Pocztex', code: 'pocztex' },
  { id: 5, name: 'Allegro One Kurier', code: 'allegro_one' },
];

/** The central warehouse: every parcel leaves from it; click-and-collect orders leave from their store. */
const CENTRAL = 'CEN';

/**
 * A parcel number in the carrier's published shape:
 * - InPost (parcel lockers and courier): 24 digits;
 * - DPD Polska: 13 digits followed by `U` (the waybill number on the label);
 * - Poczta Polska Pocztex: 20 digits starting `00`;
 * - Allegro One Kurier: `A1` + 16 digits (assumed; Allegro publishes no format).
 */
export function trackingNumber(rng: Random, carrier: ErpCarrier['code']): string {
  switch (carrier) {
    case 'inpost_locker':
    case 'inpost_courier':
      return `6${rng.digits(23)}`;
    case 'dpd':
      return `${rng.int(1, 9)}${rng.digits(12)}U`;
    case 'pocztex':
      return `00${rng.digits(18)}`;
    case 'allegro_one':
      return `A1${rng.digits(16)}`;
  }
}

export interface ErpOrders {
  channelPartners: ErpPartner[];
  carriers: ErpCarrier[];
  saleOrders: ErpSaleOrder[];
  deliveries: ErpDelivery[];
}

interface Draft {
  channel: 'eshop' | 'allegro' | null;
  channelOrderId: string | null;
  clientOrderRef: string | null;
  origin: string | null;
  partnerId: number;
  dateOrderMs: number;
  warehouseCode: string;
  amountTotalGross: number;
  carrier: ErpCarrier['code'] | null;
  /** shipped (or handed over) at; null while the warehouse has not validated the picking */
  doneMs: number | null;
}

/**
 * Which channel orders the connectors import, and how:
 * - e-shop orders in `processing` or `completed` (paid, or cash on delivery) — WooCommerce's "paid" statuses that
 *   connectors import by default; pending, on-hold, cancelled, refunded and failed orders never reach the ERP;
 * - Allegro checkout forms `READY_FOR_PROCESSING` whose fulfilment is not `CANCELLED`.
 * A completed e-shop order and an Allegro form `SENT` / `PICKED_UP` / `RETURNED` have a done picking (with the parcel
 * number unless it is click-and-collect); the others have a picking waiting (`assigned`) without one.
 */
export function buildErpOrders(
  seed: number,
  erpPartners: readonly ErpPartner[],
  eshopCustomers: readonly EshopCustomer[],
  eshopOrders: readonly EshopOrder[],
  allegroBuyers: readonly AllegroBuyer[],
  allegroForms: readonly AllegroCheckoutForm[],
): ErpOrders {
  const rng = Random.derive(seed, 'erp-channel-orders');
  const trackingRng = Random.derive(seed, 'erp-tracking-numbers');
  const partnerByRef = new Map(erpPartners.flatMap((p) => (p.ref ? [[p.ref, p.id] as const] : [])));
  const customerById = new Map(eshopCustomers.map((c) => [c.id, c]));
  const buyerById = new Map(allegroBuyers.map((b) => [b.id, b]));
  let nextPartnerId = Math.max(0, ...erpPartners.map((p) => p.id)) + 1001;
  const channelPartners: ErpPartner[] = [];
  const partnerByKey = new Map<string, number>();

  const createPartner = (key: string, draft: Omit<ErpPartner, 'id' | 'updatedAt'>): number => {
    const existing = partnerByKey.get(key);
    if (existing !== undefined) return existing;
    const id = nextPartnerId++;
    channelPartners.push({ id, ...draft, updatedAt: draft.createdAt });
    partnerByKey.set(key, id);
    return id;
  };

  const drafts: Draft[] = [];
  for (const order of eshopOrders) {
    if (order.status !== 'processing' && order.status !== 'completed') continue;
    const importedMs = Date.parse(order.paidAt ?? order.createdAt) + rng.int(1, 15) * MINUTE_MS;
    let partnerId: number;
    const ref = `WC-${order.customerId}`;
    const known = order.customerId !== 0 ? partnerByRef.get(ref) : undefined;
    if (known !== undefined) partnerId = known;
    else {
      const customer = order.customerId !== 0 ? customerById.get(order.customerId) : undefined;
      const billing = order.billing;
      const company = billing.company.trim() !== '';
      partnerId = createPartner(customer ? ref : `guest:${billing.email.toLowerCase()}`, {
        name: company ? billing.company : `${billing.firstName} ${billing.lastName}`,
        email: customer?.email ?? billing.email,
        phone: billing.phone || null,
        isCompany: company,
        ref: customer ? ref : null,
        vat: null,
        address: { street: billing.street, city: billing.city, zip: billing.zip, countryCode: 'PL' },
        pricelistId: null,
        createdAt: iso(importedMs),
      });
    }
    const delivery = order.delivery;
    const carrier: ErpCarrier['code'] | null =
      delivery.kind === 'pickup'
        ? null
        : delivery.kind === 'parcel_locker'
          ? 'inpost_locker'
          : delivery.methodTitle.includes('DPD')
            ? 'dpd'
            : delivery.methodTitle.includes('InPost')
              ? 'inpost_courier'
              : 'pocztex';
    const doneMs =
      order.status === 'completed' && order.completedAt !== null
        ? Math.max(importedMs + HOUR_MS, Date.parse(order.completedAt) - rng.int(2, 30) * HOUR_MS)
        : null;
    drafts.push({
      channel: 'eshop',
      channelOrderId: String(order.id),
      clientOrderRef: `WC-${order.id}`,
      origin: `WooCommerce #${order.number}`,
      partnerId,
      dateOrderMs: Date.parse(order.createdAt),
      warehouseCode: delivery.kind === 'pickup' ? delivery.storeCode : CENTRAL,
      amountTotalGross: order.totalGross,
      carrier,
      doneMs: doneMs === null ? null : Math.min(doneMs, NOW_MS - MINUTE_MS),
    });
  }

  for (const form of allegroForms) {
    if (form.status !== 'READY_FOR_PROCESSING' || form.fulfillmentStatus === 'CANCELLED') continue;
    const buyer = buyerById.get(form.buyerId);
    if (!buyer) continue;
    const boughtMs = Date.parse(form.boughtAt);
    const importedMs = Date.parse(form.payment.finishedAt ?? form.boughtAt) + rng.int(1, 15) * MINUTE_MS;
    const a = form.delivery.address;
    const partnerId = createPartner(`allegro:${buyer.id}`, {
      name: buyer.companyName ?? `${buyer.firstName} ${buyer.lastName}`,
      // what the checkout form carries: Allegro's relay address, never the buyer's own
      email: `${buyer.relayLocal}+${form.relaySuffix}@allegromail.pl`,
      phone: buyer.phone,
      isCompany: buyer.companyName !== null,
      ref: null,
      vat: buyer.nip,
      address: { street: a.street, city: a.city, zip: a.zip, countryCode: 'PL' },
      pricelistId: null,
      createdAt: iso(importedMs),
    });
    const method = form.delivery.methodName;
    const carrier: ErpCarrier['code'] =
      form.delivery.kind === 'parcel_locker'
        ? 'inpost_locker'
        : method.includes('DPD')
          ? 'dpd'
          : method.includes('InPost')
            ? 'inpost_courier'
            : method.includes('One')
              ? 'allegro_one'
              : 'pocztex';
    const shipped = form.fulfillmentStatus === 'SENT' || form.fulfillmentStatus === 'PICKED_UP' || form.fulfillmentStatus === 'RETURNED';
    const doneMs = shipped ? Math.min(importedMs + rng.int(3, 50) * HOUR_MS, NOW_MS - MINUTE_MS) : null;
    drafts.push({
      channel: 'allegro',
      channelOrderId: form.id,
      clientOrderRef: form.id,
      origin: `Allegro ${buyer.login}`,
      partnerId,
      dateOrderMs: boughtMs,
      warehouseCode: CENTRAL,
      amountTotalGross: form.totalGross,
      carrier,
      doneMs,
    });
  }

  // B2B partners also order by phone or e-mail: sale orders typed in the ERP, the customer's own PO number as the
  // reference, from no channel.
  const offlineRng = Random.derive(seed, 'erp-offline-orders');
  const companies = erpPartners.filter((p) => p.isCompany && p.id >= 100);
  for (const partner of companies) {
    const n = offlineRng.chance(0.5) ? offlineRng.int(1, 3) : 0;
    for (let k = 0; k < n; k++) {
      const fromMs = Math.max(Date.parse(partner.createdAt), NOW_MS - 700 * DAY_MS);
      const dateOrderMs = fromMs + Math.floor(offlineRng.next() * (NOW_MS - 3 * DAY_MS - fromMs));
      drafts.push({
        channel: null,
        channelOrderId: null,
        clientOrderRef: offlineRng.chance(0.7) ? `ZAM/${new Date(dateOrderMs).getUTCFullYear()}/${offlineRng.digits(4)}` : null,
        origin: null,
        partnerId: partner.id,
        dateOrderMs,
        warehouseCode: CENTRAL,
        amountTotalGross: offlineRng.int(20_000, 400_000),
        carrier: 'dpd',
        doneMs: Math.min(dateOrderMs + offlineRng.int(20, 70) * HOUR_MS, NOW_MS - MINUTE_MS),
      });
    }
  }

  // Odoo numbers sale orders and pickings as they are created: by order date here (ties by channel id, stable).
  drafts.sort((x, y) => x.dateOrderMs - y.dateOrderMs || (x.channelOrderId ?? '').localeCompare(y.channelOrderId ?? '') || x.partnerId - y.partnerId);
  const carrierByCode = new Map(ERP_CARRIERS.map((c) => [c.code, c]));
  const pickingSeq = new Map<string, number>();
  const saleOrders: ErpSaleOrder[] = [];
  const deliveries: ErpDelivery[] = [];
  drafts.forEach((d, i) => {
    const id = i + 1;
    const createdMs = Math.min(d.dateOrderMs + rng.int(1, 20) * MINUTE_MS, NOW_MS - MINUTE_MS);
    saleOrders.push({
      id,
      name: `S${String(id).padStart(5, '0')}`,
      channel: d.channel,
      channelOrderId: d.channelOrderId,
      clientOrderRef: d.clientOrderRef,
      origin: d.origin,
      partnerId: d.partnerId,
      state: 'sale',
      warehouseCode: d.warehouseCode,
      dateOrder: iso(d.dateOrderMs),
      createdAt: iso(createdMs),
      amountTotalGross: d.amountTotalGross,
    });
    const seq = (pickingSeq.get(d.warehouseCode) ?? 0) + 1;
    pickingSeq.set(d.warehouseCode, seq);
    const carrier = d.carrier === null ? undefined : carrierByCode.get(d.carrier);
    const done = d.doneMs !== null;
    deliveries.push({
      id,
      name: `${d.warehouseCode}/OUT/${String(seq).padStart(5, '0')}`,
      saleOrderId: id,
      partnerId: d.partnerId,
      warehouseCode: d.warehouseCode,
      state: done ? 'done' : 'assigned',
      scheduledDate: scheduled(d.dateOrderMs),
      dateDone: d.doneMs === null ? null : iso(Math.max(d.doneMs, createdMs + MINUTE_MS)),
      carrierId: carrier?.id ?? null,
      // drawn for every picking with a carrier, shipped or not, so one order's status never shifts another's number
      trackingRef: carrier ? withTracking(trackingNumber(trackingRng, carrier.code), done) : null,
      createdAt: iso(createdMs),
    });
  });
  return { channelPartners, carriers: ERP_CARRIERS.map((c) => ({ ...c })), saleOrders, deliveries };
}

function withTracking(number: string, shipped: boolean): string | null {
  return shipped ? number : null;
}

/** Odoo schedules the delivery from the order's commitment: the next working morning here. */
function scheduled(orderMs: number): IsoDateTime {
  const next = new Date(orderMs + DAY_MS);
  next.setUTCHours(7, 0, 0, 0);
  return next.toISOString();
}
