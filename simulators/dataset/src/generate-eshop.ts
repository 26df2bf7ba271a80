/**
 * The WooCommerce side: the listed catalogue, customers, coupons and orders.
 *
 * Orders are produced in two steps. A plan fixes who buys what, when and how it is
 * delivered; materialising it adds the details (status from the order's age, payment,
 * coupon, totals). Demo customers' plans come from seed-independent streams, so their
 * order counts and SKUs stay the same whatever the seed, while prices and statuses
 * follow the seeded catalogue.
 */
import type { EshopCoupon, EshopCustomer, EshopOrder, EshopOrderLine, EshopOrderStatus, EshopProduct, Location, Product } from './dataset-types.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, NOW_MS, iso, timeBetween, toSecond } from './clock.ts';
import type { Template } from './generate-catalogue.ts';
import { DEMO_POOL_SIZE } from './generate-catalogue.ts';
import { ESHOP_CUSTOMER_NOTES, slugify } from './polish-data.ts';
import { randomStreetAddress, randomZip, typedPhone, type Person } from './people.ts';
import { markText } from './pii-canary.ts';
import { Random } from './random.ts';

/** Orders of this value or more ship free (courier and parcel locker). */
export const FREE_SHIPPING_FROM = 19_900;

export interface Sellable {
  product: Product;
  /** the simple product or the variation */
  listing: EshopProduct;
  /** WooCommerce product id of the line: the parent for variations */
  productId: number;
  variationId: number;
  listedMs: number;
}

export interface EshopCatalogue {
  eshopProducts: EshopProduct[];
  /** published, orderable listings */
  sellables: Sellable[];
  sellableByProductId: Map<number, Sellable>;
}

function driftedPrice(rng: Random, gross: number): number {
  const factor = rng.chance(0.5) ? rng.float(1.05, 1.15) : rng.float(0.85, 0.95);
  let drifted = Math.round((gross * factor) / 100) * 100 - 1;
  if (drifted === gross || drifted <= 0) drifted = gross + 500;
  return drifted;
}

function salePrice(rng: Random, regular: number): number {
  const sale = Math.round((regular * rng.float(0.78, 0.92)) / 100) * 100 - 1;
  return sale > 0 && sale < regular ? sale : Math.max(1, regular - 100);
}

