import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from './dataset-types.ts';
import { GENERATED_AT } from './clock.ts';
import { generateDataset } from './generate-dataset.ts';
import { loyaltyTierForPoints } from './generate-crm.ts';
import { isValidEan13, isValidNip } from './identifiers.ts';
import { getDataset } from './index.ts';
import { grossFromNet } from './money.ts';
import { toPhoneDigits } from './phone.ts';

let d: Dataset;
let small: Dataset;

beforeAll(() => {
  d = generateDataset();
  small = generateDataset({ scale: 0.2 });
});

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const unique = <T>(values: readonly T[]): boolean => new Set(values).size === values.length;
const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every string-valued key ending in "At"/"Date"/"inDate" anywhere in the dataset. */
function collectTimes(value: unknown, path: string, out: { path: string; value: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectTimes(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && /(At|^inDate)$/.test(key)) out.push({ path: `${path}.${key}`, value: child });
      else collectTimes(child, `${path}.${key}`, out);
    }
  }
}

describe('determinism', () => {
  it('gives identical JSON for the same seed and scale', () => {
    expect(JSON.stringify(generateDataset())).toBe(JSON.stringify(d));
    expect(generateDataset({ seed: 20261123, scale: 0.2 })).toEqual(small);
  });

  it('gives different data for a different seed', () => {
    const other = generateDataset({ seed: 7, scale: 0.2 });
    expect(other.products.map((p) => p.sku)).not.toEqual(small.products.map((p) => p.sku));
    expect(other.crmContacts.map((c) => c.email)).not.toEqual(small.crmContacts.map((c) => c.email));
  });

  it('keeps demo customers identical across seeds and scales', () => {
    const other = generateDataset({ seed: 99, scale: 0.2 });
    expect(small.demoCustomers).toEqual(d.demoCustomers);
    expect(other.demoCustomers).toEqual(d.demoCustomers);
    const contact = (ds: Dataset, id: string) => ds.crmContacts.find((c) => c.id === id);
    for (const demo of d.demoCustomers) {
      expect(contact(other, demo.crmContactId)).toEqual(contact(d, demo.crmContactId));
    }
  });

  it('keeps the smaller catalogue a prefix of the larger one', () => {
    expect(d.products.slice(0, small.products.length)).toEqual(small.products);
  });

  it('memoizes getDataset per seed and scale', () => {
    expect(getDataset({ scale: 0.2 })).toBe(getDataset({ scale: 0.2, seed: 20261123 }));
    expect(getDataset({ scale: 0.2 })).not.toBe(getDataset({ scale: 0.2, seed: 1 }));
  });
});

