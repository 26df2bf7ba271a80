/**
 * Contract of the e-shop role's WooCommerce adapter against the WooCommerce simulator (the real wire format):
 * results, upstream call counts, and every failure mapped to a registry code with serviceName `eshop`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import type { EshopClient, EshopOrderId } from '../src/upstream/eshop-client.ts';
import {
  DEMO,
  listedSkus,
  orderIds,
  ORDER_BY_ID,
  ORDERS_LIST,
  PRODUCTS_LIST,
  startWooCommerceTestBed,
  type WooCommerceTestBed,
} from './woocommerce-test-bed.ts';

let bed: WooCommerceTestBed;
let client: EshopClient;

function clientWith(overrides: { timeoutMs?: number; consumerSecret?: string; maxRetries?: number } = {}): EshopClient {
  return createEshopClient({
    baseUrl: bed.baseUrl,
    consumerKey: bed.consumerKey,
    consumerSecret: overrides.consumerSecret ?? bed.consumerSecret,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    currency: 'PLN',
    ...(overrides.maxRetries === undefined ? {} : { policies: { retry: { maxRetries: overrides.maxRetries } } }),
  });
}

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
  client = clientWith();
});

afterAll(async () => {
  await bed.close();
});

beforeEach(async () => {
  bed.simulator.control.clearFaults();
  await bed.resetCounters();
});

describe('WooCommerce eshop client', () => {
  it('finds a registered customer by account e-mail, case-insensitively, in one call; none for a guest', async () => {
    const [anna] = await client.findCustomersByEmail({ email: ' Anna.Kowalska@Example.PL ' });
    expect(anna).toMatchObject({ customerId: '2000', email: DEMO.anna.email, createdAt: expect.stringMatching(/Z$/) });
    expect(await client.findCustomersByEmail({ email: DEMO.katarzyna.email })).toEqual([]);
    expect(await bed.counters()).toEqual({ 'GET /wp-json/wc/v3/customers': 2 });
  });

  it('reads customers by ids in one call, unknown ids absent', async () => {
    const customers = await client.getCustomersByIds({ ids: ['2001', '2000', '99999999'] });
    expect(customers.map((c) => c.customerId).sort()).toEqual(['2000', '2001']);
    expect(await bed.counters()).toEqual({ 'GET /wp-json/wc/v3/customers': 1 });
  });

  it('searches orders oldest first and stops at maxPages (the phone as typed: "(+48) 600 100 200")', async () => {
    const orders = await client.searchOrders({ term: '600 100 200', maxPages: 2 });
    expect(orders).toHaveLength(200);
    expect(orders.every((o) => o.buyer.phone === '(+48) 600 100 200')).toBe(true);
    expect([...orders].sort((a, b) => (a.placedAt < b.placedAt ? -1 : 1)).map((o) => o.orderId)).toEqual(orders.map((o) => o.orderId));
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 2 });
  });

  it('reads listings of 60 SKUs (products and variations) in one call, each with its own content', async () => {
    const skus = listedSkus(bed.dataset, 60);
    const variations = bed.dataset.eshopProducts.filter((p) => p.type === 'variation' && p.sku !== null && skus.includes(p.sku));
    expect(variations.length).toBeGreaterThan(1);
    const listings = await client.getListingsBySkus({ skus: [...skus, 'SKU-DOES-NOT-EXIST'] });
    expect(await bed.counters()).toEqual({ [PRODUCTS_LIST]: 1 });
    expect(new Set(listings.map((l) => l.sku))).toEqual(new Set(skus));
    for (const listing of listings) {
      expect(listing.price.amount).toMatch(/^\d+\.\d{2}$/);
      expect(listing.url).toMatch(/^http/);
      expect(listing.images[0]?.url).toMatch(/^https?:\/\/.+\.jpg$/);
      const source = bed.dataset.eshopProducts.find((p) => p.sku === listing.sku)!;
      // a variation's categories and short description live on its parent (WooCommerce answers none for it), and
      // these variations have no description of their own
      if (source.type === 'variation') {
        expect(listing).toMatchObject({ parentProductId: String(source.parentId), categories: [], description: null });
      } else {
        expect(listing).toMatchObject({ parentProductId: null, categories: [source.categoryName], description: expect.stringMatching(/^<p>/) });
      }
    }
  });

  it("reads the content of variations' parents by id in one call", async () => {
    const parents = bed.dataset.eshopProducts.filter((p) => p.type === 'variable').slice(0, 30);
    const contents = await client.getProductContents({ productIds: [...parents.map((p) => String(p.id)), '99999999'] });
    expect(await bed.counters()).toEqual({ [PRODUCTS_LIST]: 1 });
    expect(contents.map((c) => c.productId).sort()).toEqual(parents.map((p) => String(p.id)).sort());
    for (const content of contents) {
      const parent = parents.find((p) => String(p.id) === content.productId)!;
      expect(content).toMatchObject({ categories: [parent.categoryName], shortDescription: `<p>${parent.name}.</p>\n` });
      expect(content.images[0]?.alt).toBe(parent.name);
    }
  });

  it('skips SKUs that cannot be asked for (empty, containing a comma) without a call', async () => {
    expect(await client.getListingsBySkus({ skus: ['', 'A,B'] })).toEqual([]);
    expect(await bed.counters()).toEqual({});
  });

  it('reads 50 orders by id in one call', async () => {
    const ids = orderIds(bed.dataset, 50).map((id) => String(id) as EshopOrderId);
    const orders = await client.getOrdersByIds({ ids: [...ids, '999999999' as EshopOrderId] });
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
    expect(orders.map((o) => o.orderId).sort()).toEqual([...ids].sort());
  });

  it('lists the 262 orders of tomasz-wisniewski in ceil(262/100) = 3 calls', async () => {
    const orders = await client.listCustomerOrders({ customerId: DEMO.tomasz.eshopCustomerId });
    expect(orders).toHaveLength(DEMO.tomasz.orders);
    expect(new Set(orders.map((o) => o.id)).size).toBe(DEMO.tomasz.orders);
    expect(orders.every((o) => o.customerId === DEMO.tomasz.eshopCustomerId)).toBe(true);
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 3 });
  });

  it('finds the 5 guest orders of katarzyna-guest by e-mail, case-insensitively, in one call', async () => {
    const orders = await client.listGuestOrdersByEmail({ email: 'K.Zielinska@example.pl' });
    expect(orders).toHaveLength(DEMO.katarzyna.orders);
    expect(orders.every((o) => o.customerId === null && o.billingEmail === DEMO.katarzyna.email)).toBe(true);
    expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 1 });
  });

  it("does not take a registered customer's orders or a look-alike e-mail for guest orders", async () => {
    expect(await client.listGuestOrdersByEmail({ email: DEMO.anna.email })).toEqual([]);
    // "zielinska@example.pl" is a substring of k.zielinska@example.pl: WooCommerce's search finds it, we do not
    expect(await client.listGuestOrdersByEmail({ email: 'zielinska@example.pl' })).toEqual([]);
  });

  it('reads an order by number, and answers null for a missing one', async () => {
    const [id] = orderIds(bed.dataset, 1);
    const order = await client.getOrderByNumber({ number: String(id) });
    expect(order).toMatchObject({ id: `eshop:${id}`, number: String(id), channel: 'ESHOP' });
    expect(await client.getOrderByNumber({ number: '999999999' })).toBeNull();
    expect(await bed.counters()).toEqual({ [ORDER_BY_ID]: 2 });
  });

  it('answers null for a non-numeric order number without a call', async () => {
    expect(await client.getOrderByNumber({ number: 'ABC-1' })).toBeNull();
    expect(await bed.counters()).toEqual({});
  });

  describe('faults (retries off: how each failure maps)', () => {
    // a fresh client per test, so one test's failures never open another's breaker
    const once = (timeoutMs?: number) => clientWith({ maxRetries: 0, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    it('maps a 503 (nginx HTML page) to UPSTREAM_UNAVAILABLE', async () => {
      bed.simulator.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
      await expect(once().getOrdersByIds({ ids: ['1' as EshopOrderId] })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'eshop' },
      });
    });

    it('maps a 500 (WordPress critical error) to UPSTREAM_UNAVAILABLE', async () => {
      bed.simulator.control.addFaults([{ kind: 'status', status: 500, count: 1 }]);
      await expect(once().listCustomerOrders({ customerId: '2000' })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'eshop' },
      });
    });

    it('maps a 429 to UPSTREAM_RATE_LIMITED', async () => {
      bed.simulator.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
      await expect(once().getListingsBySkus({ skus: ['X'] })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_RATE_LIMITED', serviceName: 'eshop' },
      });
    });

    it('maps a hang past the timeout to UPSTREAM_TIMEOUT', async () => {
      bed.simulator.control.addFaults([{ kind: 'hang', count: 1 }]);
      await expect(once(200).getOrderByNumber({ number: '10000' })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_TIMEOUT', serviceName: 'eshop' },
      });
    });

    it('maps a garbage 200 body to UPSTREAM_BAD_RESPONSE', async () => {
      bed.simulator.control.addFaults([{ kind: 'garbage', count: 1 }]);
      await expect(once().listGuestOrdersByEmail({ email: DEMO.katarzyna.email })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'eshop' },
      });
    });

    it('maps a connection reset to UPSTREAM_UNAVAILABLE', async () => {
      bed.simulator.control.addFaults([{ kind: 'reset', count: 1 }]);
      await expect(once().getListingsBySkus({ skus: ['X'] })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'eshop' },
      });
    });

    it("maps a wrong consumer secret (401) to UPSTREAM_REJECTED: our misconfiguration, not the client's", async () => {
      await expect(clientWith({ consumerSecret: 'cs_wrong' }).getListingsBySkus({ skus: ['X'] })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_REJECTED', serviceName: 'eshop', upstream: { status: 401 } },
      });
    });

    it('maps a 404 that is not "no such order" (no route) to an upstream error, not null', async () => {
      const misconfigured = createEshopClient({
        baseUrl: `${bed.baseUrl}/not-the-shop`,
        consumerKey: bed.consumerKey,
        consumerSecret: bed.consumerSecret,
        timeoutMs: 5_000,
        currency: 'PLN',
      });
      await expect(misconfigured.getOrderByNumber({ number: '10000' })).rejects.toMatchObject({
        extensions: { serviceName: 'eshop' },
      });
    });
  });

  describe('resilience (the shared upstream-call policies)', () => {
    it('answers completely after one transient 503: the read is retried once (2 WooCommerce calls)', async () => {
      bed.simulator.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
      const orders = await clientWith().listCustomerOrders({ customerId: DEMO.anna.eshopCustomerId });
      expect(orders).toHaveLength(DEMO.anna.orders);
      expect(await bed.counters()).toEqual({ [ORDERS_LIST]: 2 });
    });

    it('honours the 429 Retry-After (1 s) and then answers', async () => {
      bed.simulator.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
      const started = Date.now();
      const listings = await clientWith().getListingsBySkus({ skus: listedSkus(bed.dataset, 3) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(listings).toHaveLength(3);
      expect(await bed.counters()).toEqual({ [PRODUCTS_LIST]: 2 });
    });

    it('never retries when the answer is "no such order" (404 with its WooCommerce code): null after 1 call', async () => {
      expect(await clientWith().getOrderByNumber({ number: '999999999' })).toBeNull();
      expect(await bed.counters()).toEqual({ [ORDER_BY_ID]: 1 });
    });
  });
});