export function buildEshopCatalogue(seed: number, templates: readonly Template[], availableByProduct: ReadonlyMap<number, number>): EshopCatalogue {
  const eshopProducts: EshopProduct[] = [];
  const sellables: Sellable[] = [];
  let nextId = 100;
  for (const template of templates) {
    const rng = Random.derive(seed, 'eshop-listing', template.id);
    const active = template.products.filter((p) => p.active);
    const inPool = active.some((p) => p.id <= DEMO_POOL_SIZE);
    if (active.length === 0 || !(inPool || rng.chance(0.79))) continue;
    const status: EshopProduct['status'] = inPool
      ? 'publish'
      : rng.weighted<EshopProduct['status']>([
          ['publish', 95],
          ['draft', 3.5],
          ['private', 1.5],
        ]);
    const firstCreated = Math.min(...active.map((p) => Date.parse(p.createdAt)));
    const createdMs = timeBetween(rng, firstCreated + HOUR_MS, firstCreated + 14 * DAY_MS);
    const updatedMs = timeBetween(rng, Math.max(createdMs, NOW_MS - 200 * DAY_MS), NOW_MS - HOUR_MS);
    const stockOf = (p: Product): number => {
      const available = Math.max(0, availableByProduct.get(p.id) ?? 0);
      // WooCommerce syncs stock from the ERP every few minutes; a few numbers lag behind.
      return rng.chance(0.05) ? Math.max(0, available + rng.int(-3, 3)) : available;
    };
    const priced = (p: Product): { regular: number; sale: number | null } => {
      const regular = rng.chance(0.035) ? driftedPrice(rng, p.listPriceGross) : p.listPriceGross;
      return { regular, sale: rng.chance(0.08) ? salePrice(rng, regular) : null };
    };
    const base = {
      categoryName: template.categoryName,
      totalSales: 0,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
    };

    if (template.products.length === 1) {
      const product = active[0] as Product;
      const { regular, sale } = priced(product);
      const listing: EshopProduct = {
        id: nextId++,
        type: 'simple',
        parentId: 0,
        sku: product.sku,
        name: product.name,
        slug: slugify(product.name),
        status,
        regularPriceGross: regular,
        salePriceGross: sale,
        stockQuantity: stockOf(product),
        variantLabel: null,
        ...base,
      };
      eshopProducts.push(listing);
      if (status === 'publish') sellables.push({ product, listing, productId: listing.id, variationId: 0, listedMs: createdMs });
      continue;
    }

    const parent: EshopProduct = {
      id: nextId++,
      type: 'variable',
      parentId: 0,
      sku: null,
      name: template.name,
      slug: slugify(template.name),
      status,
      regularPriceGross: 0,
      salePriceGross: null,
      stockQuantity: 0,
      variantLabel: null,
      ...base,
    };
    eshopProducts.push(parent);
    for (const product of active) {
      const { regular, sale } = priced(product);
      // WooCommerce names variations "Parent - Attribute", unlike Odoo's "Parent (Attribute)".
      const name = `${template.name} - ${product.variantLabel ?? ''}`;
      const variation: EshopProduct = {
        id: nextId++,
        type: 'variation',
        parentId: parent.id,
        sku: product.sku,
        name,
        slug: slugify(name),
        status: status === 'publish' ? 'publish' : 'private',
        regularPriceGross: regular,
        salePriceGross: sale,
        stockQuantity: stockOf(product),
        variantLabel: product.variantLabel,
        ...base,
      };
      eshopProducts.push(variation);
      if (status === 'publish') {
        sellables.push({ product, listing: variation, productId: parent.id, variationId: variation.id, listedMs: createdMs });
      }
    }
  }

  // Reconciliation demos need some drift whatever the seed: top it up to 2.5 % of listed SKUs.
  const erpGross = new Map(templates.flatMap((t) => t.products.map((p) => [p.sku, p.listPriceGross] as const)));
  const listed = eshopProducts.filter((p) => p.sku !== null);
  const drifted = listed.filter((p) => p.regularPriceGross !== erpGross.get(p.sku as string)).length;
  const topUpRng = Random.derive(seed, 'eshop-drift-top-up');
  const missing = Math.ceil(listed.length * 0.025) - drifted;
  const undrifted = listed.filter((p) => p.regularPriceGross === erpGross.get(p.sku as string));
  for (const listing of topUpRng.sample(undrifted, missing)) {
    listing.regularPriceGross = driftedPrice(topUpRng, listing.regularPriceGross);
    if (listing.salePriceGross !== null && listing.salePriceGross >= listing.regularPriceGross) {
      listing.salePriceGross = salePrice(topUpRng, listing.regularPriceGross);
    }
  }

  const byParent = new Map<number, EshopProduct[]>();
  for (const p of eshopProducts) {
    if (p.type !== 'variation') continue;
    const siblings = byParent.get(p.parentId);
    if (siblings) siblings.push(p);
    else byParent.set(p.parentId, [p]);
  }
  for (const parent of eshopProducts) {
    const variations = byParent.get(parent.id);
    if (parent.type !== 'variable' || !variations) continue;
    // A variable product shows the cheapest variation's price, like WooCommerce's price range "from".
    parent.regularPriceGross = Math.min(...variations.map((v) => v.regularPriceGross));
    const sales = variations.map((v) => v.salePriceGross).filter((sale): sale is number => sale !== null);
    parent.salePriceGross = sales.length > 0 ? Math.min(...sales) : null;
    parent.stockQuantity = variations.reduce((sum, v) => sum + v.stockQuantity, 0);
  }
  return { eshopProducts, sellables, sellableByProductId: new Map(sellables.map((sellable) => [sellable.product.id, sellable])) };
}