describe('catalogue', () => {
  it('has unique ids, SKUs and EANs with valid check digits', () => {
    expect(unique(d.products.map((p) => p.id))).toBe(true);
    expect(unique(d.products.map((p) => p.sku))).toBe(true);
    const eans = d.products.flatMap((p) => (p.ean ? [p.ean] : []));
    expect(unique(eans)).toBe(true);
    for (const ean of eans) {
      expect(isValidEan13(ean)).toBe(true);
      expect(ean.startsWith('590')).toBe(true);
    }
    const withoutEan = d.products.filter((p) => p.ean === null).length / d.products.length;
    expect(withoutEan).toBeGreaterThan(0.005);
    expect(withoutEan).toBeLessThan(0.07);
    for (const p of d.products) expect(p.sku).toMatch(/^SKU-[A-Z0-9]+(-[A-Z0-9]+)*$/);
  });

  it('holds list prices the ERP can represent exactly', () => {
    for (const p of d.products) {
      expect(Number.isInteger(p.listPriceNet) && Number.isInteger(p.listPriceGross) && Number.isInteger(p.standardPriceNet)).toBe(true);
      expect(grossFromNet(p.listPriceNet, p.vatRate)).toBe(p.listPriceGross);
      expect(p.standardPriceNet).toBeLessThan(p.listPriceNet);
    }
  });

  it('uses the VAT rates Polish law gives each kind of product', () => {
    const rates = new Set(d.products.map((p) => p.vatRate));
    expect(rates).toEqual(new Set([23, 8, 5]));
    const category = (id: number) => d.categories.find((c) => c.id === id)?.name;
    for (const p of d.products) if (category(p.categoryId) === 'Książki') expect(p.vatRate).toBe(5);
    expect(d.products.filter((p) => p.vatRate === 23).length / d.products.length).toBeGreaterThan(0.7);
  });

  it('groups variants under templates and names categories the Odoo way', () => {
    for (const c of d.categories) expect(c.completeName).toBe(`All / Saleable / ${c.name}`);
    const byTemplate = groupBy(d.products, (p) => p.templateId);
    const multi = [...byTemplate.values()].filter((vs) => vs.length > 1);
    expect(multi.length).toBeGreaterThan(20);
    for (const variants of multi) {
      expect(variants.length).toBeLessThanOrEqual(4);
      for (const v of variants) expect(v.variantLabel).not.toBeNull();
    }
    for (const variants of byTemplate.values()) if (variants.length === 1) expect(variants[0]?.variantLabel).toBeNull();
    const inactive = d.products.filter((p) => !p.active).length;
    expect(inactive).toBeGreaterThan(0);
    expect(inactive / d.products.length).toBeLessThan(0.05);
  });

  it('has a central warehouse and stores with distinct Odoo ids', () => {
    const warehouses = d.locations.filter((l) => l.kind === 'warehouse');
    const stores = d.locations.filter((l) => l.kind === 'store');
    expect(warehouses.map((w) => w.code)).toEqual(['CEN']);
    expect(stores.length).toBeGreaterThanOrEqual(6);
    expect(new Set(stores.map((s) => s.address.city)).size).toBeGreaterThanOrEqual(6);
    const ids = d.locations.flatMap((l) => [l.stockLocationId, l.viewLocationId]);
    expect(unique(ids)).toBe(true);
    expect(unique(d.locations.map((l) => l.warehouseId))).toBe(true);
    const partnerIds = new Set(d.erpPartners.map((p) => p.id));
    for (const l of d.locations) {
      expect(partnerIds.has(l.partnerId)).toBe(true);
      expect(l.latitude).toBeGreaterThan(49);
      expect(l.latitude).toBeLessThan(55);
      expect(l.longitude).toBeGreaterThan(14);
      expect(l.longitude).toBeLessThan(24.2);
      expect(toPhoneDigits(l.phone)).not.toBeNull();
    }
  });

  it('keeps stock quants consistent', () => {
    const stockLocations = new Set(d.locations.map((l) => l.stockLocationId));
    const productIds = new Set(d.products.map((p) => p.id));
    expect(unique(d.stock.map((q) => q.id))).toBe(true);
    for (const q of d.stock) {
      expect(stockLocations.has(q.locationId)).toBe(true);
      expect(productIds.has(q.productId)).toBe(true);
      expect(q.reserved).toBeGreaterThanOrEqual(0);
      expect(q.reserved).toBeLessThanOrEqual(q.quantity);
    }
    const reservedShare = d.stock.filter((q) => q.reserved > 0).length / d.stock.length;
    expect(reservedShare).toBeGreaterThan(0.1);
    expect(reservedShare).toBeLessThan(0.3);
    expect(d.stock.some((q) => q.quantity === 0)).toBe(true);
    const central = d.locations.find((l) => l.code === 'CEN');
    const atCentral = new Set(d.stock.filter((q) => q.locationId === central?.stockLocationId).map((q) => q.productId));
    expect(atCentral.size / d.products.length).toBeGreaterThan(0.85);
    for (const store of d.locations.filter((l) => l.kind === 'store')) {
      const share = d.stock.filter((q) => q.locationId === store.stockLocationId).length / d.products.length;
      expect(share).toBeGreaterThan(0.5);
      expect(share).toBeLessThan(0.85);
    }
  });

  it('has the two pricelists with valid items', () => {
    expect(d.pricelists.map((p) => p.name)).toEqual(['Cennik publiczny (PLN)', 'Stali klienci (PLN)']);
    const productIds = new Set(d.products.map((p) => p.id));
    const categoryIds = new Set(d.categories.map((c) => c.id));
    for (const item of d.pricelistItems) {
      if (item.appliedOn === '0_product_variant') expect(productIds.has(item.productId as number)).toBe(true);
      if (item.appliedOn === '2_product_category') expect(categoryIds.has(item.categoryId as number)).toBe(true);
      if (item.computePrice === 'fixed') expect(Number.isInteger(item.fixedPriceNet)).toBe(true);
      else expect(item.percentPrice).toBeGreaterThan(0);
    }
    expect(d.pricelistItems.some((i) => i.dateStart !== null && i.dateEnd !== null)).toBe(true);
    expect(d.pricelistItems.some((i) => i.minQuantity > 1)).toBe(true);
  });
});

