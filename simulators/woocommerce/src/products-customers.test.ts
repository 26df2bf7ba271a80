import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support.ts';
import type { WcProduct, WcVariation } from './woocommerce-types.ts';

let h: Harness;
let simple: WcProduct;
let variation: WcVariation;

beforeAll(async () => {
  h = await startHarness();
  const store = h.sim.woo.store;
  simple = [...store.products.values()].find((p) => p.type === 'simple' && p.status === 'publish' && p.sku !== '')!;
  variation = [...store.variations.values()].find((v) => v.status === 'publish')!;
});
afterAll(() => h.close());

/** Field names of A.2.3 (products) and A.2.2 (customers), in order. */
const PRODUCT_FIELDS =
  'id name slug permalink date_created date_created_gmt date_modified date_modified_gmt type status featured catalog_visibility description short_description sku price regular_price sale_price date_on_sale_from date_on_sale_from_gmt date_on_sale_to date_on_sale_to_gmt price_html on_sale purchasable total_sales virtual downloadable downloads download_limit download_expiry external_url button_text tax_status tax_class manage_stock stock_quantity stock_status backorders backorders_allowed backordered sold_individually weight dimensions shipping_required shipping_taxable shipping_class shipping_class_id reviews_allowed average_rating rating_count related_ids upsell_ids cross_sell_ids parent_id purchase_note categories tags images attributes default_attributes variations grouped_products menu_order meta_data _links'.split(
    ' ',
  );
const CUSTOMER_FIELDS =
  'id date_created date_created_gmt date_modified date_modified_gmt email first_name last_name role username billing shipping is_paying_customer avatar_url meta_data _links'.split(
    ' ',
  );

