import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREDS, startOdoo, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });

describe('legacy JSON-RPC (/jsonrpc)', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.control.reset());

  describe('common service', () => {
    it('authenticates with the API key as password and returns the uid', async () => {
      const reply = await h.jsonrpc('common', 'authenticate', [CREDS.database, CREDS.login, CREDS.apiKey, {}], 7);
      expect(reply.status).toBe(200);
      expect(reply.contentType).toMatch(/^application\/json/);
      expect(reply.body).toEqual({ jsonrpc: '2.0', id: 7, result: 2 });
    });

    it('answers false, not an error, to bad credentials', async () => {
      for (const args of [
        [CREDS.database, CREDS.login, 'wrong-key', {}],
        [CREDS.database, 'someone-else', CREDS.apiKey, {}],
      ]) {
        const reply = await h.jsonrpc('common', 'authenticate', args);
        expect(reply.status).toBe(200);
        expect(reply.body.result).toBe(false);
        expect(reply.body.error).toBeUndefined();
      }
      expect((await h.jsonrpc('common', 'login', [CREDS.database, CREDS.login, CREDS.apiKey])).body.result).toBe(2);
    });

    it('fails like a missing PostgreSQL database for an unknown db', async () => {
      const reply = await h.jsonrpc('common', 'authenticate', ['nope', CREDS.login, CREDS.apiKey, {}]);
      expect(reply.status).toBe(200);
      expect(reply.body.error?.data.name).toBe('psycopg2.OperationalError');
      expect(reply.body.error?.data.message).toContain('database "nope" does not exist');
    });

    it('reports the 19.0 version over JSON-RPC and GET /web/version', async () => {
      const reply = await h.jsonrpc('common', 'version', []);
      expect(reply.body.result).toEqual({
        server_version: '19.0',
        server_version_info: [19, 0, 0, 'final', 0, ''],
        server_serie: '19.0',
        protocol_version: 1,
      });
      const res = await fetch(`${h.base}/web/version`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
    });

    it('rejects a missing argument with Python TypeError text', async () => {
      const reply = await h.jsonrpc('common', 'authenticate', [CREDS.database, CREDS.login, CREDS.apiKey]);
      expect(reply.body.error?.data.name).toBe('builtins.TypeError');
      expect(reply.body.error?.data.message).toBe("exp_authenticate() missing 1 required positional argument: 'user_agent_env'");
    });
  });

  describe('errors are HTTP 200 envelopes', () => {
    it('answers a wrong key with AccessDenied and no traceback', async () => {
      const reply = await h.jsonrpc('object', 'execute_kw', [CREDS.database, 2, 'wrong', 'res.partner', 'search', [[]]], 9);
      expect(reply.status).toBe(200);
      expect(reply.body.id).toBe(9);
      expect(reply.body.result).toBeUndefined();
      expect(reply.body.error).toEqual({
        code: 0,
        message: 'Odoo Server Error',
        data: {
          name: 'odoo.exceptions.AccessDenied',
          message: 'Access Denied',
          arguments: ['Access Denied'],
          context: {},
          debug: 'odoo.exceptions.AccessDenied: Access Denied\n',
        },
      });
      // the raw body keeps Odoo's key order: jsonrpc, id, error
      expect(reply.text.startsWith('{"jsonrpc": "2.0", "id": 9, "error": {"code": 0')).toBe(true);
    });

    it('answers a wrong uid and an empty password with AccessDenied too', async () => {
      const wrongUid = await h.jsonrpc('object', 'execute_kw', [CREDS.database, 3, CREDS.apiKey, 'res.partner', 'search', [[]]]);
      expect(wrongUid.body.error?.data.name).toBe('odoo.exceptions.AccessDenied');
      const noPassword = await h.jsonrpc('object', 'execute_kw', [CREDS.database, 2, false, 'res.partner', 'search', [[]]]);
      expect(noPassword.body.error?.data.name).toBe('odoo.exceptions.AccessDenied');
      const badDb = await h.jsonrpc('object', 'execute_kw', ['other', 2, CREDS.apiKey, 'res.partner', 'search', [[]]]);
      expect(badDb.body.error?.data.name).toBe('psycopg2.OperationalError');
    });

    it('answers an unknown model with the UserError Odoo raises', async () => {
      const reply = await h.executeKw('res.partnerz', 'search_read', [[]]);
      expect(reply.status).toBe(200);
      expect(reply.body.error?.data.name).toBe('odoo.exceptions.UserError');
      expect(reply.body.error?.data.message).toBe("Object res.partnerz doesn't exist");
      expect(reply.body.error?.data.debug).toMatch(/^Traceback \(most recent call last\):/);
    });

    it('answers an unknown method with AttributeError and a private one with AccessError', async () => {
      const unknown = await h.executeKw('res.partner', 'frobnicate', [[]]);
      expect(unknown.body.error?.data).toMatchObject({
        name: 'builtins.AttributeError',
        message: "The method 'res.partner.frobnicate' does not exist",
      });
      const priv = await h.executeKw('res.partner', '_search', [[]]);
      expect(priv.body.error?.data).toMatchObject({
        name: 'odoo.exceptions.AccessError',
        message: "Private methods (such as 'res.partner._search') cannot be called remotely.",
      });
    });

    it('answers bad domains with the ValueError texts of Odoo 19', async () => {
      const badField = await h.executeKw('res.partner', 'search_read', [[['emial', '=', 'x']]]);
      expect(badField.body.error?.data).toMatchObject({
        name: 'builtins.ValueError',
        message: "Invalid field res.partner.emial in condition ('emial', '=', 'x')",
      });
      const badOp = await h.executeKw('res.partner', 'search_read', [[['email', 'equals', 'x']]]);
      expect(badOp.body.error?.data.message).toBe("Invalid operator in condition ('email', 'equals', 'x')");
      const badShape = await h.executeKw('res.partner', 'search_read', [[['email', '=']]]);
      expect(badShape.body.error?.data.message).toBe("Domain [['email', '=']] is syntactically not correct.");
      const badPath = await h.executeKw('stock.quant', 'search_read', [[['product_id.sku', '=', 'x']]]);
      expect(badPath.body.error?.data.message).toBe("Invalid field product.product.sku in condition ('sku', '=', 'x')");
      const isoDate = await h.executeKw('res.partner', 'search_read', [[['write_date', '>=', '2026-05-01T00:00:00Z']]]);
      expect(isoDate.body.error?.data.message).toBe("time data '2026-05-01T00:00:00Z' does not match format '%Y-%m-%d %H:%M:%S'");
    });

    it('answers unknown fields and bad arguments like Python would', async () => {
      const badField = await h.executeKw('product.product', 'search_read', [[]], { fields: ['name', 'sku'], limit: 1 });
      expect(badField.body.error?.data.message).toBe("Invalid field 'sku' on model 'product.product'");
      const badKw = await h.executeKw('res.partner', 'search', [[]], { fields: ['name'] });
      expect(badKw.body.error?.data).toMatchObject({
        name: 'builtins.TypeError',
        message: "BaseModel.search() got an unexpected keyword argument 'fields'",
      });
      const noDomain = await h.executeKw('res.partner', 'search_count', []);
      expect(noDomain.body.error?.data.message).toBe("BaseModel.search_count() missing 1 required positional argument: 'domain'");
      const noIds = await h.executeKw('res.partner', 'read', []);
      expect(noIds.body.error?.data).toMatchObject({ name: 'builtins.IndexError', message: 'list index out of range' });
      const badOrder = await h.executeKw('res.partner', 'search', [[]], { order: 'name; drop table' });
      expect(badOrder.body.error?.data.name).toBe('odoo.exceptions.UserError');
    });

    it("answers malformed JSON with Odoo's bare 400 and a wrong content type with a werkzeug page", async () => {
      const bad = await fetch(`${h.base}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc": "2.0",' });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toBe('Invalid JSON data');
      const notObject = await fetch(`${h.base}/jsonrpc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' });
      expect(notObject.status).toBe(400);
      expect(await notObject.text()).toBe('Invalid JSON-RPC data');
      const textPlain = await fetch(`${h.base}/jsonrpc`, { method: 'POST', body: JSON.stringify({ params: {} }) });
      expect(textPlain.status).toBe(400);
      expect(textPlain.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await textPlain.text()).toContain("but 'jsonrpc' was expected");
    });

    it('answers an unknown service with KeyError and an unknown common method with Exception', async () => {
      expect((await h.jsonrpc('nope', 'x', [])).body.error?.data).toMatchObject({ name: 'builtins.KeyError', message: "'nope'" });
      expect((await h.jsonrpc('common', 'x', [])).body.error?.data).toMatchObject({
        name: 'builtins.Exception',
        message: 'Method not found: x',
      });
    });
  });

  describe('reads', () => {
    it('finds several products by SKU in one call with Odoo value conventions', async () => {
      const noEan = ds.products.find((p) => p.ean === null && p.active)!;
      const withEan = ds.products.filter((p) => p.ean !== null && p.active).slice(0, 2);
      const skus = [noEan.sku, ...withEan.map((p) => p.sku)];
      const reply = await h.executeKw('product.product', 'search_read', [[['default_code', 'in', skus]]], {
        fields: ['default_code', 'barcode', 'name', 'product_tmpl_id', 'categ_id', 'list_price', 'lst_price', 'taxes_id', 'uom_id', 'active'],
      });
      const rows = reply.body.result as Rec[];
      expect(rows.map((r) => r['default_code']).sort()).toEqual([...skus].sort());
      const row = rows.find((r) => r['default_code'] === noEan.sku)!;
      expect(Object.keys(row)).toEqual([
        'id',
        'default_code',
        'barcode',
        'name',
        'product_tmpl_id',
        'categ_id',
        'list_price',
        'lst_price',
        'taxes_id',
        'uom_id',
        'active',
      ]);
      expect(row).toMatchObject({
        id: noEan.id,
        barcode: false,
        name: noEan.templateName,
        product_tmpl_id: [noEan.templateId, noEan.templateName],
        uom_id: [1, 'Units'],
        active: true,
      });
      expect(Array.isArray(row['categ_id']) && typeof (row['categ_id'] as unknown[])[1] === 'string').toBe(true);
      // prices are Python floats on the wire: "lst_price": 36.0, never 36
      expect(reply.text).toMatch(/"lst_price": \d+\.\d+/);
      expect(reply.text).toMatch(/"list_price": \d+\.\d+/);
    });

    it('applies fields, offset, limit and order', async () => {
      const all = await h.call<number[]>('product.product', 'search', [[]], { order: 'default_code desc' });
      const page = await h.call<Rec[]>('product.product', 'search_read', [[]], {
        fields: ['default_code'],
        offset: 2,
        limit: 3,
        order: 'default_code desc',
      });
      expect(page.map((r) => r['id'])).toEqual(all.slice(2, 5));
      expect(page.every((r) => Object.keys(r).join() === 'id,default_code')).toBe(true);
      const codes = page.map((r) => String(r['default_code']));
      expect([...codes].sort().reverse()).toEqual(codes);
      // positional form: search_read(domain, fields, offset, limit, order)
      const positional = await h.call<Rec[]>('product.product', 'search_read', [[], ['default_code'], 2, 3, 'default_code desc']);
      expect(positional).toEqual(page);
      const byId = await h.call<number[]>('res.partner', 'search', [[]], { order: 'id desc', limit: 3 });
      expect(byId).toEqual([...byId].sort((a, b) => b - a));
      const count = await h.call<number>('product.product', 'search_count', [[]]);
      expect(count).toBe(ds.products.filter((p) => p.active).length);
    });

    it('reads records by id, skipping ids that do not exist, with bare ids when load is not classic', async () => {
      const product = ds.products.find((p) => p.active)!;
      const rows = await h.call<Rec[]>('product.product', 'read', [
        [product.id, 999_999],
        ['default_code', 'categ_id'],
      ]);
      expect(rows).toEqual([{ id: product.id, default_code: product.sku, categ_id: [product.categoryId, expect.any(String)] }]);
      const bare = await h.call<Rec[]>('product.product', 'read', [[product.id]], { fields: ['categ_id'], load: null });
      expect(bare).toEqual([{ id: product.id, categ_id: product.categoryId }]);
    });

    it('describes fields with fields_get', async () => {
      const fields = await h.call<Record<string, Rec>>('stock.quant', 'fields_get', [], { attributes: ['type', 'string', 'relation'] });
      expect(fields['product_id']).toEqual({ type: 'many2one', string: 'Product', relation: 'product.product' });
      expect(fields['quantity']).toEqual({ type: 'float', string: 'Quantity' });
      expect(fields['warehouse_id']).toEqual({ type: 'many2one', string: 'Warehouse', relation: 'stock.warehouse' });
      const partner = await h.call<Record<string, Rec>>('res.partner', 'fields_get', [['email', 'partner_latitude']]);
      expect(Object.keys(partner)).toEqual(['email', 'partner_latitude']);
      expect(partner['email']).toMatchObject({ type: 'char', store: true, readonly: false });
    });

    it('name_search finds products by SKU', async () => {
      const product = ds.products.find((p) => p.active)!;
      const hits = await h.call<Array<[number, string]>>('product.product', 'name_search', [product.sku]);
      expect(hits[0]).toEqual([product.id, `[${product.sku}] ${product.name}`]);
    });
  });

  it('counts each call per model.method and per common method', async () => {
    h.sim.control.resetCounters();
    await h.jsonrpc('common', 'authenticate', [CREDS.database, CREDS.login, CREDS.apiKey, {}]);
    await h.executeKw('stock.quant', 'search_read', [[]], { limit: 1 });
    await h.executeKw('stock.quant', 'search_read', [[]], { limit: 1 });
    await h.executeKw('product.product', 'search_count', [[]]);
    await h.json2('stock.quant', 'search_read', { limit: 1 });
    const { endpoints, total } = h.sim.control.counters();
    expect(total).toBe(5);
    expect(endpoints['common.authenticate']).toBe(1);
    expect(endpoints['stock.quant.search_read']).toBe(3);
    expect(endpoints['product.product.search_count']).toBe(1);
    expect(endpoints['POST /jsonrpc']).toBe(4);
    expect(endpoints['POST /json/2/:model/:method']).toBe(1);
  });
});
