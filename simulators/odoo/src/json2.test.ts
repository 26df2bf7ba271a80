import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDS, startOdoo, type OdooErrorBody, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });

describe('JSON-2 (/json/2/<model>/<method>)', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());

  describe('authentication', () => {
    it('answers a wrong key with 401 werkzeug Unauthorized "Invalid apikey"', async () => {
      const res = await h.json2<OdooErrorBody>('res.partner', 'search', { domain: [] }, { authorization: 'bearer nope' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        name: 'werkzeug.exceptions.Unauthorized',
        message: 'Invalid apikey',
        arguments: ['Invalid apikey', 401],
        context: {},
        debug: expect.stringMatching(/werkzeug\.exceptions\.Unauthorized: 401 Unauthorized: Invalid apikey\n$/),
      });
      expect(Object.keys(res.body)).toEqual(['name', 'message', 'arguments', 'context', 'debug']);
    });

    it('answers a missing Authorization header with 401 and says how to authenticate', async () => {
      const res = await fetch(`${h.base}/json/2/res.partner/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"domain": []}',
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as OdooErrorBody;
      expect(body.message).toBe('User not authenticated, use an API Key with a Bearer Authorization header.');
      const basic = await h.json2('res.partner', 'search', { domain: [] }, { authorization: `Basic ${CREDS.apiKey}` });
      expect(basic.status).toBe(401);
    });

    it('accepts the bearer scheme in any case and the right X-Odoo-Database', async () => {
      for (const scheme of ['bearer', 'Bearer', 'BEARER']) {
        const res = await h.json2('res.partner', 'search_count', { domain: [] }, { authorization: `${scheme} ${CREDS.apiKey}` });
        expect(res.status).toBe(200);
        expect(typeof res.body).toBe('number');
      }
      const withDb = await h.json2('res.partner', 'search_count', { domain: [] }, { 'x-odoo-database': CREDS.database });
      expect(withDb.status).toBe(200);
    });

    it('answers an unknown X-Odoo-Database with the no-database 404 page', async () => {
      const res = await h.json2('res.partner', 'search_count', { domain: [] }, { 'x-odoo-database': 'other_db' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.text).toContain('No database is selected');
    });
  });

  describe('errors carry real HTTP statuses', () => {
    it('404 for an unknown model or method', async () => {
      const model = await h.json2<OdooErrorBody>('res.partnerz', 'search', { domain: [] });
      expect(model.status).toBe(404);
      expect(model.body).toMatchObject({
        name: 'werkzeug.exceptions.NotFound',
        message: "the model 'res.partnerz' does not exist",
        arguments: ["the model 'res.partnerz' does not exist", 404],
      });
      const method = await h.json2<OdooErrorBody>('res.partner', 'frobnicate', {});
      expect(method.status).toBe(404);
      expect(method.body.message).toBe("The method 'res.partner.frobnicate' does not exist");
      const confirmOnPartner = await h.json2<OdooErrorBody>('res.partner', 'action_confirm', { ids: [1] });
      expect(confirmOnPartner.status).toBe(404);
      const get = await fetch(`${h.base}/json/2/res.partner/search`);
      expect(get.status).toBe(404);
      expect(((await get.json()) as OdooErrorBody).message).toBe('Did you mean POST /json/2/<model>/<method>?');
    });

    it('422 for arguments that do not bind to the method signature', async () => {
      const unexpected = await h.json2<OdooErrorBody>('res.partner', 'search', { domain: [], fields: ['name'] });
      expect(unexpected.status).toBe(422);
      expect(unexpected.body).toMatchObject({
        name: 'werkzeug.exceptions.UnprocessableEntity',
        message: "got an unexpected keyword argument 'fields'",
        arguments: ["got an unexpected keyword argument 'fields'", 422],
      });
      const missing = await h.json2<OdooErrorBody>('res.partner', 'search', {});
      expect(missing.status).toBe(422);
      expect(missing.body.message).toBe("missing a required argument: 'domain'");
      const ids = await h.json2<OdooErrorBody>('res.partner', 'search_read', { ids: [1], domain: [] });
      expect(ids.status).toBe(422);
      expect(ids.body.message).toBe('cannot call res.partner.search_read with ids');
    });

    it('422 for a UserError, 403 for an AccessError, 500 for a ValueError', async () => {
      const order = await h.json2<OdooErrorBody>('res.partner', 'search', { domain: [], order: 'name;' });
      expect(order.status).toBe(422);
      expect(order.body.name).toBe('odoo.exceptions.UserError');
      const denied = await h.json2<OdooErrorBody>('product.product', 'write', { ids: [ds.products[0]!.id], vals: { name: 'x' } });
      expect(denied.status).toBe(403);
      expect(denied.body.name).toBe('odoo.exceptions.AccessError');
      expect(denied.body.message).toMatch(/^You are not allowed to modify 'Product Variant' \(product\.product\) records\./);
      const domain = await h.json2<OdooErrorBody>('res.partner', 'search', { domain: [['nope', '=', 1]] });
      expect(domain.status).toBe(500);
      expect(domain.body).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field res.partner.nope in condition ('nope', '=', 1)" });
      const readKw = await h.json2<OdooErrorBody>('res.partner', 'search_read', { domain: [], limit: 1, bogus: true });
      expect(readKw.status).toBe(500);
      expect(readKw.body.message).toBe("BaseModel.read() got an unexpected keyword argument 'bogus'");
    });

    it('400 for a body that is not JSON or not an object, 415 for a body that is not declared JSON', async () => {
      const bad = await h.json2<OdooErrorBody>('res.partner', 'search', '{"domain": [}');
      expect(bad.status).toBe(400);
      expect(bad.body.name).toBe('werkzeug.exceptions.BadRequest');
      expect(bad.body.message).toMatch(/^could not parse the body as json: Expecting value: line 1 column \d+ \(char \d+\)$/);
      const array = await h.json2<OdooErrorBody>('res.partner', 'search', '[[]]');
      expect(array.status).toBe(400);
      expect(array.body.message).toBe('could not parse the body, expecting a json object');
      const text = await fetch(`${h.base}/json/2/res.partner/search_count`, {
        method: 'POST',
        headers: { authorization: `bearer ${CREDS.apiKey}` },
        body: JSON.stringify({ domain: [] }),
      });
      expect(text.status).toBe(415);
      expect(((await text.json()) as OdooErrorBody).name).toBe('werkzeug.exceptions.UnsupportedMediaType');
    });
  });

  describe('success is the bare result', () => {
    it('returns search_read rows as a bare array with many2one pairs', async () => {
      const product = ds.products.find((p) => p.active)!;
      const res = await h.json2<Rec[]>('product.product', 'search_read', {
        domain: [['default_code', '=', product.sku]],
        fields: ['default_code', 'product_tmpl_id', 'qty_available'],
        context: { lang: 'pl_PL' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { id: product.id, default_code: product.sku, product_tmpl_id: [product.templateId, product.templateName], qty_available: expect.any(Number) },
      ]);
      expect(res.text).toMatch(/"qty_available": \d+\.\d+/);
    });

    it('passes ids for record methods and returns search ids, counts and reads', async () => {
      const ids = await h.json2<number[]>('res.partner', 'search', { domain: [['is_company', '=', true]], limit: 2, order: 'id' });
      expect(ids.status).toBe(200);
      expect(ids.body).toHaveLength(2);
      const rows = await h.json2<Rec[]>('res.partner', 'read', { ids: ids.body, fields: ['name'] });
      expect(rows.body.map((r) => r['id'])).toEqual(ids.body);
      const noFieldsOnRead = await h.json2<OdooErrorBody>('res.partner', 'read', { ids: ids.body, fields: ['nope'] });
      expect(noFieldsOnRead.status).toBe(500);
    });
  });
});
