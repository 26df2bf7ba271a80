import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOdoo, type OdooErrorBody, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });
const customer = ds.erpPartners.find((p) => p.email && !p.isCompany && p.ref)!;
const PARTNER_FIELDS = [
  'name',
  'email',
  'phone',
  'ref',
  'vat',
  'is_company',
  'parent_id',
  'commercial_partner_id',
  'type',
  'street',
  'street2',
  'zip',
  'city',
  'country_id',
  'property_product_pricelist',
  'active',
  'write_date',
];

function odooNow(offsetSeconds = 0): string {
  return new Date(Date.now() + offsetSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

describe('partners', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sim.control.reset());

  it('finds a customer by email with =ilike, whatever the case, in the A.4.3 shape', async () => {
    const rows = await h.call<Rec[]>('res.partner', 'search_read', [[['email', '=ilike', customer.email!.toUpperCase()]]], {
      fields: PARTNER_FIELDS,
    });
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!)).toEqual(['id', ...PARTNER_FIELDS]);
    expect(rows[0]).toMatchObject({
      id: customer.id,
      name: customer.name,
      email: customer.email,
      ref: customer.ref,
      vat: customer.vat ?? false,
      is_company: false,
      parent_id: false,
      commercial_partner_id: [customer.id, customer.name],
      type: 'contact',
      street2: false,
      active: true,
    });
    expect(rows[0]!['property_product_pricelist']).toEqual([expect.any(Number), expect.stringMatching(/ \(PLN\)$/)]);
  });

  it('matches ilike as a case-insensitive substring and =ilike with % and _ wildcards', async () => {
    const domain = customer.email!.split('@')[1]!;
    const byDomain = await h.call<Rec[]>('res.partner', 'search_read', [[['email', 'ilike', `@${domain.toUpperCase()}`]]], { fields: ['email'] });
    const expected = [...ds.erpPartners, ...ds.erpChannelPartners].filter((p) => p.email?.toLowerCase().includes(`@${domain.toLowerCase()}`));
    expect(byDomain.map((r) => r['id']).sort()).toEqual(expected.map((p) => p.id).sort());
    const wildcard = await h.call<number[]>('res.partner', 'search', [[['email', '=ilike', `${customer.email!.slice(0, 3)}%`]]]);
    expect(wildcard).toContain(customer.id);
    const underscore = await h.call<number[]>('res.partner', 'search', [[['email', '=ilike', `_${customer.email!.slice(1)}`]]]);
    expect(underscore).toEqual([customer.id]);
    const lastName = customer.name.split(' ').at(-1)!;
    const byName = await h.call<Rec[]>('res.partner', 'search_read', [[['name', 'ilike', lastName.toLowerCase()]]], { fields: ['name'] });
    expect(byName.map((r) => r['id'])).toContain(customer.id);
    expect(byName.every((r) => String(r['name']).toLowerCase().includes(lastName.toLowerCase()))).toBe(true);
    const like = await h.call<number[]>('res.partner', 'search', [[['name', 'like', lastName.toUpperCase()]]]);
    expect(like).toEqual([]);
  });

  it('combines conditions with prefix |, & and ! and compares to false', async () => {
    const other = ds.erpPartners.find((p) => p.email && p.id !== customer.id)!;
    const either = await h.call<number[]>('res.partner', 'search', [['|', ['email', '=', customer.email], ['email', '=', other.email]]], {
      order: 'id',
    });
    expect(either).toEqual([customer.id, other.id].sort((a, b) => a - b));
    const both = await h.call<number[]>('res.partner', 'search', [['&', ['email', '=', customer.email], ['ref', '=', customer.ref]]]);
    expect(both).toEqual([customer.id]);
    const noEmail = await h.call<number>('res.partner', 'search_count', [[['email', '=', false]]]);
    const withEmail = await h.call<number>('res.partner', 'search_count', [[['email', '!=', false]]]);
    const all = await h.call<number>('res.partner', 'search_count', [[]]);
    expect(noEmail + withEmail).toBe(all);
    expect(noEmail).toBeGreaterThan(0);
    const notThis = await h.call<number>('res.partner', 'search_count', [['!', ['email', '=', customer.email]]]);
    expect(notThis).toBe(all - 1);
    // != on a value keeps the partners without email, as Odoo's "OR email IS NULL" does
    const different = await h.call<number>('res.partner', 'search_count', [[['email', '!=', customer.email]]]);
    expect(different).toBe(all - 1);
    const phoneDigits = customer.phone!.replace(/\D/g, '').slice(-3);
    const byPhone = await h.call<number[]>('res.partner', 'search', [[['phone', 'ilike', phoneDigits]]]);
    expect(byPhone).toContain(customer.id);
  });

  it('sees a write made through the API when polling write_date >= cursor', async () => {
    const cursor = odooNow(-1);
    const before = await h.call<number[]>('res.partner', 'search', [[['write_date', '>=', cursor]]], { order: 'write_date asc, id asc' });
    expect(before).toEqual([]);
    const ok = await h.call<boolean>('res.partner', 'write', [[customer.id], { phone: '+48 600 000 111', street2: 'lok. 4' }]);
    expect(ok).toBe(true);
    const after = await h.call<Rec[]>('res.partner', 'search_read', [[['write_date', '>=', cursor]]], {
      fields: ['phone', 'street2', 'write_date'],
      order: 'write_date asc, id asc',
    });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: customer.id, phone: '+48 600 000 111', street2: 'lok. 4' });
    expect(String(after[0]!['write_date']) >= cursor).toBe(true);
    expect(after[0]!['write_date']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    // a bare date is midnight
    const sinceToday = await h.call<number[]>('res.partner', 'search', [[['write_date', '>=', cursor.slice(0, 10)]]]);
    expect(sinceToday).toContain(customer.id);
  });

  it('creates partners over both wire formats and validates them like Odoo', async () => {
    const id = await h.call<number>('res.partner', 'create', [{ name: 'Nowa Klientka', email: 'nowa@example.pl', ref: 'WC-9001' }]);
    expect(typeof id).toBe('number');
    const ids = await h.call<number[]>('res.partner', 'create', [[{ name: 'A' }, { name: 'B' }]]);
    expect(ids).toEqual([id + 1, id + 2]);
    const viaJson2 = await h.json2<number[]>('res.partner', 'create', { vals_list: [{ name: 'C', is_company: true, vat: 'PL5260250274' }] });
    expect(viaJson2.status).toBe(200);
    expect(viaJson2.body).toEqual([id + 3]);
    const [row] = await h.call<Rec[]>('res.partner', 'read', [
      [id],
      ['name', 'email', 'ref', 'type', 'active', 'create_date', 'write_date', 'country_id'],
    ]);
    expect(row).toMatchObject({
      id,
      name: 'Nowa Klientka',
      email: 'nowa@example.pl',
      ref: 'WC-9001',
      type: 'contact',
      active: true,
      country_id: false,
    });
    expect(row!['create_date']).toBe(row!['write_date']);
    const found = await h.call<number[]>('res.partner', 'search', [[['email', '=ilike', 'NOWA@example.pl']]]);
    expect(found).toEqual([id]);

    const noName = await h.executeKw('res.partner', 'create', [{ email: 'x@example.pl' }]);
    expect(noName.body.error?.data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'The operation cannot be completed: Contacts require a name',
    });
    const badField = await h.executeKw('res.partner', 'create', [{ name: 'x', mobile: '600' }]);
    expect(badField.body.error?.data.message).toBe("Invalid field 'mobile' in 'res.partner'");
    const pair = await h.executeKw('res.partner', 'write', [[id], { country_id: [179, 'Poland'] }]);
    expect(pair.body.error?.data.message).toBe("Wrong value for res.partner.country_id: [179, 'Poland']");
    const missing = await h.json2<OdooErrorBody>('res.partner', 'write', { ids: [id], vals: { parent_id: 999_999 } });
    expect(missing.status).toBe(404);
    expect(missing.body.name).toBe('odoo.exceptions.MissingError');
    const gone = await h.json2<OdooErrorBody>('res.partner', 'write', { ids: [999_998], vals: { name: 'x' } });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('Record does not exist or has been deleted.\n(Record: res.partner(999998,), User: 2)');
  });

  it('shows child contacts as "Company, Name" and folds them to the company', async () => {
    const company = await h.call<number>('res.partner', 'create', [{ name: 'Kawiarnia Testowa Sp. z o.o.', is_company: true }]);
    const child = await h.call<number>('res.partner', 'create', [{ name: 'Jan Kowalski', parent_id: company, email: 'jan@kawiarnia.pl' }]);
    const [row] = await h.call<Rec[]>('res.partner', 'read', [[child], ['display_name', 'commercial_partner_id', 'parent_id']]);
    expect(row).toEqual({
      id: child,
      display_name: 'Kawiarnia Testowa Sp. z o.o., Jan Kowalski',
      commercial_partner_id: [company, 'Kawiarnia Testowa Sp. z o.o.'],
      parent_id: [company, 'Kawiarnia Testowa Sp. z o.o.'],
    });
    // renaming the company shows everywhere it is referenced
    await h.call('res.partner', 'write', [[company], { name: 'Kawiarnia Nowa' }]);
    const [renamed] = await h.call<Rec[]>('res.partner', 'read', [[child], ['display_name', 'parent_id']]);
    expect(renamed).toEqual({ id: child, display_name: 'Kawiarnia Nowa, Jan Kowalski', parent_id: [company, 'Kawiarnia Nowa'] });
    const [parent] = await h.call<Rec[]>('res.partner', 'read', [[company], ['child_ids']]);
    expect(parent!['child_ids']).toEqual([child]);
  });

  it('refuses writes on models the bot user may only read', async () => {
    const reply = await h.executeKw('stock.quant', 'write', [[ds.stock[0]!.id], { quantity: 1 }]);
    expect(reply.body.error?.data.name).toBe('odoo.exceptions.AccessError');
    expect(reply.body.error?.data.message).toBe(
      "You are not allowed to modify 'Quants' (stock.quant) records.\n\nThis operation is allowed for the following groups:\n\t- Inventory/Administrator\n\nContact your administrator to request access if necessary.",
    );
  });
});
