import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import type { AllegroSimulator } from '@omnigraph/simulator-allegro';
import { DEFAULT_CREDENTIALS as HUBSPOT } from '@omnigraph/simulator-hubspot';
import type { WooCommerceSimulator } from '@omnigraph/simulator-woocommerce';
import { WOOCOMMERCE_WEBHOOK_PATH } from '@omnigraph/subgraph-eshop';
import { getDataset } from '@omnigraph/simulator-dataset';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Freshness at the graph: a value is read through the gateway (and so cached by its subgraph for the 60 s TTL), then
 * changed in its system through that system's own write path; the change event drops the cached entry, so the next
 * query shows the new value. Each must show within 5 s (TTL alone: up to 60 s); the measured delay, write → first
 * query answering the new value (polled every 100 ms, pollers at their default 1 s), is printed per system.
 * The stack runs the subgraphs' default (invalidating) onChange; this test only observes the events.
 */
const SCALE = 0.1;
const anna = getDataset({ scale: SCALE }).demoCustomers.find((d) => d.key === 'anna-kowalska')!;
const LIMIT_MS = 5_000;
const POLL_MS = 100;
let stack: E2eStack;
const events: ChangeEvent[] = [];
const delays: Record<string, number> = {};

beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE, freshness: { onChange: (event) => void events.push(event) } });
  // the pollers' first round stores their starting cursors; a change before it would count as history
  await new Promise((r) => setTimeout(r, 1_500));
}, 60_000);
afterAll(async () => {
  console.info(`freshness delays (write → new value in the graph), pollers every 1 s, graph polled every ${POLL_MS} ms: ${JSON.stringify(delays)}`);
  await stack?.close();
});

/** Queries until `read` returns something other than `before`; the delay since `since`, or fails after 5 s. */
async function untilChanged<T>(read: () => Promise<T>, before: T, since: number): Promise<{ delayMs: number; value: T }> {
  for (;;) {
    const value = await read();
    const now = Date.now();
    if (JSON.stringify(value) !== JSON.stringify(before)) return { delayMs: now - since, value };
    if (now - since > LIMIT_MS) throw new Error(`still ${JSON.stringify(value)} ${now - since} ms after the change`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

let lastRequestId: string | null = null;

async function data<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await stack.query<T>(query, variables);
  expect(res.body.errors).toBeUndefined();
  lastRequestId = res.headers.get('x-request-id');
  return res.body.data!;
}

const SUBGRAPH_OF = { odoo: 'erp', woocommerce: 'eshop', hubspot: 'crm', allegro: 'marketplace' } as const;

/**
 * The calls `system` got for the last `data()` request alone, from its subgraph's access line: the change pollers run
 * in the background of this file and their calls land in the simulators' counters at any moment.
 */
function callsOfLastRequest(system: keyof typeof SUBGRAPH_OF): number {
  const lines = stack
    .logLines()
    .map((line) => JSON.parse(line) as { msg?: string; requestId?: string; service?: string; upstreamCalls?: number })
    .filter((line) => line.msg === 'subgraph request' && line.requestId === lastRequestId && line.service === SUBGRAPH_OF[system]);
  expect(lines.length, `the ${SUBGRAPH_OF[system]} subgraph's access line of request ${lastRequestId}`).toBeGreaterThan(0);
  return lines.reduce((sum, line) => sum + (line.upstreamCalls ?? 0), 0);
}

// the call-center path: the contact (cached), its e-shop order list (cached per customer), each order (cached per id)
const CALL_CENTER = /* GraphQL */ `
  query ($email: String!) {
    findCustomers(email: $email) {
      orders(first: 50, channel: ESHOP) {
        edges {
          node {
            number
            status
          }
        }
      }
    }
  }
`;
const LISTING = /* GraphQL */ `
  query ($sku: ID!) {
    product(sku: $sku) {
      eshopListing {
        regularPrice {
          amount
        }
      }
    }
  }
`;
type ListingAnswer = { product: { eshopListing: { regularPrice: { amount: string } } | null } };
const MARKETPLACE_ORDER = /* GraphQL */ `
  query ($id: ID!) {
    marketplaceOrder(checkoutFormId: $id) {
      number
      status
    }
  }
`;
const CUSTOMER_ID = /* GraphQL */ `
  query ($email: String!) {
    findCustomers(email: $email) {
      id
    }
  }
`;
const CUSTOMER = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      loyalty {
        points
      }
    }
  }
`;
const PRODUCT_NAME = /* GraphQL */ `
  query ($sku: ID!) {
    product(sku: $sku) {
      name
    }
  }
`;
const PRODUCT = /* GraphQL */ `
  query ($sku: ID!) {
    product(sku: $sku) {
      name
      stock {
        available
      }
    }
  }