// ---------------------------------------------------------------------------
// Customers
// ---------------------------------------------------------------------------

export function eshopCustomerFor(rng: Random, person: Person, id: number, createdMs: number, email: string, username: string): EshopCustomer {
  const phone = typedPhone(rng, person.phoneDigits);
  const billing: EshopCustomer['billing'] = {
    firstName: person.firstName,
    lastName: person.lastName,
    company: person.company?.name ?? '',
    ...person.address,
    email,
    phone,
  };
  const otherAddress = rng.chance(0.15);
  const shipping: EshopCustomer['shipping'] = {
    firstName: person.firstName,
    lastName: person.lastName,
    company: person.company?.name ?? '',
    ...(otherAddress
      ? {
          street: markText(randomStreetAddress(rng), person.canary),
          city: person.city.name,
          zip: randomZip(rng, person.city),
          countryCode: 'PL' as const,
        }
      : person.address),
    phone: rng.chance(0.5) ? phone : '',
  };
  return {
    id,
    email,
    firstName: person.firstName,
    lastName: person.lastName,
    username,
    billing,
    shipping,
    createdAt: iso(createdMs),
    updatedAt: iso(timeBetween(rng, createdMs, NOW_MS - HOUR_MS)),
  };
}

// ---------------------------------------------------------------------------
// Coupons
// ---------------------------------------------------------------------------

export interface CouponRule {
  coupon: EshopCoupon;
  freeShipping: boolean;
  /** campaign coupons are used far more often while they run */
  campaign: boolean;
  validFromMs: number;
  validToMs: number;
}

export function buildCoupons(b2bEmail: string): CouponRule[] {
  const list: [string, EshopCoupon['discountType'], number, string, string | null, Partial<EshopCoupon>, boolean?][] = [
    ['witaj20', 'fixed_cart', 2000, '2023-01-10', null, { usageLimitPerUser: 1 }],
    ['newsletter10', 'percent', 10, '2023-01-10', null, { usageLimitPerUser: 1 }],
    ['darmowa-dostawa', 'fixed_cart', 0, '2023-06-01', null, {}, true],
    ['kawa-5zl', 'fixed_product', 500, '2024-03-01', null, { usageLimit: 500 }],
    ['student10', 'percent', 10, '2024-09-01', null, {}],
    ['przeprosiny-15', 'fixed_cart', 1500, '2024-05-01', null, { usageLimitPerUser: 1 }],
    ['vip-50zl', 'fixed_cart', 5000, '2024-10-01', null, { usageLimit: 100 }],
    ['b2b-podlipami', 'percent', 8, '2023-09-20', null, { emailRestrictions: [b2bEmail] }],
    ['black-friday-24', 'percent', 20, '2024-11-25', '2024-12-03', {}],
    ['mikolajki-2024', 'percent', 12, '2024-12-04', '2024-12-08', {}],
    ['dzien-kobiet', 'percent', 15, '2025-03-06', '2025-03-10', {}],
    ['wiosna10', 'percent', 10, '2025-03-20', '2025-05-01', {}],
    ['lato15', 'percent', 15, '2025-06-20', '2025-09-01', {}],
    ['powrot-do-szkoly', 'percent', 10, '2025-08-18', '2025-09-16', {}],
    ['black-friday-25', 'percent', 25, '2025-11-24', '2025-12-02', {}],
    ['cyber-monday-20', 'percent', 20, '2025-12-01', '2025-12-03', {}],
    ['swieta-2025', 'fixed_cart', 3000, '2025-12-01', '2025-12-21', { usageLimit: 400 }],
    ['urodziny-sklepu', 'percent', 18, '2026-04-13', '2026-04-17', {}],
    ['dzien-dziecka', 'fixed_product', 1000, '2026-05-27', '2026-06-02', {}],
    ['jesien15', 'percent', 15, '2026-10-01', '2026-11-16', {}],
  ];
  return list.map(([code, discountType, amount, created, expires, extra, freeShipping], i) => ({
    validFromMs: Date.parse(`${created}T09:00:00.000Z`),
    validToMs: expires ? Date.parse(`${expires}T00:00:00Z`) - HOUR_MS : Infinity,
    coupon: {
      id: 9001 + i,
      code,
      discountType,
      amount,
      // Campaign coupons expire at the end of the last day, Polish time.
      dateExpires: expires ? new Date(Date.parse(`${expires}T00:00:00Z`) - HOUR_MS).toISOString() : null,
      usageCount: 0,
      usageLimit: null,
      usageLimitPerUser: null,
      emailRestrictions: [],
      createdAt: `${created}T09:00:00.000Z`,
      ...extra,
      ...(freeShipping ? { freeShipping: true } : {}),
    },
    freeShipping: freeShipping === true,
    campaign: expires !== null,
  }));
}