describe('products', () => {
  it('answers a product in the A.2.3 shape, prices as 2-decimal strings', async () => {
    const res = await h.api(`/products/${simple.id}`);
    const p = await res.json();
    expect(Object.keys(p)).toEqual(PRODUCT_FIELDS);
    expect(p.price).toMatch(/^\d+\.\d{2}$/);
    expect(p.regular_price).toMatch(/^\d+\.\d{2}$/);
    expect(p.sale_price === '' || /^\d+\.\d{2}$/.test(p.sale_price)).toBe(true);
    expect(p.permalink).toBe(`${h.base}/produkt/${p.slug}/`);
    expect(p.price_html).toContain('&#122;&#322;');
    expect(p.manage_stock).toBe(true);
    expect(['instock', 'outofstock']).toContain(p.stock_status);
  });

  it('finds products AND variations by a comma-separated SKU list, exactly and case-insensitively', async () => {
    const res = await h.api(`/products?sku=${simple.sku},${variation.sku.toLowerCase()},NO-SUCH-SKU&per_page=100`);
    const found = (await res.json()) as WcProduct[];
    expect(found.map((p) => p.id).sort((a, b) => a - b)).toEqual([simple.id, variation.id].sort((a, b) => a - b));
    const v = found.find((p) => p.id === variation.id)!;
    expect(v).toMatchObject({ type: 'variation', parent_id: variation.parent_id, sku: variation.sku });
    expect(Object.keys(v)).toEqual(PRODUCT_FIELDS);
    expect(v._links['up']).toEqual([{ href: `${h.base}/wp-json/wc/v3/products/${variation.parent_id}` }]);
    // a SKU prefix is not a match, and spaces after commas are part of the SKU (WooCommerce does not trim)
    expect(await (await h.api(`/products?sku=${simple.sku.slice(0, -2)}`)).json()).toEqual([]);
    expect(await (await h.api(`/products?sku=NO-SKU, ${simple.sku}`)).json()).toEqual([]);
  });

  it('lists only parents and simple products without sku, filters by include, type and search', async () => {
    const store = h.sim.woo.store;
    const all = await h.api('/products?per_page=1');
    expect(all.headers.get('x-wp-total')).toBe(String([...store.products.values()].filter((p) => p.status !== 'trash').length));
    const include = [...store.products.keys()].slice(0, 3);
    const byInclude = (await (await h.api(`/products?include=${include.join(',')}&orderby=include`)).json()) as WcProduct[];
    expect(byInclude.map((p) => p.id)).toEqual(include);
    const variable = (await (await h.api('/products?type=variable&per_page=100')).json()) as WcProduct[];
    expect(variable.length).toBeGreaterThan(0);
    expect(variable.every((p) => p.type === 'variable' && p.variations.length > 0)).toBe(true);
    const word = simple.name.split(' ')[0]!;
    const searched = (await (await h.api(`/products?search=${encodeURIComponent(word.toUpperCase())}&per_page=100`)).json()) as WcProduct[];
    expect(searched.map((p) => p.id)).toContain(simple.id);
    expect(searched.every((p) => `${p.name} ${p.description}`.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('serves variations of a variable product with parent_id, sku and attributes', async () => {
    const list = (await (await h.api(`/products/${variation.parent_id}/variations?per_page=100`)).json()) as WcVariation[];
    expect(list.map((v) => v.id)).toContain(variation.id);
    expect(list.every((v) => v.parent_id === variation.parent_id)).toBe(true);
    const one = await (await h.api(`/products/${variation.parent_id}/variations/${variation.id}`)).json();
    expect(one).toMatchObject({ id: variation.id, parent_id: variation.parent_id, sku: variation.sku, type: 'variation' });
    expect(one.attributes[0]).toEqual({ id: expect.any(Number), name: expect.any(String), option: expect.any(String) });
    const wrongParent = await h.api(`/products/${simple.id}/variations/${variation.id}`);
    expect(wrongParent.status).toBe(404);
    expect((await wrongParent.json()).code).toBe('woocommerce_rest_product_variation_invalid_id');
  });

  it('updates price and stock with PUT, moving date_modified', async () => {
    const res = await h.api(`/products/${simple.id}`, { method: 'PUT', json: { regular_price: '199.00', sale_price: '149.99', stock_quantity: 0 } });
    expect(res.status).toBe(200);
    const p = await res.json();
    expect(p).toMatchObject({
      regular_price: '199.00',
      sale_price: '149.99',
      price: '149.99',
      on_sale: true,
      stock_quantity: 0,
      stock_status: 'outofstock',
    });
    expect(p.date_modified_gmt > simple.date_modified_gmt).toBe(true);
    const modifiedAfter = (await (
      await h.api(`/products?modified_after=${simple.date_modified_gmt}&dates_are_gmt=true&per_page=100`)
    ).json()) as WcProduct[];
    expect(modifiedAfter.map((x) => x.id)).toContain(simple.id);
  });

  it('refuses a number where WooCommerce wants a string, and variations through the products route', async () => {
    const typed = await h.api(`/products/${simple.id}`, { method: 'PUT', json: { regular_price: 19.99 } });
    expect(typed.status).toBe(400);
    expect((await typed.json()).data.params).toEqual({ regular_price: 'regular_price is not of type string.' });
    const viaProducts = await h.api(`/products/${variation.id}`, { method: 'PUT', json: { stock_quantity: 5 } });
    expect(viaProducts.status).toBe(404);
    expect(await viaProducts.json()).toEqual({
      code: 'woocommerce_rest_invalid_product_id',
      message: 'To manipulate product variations you should use the /products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.',
      data: { status: 404 },
    });
    const duplicate = await h.api(`/products/${simple.id}`, { method: 'PUT', json: { sku: variation.sku } });
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).code).toBe('product_invalid_sku');
  });

  it('updates a variation and re-syncs its parent', async () => {
    const res = await h.api(`/products/${variation.parent_id}/variations/${variation.id}`, {
      method: 'PUT',
      json: { regular_price: '1.00', sale_price: '' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).price).toBe('1.00');
    expect((await (await h.api(`/products/${variation.parent_id}`)).json()).price).toBe('1.00');
  });
});

describe('customers', () => {
  it('answers a customer in the A.2.2 shape', async () => {
    const c = await (await h.api('/customers/2000')).json();
    expect(Object.keys(c)).toEqual(CUSTOMER_FIELDS);
    expect(Object.keys(c.billing)).toEqual([
      'first_name',
      'last_name',
      'company',
      'address_1',
      'address_2',
      'city',
      'postcode',
      'country',
      'state',
      'email',
      'phone',
    ]);
    expect(Object.keys(c.shipping)).toEqual([
      'first_name',
      'last_name',
      'company',
      'address_1',
      'address_2',
      'city',
      'postcode',
      'country',
      'state',
      'phone',
    ]);
    expect(c).toMatchObject({ id: 2000, email: 'anna.kowalska@example.pl', role: 'customer', is_paying_customer: true });
    expect(c.avatar_url).toMatch(/^https:\/\/secure\.gravatar\.com\/avatar\/[0-9a-f]{32}\?s=96&d=mm&r=g$/);
  });

  it('finds a customer by email exactly, whatever the case', async () => {
    const found = (await (await h.api('/customers?email=Anna.Kowalska@EXAMPLE.pl')).json()) as { id: number }[];
    expect(found.map((c) => c.id)).toEqual([2000]);
    expect(await (await h.api('/customers?email=nna.kowalska@example.pl')).json()).toEqual([]);
    // guests have no customer record
    expect(await (await h.api('/customers?email=k.zielinska@example.pl')).json()).toEqual([]);
    const invalid = await h.api('/customers?email=kowalska');
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).data.params).toEqual({ email: 'Invalid email address.' });
  });

  it('searches customers by name, email and username', async () => {
    const byName = (await (await h.api('/customers?search=kowalska&per_page=100')).json()) as { id: number }[];
    expect(byName.map((c) => c.id)).toContain(2000);
    const byEmail = (await (await h.api('/customers?search=anna.kowalska@&per_page=100')).json()) as { id: number }[];
    expect(byEmail.map((c) => c.id)).toEqual([2000]);
    expect(await (await h.api('/customers?search=zzzz-nobody')).json()).toEqual([]);
  });

  it('lists role=customer by default and everybody with role=all', async () => {
    const customers = await h.api('/customers?per_page=1');
    const all = await h.api('/customers?per_page=1&role=all');
    expect(Number(all.headers.get('x-wp-total'))).toBe(Number(customers.headers.get('x-wp-total')) + 1);
    const admins = (await (await h.api('/customers?role=administrator')).json()) as { username: string }[];
    expect(admins.map((c) => c.username)).toEqual(['admin']);
    const include = (await (await h.api('/customers?include=2002,2000&orderby=include')).json()) as { id: number }[];
    expect(include.map((c) => c.id)).toEqual([2002, 2000]);
  });
});