describe('cross-system references', () => {
  it('sells only SKUs that exist in the ERP', () => {
    const skus = new Set(d.products.map((p) => p.sku));
    for (const p of d.eshopProducts) if (p.sku !== null) expect(skus.has(p.sku)).toBe(true);
    for (const o of d.eshopOrders) for (const l of o.lines) expect(skus.has(l.sku)).toBe(true);
    for (const o of d.allegroOffers) if (o.sku !== null) expect(skus.has(o.sku)).toBe(true);
    for (const f of d.allegroCheckoutForms) for (const l of f.lines) if (l.sku !== null) expect(skus.has(l.sku)).toBe(true);
  });

  it('points order lines at real e-shop products and offers', () => {
    const shop = new Map(d.eshopProducts.map((p) => [p.id, p]));
    for (const o of d.eshopOrders) {
      for (const l of o.lines) {
        const product = shop.get(l.productId);
        expect(product).toBeDefined();
        if (l.variationId === 0) {
          expect(product?.type).toBe('simple');
          expect(product?.sku).toBe(l.sku);
        } else {
          const variation = shop.get(l.variationId);
          expect(product?.type).toBe('variable');
          expect(variation?.type).toBe('variation');
          expect(variation?.parentId).toBe(l.productId);
          expect(variation?.sku).toBe(l.sku);
        }
      }
    }
    const offers = new Map(d.allegroOffers.map((o) => [o.id, o]));
    for (const f of d.allegroCheckoutForms) {
      for (const l of f.lines) {
        const offer = offers.get(l.offerId);
        expect(offer).toBeDefined();
        expect(l.sku).toBe(offer?.sku);
        expect(l.offerName).toBe(offer?.name);
      }
    }
  });

  it('links CRM contacts only to existing identities, and not everyone is linked', () => {
    const customers = new Set(d.eshopCustomers.map((c) => c.id));
    const buyers = new Map(d.allegroBuyers.map((b) => [b.id, b]));
    const partners = new Set(d.erpPartners.map((p) => p.id));
    for (const c of d.crmContacts) {
      if (c.eshopCustomerId !== null) expect(customers.has(c.eshopCustomerId)).toBe(true);
      if (c.erpPartnerId !== null) expect(partners.has(c.erpPartnerId)).toBe(true);
      expect(c.allegroBuyerId === null).toBe(c.allegroBuyerLogin === null);
      if (c.allegroBuyerId !== null) expect(buyers.get(c.allegroBuyerId)?.login).toBe(c.allegroBuyerLogin);
    }
    const unlinked = d.crmContacts.filter((c) => c.eshopCustomerId === null && c.allegroBuyerId === null && c.erpPartnerId === null);
    expect(unlinked.length).toBeGreaterThan(100);
    const linkedCustomers = new Set(d.crmContacts.map((c) => c.eshopCustomerId));
    const linkedBuyers = new Set(d.crmContacts.map((c) => c.allegroBuyerId));
    const customerShare = d.eshopCustomers.filter((c) => linkedCustomers.has(c.id)).length / d.eshopCustomers.length;
    const buyerShare = d.allegroBuyers.filter((b) => linkedBuyers.has(b.id)).length / d.allegroBuyers.length;
    expect(customerShare).toBeGreaterThan(0.72);
    expect(customerShare).toBeLessThan(0.88);
    expect(buyerShare).toBeGreaterThan(0.52);
    expect(buyerShare).toBeLessThan(0.68);
    expect(d.crmContacts.filter((c) => c.erpPartnerId !== null).length).toBeGreaterThan(50);
  });

  it('ties ERP refs to e-shop customers', () => {
    const customers = new Map(d.eshopCustomers.map((c) => [c.id, c]));
    const refs = d.erpPartners.filter((p) => p.ref?.startsWith('WC-'));
    expect(refs.length).toBeGreaterThan(50);
    for (const p of refs) expect(customers.has(Number(p.ref?.slice(3)))).toBe(true);
    const companies = d.erpPartners.filter((p) => p.isCompany && p.vat !== null);
    expect(companies.length).toBeGreaterThan(50);
    for (const p of companies) expect(isValidNip(p.vat as string)).toBe(true);
    expect(isValidNip(d.company.vat)).toBe(true);
    for (const b of d.allegroBuyers) if (b.nip !== null) expect(isValidNip(b.nip)).toBe(true);
  });

  it('never uses an Allegro relay address as a primary e-mail', () => {
    for (const c of d.crmContacts) if (c.email) expect(c.email).not.toMatch(/allegromail/i);
    for (const c of d.eshopCustomers) expect(c.email).not.toMatch(/allegromail/i);
    for (const o of d.eshopOrders) expect(o.billing.email).not.toMatch(/allegromail/i);
    const relays = d.crmContacts.flatMap((c) => c.additionalEmails.filter((e) => e.endsWith('@allegromail.pl')));
    expect(relays.length).toBeGreaterThan(50);
    const relayLocals = new Set(d.allegroBuyers.map((b) => b.relayLocal));
    for (const r of relays) expect(relayLocals.has(r.split('@')[0] as string)).toBe(true);
  });
});

