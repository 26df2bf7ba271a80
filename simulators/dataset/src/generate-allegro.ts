/**
 * The Allegro side: offers for ERP SKUs, buyers and checkout forms.
 *
 * Allegro never shows a buyer's real e-mail: every transaction carries a fresh relay
 * address `<relayLocal>+<suffix>@allegromail.pl`. Offers carry the SKU as the seller's
 * signature (external.id), except for a few old listings created before SKUs were used.
 */
import type {
  AllegroBuyer,
  AllegroCheckoutForm,
  AllegroCheckoutStatus,
  AllegroFulfillmentStatus,
  AllegroLineItem,
  AllegroOffer,
  Product,
} from './dataset-types.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, NOW_MS, iso, timeBetween } from './clock.ts';
import type { Template } from './generate-catalogue.ts';
import { DEMO_POOL_SIZE } from './generate-catalogue.ts';
import { ALLEGRO_MESSAGES, asciiFold } from './polish-data.ts';
import { lockerDetails, type Person } from './people.ts';
import { markText } from './pii-canary.ts';
import { Random } from './random.ts';

export interface OfferInfo {
  offer: AllegroOffer;
  product: Product;
  startedMs: number;
}

function offerTitle(product: Product, template: Template): string {
  const title = product.variantLabel ? `${template.name} ${product.variantLabel.toLowerCase()}` : template.name;
  return title.length > 75 ? title.slice(0, 75).trimEnd() : title;
}

/** Old listings were titled in capitals, keyword style: what a fuzzy matcher has to cope with. */
function oldListingTitle(product: Product, rng: Random): string {
  const title = `${asciiFold(product.templateName).toUpperCase()} ${product.variantLabel ? asciiFold(product.variantLabel).toUpperCase() : ''} ${rng.pick(['NOWY', 'OKAZJA', 'FV23%', 'WYSYŁKA 24H', 'SUPER CENA'])}`;
  return title.replace(/\s+/g, ' ').slice(0, 75).trimEnd();
}

function driftedPrice(rng: Random, gross: number): number {
  // Allegro prices more often sit above the shop price, covering the marketplace commission.
  const factor = rng.chance(0.7) ? rng.float(1.05, 1.15) : rng.float(0.85, 0.95);
  let drifted = Math.round((gross * factor) / 100) * 100 - 1;
  if (drifted === gross || drifted <= 0) drifted = gross + 400;
  return drifted;
}

export function buildOffers(seed: number, templates: readonly Template[], centralAvailable: ReadonlyMap<number, number>): OfferInfo[] {
  const drafts: OfferInfo[] = [];
  for (const template of templates) {
    for (const product of template.products) {
      const rng = Random.derive(seed, 'allegro-offer', product.id);
      const inPool = product.id <= DEMO_POOL_SIZE;
      const createdMs = Date.parse(product.createdAt);
      if (product.active && (inPool || rng.chance(0.68))) {
        const status: AllegroOffer['status'] = inPool
          ? 'ACTIVE'
          : rng.weighted<AllegroOffer['status']>([
              ['ACTIVE', 92],
              ['INACTIVE', 4],
              ['ENDED', 4],
            ]);
        const startedMs = inPool
          ? timeBetween(rng, createdMs + DAY_MS, Date.parse('2024-07-01T00:00:00Z'), true)
          : timeBetween(rng, createdMs + DAY_MS, Math.min(createdMs + 90 * DAY_MS, NOW_MS - 2 * DAY_MS), true);
        const available = status === 'ENDED' ? 0 : Math.max(0, centralAvailable.get(product.id) ?? 0);
        drafts.push({
          product,
          startedMs,
          offer: {
            id: '',
            sku: product.sku,
            name: offerTitle(product, template),
            priceGross: rng.chance(0.035) ? driftedPrice(rng, product.listPriceGross) : product.listPriceGross,
            available,
            sold: 0,
            status,
            categoryId: template.allegroCategoryId,
            startedAt: '',
          },
        });
      }
      if (rng.chance(0.018)) {
        // A listing from before the shop used SKUs as signatures; still selling now and then.
        const startedMs = timeBetween(rng, createdMs + DAY_MS, Math.max(createdMs + 2 * DAY_MS, NOW_MS - 300 * DAY_MS), true);
        drafts.push({
          product,
          startedMs,
          offer: {
            id: '',
            sku: null,
            name: oldListingTitle(product, rng),
            priceGross: Math.round((product.listPriceGross * rng.float(0.9, 1.1)) / 100) * 100 - 1,
            available: rng.int(0, 6),
            sold: 0,
            status: rng.chance(0.5) ? 'ACTIVE' : 'ENDED',
            categoryId: template.allegroCategoryId,
            startedAt: '',
          },
        });
      }
    }
  }
  // Reconciliation demos need some drift whatever the seed: top it up to 2.5 % of offers with a SKU.
  const withSku = drafts.filter((d) => d.offer.sku !== null);
  const undrifted = withSku.filter((d) => d.offer.priceGross === d.product.listPriceGross);
  const topUpRng = Random.derive(seed, 'allegro-drift-top-up');
  for (const draft of topUpRng.sample(undrifted, Math.ceil(withSku.length * 0.025) - (withSku.length - undrifted.length))) {
    draft.offer.priceGross = driftedPrice(topUpRng, draft.product.listPriceGross);
  }

  // Allegro offer ids grow over time.
  const idRng = Random.derive(seed, 'allegro-offer-ids');
  drafts.sort((a, b) => a.startedMs - b.startedMs || a.product.id - b.product.id);
  let id = 13_100_000_000 + idRng.int(0, 999_999);
  for (const draft of drafts) {
    id += idRng.int(20_000, 600_000);
    draft.offer.id = String(id);
    draft.offer.startedAt = iso(draft.startedMs);
  }
  return drafts;
}

