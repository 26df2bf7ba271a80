import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREDS, startOdoo, type OdooErrorBody, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });

async function postRecords(base: string, payload: unknown) {
  const res = await fetch(`${base}/__simulator/records`, { method: 'POST', body: JSON.stringify(payload) });
  return { status: res.status, body: (await res.json()) as { loaded?: Record<string, number>; error?: string } };
}

describe('faults, records and admin', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.control.reset());

  describe('injected faults', () => {
    it('renders an injected 500 as Odoo does on each wire format', async () => {
      h.sim.control.addFaults([{ kind: 'status', status: 500, count: 2 }]);
      // JSON-RPC never answers an application error with a 5xx: it is an HTTP 200 envelope
      const rpc = await h.executeKw('res.partner', 'search', [[]]);
      expect(rpc.status).toBe(200);
      expect(rpc.body.error).toMatchObject({ code: 0, message: 'Odoo Server Error', data: { name: 'psycopg2.OperationalError' } });
      const json2 = await h.json2<OdooErrorBody>('res.partner', 'search', { domain: [] });
      expect(json2.status).toBe(500);
      expect(json2.body).toMatchObject({ name: 'psycopg2.OperationalError', arguments: [expect.stringContaining('too many clients')] });
      expect((await h.json2('res.partner', 'search', { domain: [] })).status).toBe(200);
    });

    it('renders 502/503/504 as the nginx page of the proxy in front of Odoo', async () => {
      h.sim.control.addFaults([{ kind: 'status', status: 503, count: 2 }]);
      const rpc = await fetch(`${h.base}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(rpc.status).toBe(503);
      expect(rpc.headers.get('server')).toBe('nginx');
      expect(await rpc.text()).toContain('<h1>503 Service Temporarily Unavailable</h1>');
      const json2 = await h.json2('res.partner', 'search', { domain: [] });
      expect(json2.status).toBe(503);
      expect(json2.text).toContain('nginx');
    });

    it('renders other injected statuses as werkzeug errors and 429 as a proxy page with Retry-After', async () => {
      h.sim.control.addFaults([{ kind: 'status', status: 403, count: 1, match: 'POST /json/2/:model/:method' }]);
      const json2 = await h.json2<OdooErrorBody>('res.partner', 'search', { domain: [] });
      expect(json2.status).toBe(403);
      expect(json2.body.name).toBe('werkzeug.exceptions.Forbidden');
      h.sim.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
      const limited = await fetch(`${h.base}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(await limited.text()).toContain('<h1>429 Too Many Requests</h1>');
      const res = await fetch(`${h.base}/web/version`);
      expect(res.status).toBe(200);
    });

    it('answers a configured budget with 429 pages', async () => {
      h.sim.control.setRateLimit({ limit: 1, windowMs: 60_000 });
      expect((await fetch(`${h.base}/web/version`)).status).toBe(200);
      const res = await fetch(`${h.base}/web/version`);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it('answers unknown paths with werkzeug 404 pages, or the JSON-RPC NotFound envelope for JSON requests', async () => {
      const html = await fetch(`${h.base}/xmlrpc/2/object`);
      expect(html.status).toBe(404);
      expect(await html.text()).toContain('<title>404 Not Found</title>');
      const json = await fetch(`${h.base}/web/dataset/call_kw`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"id": 4}',
      });
      expect(json.status).toBe(200);
      expect(await json.json()).toMatchObject({
        id: 4,
        error: { code: 404, message: '404: Not Found', data: { name: 'werkzeug.exceptions.NotFound' } },
      });
    });
  });

  describe('records', () => {
    it('loads records in search_read format, merges them into the indexes and serves them on both formats', async () => {
      const product = ds.products.find((p) => p.active)!;
      const loaded = await postRecords(h.base, {
        'product.product': [
          {
            id: 900_001,
            display_name: '[SKU-BUG-1] Produkt z błędem',
            name: 'Produkt z błędem',
            default_code: 'SKU-BUG-1',
            barcode: false,
            product_tmpl_id: [900_001, 'Produkt z błędem'],
            categ_id: [product.categoryId, 'Whatever'],
            list_price: 10.5,
            active: true,
          },
        ],
        'stock.quant': [
          {
            id: 900_002,
            product_id: [900_001, '[SKU-BUG-1] Produkt z błędem'],
            location_id: ds.locations[0]!.stockLocationId,
            quantity: 4,
            reserved_quantity: 5,
            in_date: '2026-05-01 10:00:00',
          },
        ],
        'res.partner': [{ id: customerId(), email: 'ZMIENIONY@example.pl' }],
      });
      expect(loaded).toEqual({ status: 201, body: { loaded: { 'product.product': 1, 'stock.quant': 1, 'res.partner': 1 } } });

      const rows = await h.call<Rec[]>('product.product', 'search_read', [[['default_code', '=', 'SKU-BUG-1']]], {
        fields: ['display_name', 'qty_available', 'free_qty', 'lst_price', 'barcode'],
      });
      // reserved above quantity is what the loaded record says: the simulator serves it as Odoo would
      expect(rows).toEqual([
        { id: 900_001, display_name: '[SKU-BUG-1] Produkt z błędem', qty_available: 4, free_qty: -1, lst_price: 10.5, barcode: false },
      ]);
      const quants = await h.json2<Rec[]>('stock.quant', 'search_read', {
        domain: [['product_id.default_code', '=', 'SKU-BUG-1']],
        fields: ['location_id', 'available_quantity', 'write_date'],
      });
      expect(quants.body).toEqual([
        {
          id: 900_002,
          location_id: [ds.locations[0]!.stockLocationId, `${ds.locations[0]!.code}/Stock`],
          available_quantity: -1,
          write_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
        },
      ]);
      // a partial record merges into the existing one, and the email index follows
      const byEmail = await h.call<number[]>('res.partner', 'search', [[['email', '=ilike', 'zmieniony@example.pl']]]);
      expect(byEmail).toEqual([customerId()]);
      const [merged] = await h.call<Rec[]>('res.partner', 'read', [[customerId()], ['name']]);
      expect(merged!['name']).toBe(ds.erpPartners.find((p) => p.id === customerId())!.name);
    });

    it('rejects junk with a clear 400 and loads nothing', async () => {
      const junk = await postRecords(h.base, {
        'product.product': [{ id: 'x' }, { id: 900_010, name: 'ok', product_tmpl_id: [1, 'x'], barcode: null, list_price: '10' }],
        'res.partner': [{ id: 900_011, name: 'ok', emial: 'typo@example.pl' }],
        'sale.order': [{ id: 900_012 }],
        'stock.move.line': [],
      });
      expect(junk.status).toBe(400);
      expect(junk.body.error).toContain('product.product[0].id: expected a positive integer');
      expect(junk.body.error).toContain('product.product[1].barcode: expected a string or false');
      expect(junk.body.error).toContain('product.product[1].list_price: expected a number');
      expect(junk.body.error).toContain('res.partner[0].emial: unknown field of res.partner');
      expect(junk.body.error).toContain('sale.order[0].partner_id: required for a new sale.order record');
      expect(junk.body.error).toContain('unknown model "stock.move.line"');
      expect(await h.call<number>('res.partner', 'search_count', [[['id', '=', 900_011]]])).toBe(0);
      expect((await postRecords(h.base, [])).status).toBe(400);
      const badDate = await postRecords(h.base, { 'res.partner': [{ id: 900_013, name: 'x', write_date: '2026-05-01T10:00:00Z' }] });
      expect(badDate.body.error).toContain('expected "YYYY-MM-DD HH:MM:SS"');
    });

    it('loads sale orders and continues their numbering', async () => {
      const loaded = await postRecords(h.base, {
        'sale.order': [{ id: 900_050, name: 'S90042', partner_id: [customerId(), 'x'], state: 'sale', date_order: '2026-04-01 10:00:00' }],
        'sale.order.line': [
          {
            id: 70,
            order_id: [900_050, 'S90042'],
            product_id: ds.products[0]!.id,
            name: 'x',
            product_uom_qty: 2,
            price_unit: 5,
            price_subtotal: 10,
            price_tax: 2.3,
            price_total: 12.3,
          },
        ],
      });
      expect(loaded.status).toBe(201);
      const [order] = await h.call<Rec[]>('sale.order', 'read', [[900_050], ['amount_total', 'order_line', 'partner_id']]);
      expect(order).toEqual({ id: 900_050, amount_total: 12.3, order_line: [70], partner_id: [customerId(), expect.not.stringMatching(/^x$/)] });
      const next = await h.call<number>('sale.order', 'create', [{ partner_id: customerId() }]);
      expect(next).toBe(900_051);
      const [created] = await h.call<Rec[]>('sale.order', 'read', [[next], ['name']]);
      expect(created!['name']).toBe('S90043');
    });

    it('resets to the dataset', async () => {
      await h.call('res.partner', 'write', [[customerId()], { name: 'Changed' }]);
      expect((await fetch(`${h.base}/__simulator/reset`, { method: 'POST' })).status).toBe(204);
      const [row] = await h.call<Rec[]>('res.partner', 'read', [[customerId()], ['name']]);
      expect(row!['name']).toBe(ds.erpPartners.find((p) => p.id === customerId())!.name);
    });
  });

  it('describes credentials, counts and demo customers on GET /__simulator', async () => {
    const res = await fetch(`${h.base}/__simulator`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['simulator']).toBe('odoo');
    expect(body['credentials']).toMatchObject({ database: CREDS.database, login: CREDS.login, apiKey: CREDS.apiKey, uid: CREDS.uid });
    expect((body['counts'] as Record<string, number>)['product.product']).toBe(ds.products.length);
    expect(Array.isArray(body['demoCustomers'])).toBe(true);
    expect((body['counts'] as Record<string, number>)['stock.picking']).toBe(ds.erpDeliveries.length);
    const samples = body['sampleOrderReferences'] as { saleOrderNames: string[]; trackingRefs: string[] };
    expect(samples.saleOrderNames).toHaveLength(3);
    expect(samples.saleOrderNames.every((name) => ds.erpSaleOrders.some((o) => o.name === name && o.channel !== null))).toBe(true);
    expect(samples.trackingRefs.every((ref) => ds.erpDeliveries.some((d) => d.trackingRef === ref))).toBe(true);
  });
});

function customerId(): number {
  return ds.erpPartners.find((p) => p.email && !p.isCompany)!.id;
}