describe('identities', () => {
  it('has unique ids and e-mails', () => {
    const lower = (values: readonly (string | null)[]) => values.flatMap((v) => (v ? [v.toLowerCase()] : []));
    expect(unique(d.crmContacts.map((c) => c.id))).toBe(true);
    expect(unique(lower(d.crmContacts.map((c) => c.email)))).toBe(true);
    expect(unique(d.eshopCustomers.map((c) => c.id))).toBe(true);
    expect(unique(lower(d.eshopCustomers.map((c) => c.email)))).toBe(true);
    expect(unique(d.eshopCustomers.map((c) => c.username))).toBe(true);
    expect(unique(d.eshopProducts.map((p) => p.id))).toBe(true);
    expect(unique(d.eshopProducts.map((p) => p.slug))).toBe(true);
    expect(unique(d.eshopOrders.map((o) => o.id))).toBe(true);
    expect(unique(d.eshopOrders.map((o) => o.orderKey))).toBe(true);
    expect(unique(d.eshopOrders.flatMap((o) => o.lines.map((l) => l.id)))).toBe(true);
    expect(unique(d.allegroBuyers.map((b) => b.id))).toBe(true);
    expect(unique(d.allegroBuyers.map((b) => b.login.toLowerCase()))).toBe(true);
    expect(unique(d.allegroBuyers.map((b) => b.relayLocal))).toBe(true);
    expect(unique(d.allegroOffers.map((o) => o.id))).toBe(true);
    expect(unique(d.allegroCheckoutForms.map((f) => f.id))).toBe(true);
    expect(unique(d.crmNotes.map((n) => n.id))).toBe(true);
    expect(unique(d.erpPartners.map((p) => p.id))).toBe(true);
    expect(unique(d.stock.map((q) => q.id))).toBe(true);
    expect(unique(d.eshopCoupons.map((c) => c.code))).toBe(true);
  });

  it('uses the id formats of each system', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    // Allegro's checkout-form and payment ids are time-based (v1), its line-item and method ids random (v4).
    const timeUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const c of d.crmContacts) expect(c.id).toMatch(/^\d{11}$/);
    for (const n of d.crmNotes) expect(n.id).toMatch(/^\d{11}$/);
    for (const o of d.allegroOffers) expect(o.id).toMatch(/^\d{11}$/);
    for (const b of d.allegroBuyers) {
      expect(b.id).toMatch(/^\d+$/);
      expect(b.relayLocal).toMatch(/^[a-z0-9]{10}$/);
      if (b.guest) expect(b.login).toMatch(/^Client:\d{8}$/);
      if (b.phone !== null) expect(b.phone).toMatch(/^(\+48)?\d{9}$/);
    }
    expect(d.allegroBuyers.some((b) => b.guest)).toBe(true);
    for (const f of d.allegroCheckoutForms) {
      expect(f.id).toMatch(timeUuid);
      expect(f.payment.id).toMatch(timeUuid);
      expect(f.delivery.methodId).toMatch(uuid);
      for (const l of f.lines) expect(l.id).toMatch(uuid);
      expect(f.relaySuffix).toMatch(/^[0-9a-f]{9}$/);
      expect(f.revision).toMatch(/^[0-9a-f]{8}$/);
    }
    expect(unique(d.allegroCheckoutForms.map((f) => f.relaySuffix))).toBe(true);
    for (const o of d.eshopOrders) {
      expect(o.id).toBeGreaterThanOrEqual(10000);
      expect(o.number).toBe(String(o.id));
      expect(o.orderKey).toMatch(/^wc_order_[A-Za-z0-9]{13}$/);
    }
    for (const c of d.eshopCustomers) expect(c.id).toBeGreaterThanOrEqual(2000);
  });

  it('stores phones as typed with digits the CRM can search', () => {
    const withPhone = d.crmContacts.filter((c) => c.phone !== null);
    for (const c of withPhone) {
      expect(c.phoneDigits).toBe(toPhoneDigits(c.phone as string));
      expect(c.phoneDigits).toMatch(/^\d{9}$/);
    }
    for (const c of d.crmContacts) if (c.phone === null) expect(c.phoneDigits).toBeNull();
    const formats = new Set(withPhone.map((c) => (c.phone as string).replace(/\d/g, '9')));
    expect(formats.size).toBeGreaterThan(6);
    expect(d.crmContacts.some((c) => c.email === null && c.phone !== null)).toBe(true);
    expect(d.crmContacts.some((c) => c.phone === null && c.email !== null)).toBe(true);
    for (const c of d.eshopCustomers) expect(toPhoneDigits(c.billing.phone)).not.toBeNull();
  });

  it('derives loyalty tiers from points', () => {
    for (const c of d.crmContacts) expect(c.loyaltyTier).toBe(loyaltyTierForPoints(c.loyaltyPoints));
    expect(new Set(d.crmContacts.map((c) => c.loyaltyTier)).size).toBe(4);
  });

  it('has notes on real contacts, several on every demo customer', () => {
    const contacts = new Set(d.crmContacts.map((c) => c.id));
    for (const n of d.crmNotes) expect(contacts.has(n.contactId)).toBe(true);
    for (const demo of d.demoCustomers) {
      expect(d.crmNotes.filter((n) => n.contactId === demo.crmContactId).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('money and orders', () => {
  it('adds up e-shop order totals in integer grosze', () => {
    for (const o of d.eshopOrders) {
      const lines = o.lines.reduce((sum, l) => sum + l.unitPriceGross * l.quantity, 0);
      for (const l of o.lines) expect(Number.isInteger(l.unitPriceGross)).toBe(true);
      expect(Number.isInteger(o.discountGross) && Number.isInteger(o.delivery.costGross)).toBe(true);
      expect(o.totalGross).toBe(lines + o.delivery.costGross - o.discountGross);
      expect(o.lines.length).toBeGreaterThanOrEqual(1);
      expect(o.lines.length).toBeLessThanOrEqual(5);
      if (o.couponCode === null) expect(o.discountGross).toBe(0);
    }
  });

  it('adds up Allegro totals', () => {
    for (const f of d.allegroCheckoutForms) {
      const lines = f.lines.reduce((sum, l) => sum + l.priceGross * l.quantity, 0);
      expect(f.totalGross).toBe(lines + f.delivery.costGross);
      expect(f.lines.length).toBeGreaterThanOrEqual(1);
      expect(f.lines.length).toBeLessThanOrEqual(4);
      if (f.payment.paidAmount !== null) expect(f.payment.paidAmount).toBe(f.totalGross);
    }
  });

  it('keeps order states consistent with payment and delivery', () => {
    const storeCodes = new Set(d.locations.filter((l) => l.kind === 'store').map((l) => l.code));
    for (const o of d.eshopOrders) {
      if (o.status === 'completed') expect(o.completedAt).not.toBeNull();
      if (o.status === 'pending' || o.status === 'failed' || o.status === 'on-hold') expect(o.paidAt).toBeNull();
      if (o.status === 'processing' && o.paymentMethod === 'cod') expect(o.paidAt).toBeNull();
      if (o.delivery.kind === 'pickup') expect(storeCodes.has(o.delivery.storeCode)).toBe(true);
      if (o.delivery.kind === 'parcel_locker') expect(o.delivery.lockerId).toMatch(/^[A-Z]{3}\d{2,3}[A-Z]{1,3}$/);
      if (o.paidAt) expect(o.paidAt >= o.createdAt).toBe(true);
      if (o.completedAt) expect(o.completedAt >= o.createdAt).toBe(true);
      expect(o.updatedAt >= o.createdAt).toBe(true);
    }
    const kinds = groupBy(d.eshopOrders, (o) => o.delivery.kind);
    expect(kinds.get('pickup')?.length).toBeGreaterThan(50);
    const statuses = groupBy(d.eshopOrders, (o) => o.status);
    expect([...statuses.keys()].sort()).toEqual(['cancelled', 'completed', 'failed', 'on-hold', 'pending', 'processing', 'refunded']);
    expect((statuses.get('completed')?.length ?? 0) / d.eshopOrders.length).toBeGreaterThan(0.75);
    const guests = d.eshopOrders.filter((o) => o.customerId === 0).length / d.eshopOrders.length;
    expect(guests).toBeGreaterThan(0.1);
    expect(guests).toBeLessThan(0.2);
    expect(d.eshopOrders.filter((o) => o.couponCode !== null).length).toBeGreaterThan(100);

    for (const f of d.allegroCheckoutForms) {
      expect(f.updatedAt >= f.boughtAt).toBe(true);
      if (f.status === 'CANCELLED') expect(f.fulfillmentStatus).toBe('CANCELLED');
      if (f.status === 'BOUGHT' || f.status === 'FILLED_IN') {
        expect(f.payment.finishedAt).toBeNull();
        expect(Date.parse(GENERATED_AT) - Date.parse(f.boughtAt)).toBeLessThan(3 * 86_400_000);
      }
      if (Date.parse(GENERATED_AT) - Date.parse(f.boughtAt) > 30 * 86_400_000 && f.status === 'READY_FOR_PROCESSING') {
        expect(['SENT', 'PICKED_UP', 'RETURNED', 'SUSPENDED']).toContain(f.fulfillmentStatus);
      }
      expect(f.delivery.kind === 'parcel_locker').toBe(f.delivery.pickupPoint !== null);
    }
    const lockers = d.allegroCheckoutForms.filter((f) => f.delivery.kind === 'parcel_locker').length / d.allegroCheckoutForms.length;
    expect(lockers).toBeGreaterThan(0.5);
    expect(lockers).toBeLessThan(0.7);
    const methodIds = groupBy(d.allegroCheckoutForms, (f) => f.delivery.methodName);
    for (const forms of methodIds.values()) expect(new Set(forms.map((f) => f.delivery.methodId)).size).toBe(1);
  });

  it('lists e-shop and Allegro prices with deliberate drift from the ERP', () => {
    const erp = new Map(d.products.map((p) => [p.sku, p]));
    const activeSkus = d.products.filter((p) => p.active).length;
    const listed = d.eshopProducts.filter((p) => p.sku !== null);
    expect(listed.length / activeSkus).toBeGreaterThan(0.78);
    expect(listed.length / activeSkus).toBeLessThan(0.92);
    const shopDrift = listed.filter((p) => p.regularPriceGross !== erp.get(p.sku as string)?.listPriceGross).length / listed.length;
    expect(shopDrift).toBeGreaterThanOrEqual(0.02);
    expect(shopDrift).toBeLessThan(0.08);
    const onSale = listed.filter((p) => p.salePriceGross !== null);
    for (const p of onSale) expect(p.salePriceGross).toBeLessThan(p.regularPriceGross);
    expect(onSale.length / listed.length).toBeGreaterThan(0.04);
    expect(d.eshopProducts.some((p) => p.status === 'draft')).toBe(true);
    for (const p of d.eshopProducts.filter((x) => x.type === 'variable')) expect(p.sku).toBeNull();

    const withSku = d.allegroOffers.filter((o) => o.sku !== null);
    expect(withSku.length / activeSkus).toBeGreaterThan(0.68);
    expect(withSku.length / activeSkus).toBeLessThan(0.85);
    const allegroDrift = withSku.filter((o) => o.priceGross !== erp.get(o.sku as string)?.listPriceGross).length / withSku.length;
    expect(allegroDrift).toBeGreaterThanOrEqual(0.02);
    expect(allegroDrift).toBeLessThan(0.08);
    const noSku = d.allegroOffers.length - withSku.length;
    expect(noSku).toBeGreaterThan(0);
    expect(noSku / d.allegroOffers.length).toBeLessThan(0.05);
    expect(new Set(d.allegroOffers.map((o) => o.status))).toEqual(new Set(['ACTIVE', 'INACTIVE', 'ENDED']));
  });

  it('keeps every generated time a valid ISO string before generatedAt', () => {
    const times: { path: string; value: string }[] = [];
    const { pricelistItems, eshopCoupons, generatedAt, ...events } = d;
    expect(generatedAt).toBe('2026-11-01T00:00:00.000Z');
    collectTimes(events, 'd', times);
    expect(times.length).toBeGreaterThan(50_000);
    for (const t of times) {
      if (!isoPattern.test(t.value) || t.value >= GENERATED_AT) throw new Error(`${t.path} = ${t.value}`);
    }
    for (const c of eshopCoupons) expect(c.createdAt < GENERATED_AT).toBe(true);
    for (const i of pricelistItems) if (i.dateStart) expect(i.dateStart < GENERATED_AT).toBe(true);
    const oldest = d.eshopOrders.reduce((min, o) => (o.createdAt < min ? o.createdAt : min), GENERATED_AT);
    expect(oldest >= '2024-11-01').toBe(true);
    expect(oldest < '2024-11-15').toBe(true);
  });
});

describe('volumes', () => {
  it('meets the scale-1 volumes', () => {
    expect(d.products.length).toBeGreaterThanOrEqual(400);
    expect(d.crmContacts.length).toBeGreaterThanOrEqual(2500);
    expect(d.crmNotes.length).toBeGreaterThanOrEqual(250);
    expect(d.eshopCustomers.length).toBeGreaterThanOrEqual(1400);
    expect(d.eshopOrders.length).toBeGreaterThanOrEqual(4000);
    expect(d.eshopCoupons.length).toBeGreaterThanOrEqual(15);
    expect(d.allegroBuyers.length).toBeGreaterThanOrEqual(1600);
    expect(d.allegroCheckoutForms.length).toBeGreaterThanOrEqual(3000);
    expect(d.erpPartners.length).toBeGreaterThanOrEqual(200);
    expect(d.locations.filter((l) => l.kind === 'store').length).toBeGreaterThanOrEqual(6);
  });

  it('roughly doubles at scale 2 and stays usable at scale 0.2', () => {
    const big = generateDataset({ scale: 2 });
    for (const key of ['products', 'crmContacts', 'eshopCustomers', 'eshopOrders', 'allegroBuyers', 'allegroCheckoutForms'] as const) {
      const ratio = big[key].length / d[key].length;
      expect(ratio, key).toBeGreaterThan(1.8);
      expect(ratio, key).toBeLessThan(2.2);
    }
    expect(small.products.length).toBeGreaterThanOrEqual(80);
    expect(small.eshopOrders.length).toBeGreaterThan(500);
  });
});

describe('demo customers', () => {
  it('match a recount of the generated data', () => {
    for (const demo of d.demoCustomers) {
      const contact = d.crmContacts.find((c) => c.id === demo.crmContactId);
      expect(contact, demo.key).toBeDefined();
      expect(contact?.email).toBe(demo.email);
      expect(contact?.phone).toBe(demo.phone);
      expect(contact?.eshopCustomerId).toBe(demo.eshopCustomerId);
      expect(contact?.allegroBuyerLogin).toBe(demo.allegroBuyerLogin);
      const email = demo.email?.toLowerCase();
      const orders = d.eshopOrders.filter(
        (o) =>
          (demo.eshopCustomerId !== null && o.customerId === demo.eshopCustomerId) || (o.customerId === 0 && o.billing.email.toLowerCase() === email),
      );
      const forms = d.allegroCheckoutForms.filter((f) => f.buyerId === contact?.allegroBuyerId);
      const skus = new Set([
        ...orders.flatMap((o) => o.lines.map((l) => l.sku)),
        ...forms.flatMap((f) => f.lines.flatMap((l) => (l.sku ? [l.sku] : []))),
      ]);
      expect(demo.eshopOrderCount, demo.key).toBe(orders.length);
      expect(demo.allegroOrderCount, demo.key).toBe(forms.length);
      expect(demo.distinctSkus, demo.key).toBe(skus.size);
    }
  });

  it('tell the stories the README promises', () => {
    const demo = (key: string) => {
      const found = d.demoCustomers.find((x) => x.key === key);
      if (!found) throw new Error(key);
      return { demo: found, contact: d.crmContacts.find((c) => c.id === found.crmContactId) };
    };
    const anna = demo('anna-kowalska');
    const annaTotal = anna.demo.eshopOrderCount + anna.demo.allegroOrderCount;
    expect(annaTotal).toBeGreaterThanOrEqual(8);
    expect(annaTotal).toBeLessThanOrEqual(14);
    expect(anna.contact?.loyaltyTier).toBe('gold');
    expect(anna.contact?.phone).toBe('+48 601 234 567');
    expect(anna.contact?.additionalEmails).toContain('k7rq2mf9zd@allegromail.pl');
    const annaBuyer = d.allegroBuyers.find((b) => b.login === 'ania_kowalska88');
    expect(annaBuyer?.relayLocal).toBe('k7rq2mf9zd');
    expect(anna.contact?.allegroBuyerId).toBe(annaBuyer?.id);
    const annaOrders = d.eshopOrders.filter((o) => o.customerId === anna.demo.eshopCustomerId);
    expect(annaOrders.filter((o) => o.delivery.kind === 'pickup')).toHaveLength(1);
    expect(d.allegroCheckoutForms.filter((f) => f.buyerId === annaBuyer?.id && f.delivery.pickupPoint?.id === 'POZ08A')).toHaveLength(1);

    const tomasz = demo('tomasz-wisniewski');
    expect(tomasz.demo.eshopOrderCount + tomasz.demo.allegroOrderCount).toBeGreaterThanOrEqual(200);
    expect(tomasz.demo.distinctSkus).toBeGreaterThan(100);
    expect(tomasz.contact?.phone).toBe('600-100-200');

    const kasia = demo('katarzyna-guest');
    expect(kasia.contact?.eshopCustomerId).toBeNull();
    expect(kasia.demo.eshopOrderCount).toBe(5);
    expect(d.eshopCustomers.some((c) => c.email.toLowerCase() === kasia.demo.email)).toBe(false);
    expect(kasia.contact?.phone).toBe('0048 512 345 678');

    const marek = demo('marek-allegro');
    expect(marek.demo.allegroOrderCount).toBeGreaterThanOrEqual(6);
    expect(marek.demo.eshopOrderCount).toBe(0);
    expect(marek.contact?.eshopCustomerId).toBeNull();
    expect(marek.contact?.erpPartnerId).toBeNull();
    const marekBuyer = d.allegroBuyers.find((b) => b.id === marek.contact?.allegroBuyerId);
    expect(marekBuyer?.login).toBe(marek.contact?.allegroBuyerLogin);
    expect(marek.contact?.additionalEmails.some((e) => e.includes(marekBuyer?.relayLocal ?? '?'))).toBe(false);
    expect(toPhoneDigits(marekBuyer?.phone ?? '')).not.toBe(marek.contact?.phoneDigits);

    const ewa = demo('ewa-no-orders');
    expect(ewa.contact).toMatchObject({ eshopCustomerId: null, allegroBuyerId: null, allegroBuyerLogin: null, erpPartnerId: null });
    expect(ewa.demo.eshopOrderCount + ewa.demo.allegroOrderCount).toBe(0);

    const firma = demo('firma-b2b');
    const partner = d.erpPartners.find((p) => p.id === firma.contact?.erpPartnerId);
    expect(partner?.isCompany).toBe(true);
    expect(isValidNip(partner?.vat ?? '')).toBe(true);
    expect(partner?.ref).toBe(`WC-${firma.demo.eshopCustomerId}`);
    const firmaCustomer = d.eshopCustomers.find((c) => c.id === firma.demo.eshopCustomerId);
    expect(firmaCustomer?.billing.company).toBe(partner?.name);
    expect(firma.demo.eshopOrderCount).toBeGreaterThanOrEqual(10);
  });

  it('keeps the guest and unknown-identity cases the resolver must handle', () => {
    const contactEmails = new Set(d.crmContacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])));
    const guestOrders = d.eshopOrders.filter((o) => o.customerId === 0);
    expect(guestOrders.filter((o) => contactEmails.has(o.billing.email.toLowerCase())).length).toBeGreaterThan(50);
    expect(guestOrders.filter((o) => !contactEmails.has(o.billing.email.toLowerCase())).length).toBeGreaterThan(50);
  });
});