export function allegroBuyerFor(rng: Random, person: Person, ids: { id: string; login: string; relayLocal: string; guest: boolean }): AllegroBuyer {
  const phone = rng.chance(0.88) ? (rng.chance(0.5) ? `+48${person.phoneDigits}` : person.phoneDigits) : null;
  return {
    id: ids.id,
    login: ids.login,
    relayLocal: ids.relayLocal,
    firstName: person.firstName,
    lastName: person.lastName,
    phone,
    guest: ids.guest,
    companyName: person.company?.name ?? null,
    nip: person.company?.nip ?? null,
    address: person.address,
  };
}

// ---------------------------------------------------------------------------
// Checkout forms
// ---------------------------------------------------------------------------

interface DeliveryMethod {
  id: string;
  name: string;
  kind: 'parcel_locker' | 'courier';
  cost: number;
  cod: boolean;
}

/** Stable method ids, as Allegro's delivery-methods dictionary has them. */
export const ALLEGRO_DELIVERY_METHODS: readonly DeliveryMethod[] = [
  { id: '2488f7b7-5d1c-4d65-b85c-4cbcf253fd93', name: 'Allegro Paczkomaty InPost', kind: 'parcel_locker', cost: 999, cod: false },
  { id: 'b20ef9e1-faa2-4f25-9032-adbea23e5cb9', name: 'Allegro Paczkomaty InPost pobranie', kind: 'parcel_locker', cost: 1499, cod: true },
  { id: '7203cb90-864c-4cab-b0b6-5b1e64d3b4a2', name: 'Allegro Kurier DPD', kind: 'courier', cost: 1399, cod: false },
  { id: '259fa1a8-e2e7-4c4b-9e10-2d3f6a0f7c85', name: 'Allegro Kurier DPD pobranie', kind: 'courier', cost: 1899, cod: true },
  { id: '85c0b4f8-6e3d-4b5f-a0a1-0c7a3c2e9b14', name: 'Allegro Kurier InPost', kind: 'courier', cost: 1299, cod: false },
  { id: 'c3f1d2a4-1b7e-4e8a-9d6c-5f2b8a7e0d31', name: 'Allegro One Kurier', kind: 'courier', cost: 1199, cod: false },
];

/** Allegro Smart! ships parcel-locker orders from 45 zł free of charge. */
const SMART_FREE_FROM = 4_500;

export interface AllegroFormPlan {
  boughtMs: number;
  buyer: AllegroBuyer;
  person: Person;
  lines: { offer: OfferInfo; quantity: number }[];
  delivery: 'parcel_locker' | 'courier';
}

function fulfilmentFor(rng: Random, status: AllegroCheckoutStatus, kind: 'parcel_locker' | 'courier', ageMs: number): AllegroFulfillmentStatus {
  if (status === 'CANCELLED') return 'CANCELLED';
  if (status !== 'READY_FOR_PROCESSING') return 'NEW';
  if (ageMs < 6 * HOUR_MS) return rng.chance(0.7) ? 'NEW' : 'PROCESSING';
  if (ageMs < DAY_MS)
    return rng.weighted<AllegroFulfillmentStatus>([
      ['NEW', 2],
      ['PROCESSING', 5],
      ['READY_FOR_SHIPMENT', 3],
    ]);
  if (ageMs < 3 * DAY_MS) {
    return rng.weighted<AllegroFulfillmentStatus>([
      ['PROCESSING', 2],
      ['READY_FOR_SHIPMENT', 3],
      ['SENT', 5],
      ['SUSPENDED', 0.3],
    ]);
  }
  if (ageMs < 7 * DAY_MS)
    return rng.weighted<AllegroFulfillmentStatus>([
      ['SENT', 8],
      kind === 'parcel_locker' ? ['PICKED_UP', 4] : ['SENT', 4],
      ['READY_FOR_SHIPMENT', 0.5],
    ]);
  if (kind === 'parcel_locker')
    return rng.weighted<AllegroFulfillmentStatus>([
      ['PICKED_UP', 80],
      ['SENT', 16],
      ['RETURNED', 3],
      ['SUSPENDED', 1],
    ]);
  return rng.weighted<AllegroFulfillmentStatus>([
    ['SENT', 96],
    ['RETURNED', 3],
    ['SUSPENDED', 1],
  ]);
}