// ---------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------

export interface EshopBuyer {
  person: Person;
  /** null for guest checkouts */
  customer: EshopCustomer | null;
  /** the address typed at checkout */
  email: string;
}

export type EshopDeliveryKind = 'courier' | 'parcel_locker' | 'pickup';

export interface EshopOrderPlan {
  createdMs: number;
  buyer: EshopBuyer;
  lines: { sellable: Sellable; quantity: number }[];
  delivery: EshopDeliveryKind;
  /** Location.code for pickups */
  storeCode: string | null;
}

const PAYMENT_TITLES: Record<EshopOrder['paymentMethod'], string> = {
  przelewy24: 'Przelewy24',
  blik: 'BLIK',
  bacs: 'Przelew bankowy',
  cod: 'Płatność przy odbiorze',
  payu: 'PayU',
};

/** Address blocks of large Polish consumer ISPs (Orange, Play, T-Mobile, Netia, UPC/Play, Vectra, Multimedia). */
const IP_BLOCKS: readonly (readonly [number, number, number])[] = [
  [83, 0, 31],
  [83, 24, 31],
  [89, 64, 79],
  [31, 0, 63],
  [37, 47, 47],
  [37, 248, 249],
  [188, 146, 147],
  [5, 173, 173],
  [178, 235, 237],
  [46, 134, 134],
  [46, 76, 77],
  [91, 94, 94],
  [79, 184, 191],
  [94, 254, 254],
];

