import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VND_MEDIA_TYPE } from '@omnigraph/simulator-allegro';
import { generateDataset } from '@omnigraph/simulator-dataset';
import { DEFAULT_CREDENTIALS as HUBSPOT_CREDENTIALS } from '@omnigraph/simulator-hubspot';
import { createWooCommerceSimulator } from '@omnigraph/simulator-woocommerce';
import { startSimulatorStack, type SimulatorStack } from './start-simulator-stack.ts';

/**
 * The dataset's consistency, checked the way a client sees it: over the four real wire formats, through each
 * simulator's own pagination, not by reading the generator's objects. If a simulator dropped or renamed a SKU or a
 * link while mapping, this fails even though the generator's own invariant tests pass.
 */
const SCALE = 0.3;

let stack: SimulatorStack;

beforeAll(async () => {
  stack = await startSimulatorStack({ scale: SCALE, knobs: { hubspot: { rateLimit: null }, allegro: { rateLimit: null } } });
});
afterAll(() => stack.close());

async function getJson<T>(url: string, headers: Record<string, string>): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as T, headers: res.headers };
}

function odooCall<T>(model: string, method: string, body: Record<string, unknown>): Promise<T> {
  const { apiKey } = stack.odoo.odoo.credentials;
  return fetch(`${stack.urls.odoo}/json/2/${model}/${method}`, {
    method: 'POST',
    headers: { authorization: `bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(async (res) => {
    if (!res.ok) throw new Error(`odoo ${model}.${method} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  });
}

function wooHeaders(): Record<string, string> {
  const { consumerKey, consumerSecret } = stack.woocommerce.woo.credentials;
  return { authorization: `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}` };
}

/** every page of a WooCommerce collection, following X-WP-TotalPages */
async function wooAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const { body, headers } = await getJson<T[]>(`${stack.urls.woocommerce}/wp-json/wc/v3${path}${sep}per_page=100&page=${page}`, wooHeaders());
    items.push(...body);
    if (page >= Number(headers.get('x-wp-totalpages'))) return items;
  }
}

function allegroHeaders(): Record<string, string> {
  return { authorization: `Bearer ${stack.allegro.allegro.auth.sellerAccessToken()}`, accept: VND_MEDIA_TYPE };
}

interface WooProduct {
  id: number;
  type: string;
  sku: string;
}
interface WooOrder {
  id: number;
  status: string;
  customer_id: number;
  line_items: { sku: string | null }[];
}
interface CheckoutForm {
  id: string;
  status: string;
  fulfillment: { status: string } | null;
  buyer: { id: string; login: string; email: string };
  lineItems: { offer: { external: { id: string } | null } }[];
}
interface HubSpotContact {
  id: string;
  properties: Record<string, string | null>;
}