export function materializeForms(rng: Random, plans: readonly AllegroFormPlan[]): AllegroCheckoutForm[] {
  const sorted = plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => a.plan.boughtMs - b.plan.boughtMs || a.index - b.index)
    .map((x) => x.plan);
  return sorted.map((plan) => {
    const { buyer, person } = plan;
    const boughtMs = plan.boughtMs;
    const ageMs = NOW_MS - boughtMs;
    const cod = rng.chance(0.14);
    const method = rng.pick(ALLEGRO_DELIVERY_METHODS.filter((m) => m.kind === plan.delivery && m.cod === cod));

    let status: AllegroCheckoutStatus = 'READY_FOR_PROCESSING';
    if (ageMs < 3 * DAY_MS && !cod) {
      status = rng.weighted<AllegroCheckoutStatus>([
        ['READY_FOR_PROCESSING', 70],
        ['BOUGHT', 10],
        ['FILLED_IN', 14],
        ['CANCELLED', 6],
      ]);
    } else if (rng.chance(0.03)) status = 'CANCELLED';

    const oldForm = ageMs > 180 * DAY_MS;
    const lines: AllegroLineItem[] = plan.lines.map(({ offer, quantity }) => {
      let original = offer.offer.priceGross;
      if (oldForm && rng.chance(0.12)) original = Math.max(99, Math.round((original * rng.float(0.9, 1.05)) / 100) * 100 - 1);
      const discounted = rng.chance(0.05) ? Math.round(original * 0.9) : original;
      return {
        id: rng.uuid(),
        offerId: offer.offer.id,
        offerName: offer.offer.name,
        sku: offer.offer.sku,
        quantity,
        originalPriceGross: original,
        priceGross: discounted,
        vatRate: offer.product.vatRate,
        boughtAt: iso(boughtMs),
      };
    });
    const itemsTotal = lines.reduce((sum, l) => sum + l.priceGross * l.quantity, 0);
    const costGross = method.kind === 'parcel_locker' && !method.cod && person.allegroSmart && itemsTotal >= SMART_FREE_FROM ? 0 : method.cost;
    const totalGross = itemsTotal + costGross;

    const paid = status === 'READY_FOR_PROCESSING' && !cod;
    const finishedMs = paid ? boughtMs + rng.int(30, 600) * 1000 + rng.int(0, 999) : null;
    const fulfillmentStatus = fulfilmentFor(rng, status, method.kind, ageMs);
    const progressMs =
      fulfillmentStatus === 'NEW'
        ? rng.int(1, 20) * MINUTE_MS
        : fulfillmentStatus === 'SENT' || fulfillmentStatus === 'PICKED_UP'
          ? rng.float(1, Math.min(6, Math.max(1.1, ageMs / DAY_MS))) * DAY_MS
          : rng.float(0.1, Math.max(0.2, Math.min(ageMs / DAY_MS, 20))) * DAY_MS;
    const updatedMs = Math.min(boughtMs + Math.max(progressMs, (finishedMs ?? boughtMs) - boughtMs + 1000), NOW_MS - MINUTE_MS);
    const locker = method.kind === 'parcel_locker' ? lockerDetails(person.lockerId, person.city) : null;

    return {
      id: rng.uuidV1(boughtMs),
      buyerId: buyer.id,
      relaySuffix: rng.hex(9),
      status,
      fulfillmentStatus,
      lines,
      delivery: {
        kind: method.kind,
        methodId: method.id,
        methodName: method.name,
        costGross,
        address: {
          firstName: buyer.firstName,
          lastName: buyer.lastName,
          phone: buyer.phone,
          ...buyer.address,
        },
        pickupPoint: locker,
      },
      payment: {
        id: rng.uuidV1(finishedMs ?? boughtMs),
        type: cod ? 'CASH_ON_DELIVERY' : 'ONLINE',
        provider: cod ? null : rng.chance(0.55) ? 'P24' : 'PAYU',
        finishedAt: finishedMs !== null ? iso(finishedMs) : null,
        paidAmount: paid ? totalGross : null,
      },
      invoiceRequired: buyer.companyName !== null || rng.chance(0.02),
      messageToSeller: rng.chance(0.05) ? markText(rng.pick(ALLEGRO_MESSAGES), person.canary) : null,
      totalGross,
      boughtAt: iso(boughtMs),
      updatedAt: iso(Math.max(updatedMs, boughtMs)),
      revision: rng.hex(8),
    };
  });
}

export function applyOfferSales(offers: readonly OfferInfo[], forms: readonly AllegroCheckoutForm[]): void {
  const byId = new Map(offers.map((o) => [o.offer.id, o.offer]));
  for (const form of forms) {
    if (form.status === 'CANCELLED') continue;
    for (const line of form.lines) {
      const offer = byId.get(line.offerId);
      if (offer) offer.sold += line.quantity;
    }
  }
}
