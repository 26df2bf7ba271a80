/**
 * WooCommerce webhooks as a freshness source: the real eshop subgraph boot (`startEshopSubgraph`) with a webhook
 * secret, a webhook registered in the WooCommerce simulator through its REST API (as a retailer does in the admin),
 * and changes made through the simulator's own write endpoints.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { EshopConfigSchema, startEshopSubgraph } from '../src/index.ts';
import { WOOCOMMERCE_WEBHOOK_PATH } from '../src/upstream/woocommerce/woocommerce-webhook.ts';
import { listedSkus, orderIds, startWooCommerceTestBed, type WooCommerceTestBed } from './woocommerce-test-bed.ts';

const WEBHOOK_SECRET = 'eshop-freshness-test-webhook-secret';

let bed: WooCommerceTestBed;
let subgraph: { url: string; stop(): Promise<void> };
let webhookUrl: string;
const seen: Array<ChangeEvent & { receivedAt: number }> = [];

async function wc(method: string, path: string, body?: unknown): Promise<Response> {
  const auth = Buffer.from(`${bed.consumerKey}:${bed.consumerSecret}`).toString('base64');
  return fetch(`${bed.baseUrl}/wp-json/wc/v3${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function deliveries(): Promise<Array<{ kind: string; topic: string; status: number | null }>> {
  const body = (await fetch(`${bed.baseUrl}/__simulator/webhook-deliveries`).then((r) => r.json())) as {
    deliveries: Array<{ kind: string; topic: string; status: number | null }>;
  };
  return body.deliveries;
}

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
  const config = EshopConfigSchema.parse({
    WOOCOMMERCE_BASE_URL: bed.baseUrl,
    WOOCOMMERCE_CONSUMER_KEY: bed.consumerKey,
    WOOCOMMERCE_CONSUMER_SECRET: bed.consumerSecret,
    WOOCOMMERCE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ESHOP_PORT: '0',
  });
  subgraph = await startEshopSubgraph(config, { onChange: (event) => void seen.push({ ...event, receivedAt: Date.now() }) });
  webhookUrl = subgraph.url.replace('/graphql', WOOCOMMERCE_WEBHOOK_PATH).replace('localhost', '127.0.0.1');
  for (const topic of ['order.created', 'order.updated', 'order.deleted', 'product.updated', 'customer.updated']) {
    const res = await wc('POST', '/webhooks', { name: `omnigraph ${topic}`, topic, delivery_url: webhookUrl, secret: WEBHOOK_SECRET });
    expect(res.status).toBe(201);
  }
  await bed.simulator.woo.webhooks.idle();
});

afterAll(async () => {
  await subgraph?.stop();
  await bed?.close();
});

beforeEach(() => {
  seen.length = 0;
});

describe('WooCommerce webhooks → onChange', () => {
  it('answers the pings of the new webhooks with 200 and turns them into no event', async () => {
    await expect
      .poll(async () => (await deliveries()).filter((d) => d.kind === 'ping').map((d) => d.status), { timeout: 5_000 })
      .toEqual([200, 200, 200, 200, 200]);
    expect(seen).toEqual([]);
  });

  it('reports an order whose status changed in the shop, within a second', async () => {
    const [orderId] = orderIds(bed.dataset, 1);
    const changedAt = Date.now();
    expect((await wc('PUT', `/orders/${orderId}`, { status: 'completed' })).status).toBe(200);
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 10 }).toBeGreaterThan(0);
    const event = seen[0]!;
    expect(event).toMatchObject({ system: 'woocommerce', kind: 'order', ids: [String(orderId)], cause: 'woocommerce:webhook:order.updated' });
    console.info(`woocommerce: order status change → onChange in ${event.receivedAt - changedAt} ms`);
  });

  it('reports a product whose stock changed, with its SKU', async () => {
    const [sku] = listedSkus(bed.dataset, 1);
    const product = ((await (await wc('GET', `/products?sku=${sku}`)).json()) as Array<{ id: number }>)[0]!;
    await wc('PUT', `/products/${product.id}`, { manage_stock: true, stock_quantity: 3 });
    await expect
      .poll(() => seen.find((e) => e.kind === 'product'), { timeout: 5_000, interval: 10 })
      .toMatchObject({
        system: 'woocommerce',
        ids: [String(product.id)],
        refs: { skus: [sku] },
        cause: 'woocommerce:webhook:product.updated',
      });
  });

  it('refuses a forged or unsigned delivery with 401 and changes nothing', async () => {
    const body = JSON.stringify({ id: 1, status: 'cancelled' });
    const forged = createHmac('sha256', 'not-the-secret').update(body).digest('base64');
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wc-webhook-topic': 'order.updated', ...headers },
        body: payload,
      });
    expect((await post({ 'x-wc-webhook-signature': forged })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    // a valid signature over another body does not carry over
    const signedOther = createHmac('sha256', WEBHOOK_SECRET).update('{"id":2}').digest('base64');
    expect((await post({ 'x-wc-webhook-signature': signedOther })).status).toBe(401);
    // a correctly signed delivery is accepted (the control case)
    const good = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('base64');
    expect((await post({ 'x-wc-webhook-signature': good })).status).toBe(200);
    expect(seen.map((e) => e.ids)).toEqual([['1']]);
  });

  it('refuses a body over the size bound with 413', async () => {
    const res = await fetch(webhookUrl, { method: 'POST', body: 'x'.repeat(1_000_001) });
    expect(res.status).toBe(413);
    expect(seen).toEqual([]);
  });
});
