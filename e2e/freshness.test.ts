import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { DEFAULT_CREDENTIALS as HUBSPOT } from '@omnigraph/simulator-hubspot';
import type { AllegroSimulator } from '@omnigraph/simulator-allegro';
import type { WooCommerceSimulator } from '@omnigraph/simulator-woocommerce';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Freshness, end to end at the default poll intervals (1 s): the four subgraphs as `npm start` runs them, the shop's
 * webhooks registered, and one change made in each system through its own write path. Measures the delay from the
 * write to the subgraph's change event (observed after the subgraph dropped the affected cache entries). The new
 * value in a query answer through the gateway is e2e/freshness-graph.test.ts.
 */
const SCALE = 0.1;
const LIMIT_MS = 5_000;
let stack: E2eStack;
const events: Array<ChangeEvent & { receivedAt: number }> = [];
const delays: Record<string, number> = {};

beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE, freshness: { onChange: (event) => void events.push({ ...event, receivedAt: Date.now() }) } });
}, 60_000);
afterAll(async () => {
  console.info(`freshness delays (write → change event), default intervals: ${JSON.stringify(delays)}`);
  await stack?.close();
});

async function waitFor(system: ChangeEvent['system'], match: (e: ChangeEvent) => boolean, since: number): Promise<number> {
  await expect
    .poll(() => events.find((e) => e.system === system && e.receivedAt >= since && match(e)), { timeout: LIMIT_MS, interval: 20 })
    .toBeDefined();
  const event = events.find((e) => e.system === system && e.receivedAt >= since && match(e))!;
  return event.receivedAt - since;
}

describe('freshness end to end (default intervals)', () => {
  it('WooCommerce: an order status change arrives as an order event (webhook)', async () => {
    const woo = stack.simulators.woocommerce as WooCommerceSimulator;
    const orderId = String(stack.dataset.eshopOrders[0]!.id);
    const { consumerKey, consumerSecret } = woo.woo.credentials;
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.woocommerce}/wp-json/wc/v3/orders/${orderId}`, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'completed' }),
    });
    expect(res.status).toBe(200);
    delays['woocommerce'] = await waitFor('woocommerce', (e) => e.kind === 'order' && e.ids.includes(orderId), t0);
  });

  it('Allegro: a fulfillment status change arrives as an order event (order journal)', async () => {
    const allegro = stack.simulators.allegro as AllegroSimulator;
    const token = allegro.allegro.auth.sellerAccessToken();
    const media = 'application/vnd.allegro.public.v1+json';
    const list = (await (
      await fetch(`${stack.simulators.urls.allegro}/order/checkout-forms?limit=1`, { headers: { authorization: `Bearer ${token}`, accept: media } })
    ).json()) as { checkoutForms: Array<{ id: string; fulfillment?: { status: string } }> };
    const form = list.checkoutForms[0]!;
    // the first poll stores the starting cursor; a change before it would count as history
    await new Promise((r) => setTimeout(r, 1_500));
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.allegro}/order/checkout-forms/${form.id}/fulfillment`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, accept: media, 'content-type': media },
      body: JSON.stringify({ status: form.fulfillment?.status === 'SENT' ? 'PROCESSING' : 'SENT' }),
    });
    expect(res.status).toBe(204);
    delays['allegro'] = await waitFor('allegro', (e) => e.ids.includes(form.id), t0);
  });

  it('HubSpot: a contact update arrives as a contact event (webhooks journal)', async () => {
    const contactId = stack.dataset.crmContacts[0]!.id;
    const t0 = Date.now();
    const res = await fetch(`${stack.simulators.urls.hubspot}/crm/v3/objects/contacts/${contactId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${HUBSPOT.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { loyalty_points: String(Date.now() % 100_000) } }),
    });
    expect(res.status).toBe(200);
    delays['hubspot'] = await waitFor('hubspot', (e) => e.kind === 'contact' && e.ids.includes(String(contactId)), t0);
  });

  it('Odoo: a stock change arrives as a stock event with the SKU (write_date polling)', async () => {
    const odoo = stack.simulators.urls.odoo;
    const post = async <T>(path: string, body: object): Promise<T> =>
      (await (
        await fetch(`${odoo}${path}`, {
          method: 'POST',
          headers: {
            authorization: `bearer ${stack.simulators.odoo.odoo.credentials.apiKey}`,
            'x-odoo-database': stack.simulators.odoo.odoo.credentials.database,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        })
      ).json()) as T;
    const [quant] = await post<Array<{ id: number; quantity: number; product_id: [number, string] }>>('/json/2/stock.quant/search_read', {
      domain: [['location_id.usage', '=', 'internal']],
      fields: ['quantity', 'product_id'],
      limit: 1,
    });
    const t0 = Date.now();
    await post('/__simulator/records', {
      'stock.quant': [{ id: quant!.id, quantity: quant!.quantity + 3, write_date: new Date().toISOString().slice(0, 19).replace('T', ' ') }],
    });
    delays['odoo'] = await waitFor('odoo', (e) => e.kind === 'stock' && e.ids.includes(String(quant!.product_id[0])), t0);
  });
});
