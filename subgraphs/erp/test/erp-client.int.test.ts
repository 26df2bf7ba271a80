import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCalls, odooCredentials, readWireProducts, startOdoo, type WireProduct } from './odoo-test-support.ts';

let sim: OdooSimulator;
let baseUrl: string;
let client: ErpClient;
let wire: WireProduct[];

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
  wire = await readWireProducts(sim, baseUrl, 60);
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.clearFaults();
  sim.control.resetCounters();
});

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<{ message: string; extensions: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { message: string; extensions: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

describe('ErpClient (Odoo JSON-2) against the Odoo simulator', () => {
  it('reads products by SKU in one call, with prices from lst_price and VAT from account.tax', async () => {
    const first = wire[0]!;
    const products = await client.getProductsBySkus({ skus: [first.default_code, 'SKU-DOES-NOT-EXIST'] });
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({
      sku: first.default_code,
      listPrice: { currency: 'PLN', netMinor: Math.round(first.lst_price * 100), vatRate: '23' },
    });
    expect(typeof products[0]!.name).toBe('string');
    // VAT rates and the currency's rounding are read once, then kept in process for an hour
    expect(odooCalls(sim)).toEqual({ 'product.product.search_read': 1, 'account.tax.read': 1, 'res.currency.read': 1 });
  });

  it('caches VAT rates: a second product read does not read account.tax again', async () => {
    await client.getProductsBySkus({ skus: [wire[1]!.default_code] });
    expect(odooCalls(sim)).toEqual({ 'product.product.search_read': 1 });
  });

  it('reads stock of many SKUs in one stock.quant call, internal locations only', async () => {
    const skus = wire.slice(0, 60).map((p) => p.default_code);
    const rows = await client.getStockBySkus({ skus });
    expect(odooCalls(sim)).toEqual({ 'stock.quant.search_read': 1 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(skus).toContain(row.sku);
      expect(row.available).toBeCloseTo(row.onHand - row.reserved, 6);
      expect(row.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      // never Partners/Customers: every row is a warehouse's stock
      expect(row.stockRef).toMatch(/^odoo:warehouse:\d+$/);
    }
  });

  it('lists warehouses with their address partners: the central one is a WAREHOUSE, the rest STOREs', async () => {
    const locations = await client.listLocations();
    expect(odooCalls(sim)).toEqual({ 'stock.warehouse.search_read': 1, 'res.partner.read': 1, 'res.country.read': 1 });
    const central = locations.find((l) => l.code === 'CEN');
    expect(central).toMatchObject({ kind: 'WAREHOUSE', openingHours: null });
    const lodz = locations.find((l) => l.code === 'LOD1');
    expect(lodz).toMatchObject({
      kind: 'STORE',
      address: { city: 'Łódź', countryCode: 'PL' },
      openingHours: expect.stringMatching(/^pn-sb/),
    });
    expect(lodz!.coordinates.latitude).toBeCloseTo(51.78, 1);
    expect(locations.filter((l) => l.kind === 'STORE').length).toBe(locations.length - 1);
  });

  describe('faults (retries off: how each failure maps)', () => {
    // a fresh client per test, so one test's failures never open another's breaker
    const once = (timeoutMs = 2_000) => createErpClient({ baseUrl, ...odooCredentials, timeoutMs, policies: { retry: { maxRetries: 0 } } });
    const noLeaks = (error: { message: string; extensions: Record<string, unknown> }): void => {
      const text = JSON.stringify({ message: error.message, extensions: error.extensions });
      expect(text).not.toContain(baseUrl);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain('nginx');
      expect(text).not.toContain('Traceback');
    };

    it('maps a 503 to UPSTREAM_UNAVAILABLE', async () => {
      sim.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
      const error = await failure(once().getProductsBySkus({ skus: ['X'] }));
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' });
      noLeaks(error);
    });

    it('maps a 500 Odoo error to UPSTREAM_UNAVAILABLE', async () => {
      sim.control.addFaults([{ kind: 'status', status: 500, count: 1 }]);
      const error = await failure(once().getStockBySkus({ skus: ['X'] }));
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' });
      noLeaks(error);
    });

    it('maps a 429 from the proxy to UPSTREAM_RATE_LIMITED', async () => {
      sim.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
      const error = await failure(once().listLocations());
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', serviceName: 'erp' });
      noLeaks(error);
    });

    it('maps a hang to UPSTREAM_TIMEOUT after the configured timeout', async () => {
      sim.control.addFaults([{ kind: 'hang', count: 1 }]);
      const started = Date.now();
      const error = await failure(once(200).getProductsBySkus({ skus: ['X'] }));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', serviceName: 'erp' });
      noLeaks(error);
    });

    it('maps a garbage body to UPSTREAM_BAD_RESPONSE', async () => {
      sim.control.addFaults([{ kind: 'garbage', count: 1 }]);
      const error = await failure(once().getStockBySkus({ skus: ['X'] }));
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'erp' });
      noLeaks(error);
    });

    it('maps a connection reset to UPSTREAM_UNAVAILABLE', async () => {
      sim.control.addFaults([{ kind: 'reset', count: 1 }]);
      const error = await failure(once().getProductsBySkus({ skus: ['X'] }));
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp' });
    });

    it("maps a rejected API key to UPSTREAM_REJECTED (our misconfiguration, not the client's)", async () => {
      const wrong = createErpClient({ baseUrl, ...odooCredentials, apiKey: 'wrong', timeoutMs: 2_000 });
      const error = await failure(wrong.getProductsBySkus({ skus: ['X'] }));
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', serviceName: 'erp' });
      noLeaks(error);
      expect(odooCalls(sim)).toEqual({ 'product.product.search_read': 1 }); // a 401 is not retried
    });
  });

  describe('resilience (the shared upstream-call policies)', () => {
    const JSON2_ROUTE = 'POST /json/2/:model/:method';
    const fresh = () => createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });

    it('answers completely after one transient 503: the read is retried once (2 Odoo calls)', async () => {
      const sku = wire[2]!.default_code;
      sim.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
      const rows = await fresh().getStockBySkus({ skus: [sku] });
      expect(rows.length).toBeGreaterThan(0);
      // the faulted request never reached the model handler, so Odoo counted 2 requests and 1 search_read
      expect(sim.control.counters().endpoints[JSON2_ROUTE]).toBe(2);
      expect(odooCalls(sim)).toEqual({ 'stock.quant.search_read': 1 });
    });

    it("honours the proxy's 429 Retry-After (1 s) and then answers", async () => {
      sim.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
      const started = Date.now();
      const rows = await fresh().getStockBySkus({ skus: [wire[2]!.default_code] });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(rows.length).toBeGreaterThan(0);
      expect(sim.control.counters().endpoints[JSON2_ROUTE]).toBe(2);
    });
  });
});
