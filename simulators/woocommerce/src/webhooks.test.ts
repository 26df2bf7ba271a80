import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, startReceiver, waitForDeliveries, type Harness, type Receiver } from './test-support.ts';

let h: Harness;
let receiver: Receiver;

beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});
afterEach(async () => {
  receiver.release();
  receiver.respondWith(200);
  await h.sim.woo.webhooks.idle();
  // Each test subscribes its own webhooks; drop them so they do not see the next test's events.
  h.sim.woo.store.webhooks.clear();
  receiver.received.length = 0;
});

async function subscribe(topic: string, secret = 's3cr3t-Ł/ü'): Promise<number> {
  const res = await h.api('/webhooks', { method: 'POST', json: { name: `gw ${topic}`, topic, delivery_url: receiver.url, secret } });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

function sign(raw: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(raw).digest('base64');
}

describe('webhook subscriptions', () => {
  it('creates a webhook without showing its secret, and pings the delivery URL', async () => {
    const res = await h.api('/webhooks', {
      method: 'POST',
      json: { name: 'gw order.updated', topic: 'order.updated', delivery_url: receiver.url, secret: 'x' },
    });
    const webhook = await res.json();
    expect(res.status).toBe(201);
    expect(webhook).toMatchObject({
      name: 'gw order.updated',
      status: 'active',
      topic: 'order.updated',
      resource: 'order',
      event: 'updated',
      hooks: ['woocommerce_update_order', 'woocommerce_order_refunded', 'woocommerce_delete_order_refund'],
      delivery_url: receiver.url,
    });
    expect(webhook).not.toHaveProperty('secret');
    const ping = await receiver.waitFor((r) => r.headers['content-type'] === 'application/x-www-form-urlencoded');
    expect(ping.raw.toString()).toBe(`webhook_id=${webhook.id}`);
    expect(ping.headers['user-agent']).toMatch(/^WooCommerce\/\d+\.\d+\.\d+ Hookshot \(WordPress\/\d+\.\d+(\.\d+)?\)$/);
    const listed = (await (await h.api('/webhooks')).json()) as { id: number }[];
    expect(listed.map((w) => w.id)).toEqual([webhook.id]);
  });

  it('validates topics, URLs and ids the way WooCommerce does', async () => {
    const missing = await h.api('/webhooks', { method: 'POST', json: { name: 'x' } });
    expect(await missing.json()).toEqual({
      code: 'rest_missing_callback_param',
      message: 'Missing parameter(s): topic, delivery_url',
      data: { status: 400, params: ['topic', 'delivery_url'] },
    });
    const topic = await h.api('/webhooks', { method: 'POST', json: { topic: 'order.shipped', delivery_url: receiver.url } });
    expect(await topic.json()).toEqual({
      code: 'woocommerce_rest_shop_webhook_invalid_topic',
      message: 'Webhook topic is required and must be valid.',
      data: { status: 400 },
    });
    const url = await h.api('/webhooks', { method: 'POST', json: { topic: 'order.created', delivery_url: 'ftp://example.pl/x' } });
    expect((await url.json()).code).toBe('woocommerce_rest_shop_webhook_invalid_delivery_url');
    expect(await (await h.api('/webhooks/4242')).json()).toEqual({
      code: 'woocommerce_rest_shop_webhook_invalid_id',
      message: 'ID is invalid.',
      data: { status: 400 },
    });
    const id = await subscribe('order.deleted');
    const noForce = await h.api(`/webhooks/${id}`, { method: 'DELETE' });
    expect(noForce.status).toBe(501);
    expect((await noForce.json()).code).toBe('woocommerce_rest_trash_not_supported');
    expect((await h.api(`/webhooks/${id}?force=true`, { method: 'DELETE' })).status).toBe(200);
    expect((await h.api(`/webhooks/${id}`)).status).toBe(400);
  });
});

describe('webhook deliveries', () => {
  it('delivers order.created with the order JSON, WooCommerce headers and a verifiable signature', async () => {
    const secret = 's3cr3t-Ł/ü';
    const id = await subscribe('order.created', secret);
    await receiver.waitFor((r) => r.raw.toString() === `webhook_id=${id}`);
    const created = await (
      await h.api('/orders', {
        method: 'POST',
        json: { billing: { first_name: 'Zofia', email: 'zofia@example.pl' }, line_items: [{ product_id: 100, quantity: 1 }] },
      })
    ).json();
    const hit = await receiver.waitFor((r) => r.headers['x-wc-webhook-topic'] === 'order.created');
    expect(hit.method).toBe('POST');
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['x-wc-webhook-source']).toBe(`${h.base}/`);
    expect(hit.headers['x-wc-webhook-resource']).toBe('order');
    expect(hit.headers['x-wc-webhook-event']).toBe('created');
    expect(hit.headers['x-wc-webhook-id']).toBe(String(id));
    expect(hit.headers['x-wc-webhook-delivery-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(hit.headers['user-agent']).toMatch(/^WooCommerce\/[\d.]+ Hookshot \(WordPress\/[\d.]+\)$/);
    expect(hit.headers['x-wc-webhook-signature']).toBe(sign(hit.raw, secret));
    // The signed bytes are PHP's: escaped slashes, \u escapes. Re-serializing the parsed body breaks the signature.
    expect(hit.raw.toString()).toContain('"href":"http:\\/\\/');
    const payload = JSON.parse(hit.raw.toString());
    expect(sign(Buffer.from(JSON.stringify(payload)), secret)).not.toBe(hit.headers['x-wc-webhook-signature']);
    expect(payload).toEqual(await (await h.api(`/orders/${created.id}`)).json());
  });

  it('answers the API call before the receiver has answered the delivery', async () => {
    const id = await subscribe('order.updated');
    await receiver.waitFor((r) => r.raw.toString() === `webhook_id=${id}`);
    receiver.hold();
    const res = await h.api('/orders/10007', { method: 'PUT', json: { status: 'completed' } });
    expect(res.status).toBe(200);
    const hit = await receiver.waitFor((r) => r.headers['x-wc-webhook-topic'] === 'order.updated');
    const log = await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, 1, 200);
    expect(log).toEqual([]);
    receiver.release();
    const done = await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, 1);
    expect(done[0]).toMatchObject({ status: 200, success: true, resourceId: 10007 });
    expect(JSON.parse(hit.raw.toString()).status).toBe('completed');
  });

  it('fires order.updated too when an order is created through the API (it is saved twice)', async () => {
    await subscribe('order.updated');
    const created = await (await h.api('/orders', { method: 'POST', json: { set_paid: true, line_items: [{ product_id: 100 }] } })).json();
    const hit = await receiver.waitFor((r) => r.headers['x-wc-webhook-topic'] === 'order.updated');
    expect(JSON.parse(hit.raw.toString()).id).toBe(created.id);
    await h.sim.woo.webhooks.idle();
    expect(receiver.received.filter((r) => r.headers['x-wc-webhook-topic'] === 'order.updated')).toHaveLength(1);
  });

  it('delivers product.updated when a price or the stock changes', async () => {
    await subscribe('product.updated');
    const product = [...h.sim.woo.store.products.values()].find((p) => p.type === 'simple')!;
    await h.api(`/products/${product.id}`, { method: 'PUT', json: { regular_price: '123.45', sale_price: '' } });
    const hit = await receiver.waitFor((r) => r.headers['x-wc-webhook-topic'] === 'product.updated');
    expect(JSON.parse(hit.raw.toString())).toMatchObject({ id: product.id, price: '123.45', regular_price: '123.45' });
  });

  it('sends only the id for order.deleted', async () => {
    await subscribe('order.deleted');
    await h.api('/orders/10008', { method: 'DELETE' });
    const hit = await receiver.waitFor((r) => r.headers['x-wc-webhook-topic'] === 'order.deleted');
    expect(hit.raw.toString()).toBe('{"id":10008}');
  });

  it('disables a webhook whose deliveries keep failing (the 7th consecutive failure, as the code counts)', async () => {
    const id = await subscribe('order.updated');
    await receiver.waitFor((r) => r.raw.toString() === `webhook_id=${id}`);
    receiver.respondWith(500);
    const internal = async () =>
      ((await (await fetch(`${h.base}/__simulator/webhooks`)).json()).webhooks as { id: number; status: string; failure_count: number }[]).find(
        (w) => w.id === id,
      )!;
    for (let i = 1; i <= 6; i += 1) {
      await h.api('/orders/10010', { method: 'PUT', json: { customer_note: `try ${i}` } });
      await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, i);
    }
    expect(await internal()).toMatchObject({ status: 'active', failure_count: 6 });
    await h.api('/orders/10010', { method: 'PUT', json: { customer_note: 'try 7' } });
    const log = await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, 7);
    expect(log.map((d) => d.status)).toEqual([500, 500, 500, 500, 500, 500, 500]);
    expect(log[6]).toMatchObject({ success: false, webhookStatus: 'disabled' });
    expect((await (await h.api(`/webhooks/${id}`)).json()).status).toBe('disabled');
    await h.api('/orders/10010', { method: 'PUT', json: { customer_note: 'try 8' } });
    await h.sim.woo.webhooks.idle();
    expect(await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, 8, 100)).toHaveLength(7);
  });

  it('counts an unreachable receiver as a failure and a success resets the count', async () => {
    const id = await subscribe('order.updated');
    await h.api(`/webhooks/${id}`, { method: 'PUT', json: { delivery_url: 'http://127.0.0.1:9/unreachable' } });
    await h.api('/orders/10011', { method: 'PUT', json: { customer_note: 'a' } });
    const [failed] = await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, 1);
    expect(failed).toMatchObject({ status: null, success: false, failureCount: 1 });
    await h.api(`/webhooks/${id}`, { method: 'PUT', json: { delivery_url: receiver.url } });
    await h.api('/orders/10011', { method: 'PUT', json: { customer_note: 'b' } });
    const log = await waitForDeliveries(h.base, `webhook_id=${id}&kind=delivery`, 2);
    expect(log[1]).toMatchObject({ status: 200, success: true, failureCount: 0 });
  });
});
