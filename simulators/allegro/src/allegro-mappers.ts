import { formatPln, hashSeed } from '@omnigraph/simulator-dataset';
import type { AllegroBuyer, AllegroCheckoutForm, AllegroOffer, Dataset } from '@omnigraph/simulator-dataset';
import type {
  CheckoutForm,
  CheckoutFormInvoice,
  CheckoutFormLineItem,
  LineItemsSent,
  Money,
  OrderEvent,
  OrderEventType,
  SaleOffer,
  Seller,
} from './allegro-types.ts';

export const MARKETPLACE_ID = 'allegro-pl';
export const RELAY_DOMAIN = 'allegromail.pl';

/** The seller id of the example journal in upstream-apis.md A.1.3, so docs and simulator agree. */
export const SELLER_ID = '437848322';

// Ids of the seller's after-sales policies and shipping-rate table; one set for every offer, like a small shop has.
const IMPLIED_WARRANTY_ID = '09f0b4cc-7880-11e9-8f9e-2a86e4085a59';
const RETURN_POLICY_ID = '1c2b3a4d-7880-11e9-8f9e-2a86e4085a59';
const SHIPPING_RATES_ID = '5c7bbf8b-b294-4737-bbda-894320c413b8';

const DAY_MS = 86_400_000;

/** n lowercase hex characters derived from the labels. */
export function hexOf(n: number, ...labels: readonly (string | number)[]): string {
  const base = labels.join('\u001f');
  let out = '';
  for (let i = 0; out.length < n; i++) out += hashSeed(base, i).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

/** An opaque 8-hex revision, the format checkout-form revisions have ("819b5836"). */
export function revisionOf(...labels: readonly (string | number)[]): string {
  return hexOf(8, 'revision', ...labels);
}

/** A version-4-shaped UUID derived from the labels (for ids Allegro would mint, e.g. a token's jti). */
export function uuidOf(...labels: readonly (string | number)[]): string {
  const h = hexOf(32, 'uuid', ...labels);
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function money(grosze: number, currency = 'PLN'): Money {
  return { amount: formatPln(grosze), currency };
}

/** `k7rq2mf9zd+3b1e07c2a@allegromail.pl`: the local part is stable per buyer, the suffix changes per transaction. */
export function relayEmail(relayLocal: string, relaySuffix: string): string {
  return `${relayLocal}+${relaySuffix}@${RELAY_DOMAIN}`;
}

/** "2026-05-12T08:14:03Z": the second-precision timestamps Allegro uses in delivery time windows. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function atUtcHour(ms: number, dayOffset: number, hour: number): string {
  const d = new Date(ms + dayOffset * DAY_MS);
  d.setUTCHours(hour, 0, 0, 0);
  return isoSeconds(d.getTime());
}

function lineItemsSentFor(status: AllegroCheckoutForm['fulfillmentStatus']): LineItemsSent {
  // Shipped orders carry tracking numbers on every line; the seller adds them before marking the order sent.
  return status === 'SENT' || status === 'PICKED_UP' || status === 'RETURNED' ? 'ALL' : 'NONE';
}

function invoiceFor(form: AllegroCheckoutForm, buyer: AllegroBuyer): CheckoutFormInvoice {
  if (!form.invoiceRequired) return { required: false, address: null, dueDate: null, features: [] };
  const company =
    buyer.companyName && buyer.nip
      ? {
          name: buyer.companyName,
          ids: [{ type: 'PL_NIP', value: buyer.nip }],
          vatPayerStatus: 'ACTIVE',
          taxId: buyer.nip,
        }
      : null;
  return {
    required: true,
    address: {
      street: buyer.address.street,
      city: buyer.address.city,
      zipCode: buyer.address.zip,
      countryCode: buyer.address.countryCode,
      company,
      naturalPerson: company ? null : { firstName: buyer.firstName, lastName: buyer.lastName },
    },
    dueDate: null,
    features: [],
  };
}

/** One dataset checkout form as `GET /order/checkout-forms/{id}` returns it (upstream-apis.md A.1.1). */
export function toCheckoutForm(form: AllegroCheckoutForm, buyer: AllegroBuyer): CheckoutForm {
  const d = form.delivery;
  const dispatchBaseMs = Date.parse(form.payment.finishedAt ?? form.boughtAt);
  const lineItems: CheckoutFormLineItem[] = form.lines.map((line) => ({
    id: line.id,
    offer: {
      id: line.offerId,
      name: line.offerName,
      external: line.sku === null ? null : { id: line.sku },
      productSet: null,
    },
    quantity: line.quantity,
    originalPrice: money(line.originalPriceGross),
    price: money(line.priceGross),
    selectedAdditionalServices: [],
    vouchers: [],
    tax: { rate: `${line.vatRate}.00`, subject: 'GOODS', exemption: null },
    boughtAt: line.boughtAt,
    discounts: line.priceGross < line.originalPriceGross ? [{ type: 'UNIT_PERCENTAGE_DISCOUNT' }] : [],
  }));
  const paid = form.payment.paidAmount === null ? null : money(form.payment.paidAmount);
  return {
    id: form.id,
    messageToSeller: form.messageToSeller,
    buyer: {
      id: buyer.id,
      email: relayEmail(buyer.relayLocal, form.relaySuffix),
      login: buyer.login,
      firstName: buyer.firstName,
      lastName: buyer.lastName,
      companyName: buyer.companyName,
      guest: buyer.guest,
      personalIdentity: null,
      phoneNumber: buyer.phone,
      preferences: { language: 'pl-PL' },
      address: {
        street: buyer.address.street,
        city: buyer.address.city,
        postCode: buyer.address.zip,
        countryCode: buyer.address.countryCode,
      },
    },
    payment: {
      id: form.payment.id,
      type: form.payment.type,
      provider: form.payment.provider,
      finishedAt: form.payment.finishedAt,
      paidAmount: paid,
      reconciliation: paid ? { ...paid } : null,
      features: [],
    },
    status: form.status,
    fulfillment: {
      status: form.fulfillmentStatus,
      shipmentSummary: { lineItemsSent: lineItemsSentFor(form.fulfillmentStatus) },
      provider: { id: 'SELLER' },
    },
    delivery: {
      address: {
        firstName: d.address.firstName,
        lastName: d.address.lastName,
        street: d.address.street,
        city: d.address.city,
        zipCode: d.address.zip,
        countryCode: d.address.countryCode,
        companyName: null,
        phoneNumber: d.address.phone,
        modifiedAt: null,
      },
      method: { id: d.methodId, name: d.methodName },
      pickupPoint: d.pickupPoint
        ? {
            id: d.pickupPoint.id,
            name: d.pickupPoint.name,
            description: d.pickupPoint.description,
            address: {
              street: d.pickupPoint.address.street,
              zipCode: d.pickupPoint.address.zip,
              city: d.pickupPoint.address.city,
              countryCode: d.pickupPoint.address.countryCode,
            },
          }
        : null,
      cost: money(d.costGross),
      time: {
        from: atUtcHour(dispatchBaseMs, 1, 8),
        to: atUtcHour(dispatchBaseMs, 2, 18),
        guaranteed: null,
        dispatch: { from: isoSeconds(dispatchBaseMs), to: isoSeconds(dispatchBaseMs + DAY_MS) },
      },
      smart: false,
      cancellation: null,
      calculatedNumberOfPackages: 1,
    },
    invoice: invoiceFor(form, buyer),
    lineItems,
    surcharges: [],
    // The dataset holds no seller notes; Allegro's `note` is the seller's own memo on the order.
    note: null,
    marketplace: { id: MARKETPLACE_ID },
    summary: { totalToPay: money(form.totalGross) },
    updatedAt: form.updatedAt,
    revision: form.revision,
  };
}

export interface DerivedOrderEvent {
  type: OrderEventType;
  occurredAt: string;
  occurredAtMs: number;
  revision: string;
}

/**
 * The journal entries a dataset checkout form went through, oldest first. Each event carries the form revision it
 * produced; the last one carries the form's current revision (A.1.3: the last event's revision equals the form's).
 */
export function deriveOrderEvents(form: AllegroCheckoutForm): DerivedOrderEvent[] {
  const boughtMs = Date.parse(form.boughtAt);
  const steps: { type: OrderEventType; ms: number }[] = [{ type: 'BOUGHT', ms: boughtMs }];
  if (form.status !== 'BOUGHT') {
    // The buyer fills the delivery/payment form during the same checkout, so FILLED_IN shares BOUGHT's time
    // (the journal of a real order shows both at the same occurredAt).
    steps.push({ type: 'FILLED_IN', ms: boughtMs });
  }
  const updatedMs = Date.parse(form.updatedAt);
  if (form.status === 'READY_FOR_PROCESSING') {
    const readyMs = Math.max(boughtMs, form.payment.finishedAt ? Date.parse(form.payment.finishedAt) : boughtMs);
    steps.push({ type: 'READY_FOR_PROCESSING', ms: readyMs });
    if (form.fulfillmentStatus !== 'NEW') {
      steps.push({ type: 'FULFILLMENT_STATUS_CHANGED', ms: Math.max(readyMs, updatedMs) });
    }
  } else if (form.status === 'CANCELLED') {
    // Allegro cancels unpaid orders itself; a paid order that ends cancelled was cancelled by its buyer.
    const type: OrderEventType = form.payment.finishedAt ? 'BUYER_CANCELLED' : 'AUTO_CANCELLED';
    steps.push({ type, ms: Math.max(boughtMs, updatedMs) });
  }
  return steps.map((s, i) => ({
    type: s.type,
    occurredAtMs: s.ms,
    occurredAt: new Date(s.ms).toISOString(),
    revision: i === steps.length - 1 ? form.revision : revisionOf(form.id, i),
  }));
}

/** The order snapshot an `/order/events` entry carries (A.1.3), without the per-event revision. */
export function toEventOrder(form: CheckoutForm, sellerId: string, revision: string): OrderEvent['order'] {
  return {
    seller: { id: sellerId },
    buyer: {
      id: form.buyer.id,
      email: form.buyer.email,
      login: form.buyer.login,
      guest: form.buyer.guest,
      preferences: form.buyer.preferences,
    },
    lineItems: form.lineItems.map((li) => ({
      id: li.id,
      offer: { id: li.offer.id, name: li.offer.name, external: li.offer.external },
      quantity: li.quantity,
      originalPrice: li.originalPrice,
      price: li.price,
      boughtAt: li.boughtAt,
    })),
    checkoutForm: { id: form.id, revision },
    marketplace: { id: form.marketplace.id },
  };
}

/** One dataset offer as `GET /sale/offers` lists it (A.1.4). */
export function toSaleOffer(offer: AllegroOffer, generatedAt: string): SaleOffer {
  const h = hashSeed('offer-stats', offer.id);
  const startedMs = Date.parse(offer.startedAt);
  const endedAt = offer.status === 'ENDED' ? new Date(Math.min(startedMs + 30 * DAY_MS, Date.parse(generatedAt))).toISOString() : null;
  return {
    id: offer.id,
    name: offer.name,
    category: { id: offer.categoryId },
    primaryImage: { url: `https://a.allegroimg.com/original/${hexOf(6, 'img-dir', offer.id)}/${hexOf(28, 'img', offer.id)}` },
    sellingMode: {
      format: 'BUY_NOW',
      price: money(offer.priceGross),
      priceAutomation: null,
      minimalPrice: null,
      startingPrice: null,
    },
    saleInfo: { currentPrice: null, biddersCount: 0 },
    stock: { available: offer.available, sold: offer.sold },
    stats: { watchersCount: h % 60, visitsCount: (h >>> 8) % 4000 },
    publication: {
      status: offer.status,
      startingAt: null,
      startedAt: offer.startedAt,
      endingAt: null,
      endedAt,
      marketplaces: { base: { id: MARKETPLACE_ID }, additional: [] },
    },
    afterSalesServices: {
      impliedWarranty: { id: IMPLIED_WARRANTY_ID },
      returnPolicy: { id: RETURN_POLICY_ID },
      warranty: null,
    },
    additionalServices: null,
    external: offer.sku === null ? null : { id: offer.sku },
    delivery: { shippingRates: { id: SHIPPING_RATES_ID } },
    b2b: { buyableOnlyByBusiness: false },
    fundraisingCampaign: null,
    isFulfillment: false,
    additionalMarketplaces: {},
  };
}

/**
 * The full product-offer (`GET /sale/product-offers/{offerId}`) built from the listed offer: the detail view adds
 * productSet, parameters, stock unit, location, images and description, and drops stats/saleInfo.
 */
export function toProductOffer(
  offer: SaleOffer,
  extras: { ean: string | null; location: { city: string; postCode: string } },
): Record<string, unknown> {
  const created = offer.publication.startedAt;
  return {
    id: offer.id,
    name: offer.name,
    productSet: [
      {
        product: {
          id: uuidOf('product', offer.external?.id ?? offer.id),
          publication: { status: 'LISTED' },
          parameters: extras.ean === null ? [] : [{ id: '225693', name: 'EAN (GTIN)', values: [extras.ean], valuesIds: null, rangeValue: null }],
        },
        quantity: { value: 1 },
        responsibleProducer: null,
        responsiblePerson: null,
        safetyInformation: null,
        marketedBeforeGPSRObligation: null,
      },
    ],
    parameters: [],
    category: offer.category,
    afterSalesServices: offer.afterSalesServices,
    additionalServices: offer.additionalServices,
    sizeTable: null,
    contact: null,
    delivery: {
      handlingTime: 'PT24H',
      shippingRates: offer.delivery.shippingRates,
      additionalInfo: null,
      shipmentDate: null,
    },
    payments: { invoice: 'VAT' },
    sellingMode: {
      format: offer.sellingMode.format,
      price: offer.sellingMode.price,
      minimalPrice: offer.sellingMode.minimalPrice,
      startingPrice: offer.sellingMode.startingPrice,
    },
    stock: { available: offer.stock.available, unit: 'UNIT' },
    location: { countryCode: 'PL', province: null, city: extras.location.city, postCode: extras.location.postCode },
    publication: {
      duration: null,
      status: offer.publication.status,
      endedBy: offer.publication.status === 'ENDED' ? 'USER' : null,
      startingAt: offer.publication.startingAt,
      republish: false,
      marketplaces: offer.publication.marketplaces,
    },
    additionalMarketplaces: offer.additionalMarketplaces,
    b2b: offer.b2b,
    attachments: [],
    fundraisingCampaign: offer.fundraisingCampaign,
    compatibilityList: null,
    language: 'pl-PL',
    images: offer.primaryImage ? [offer.primaryImage.url] : [],
    description: { sections: [{ items: [{ type: 'TEXT', content: `<p>${escapeHtml(offer.name)}</p>` }] }] },
    external: offer.external,
    taxSettings: null,
    messageToSellerSettings: null,
    discounts: { wholesalePriceList: null },
    tecdocSpecification: null,
    validation: { errors: [], warnings: [], validatedAt: created },
    createdAt: created,
    updatedAt: created,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The seller account behind the user tokens: the dataset's own company. */
export function toSeller(company: Dataset['company']): Seller {
  return {
    id: SELLER_ID,
    login: 'omnigraph_sklep',
    firstName: 'Marta',
    lastName: 'Wiśniewska',
    email: 'allegro@omnigraph-sklep.pl',
    companyName: company.name,
    taxId: company.vat,
  };
}

/** `GET /me` */
export function toMe(seller: Seller): Record<string, unknown> {
  return {
    id: seller.id,
    login: seller.login,
    firstName: seller.firstName,
    lastName: seller.lastName,
    email: seller.email,
    baseMarketplace: { id: MARKETPLACE_ID },
    company: { name: seller.companyName, taxId: seller.taxId },
  };
}