function customerIp(rng: Random): string {
  if (rng.chance(0.12)) {
    return `2a01:110f:${rng.hex(4)}:${rng.hex(4).replace(/^0+/, '') || '0'}::${rng.hex(3).replace(/^0+/, '') || '1'}`;
  }
  const [a, lo, hi] = rng.pick(IP_BLOCKS);
  return `${a}.${rng.int(lo, hi)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function discountFor(rule: CouponRule, subtotal: number, units: number): number {
  const { coupon } = rule;
  if (rule.freeShipping) return 0;
  if (coupon.discountType === 'percent') return Math.floor((subtotal * coupon.amount + 50) / 100);
  if (coupon.discountType === 'fixed_cart') return Math.min(coupon.amount, subtotal);
  return Math.min(coupon.amount * units, subtotal);
}

interface OrderFacts {
  status: EshopOrderStatus;
  paymentMethod: EshopOrder['paymentMethod'];
  paidMs: number | null;
  completedMs: number | null;
  lastMs: number;
}

/** Status and payment consistent with the order's age: old orders are settled, recent ones still moving. */
function settle(rng: Random, createdMs: number, delivery: EshopDeliveryKind): OrderFacts {
  const ageDays = (NOW_MS - createdMs) / DAY_MS;
  const paymentMethod = rng.weighted<EshopOrder['paymentMethod']>([
    ['przelewy24', 33],
    ['blik', 30],
    ['payu', 14],
    ['bacs', 9],
    ['cod', delivery === 'parcel_locker' ? 6 : 14],
  ]);
  const latest = NOW_MS - MINUTE_MS;
  const clampPast = (t: number): number => Math.min(toSecond(t), toSecond(latest));
  let paidMs: number | null = null;

  if (paymentMethod === 'bacs') {
    const paidWithin = rng.float(4 * HOUR_MS, 2.5 * DAY_MS);
    if (createdMs + paidWithin < latest && rng.chance(0.94)) paidMs = clampPast(createdMs + paidWithin);
    // Unpaid transfers get cancelled by hand after a week or so; some are simply forgotten on hold.
    else if (ageDays > 10 && rng.chance(0.7))
      return { status: 'cancelled', paymentMethod, paidMs: null, completedMs: null, lastMs: clampPast(createdMs + 7 * DAY_MS) };
    else return { status: 'on-hold', paymentMethod, paidMs: null, completedMs: null, lastMs: createdMs };
  } else if (paymentMethod !== 'cod') {
    if (rng.chance(0.03)) {
      return { status: 'failed', paymentMethod, paidMs: null, completedMs: null, lastMs: clampPast(createdMs + rng.int(1, 20) * MINUTE_MS) };
    }
    if (rng.chance(0.04)) {
      // Abandoned payments: WooCommerce cancels them when held stock expires, unless stock holding is off.
      if (ageDays > 2 && rng.chance(0.6))
        return { status: 'cancelled', paymentMethod, paidMs: null, completedMs: null, lastMs: clampPast(createdMs + DAY_MS) };
      return { status: 'pending', paymentMethod, paidMs: null, completedMs: null, lastMs: createdMs };
    }
    paidMs = clampPast(createdMs + rng.int(20, 900) * 1000);
  }

  const fulfilMs = delivery === 'pickup' ? rng.float(4 * HOUR_MS, 3 * DAY_MS) : rng.float(1.2 * DAY_MS, 5 * DAY_MS);
  const readyMs = Math.max(createdMs, paidMs ?? createdMs) + fulfilMs;
  if (readyMs >= latest) {
    return { status: 'processing', paymentMethod, paidMs, completedMs: null, lastMs: paidMs ?? createdMs };
  }
  // A few shipped orders are never marked completed in the admin.
  if (rng.chance(0.008)) return { status: 'processing', paymentMethod, paidMs, completedMs: null, lastMs: paidMs ?? createdMs };
  const completedMs = clampPast(readyMs);
  if (paymentMethod === 'cod') paidMs = completedMs;
  if (rng.chance(0.02)) {
    return { status: 'cancelled', paymentMethod, paidMs: null, completedMs: null, lastMs: clampPast(createdMs + rng.float(HOUR_MS, DAY_MS)) };
  }
  if (rng.chance(0.025)) {
    const refundMs = clampPast(completedMs + rng.float(2 * DAY_MS, 16 * DAY_MS));
    return { status: 'refunded', paymentMethod, paidMs, completedMs: rng.chance(0.5) ? completedMs : null, lastMs: refundMs };
  }
  return { status: 'completed', paymentMethod, paidMs, completedMs, lastMs: completedMs };
}

function transactionId(rng: Random, method: EshopOrder['paymentMethod']): string {
  switch (method) {
    case 'przelewy24':
      return String(rng.int(300_000_000, 999_999_999));
    case 'blik':
      return `BLIK-${rng.digits(12)}`;
    case 'payu':
      return `${rng.chars(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}${rng.digits(6)}GUEST000P01`;
    default:
      return '';
  }
}

export interface MaterializedEshopOrders {
  orders: EshopOrder[];
}

const ORDER_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function materializeEshopOrders(
  rng: Random,
  plans: readonly EshopOrderPlan[],
  coupons: readonly CouponRule[],
  stores: readonly Location[],
): EshopOrder[] {
  const sorted = plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => a.plan.createdMs - b.plan.createdMs || a.index - b.index)
    .map((x) => x.plan);
  const usageByCoupon = new Map<string, number>();
  const usageByCouponAndEmail = new Map<string, number>();
  const usedKeys = new Set<string>();
  const orders: EshopOrder[] = [];
  let lineId = 1;

  sorted.forEach((plan, i) => {
    const id = 10_000 + i;
    const { buyer } = plan;
    const createdMs = plan.createdMs;
    const facts = settle(rng, createdMs, plan.delivery);
    const oldOrder = NOW_MS - createdMs > 180 * DAY_MS;

    const lines: EshopOrderLine[] = plan.lines.map(({ sellable, quantity }) => {
      const { listing } = sellable;
      let unit = listing.regularPriceGross;
      // The sale price applies to recent orders; older ones sometimes paid an earlier price.
      if (listing.salePriceGross !== null && NOW_MS - createdMs < 45 * DAY_MS) unit = listing.salePriceGross;
      else if (oldOrder && rng.chance(0.12)) unit = Math.max(99, Math.round((unit * rng.float(0.9, 1.04)) / 100) * 100 - 1);
      return {
        id: lineId++,
        productId: sellable.productId,
        variationId: sellable.variationId,
        sku: sellable.product.sku,
        name: listing.name,
        quantity,
        unitPriceGross: unit,
        vatRate: sellable.product.vatRate,
      };
    });
    const subtotal = lines.reduce((sum, l) => sum + l.unitPriceGross * l.quantity, 0);
    const units = lines.reduce((sum, l) => sum + l.quantity, 0);

    let coupon: CouponRule | null = null;
    const emailKey = buyer.email.toLowerCase();
    const valid = coupons.filter((rule) => {
      const c = rule.coupon;
      if (rule.validFromMs > createdMs || rule.validToMs <= createdMs) return false;
      if (c.emailRestrictions.length > 0 && !c.emailRestrictions.includes(emailKey)) return false;
      if (c.usageLimit !== null && (usageByCoupon.get(c.code) ?? 0) >= c.usageLimit) return false;
      if (c.usageLimitPerUser !== null && (usageByCouponAndEmail.get(`${c.code} ${emailKey}`) ?? 0) >= c.usageLimitPerUser) return false;
      return true;
    });
    const restricted = valid.find((rule) => rule.coupon.emailRestrictions.length > 0);
    const campaign = valid.some((rule) => rule.campaign);
    if (restricted && rng.chance(0.7)) coupon = restricted;
    else if (valid.length > 0 && rng.chance(campaign ? 0.3 : 0.07)) {
      coupon = rng.weighted(valid.map((rule) => [rule, rule.campaign ? 6 : 1] as const));
    }
    if (coupon) {
      usageByCoupon.set(coupon.coupon.code, (usageByCoupon.get(coupon.coupon.code) ?? 0) + 1);
      const key = `${coupon.coupon.code} ${emailKey}`;
      usageByCouponAndEmail.set(key, (usageByCouponAndEmail.get(key) ?? 0) + 1);
    }
    const discountGross = coupon ? discountFor(coupon, subtotal, units) : 0;
    const freeShipping = subtotal >= FREE_SHIPPING_FROM || coupon?.freeShipping === true;

    let delivery: EshopOrder['delivery'];
    if (plan.delivery === 'pickup') {
      const storeCode = plan.storeCode ?? (stores[0] as Location).code;
      delivery = { kind: 'pickup', methodId: 'local_pickup', methodTitle: 'Odbiór osobisty w sklepie', costGross: 0, storeCode };
    } else if (plan.delivery === 'parcel_locker') {
      delivery = {
        kind: 'parcel_locker',
        methodId: 'flat_rate',
        methodTitle: 'Paczkomat InPost 24/7',
        costGross: freeShipping ? 0 : 1199,
        lockerId: buyer.person.lockerId,
      };
    } else {
      const [title, cost] = rng.chance(0.6) ? (['Kurier DPD', 1599] as const) : (['Kurier InPost', 1499] as const);
      delivery = { kind: 'courier', methodId: 'flat_rate', methodTitle: title, costGross: freeShipping ? 0 : cost };
    }

    const person = buyer.person;
    const phone = buyer.customer?.billing.phone ?? typedPhone(rng, person.phoneDigits);
    const billing: EshopOrder['billing'] = buyer.customer
      ? { ...buyer.customer.billing }
      : { firstName: person.firstName, lastName: person.lastName, company: person.company?.name ?? '', ...person.address, email: buyer.email, phone };
    const shipping: EshopOrder['shipping'] = buyer.customer
      ? { ...buyer.customer.shipping }
      : { firstName: person.firstName, lastName: person.lastName, company: person.company?.name ?? '', ...person.address, phone: '' };

    let orderKey: string;
    do orderKey = `wc_order_${rng.chars(13, ORDER_KEY_ALPHABET)}`;
    while (usedKeys.has(orderKey));
    usedKeys.add(orderKey);

    const paid = facts.paidMs !== null;
    const updatedMs = Math.min(toSecond(facts.lastMs + rng.int(0, 3600) * 1000), toSecond(NOW_MS - MINUTE_MS));
    orders.push({
      id,
      number: String(id),
      orderKey,
      customerId: buyer.customer?.id ?? 0,
      status: facts.status,
      createdAt: iso(createdMs),
      updatedAt: iso(Math.max(updatedMs, createdMs)),
      paidAt: facts.paidMs !== null ? iso(facts.paidMs) : null,
      completedAt: facts.completedMs !== null ? iso(facts.completedMs) : null,
      billing,
      shipping,
      paymentMethod: facts.paymentMethod,
      paymentMethodTitle: PAYMENT_TITLES[facts.paymentMethod],
      transactionId: paid || facts.status === 'processing' ? transactionId(rng, facts.paymentMethod) : '',
      lines,
      delivery,
      couponCode: coupon?.coupon.code ?? null,
      discountGross,
      totalGross: subtotal + delivery.costGross - discountGross,
      customerNote: rng.chance(0.06) ? markText(rng.pick(ESHOP_CUSTOMER_NOTES), person.canary) : '',
      customerIp: customerIp(rng),
    });
  });
  return orders;
}

/** WooCommerce counts a sale once the order is paid or about to be, and takes it back on cancellation. */
export function countsAsSale(status: EshopOrderStatus): boolean {
  return status === 'processing' || status === 'completed' || status === 'on-hold';
}

export function applyEshopTotals(eshopProducts: EshopProduct[], orders: readonly EshopOrder[], coupons: readonly CouponRule[]): void {
  const byId = new Map(eshopProducts.map((p) => [p.id, p]));
  for (const order of orders) {
    if (!countsAsSale(order.status)) continue;
    for (const line of order.lines) {
      const parent = byId.get(line.productId);
      if (parent) parent.totalSales += line.quantity;
      if (line.variationId !== 0) {
        const variation = byId.get(line.variationId);
        if (variation) variation.totalSales += line.quantity;
      }
    }
  }
  const usage = new Map<string, number>();
  for (const order of orders) {
    if (order.couponCode && (countsAsSale(order.status) || order.status === 'refunded')) {
      usage.set(order.couponCode, (usage.get(order.couponCode) ?? 0) + 1);
    }
  }
  for (const rule of coupons) rule.coupon.usageCount = usage.get(rule.coupon.code) ?? 0;
}

/** The store nearest to a person's city, for click-and-collect. */
export function nearestStore(person: Person, stores: readonly Location[]): { store: Location; km: number } {
  let best = stores[0] as Location;
  let bestKm = Infinity;
  const cos = Math.cos((person.city.latitude * Math.PI) / 180);
  for (const store of stores) {
    const dx = (store.longitude - person.city.longitude) * 111.32 * cos;
    const dy = (store.latitude - person.city.latitude) * 110.57;
    const km = Math.sqrt(dx * dx + dy * dy);
    if (km < bestKm) {
      best = store;
      bestKm = km;
    }
  }
  return { store: best, km: bestKm };
}
