import { getDataset } from '@omnigraph/simulator-dataset';
import { beforeAll, describe, expect, it } from 'vitest';
import { likeRegExp } from './odoo-domain.ts';
import { OdooError } from './odoo-errors.ts';
import { DEFAULT_CREDENTIALS, makeEnv, OdooStore } from './odoo-store.ts';

const ds = getDataset({ scale: 0.2 });

describe('domains', () => {
  let store: OdooStore;
  const search = (model: string, domain: unknown, ctx: Record<string, unknown> = {}) =>
    store.search(model, domain, { env: makeEnv(ctx), order: 'id' });
  const all = (model: string) => search(model, [], { active_test: false });

  beforeAll(() => {
    store = new OdooStore(() => ds, DEFAULT_CREDENTIALS);
  });

  it('translates SQL LIKE patterns', () => {
    expect(likeRegExp('ab%', false, true).test('ABC')).toBe(true);
    expect(likeRegExp('a_c', false, false).test('abc')).toBe(true);
    expect(likeRegExp('a_c', false, false).test('abbc')).toBe(false);
    expect(likeRegExp('b', true, false).test('abc')).toBe(true);
    expect(likeRegExp('a.c', false, false).test('abc')).toBe(false);
  });

  it('keeps nulls in != / not in / not ilike and drops them from ilike, like Odoo', () => {
    const partners = all('res.partner');
    const withEmail = search('res.partner', [['email', '!=', false]]);
    const someEmail = ds.erpPartners.find((p) => p.email)!.email!;
    expect(search('res.partner', [['email', 'not in', [someEmail]]])).toHaveLength(partners.length - 1);
    expect(search('res.partner', [['email', 'not ilike', '@']])).toEqual(search('res.partner', [['email', '=', false]]));
    expect(search('res.partner', [['email', 'ilike', '@']])).toEqual(withEmail);
    expect(search('res.partner', [['email', 'in', [someEmail, false]]])).toHaveLength(partners.length - withEmail.length + 1);
  });

  it('supports =?, <>, the legacy TRUE/FALSE leaves, any / not any and child_of', () => {
    const partners = all('res.partner');
    expect(search('res.partner', [['ref', '=?', false]])).toEqual(partners);
    expect(search('res.partner', [[1, '=', 1]])).toEqual(partners);
    expect(search('res.partner', [[0, '=', 1]])).toEqual([]);
    const company = ds.company.erpPartnerId;
    expect(search('res.partner', [['id', '<>', company]])).toHaveLength(partners.length - 1);
    const children = search('res.partner', [['parent_id', 'any', [['is_company', '=', true]]]]);
    expect(children.length).toBe(ds.locations.length + 1); // the stores plus the API bot
    expect(search('res.partner', [['parent_id', 'not any', [['is_company', '=', true]]]])).toHaveLength(partners.length - children.length);
    expect(search('res.partner', [['id', 'child_of', company]])).toHaveLength(children.length + 1);
    const central = ds.locations.find((l) => l.kind === 'warehouse')!;
    const quants = search('stock.quant', [['location_id', 'child_of', central.viewLocationId]]);
    expect(quants).toHaveLength(ds.stock.filter((q) => q.locationId === central.stockLocationId).length);
  });

  it('compares numbers, datetimes and many2one names', () => {
    const big = search('stock.quant', [
      ['quantity', '>=', 50],
      ['location_id.usage', '=', 'internal'],
    ]);
    expect(big).toHaveLength(ds.stock.filter((q) => q.quantity >= 50).length);
    const product = ds.products.find((p) => p.active)!;
    const byName = search('stock.quant', [['product_id', '=', `[${product.sku}] ${product.name}`]]);
    expect(byName).toHaveLength(ds.stock.filter((q) => q.productId === product.id).length);
    const byIlike = search('product.product', [['categ_id', 'ilike', 'saleable']]);
    expect(byIlike.length).toBeGreaterThan(0);
    const recent = search('stock.quant', [
      ['write_date', '>', '2026-01-01'],
      ['location_id.usage', '=', 'internal'],
    ]);
    expect(recent).toHaveLength(ds.stock.filter((q) => q.updatedAt > '2026-01-01T00:00:00').length);
  });

  it('raises Odoo ValueErrors for malformed domains', () => {
    const message = (domain: unknown) => {
      try {
        search('res.partner', domain);
      } catch (error) {
        return error instanceof OdooError ? `${error.pyName}: ${error.message}` : String(error);
      }
      return 'no error';
    };
    expect(message(['|', ['name', '=', 'x']])).toBe("builtins.ValueError: Domain ['|', ['name', '=', 'x']] is syntactically not correct.");
    expect(message([['', '=', 1]])).toBe("builtins.TypeError: Empty field name in condition ('', '=', 1)");
    expect(message([['name', 'between', [1, 2]]])).toBe("builtins.ValueError: Invalid operator in condition ('name', 'between', [1, 2])");
    expect(message([['email.x', '=', 1]])).toBe("builtins.ValueError: Invalid field res.partner.email.x in condition ('email.x', '=', 1)");
    expect(message('nope')).toBe("builtins.ValueError: Domain 'nope' is syntactically not correct.");
  });
});