describe('the four simulators agree with each other over the wire', () => {
  let erpSkus: Set<string>;

  beforeAll(async () => {
    // Archived products too: an old Allegro listing may still point at a SKU the ERP has archived.
    const products = await odooCall<{ default_code: string | false }[]>('product.product', 'search_read', {
      domain: [['active', 'in', [true, false]]],
      fields: ['default_code'],
    });
    erpSkus = new Set(products.flatMap((p) => (p.default_code ? [p.default_code] : [])));
    expect(erpSkus.size).toBeGreaterThan(100);
  });

  it('every SKU the e-shop lists or sold exists in the ERP', async () => {
    const products = await wooAll<WooProduct>('/products');
    const variableIds = products.filter((p) => p.type === 'variable').map((p) => p.id);
    const variations = (await Promise.all(variableIds.map((id) => wooAll<WooProduct>(`/products/${id}/variations`)))).flat();
    const listed = [...products, ...variations].map((p) => p.sku).filter((sku) => sku !== '');
    const orders = await wooAll<WooOrder>('/orders');
    const sold = orders.flatMap((o) => o.line_items.map((l) => l.sku).filter((s): s is string => !!s));

    expect(variations.length).toBeGreaterThan(0);
    expect(listed.length).toBeGreaterThan(100);
    expect(sold.length).toBeGreaterThan(orders.length);
    expect(listed.filter((sku) => !erpSkus.has(sku))).toEqual([]);
    expect(sold.filter((sku) => !erpSkus.has(sku))).toEqual([]);
  });

  it('every SKU Allegro offers or sold exists in the ERP', async () => {
    const offers: { external: { id: string } | null }[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { body } = await getJson<{ offers: typeof offers; totalCount: number }>(
        `${stack.urls.allegro}/sale/offers?limit=1000&offset=${offset}`,
        allegroHeaders(),
      );
      offers.push(...body.offers);
      if (offers.length >= body.totalCount) break;
    }
    const forms = await allAllegroForms();
    const offered = offers.flatMap((o) => (o.external?.id ? [o.external.id] : []));
    const sold = forms.flatMap((f) => f.lineItems.flatMap((l) => (l.offer.external?.id ? [l.offer.external.id] : [])));

    expect(offered.length).toBeGreaterThan(100);
    expect(sold.length).toBeGreaterThan(forms.length / 2);
    expect(offered.filter((sku) => !erpSkus.has(sku))).toEqual([]);
    expect(sold.filter((sku) => !erpSkus.has(sku))).toEqual([]);
  });

  it('every CRM channel link points at an existing e-shop customer, Allegro buyer or ERP partner', async () => {
    const contacts = await allHubSpotContacts();
    const wooIds = contacts.flatMap((c) => (c.properties['woocommerce_customer_id'] ? [c.properties['woocommerce_customer_id']] : []));
    const allegroLinks = contacts.flatMap((c) =>
      c.properties['allegro_buyer_login'] ? [{ login: c.properties['allegro_buyer_login'], id: c.properties['allegro_buyer_id'] }] : [],
    );
    const odooIds = contacts.flatMap((c) => (c.properties['odoo_partner_id'] ? [Number(c.properties['odoo_partner_id'])] : []));
    expect(wooIds.length).toBeGreaterThan(50);
    expect(allegroLinks.length).toBeGreaterThan(50);
    expect(odooIds.length).toBeGreaterThan(5);
    // Some contacts are linked to nothing: the CRM also holds leads and newsletter subscribers.
    expect(contacts.some((c) => !c.properties['woocommerce_customer_id'] && !c.properties['allegro_buyer_login'])).toBe(true);

    const wooCustomers = new Set<string>();
    for (let i = 0; i < wooIds.length; i += 100) {
      const ids = wooIds.slice(i, i + 100).join(',');
      const { body } = await getJson<{ id: number }[]>(
        `${stack.urls.woocommerce}/wp-json/wc/v3/customers?include=${ids}&per_page=100&role=all`,
        wooHeaders(),
      );
      for (const c of body) wooCustomers.add(String(c.id));
    }
    expect(wooIds.filter((id) => !wooCustomers.has(id))).toEqual([]);

    // Allegro has no buyer API: a buyer exists for a client when checkout forms carry that login, with that id.
    const buyers = new Map<string, string>();
    for (const f of await allAllegroForms()) buyers.set(f.buyer.login, f.buyer.id);
    expect(allegroLinks.filter((l) => buyers.get(l.login) !== l.id)).toEqual([]);

    const partners = await odooCall<{ id: number }[]>('res.partner', 'search_read', {
      domain: [['id', 'in', odooIds]],
      fields: ['id'],
    });
    expect(new Set(partners.map((p) => p.id)).size).toBe(new Set(odooIds).size);
  });

  it('no CRM or e-shop e-mail is an Allegro relay address, and Allegro shows buyers only relay addresses', async () => {
    const contacts = await allHubSpotContacts();
    expect(contacts.filter((c) => /@allegromail\.pl$/i.test(c.properties['email'] ?? ''))).toEqual([]);
    const forms = await allAllegroForms();
    expect(forms.every((f) => /^[a-z0-9]+\+[0-9a-f]+@allegromail\.pl$/.test(f.buyer.email))).toBe(true);
  });

  it('guest e-shop orders exist and some carry the e-mail of a CRM contact', async () => {
    const contacts = await allHubSpotContacts();
    const crmEmails = new Set(contacts.flatMap((c) => (c.properties['email'] ? [c.properties['email'].toLowerCase()] : [])));
    const guests = (await wooAll<WooOrder & { billing: { email: string } }>('/orders')).filter((o) => o.customer_id === 0);
    expect(guests.length).toBeGreaterThan(10);
    expect(guests.some((o) => crmEmails.has(o.billing.email.toLowerCase()))).toBe(true);
  });

  it('every ERP sale order a connector created names a paid e-shop order or a ready Allegro form, and each has a delivery', async () => {
    const orders = await odooCall<{ id: number; client_order_ref: string | false; origin: string | false; picking_ids: number[] }[]>(
      'sale.order',
      'search_read',
      { domain: [['origin', '!=', false]], fields: ['client_order_ref', 'origin', 'picking_ids'] },
    );
    const wooOrders = new Map((await wooAll<WooOrder>('/orders')).map((o) => [String(o.id), o]));
    const forms = new Map((await allAllegroForms()).map((f) => [f.id, f]));
    const orphans = orders.filter((o) => {
      const ref = String(o.client_order_ref);
      const woo = /^WC-(\d+)$/.exec(ref)?.[1];
      if (woo !== undefined) return !['processing', 'completed'].includes(wooOrders.get(woo)?.status ?? '');
      const form = forms.get(ref);
      return form === undefined || form.status !== 'READY_FOR_PROCESSING' || form.fulfillment?.status === 'CANCELLED';
    });
    expect(orders.length).toBeGreaterThan(1000);
    expect(orphans).toEqual([]);
    expect(orders.filter((o) => o.picking_ids.length !== 1)).toEqual([]);
  });

  let formsCache: CheckoutForm[] | undefined;
  async function allAllegroForms(): Promise<CheckoutForm[]> {
    if (formsCache) return formsCache;
    const forms: CheckoutForm[] = [];
    for (let offset = 0; ; offset += 100) {
      const { body } = await getJson<{ checkoutForms: CheckoutForm[]; totalCount: number }>(
        `${stack.urls.allegro}/order/checkout-forms?limit=100&offset=${offset}`,
        allegroHeaders(),
      );
      forms.push(...body.checkoutForms);
      if (forms.length >= body.totalCount || body.checkoutForms.length === 0) break;
    }
    formsCache = forms;
    return forms;
  }

  let contactsCache: HubSpotContact[] | undefined;
  async function allHubSpotContacts(): Promise<HubSpotContact[]> {
    if (contactsCache) return contactsCache;
    const props = 'email,woocommerce_customer_id,allegro_buyer_id,allegro_buyer_login,odoo_partner_id';
    const contacts: HubSpotContact[] = [];
    let after: string | undefined;
    do {
      const { body } = await getJson<{ results: HubSpotContact[]; paging?: { next?: { after: string } } }>(
        `${stack.urls.hubspot}/crm/v3/objects/contacts?limit=100&properties=${props}${after ? `&after=${after}` : ''}`,
        { authorization: `Bearer ${HUBSPOT_CREDENTIALS.token}` },
      );
      contacts.push(...body.results);
      after = body.paging?.next?.after;
    } while (after);
    contactsCache = contacts;
    return contacts;
  }
});

describe('the same seed gives the same data over the wire', () => {
  async function firstOrdersPage(seed: number): Promise<string> {
    const sim = createWooCommerceSimulator({ dataset: generateDataset({ seed, scale: 0.1 }) });
    const url = await sim.listen(0);
    try {
      const { consumerKey, consumerSecret } = sim.woo.credentials;
      const res = await fetch(`${url}/wp-json/wc/v3/orders?per_page=50&page=2&orderby=id&order=asc`, {
        headers: { authorization: `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}` },
      });
      // Links embed the per-run port (with PHP-escaped slashes); the data is what must be identical.
      const body = (await res.text()).replace(/127\.0\.0\.1:\d+/g, 'simulator');
      expect(body.length).toBeGreaterThan(10_000);
      return createHash('sha256').update(body).digest('hex');
    } finally {
      await sim.close();
    }
  }

  it('serves byte-identical orders from two independently generated datasets with one seed, and different ones for another seed', async () => {
    const a = await firstOrdersPage(7);
    const b = await firstOrdersPage(7);
    const c = await firstOrdersPage(8);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
