/**
 * Listing prices of shops entering prices without tax, against WooCommerce's exact JSON
 * (test/fixtures/woocommerce/tax.json): `GET /settings/tax` (WC_REST_Setting_Options_Controller, the tax page's
 * options), `GET /taxes` (WC_REST_Taxes_Controller), `GET /products?sku=` with net prices, `tax_status` none and
 * shipping, reduced, super-reduced and zero-rate classes, a variation; and a shop that refuses the key its settings
 * (403 `woocommerce_rest_cannot_view`). Served by a bare HTTP server so each shop's answers are exactly the fixture.
 * Sources: woocommerce.github.io/woocommerce-rest-api-docs #setting-options, #tax-rates, #product-properties;
 * wc_get_price_including_tax (includes/wc-product-functions.php).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream } from '@omnigraph/shared/upstream';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import { createWooCommerceClient } from '../src/upstream/woocommerce/woocommerce-client.ts';

const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/woocommerce/tax.json', import.meta.url), 'utf8')) as {
  settingsTax: { id: string; value: unknown }[];
  taxes: unknown[];
  products: { sku: string }[];
  settingsRefused: unknown;
};
const SKUS = FIXTURE.products.map((p) => p.sku);

interface Shop {
  settings: { status: number; body: unknown };
  requests: string[];
  url: string;
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function shop(settings: { status: number; body: unknown }): Promise<Shop> {
  const requests: string[] = [];
  // the settings answer can change while the shop runs (the TTL test)
  const self = { settings, requests, url: '' } as Shop;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop');
    requests.push(url.pathname);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/wp-json/wc/v3/settings/tax') return send(self.settings.status, self.settings.body);
    if (url.pathname === '/wp-json/wc/v3/taxes')
      return send(200, FIXTURE.taxes, { 'x-wp-total': String(FIXTURE.taxes.length), 'x-wp-totalpages': '1' });
    if (url.pathname === '/wp-json/wc/v3/products') {
      const wanted = new Set((url.searchParams.get('sku') ?? '').toLowerCase().split(','));
      const found = FIXTURE.products.filter((p) => wanted.has(p.sku.toLowerCase()));
      return send(200, found, { 'x-wp-total': String(found.length), 'x-wp-totalpages': '1' });
    }
    return send(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
  });
  self.server = server;
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return self;
}

const client = (s: Shop, pricesIncludeTax: 'auto' | 'yes' | 'no' = 'auto') =>
  createEshopClient({
    baseUrl: s.url,
    consumerKey: 'ck_test1234',
    consumerSecret: 'cs_test1234',
    timeoutMs: 5_000,
    currency: 'PLN',
    pricesIncludeTax,
    baseCountry: 'PL',
  });

const pricesBySku = async (s: Shop, mode?: 'auto' | 'yes' | 'no') => {
  const listings = await client(s, mode).getListingsBySkus({ skus: SKUS });
  return Object.fromEntries(listings.map((l) => [l.sku, [l.price.amount, l.regularPrice.amount, l.salePrice?.amount ?? null]]));
};

const GROSS = {
  'TAX-STD-4DP': ['80.00', '100.00', '80.00'],
  'TAX-STD-2DP': ['244.77', '244.77', null],
  'TAX-REDUCED': ['49.00', '49.00', null],
  'TAX-NONE': ['100.00', '100.00', null],
  'TAX-SHIPPING': ['50.00', '50.00', null],
  'TAX-ZERO': ['39.90', '39.90', null],
  'TAX-VARIATION': ['39.80', '39.80', null],
};
const AS_ENTERED = {
  'TAX-STD-4DP': ['65.04', '81.30', '65.04'],
  'TAX-STD-2DP': ['199.00', '199.00', null],
  'TAX-REDUCED': ['45.37', '45.37', null],
  'TAX-NONE': ['100.00', '100.00', null],
  'TAX-SHIPPING': ['50.00', '50.00', null],
  'TAX-ZERO': ['39.90', '39.90', null],
  'TAX-VARIATION': ['37.90', '37.90', null],
};

describe('listing prices of a shop entering prices excluding tax', () => {
  it('auto: reads the tax settings and the rates once, and lists gross prices per class and tax status', async () => {
    const s = await shop({ status: 200, body: FIXTURE.settingsTax });
    const c = client(s);
    // two reads at once share the one settings read in flight
    const [first] = await Promise.all([c.getListingsBySkus({ skus: SKUS }), c.getListingsBySkus({ skus: SKUS.slice(0, 2) })]);
    await c.getListingsBySkus({ skus: SKUS.slice(2) });
    expect(Object.fromEntries(first.map((l) => [l.sku, [l.price.amount, l.regularPrice.amount, l.salePrice?.amount ?? null]]))).toEqual(GROSS);
    // three listing reads, one settings read, one rates read
    expect(s.requests.filter((p) => p.endsWith('/products'))).toHaveLength(3);
    expect(s.requests.filter((p) => p.endsWith('/settings/tax'))).toHaveLength(1);
    expect(s.requests.filter((p) => p.endsWith('/taxes'))).toHaveLength(1);
  });

  it('auto in a shop entering prices with tax: no rates are read and prices are as entered', async () => {
    const withTax = FIXTURE.settingsTax.map((o) => (o.id === 'woocommerce_prices_include_tax' ? { ...o, value: 'yes' } : o));
    const s = await shop({ status: 200, body: withTax });
    expect(await pricesBySku(s)).toEqual(AS_ENTERED);
    expect(s.requests.filter((p) => p.endsWith('/taxes'))).toHaveLength(0);
  });

  it('a key refused the settings (403 woocommerce_rest_cannot_view) reads prices as including tax', async () => {
    const s = await shop({ status: 403, body: FIXTURE.settingsRefused });
    expect(await pricesBySku(s)).toEqual(AS_ENTERED);
    expect(s.requests.filter((p) => p.endsWith('/settings/tax'))).toHaveLength(1);
    expect(s.requests.filter((p) => p.endsWith('/taxes'))).toHaveLength(0);
  });

  it('ESHOP_PRICES_INCLUDE_TAX=no skips the settings; =yes reads neither', async () => {
    const refusing = await shop({ status: 403, body: FIXTURE.settingsRefused });
    expect(await pricesBySku(refusing, 'no')).toEqual(GROSS);
    expect(refusing.requests.filter((p) => p.endsWith('/settings/tax'))).toHaveLength(0);
    const plain = await shop({ status: 200, body: FIXTURE.settingsTax });
    expect(await pricesBySku(plain, 'yes')).toEqual(AS_ENTERED);
    expect(plain.requests.filter((p) => !p.endsWith('/products'))).toEqual([]);
  });

  it('reads the settings again after the TTL (1 h), and a failed read is not kept', async () => {
    const s = await shop({ status: 200, body: FIXTURE.settingsTax });
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const c = createWooCommerceClient({
      http: createHttpClient({ baseUrl: s.url, timeoutMs: 5_000 }),
      upstream: createUpstream({ serviceName: 'eshop', product: 'woocommerce', attemptTimeoutMs: 5_000, retry: { maxRetries: 0 } }),
      currency: 'PLN',
      pricesIncludeTax: 'auto',
      now: () => clock,
    });
    const settingsReads = () => s.requests.filter((p) => p.endsWith('/settings/tax')).length;
    await c.getListingsBySkus({ skus: SKUS });
    clock += 59 * 60_000;
    await c.getListingsBySkus({ skus: SKUS });
    expect(settingsReads()).toBe(1);
    clock += 2 * 60_000;
    // the shop switched to prices including tax meanwhile
    s.settings = { status: 200, body: FIXTURE.settingsTax.map((o) => (o.id === 'woocommerce_prices_include_tax' ? { ...o, value: 'yes' } : o)) };
    const after = await c.getListingsBySkus({ skus: ['TAX-STD-4DP'] });
    expect(settingsReads()).toBe(2);
    expect(after[0]!.regularPrice.amount).toBe('81.30');
    clock += 61 * 60_000;
    s.settings = { status: 500, body: { code: 'internal_server_error', message: 'boom', data: { status: 500 } } };
    await expect(c.getListingsBySkus({ skus: SKUS })).rejects.toThrow();
    s.settings = { status: 200, body: FIXTURE.settingsTax };
    expect((await c.getListingsBySkus({ skus: ['TAX-STD-4DP'] }))[0]!.regularPrice.amount).toBe('100.00');
    expect(settingsReads()).toBe(4);
  });
});