`;

const wooAuth = () => {
  const { consumerKey, consumerSecret } = (stack.simulators.woocommerce as WooCommerceSimulator).woo.credentials;
  return `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`;
};

async function odoo<T>(path: string, body: object): Promise<T> {
  const { apiKey, database } = stack.simulators.odoo.odoo.credentials;
  const res = await fetch(`${stack.simulators.urls.odoo}${path}`, {
    method: 'POST',
    headers: { authorization: `bearer ${apiKey}`, 'x-odoo-database': database, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}
type CallCenterAnswer = { findCustomers: Array<{ orders: { edges: Array<{ node: { number: string; status: string } }> } }> };
/** Anna's e-shop orders as the call center sees them: number → status. */
async function annasShopOrders(): Promise<Record<string, string>> {
  const answer = await data<CallCenterAnswer>(CALL_CENTER, { email: anna.email });
  return Object.fromEntries(answer.findCustomers[0]!.orders.edges.map(({ node }) => [node.number, node.status]));
}
/** The n-th simple product of the shop whose SKU the ERP also has (a listing on `product(sku)`). */
async function shopProduct(n: number): Promise<{ sku: string; product: { id: number } }> {
  const res = await fetch(`${stack.simulators.urls.woocommerce}/wp-json/wc/v3/products?type=simple&per_page=50`, {
    headers: { authorization: wooAuth() },
  });
  const products = (await res.json()) as Array<{ id: number; sku: string }>;
  const erpSkus = new Set(stack.dataset.products.map((p) => p.sku));
  const product = products.filter((p) => erpSkus.has(p.sku))[n]!;
  return { sku: product.sku, product };
}
const odooNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

describe('freshness in the graph (change events invalidate the subgraph caches)', () => {
  it('a forged WooCommerce webhook is refused (401) and invalidates nothing', async () => {
    const { sku, product } = await shopProduct(2);
    const read = () => data<ListingAnswer>(LISTING, { sku });
    const cached = await read();
    stack.resetCounters();
    const body = JSON.stringify({ id: product.id, sku, parent_id: 0, date_modified_gmt: null });
    const res = await fetch(stack.subgraphUrls.eshop.replace(/\/graphql$/, WOOCOMMERCE_WEBHOOK_PATH), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-wc-webhook-topic': 'product.updated',
        'x-wc-webhook-resource': 'product',
        'x-wc-webhook-event': 'updated',
        // signed with a secret that is not the shop's
        'x-wc-webhook-signature': createHmac('sha256', 'not-the-shop-secret').update(body).digest('base64'),
      },
      body,
    });
    expect(res.status).toBe(401);
    expect(await read()).toEqual(cached);
    // the listing is still served from the cache: WooCommerce was not asked again
    expect(stack.upstreamCalls().woocommerce).toBe(0);
    expect(events.filter((e) => e.system === 'woocommerce')).toEqual([]);
  });

  it('WooCommerce: a listing price changed in the shop (REST PUT) shows within 5 s (webhook)', async () => {
    const { sku, product } = await shopProduct(0);
    const read = async () => (await data<ListingAnswer>(LISTING, { sku })).product.eshopListing!.regularPrice.amount;
    const before = await read();
    // served from the cache now: a second read costs no WooCommerce call
    stack.resetCounters();
    expect(await read()).toBe(before);
    expect(stack.upstreamCalls().woocommerce).toBe(0);

    const price = (Number(before) + 10).toFixed(2);
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.woocommerce}/wp-json/wc/v3/products/${product.id}`, {
      method: 'PUT',
      headers: { authorization: wooAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ regular_price: price }),
    });
    expect(res.status).toBe(200);
    const { delayMs, value } = await untilChanged(read, before, t0);
    expect(Number(value)).toBe(Number(price));
    delays['woocommerce (listing)'] = delayMs;
  });

  it('WooCommerce: an order status changed in the shop (REST PUT) shows within 5 s (webhook)', async () => {
    const number = Object.keys(await annasShopOrders())[0]!;
    const order = { id: Number(number) };
    const read = async () => (await annasShopOrders())[number];
    // A customer's order lists are read live on every query (eshop-loaders: a just-placed order must show) and store
    // each order they carry, so this delay does not depend on the webhook; the webhook drops the order's own entry,
    // which the gateway's entity fetches would otherwise serve for the TTL.
    const before = await read();
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.woocommerce}/wp-json/wc/v3/orders/${order.id}`, {
      method: 'PUT',
      headers: { authorization: wooAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ status: before === 'ON_HOLD' ? 'completed' : 'on-hold' }),
    });
    expect(res.status).toBe(200);
    const { delayMs, value } = await untilChanged(read, before, t0);
    expect(value).toBe(before === 'ON_HOLD' ? 'COMPLETED' : 'ON_HOLD');
    delays['woocommerce (order status)'] = delayMs;
  });

  it('Allegro: a fulfillment status changed by the seller (PUT) shows within 5 s (order events)', async () => {
    const allegro = stack.simulators.allegro as AllegroSimulator;
    const token = allegro.allegro.auth.sellerAccessToken();
    const media = 'application/vnd.allegro.public.v1+json';
    const list = (await (
      await fetch(`${stack.simulators.urls.allegro}/order/checkout-forms?status=READY_FOR_PROCESSING&limit=1`, {
        headers: { authorization: `Bearer ${token}`, accept: media },
      })
    ).json()) as { checkoutForms: Array<{ id: string; fulfillment?: { status: string } }> };
    const form = list.checkoutForms[0]!;
    const read = async () => (await data<{ marketplaceOrder: { status: string } }>(MARKETPLACE_ORDER, { id: form.id })).marketplaceOrder.status;
    const before = await read();
    stack.resetCounters();
    expect(await read()).toBe(before);
    expect(callsOfLastRequest('allegro')).toBe(0);

    const target = before === 'SHIPPED' ? 'PROCESSING' : 'SENT';
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.allegro}/order/checkout-forms/${form.id}/fulfillment`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, accept: media, 'content-type': media },
      body: JSON.stringify({ status: target }),
    });
    expect(res.status).toBe(204);
    const { delayMs, value } = await untilChanged(read, before, t0);
    expect(value).toBe(target === 'SENT' ? 'SHIPPED' : 'PROCESSING');
    delays['allegro'] = delayMs;
  });

  it('HubSpot: a contact property changed in the CRM (PATCH) shows within 5 s (webhooks journal)', async () => {
    const contact = stack.dataset.crmContacts.find((c) => c.email !== null)!;
    // by id: the contact's own entry (60 s), not an e-mail look-up, whose 10 s TTL would refresh it anyway
    const { findCustomers } = await data<{ findCustomers: Array<{ id: string }> }>(CUSTOMER_ID, { email: contact.email });
    const read = async () =>
      (await data<{ customer: { loyalty: { points: number } } }>(CUSTOMER, { id: findCustomers[0]!.id })).customer.loyalty.points;
    const before = await read();
    // served from the cache now: a second read costs no HubSpot call
    stack.resetCounters();
    expect(await read()).toBe(before);
    expect(callsOfLastRequest('hubspot')).toBe(0);
    const points = before + 1_234;
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.hubspot}/crm/v3/objects/contacts/${contact.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${HUBSPOT.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { loyalty_points: String(points) } }),
    });
    expect(res.status).toBe(200);
    const { delayMs, value } = await untilChanged(read, before, t0);
    expect(value).toBe(points);
    delays['hubspot'] = delayMs;
  });

  it('Odoo: a product renamed and its stock changed show within 5 s (write_date polling)', async () => {
    const sku = stack.dataset.products[0]!.sku;
    const [variant] = await odoo<Array<{ id: number; name: string }>>('/json/2/product.product/search_read', {
      domain: [['default_code', '=', sku]],
      fields: ['name'],
      limit: 1,
    });
    const [quant] = await odoo<Array<{ id: number; quantity: number }>>('/json/2/stock.quant/search_read', {
      domain: [
        ['product_id', '=', variant!.id],
        ['location_id.usage', '=', 'internal'],
      ],
      fields: ['quantity'],
      limit: 1,
    });
    type ProductAnswer = { product: { name: string; stock: Array<{ available: number }> } };
    const readName = async () => (await data<ProductAnswer>(PRODUCT, { sku })).product.name;
    const readStock = async () => (await data<ProductAnswer>(PRODUCT, { sku })).product.stock.reduce((sum, s) => sum + s.available, 0);
    const nameBefore = await readName();
    const stockBefore = await readStock();
    // the catalogue entry is served from the cache now: a name-only read costs no Odoo call
    stack.resetCounters();
    expect((await data<{ product: { name: string } }>(PRODUCT_NAME, { sku })).product.name).toBe(nameBefore);
    expect(callsOfLastRequest('odoo')).toBe(0);

    // Odoo's API refuses product and stock writes to an integration key (read-only models for it), as the real one
    // does; the back office changes them, which the simulator's record loader stands in for (stamping write_date).
    const newName = `${variant!.name} (renamed ${Date.now()})`;
    const t0 = Date.now();
    const loaded = await fetch(`${stack.simulators.urls.odoo}/__simulator/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        'product.product': [{ id: variant!.id, name: newName, display_name: `[${sku}] ${newName}`, write_date: odooNow() }],
        'stock.quant': [{ id: quant!.id, quantity: quant!.quantity + 3, write_date: odooNow() }],
      }),
    });
    expect(loaded.ok).toBe(true);
    const renamed = await untilChanged(readName, nameBefore, t0);
    expect(renamed.value).toContain('renamed');
    delays['odoo (catalogue)'] = renamed.delayMs;
    // stock is in a 5 s micro-cache (erpCachePolicies) that the stock.quant change event drops: it shows within 5 s
    const restocked = await untilChanged(readStock, stockBefore, t0);
    expect(restocked.value).toBe(stockBefore + 3);
    delays['odoo (stock)'] = restocked.delayMs;
  });
});
