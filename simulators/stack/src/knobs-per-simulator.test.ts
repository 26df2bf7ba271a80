import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VND_MEDIA_TYPE } from '@omnigraph/simulator-allegro';
import type { Simulator, SimulatorName } from '@omnigraph/simulator-core';
import { getDataset } from '@omnigraph/simulator-dataset';
import { DEFAULT_CREDENTIALS as HUBSPOT } from '@omnigraph/simulator-hubspot';
import { startSimulatorStack, type SimulatorStack } from './start-simulator-stack.ts';

/**
 * The knobs of the shared core, driven through each real simulator's admin path, with each simulator's own auth and
 * error dialect: what a gateway test will actually do to them.
 */
const SCALE = 0.1;
let stack: SimulatorStack;
beforeAll(async () => {
  stack = await startSimulatorStack({ scale: SCALE });
});
afterAll(() => stack.close());

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Case {
  name: SimulatorName;
  sim: () => Simulator;
  /** a cheap authenticated read, and the counter key it is counted under */
  read: () => Call;
  readKey: string;
  /** a write through the real API, and a read of the field it changed */
  write: () => Call;
  readBack: () => Promise<unknown>;
  /** how this upstream says "slow down" */
  expectRateLimited: (res: Response, body: string) => void;
}

const ds = getDataset({ scale: SCALE });
const odooAuth = () => ({ authorization: `bearer ${stack.odoo.odoo.credentials.apiKey}`, 'content-type': 'application/json' });
const wooAuth = () => {
  const c = stack.woocommerce.woo.credentials;
  return { authorization: `Basic ${Buffer.from(`${c.consumerKey}:${c.consumerSecret}`).toString('base64')}`, 'content-type': 'application/json' };
};
const hubspotAuth = { authorization: `Bearer ${HUBSPOT.token}`, 'content-type': 'application/json' };
const allegroAuth = () => ({
  authorization: `Bearer ${stack.allegro.allegro.auth.sellerAccessToken()}`,
  accept: VND_MEDIA_TYPE,
  'content-type': VND_MEDIA_TYPE,
});
const annaOrder = ds.eshopOrders.find((o) => o.customerId === 2000 && o.status !== 'cancelled')!;
const form = ds.allegroCheckoutForms.find((f) => f.fulfillmentStatus === 'NEW' || f.fulfillmentStatus === 'PROCESSING')!;

async function call(name: SimulatorName, c: Call, signal?: AbortSignal): Promise<Response> {
  return fetch(`${stack.urls[name]}${c.path}`, { method: c.method, headers: c.headers, body: c.body, signal: signal ?? null });
}
async function json(name: SimulatorName, c: Call): Promise<any> {
  const res = await call(name, c);
  expect(res.ok, `${c.method} ${c.path} → ${res.status}`).toBe(true);
  return res.json();
}

const cases: Case[] = [
  {
    name: 'odoo',
    sim: () => stack.odoo,
    read: () => ({ method: 'POST', path: '/json/2/res.partner/read', headers: odooAuth(), body: JSON.stringify({ ids: [1], fields: ['name'] }) }),
    readKey: 'res.partner.read',
    write: () => ({
      method: 'POST',
      path: '/json/2/res.partner/write',
      headers: odooAuth(),
      body: JSON.stringify({ ids: [1], vals: { name: 'Zmieniona nazwa' } }),
    }),
    readBack: async () => (await json('odoo', cases[0]!.read()))[0].name,
    expectRateLimited: (res) => expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1),
  },
  {
    name: 'woocommerce',
    sim: () => stack.woocommerce,
    read: () => ({ method: 'GET', path: `/wp-json/wc/v3/orders/${annaOrder.id}`, headers: wooAuth() }),
    readKey: 'GET /wp-json/wc/v3/orders/:id',
    write: () => ({
      method: 'PUT',
      path: `/wp-json/wc/v3/orders/${annaOrder.id}`,
      headers: wooAuth(),
      body: JSON.stringify({ status: 'cancelled' }),
    }),
    readBack: async () => (await json('woocommerce', cases[1]!.read())).status,
    expectRateLimited: (res) => expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1),
  },
  {
    name: 'hubspot',
    sim: () => stack.hubspot,
    read: () => ({ method: 'GET', path: '/crm/v3/objects/contacts/10000000001?properties=loyalty_points', headers: hubspotAuth }),
    readKey: 'GET /crm/v3/objects/contacts/:objectId',
    write: () => ({
      method: 'PATCH',
      path: '/crm/v3/objects/contacts/10000000001',
      headers: hubspotAuth,
      body: JSON.stringify({ properties: { loyalty_points: '1' } }),
    }),
    readBack: async () => (await json('hubspot', cases[2]!.read())).properties.loyalty_points,
    expectRateLimited: (_res, body) => expect(JSON.parse(body)).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT' }),
  },
  {
    name: 'allegro',
    sim: () => stack.allegro,
    read: () => ({ method: 'GET', path: `/order/checkout-forms/${form.id}`, headers: allegroAuth() }),
    readKey: 'GET /order/checkout-forms/:id',
    write: () => ({
      method: 'PUT',
      path: `/order/checkout-forms/${form.id}/fulfillment`,
      headers: allegroAuth(),
      body: JSON.stringify({ status: 'SENT' }),
    }),
    readBack: async () => (await json('allegro', cases[3]!.read())).fulfillment.status,
    expectRateLimited: (_res, body) => expect(JSON.parse(body).errors[0].code).toMatch(/RateLimit/i),
  },
];

describe.each(cases)('$name simulator knobs', (c) => {
  beforeEach(() => {
    c.sim().control.reset();
  });

  it('counts requests per endpoint, and the counters reset', async () => {
    for (let i = 0; i < 3; i += 1) await json(c.name, c.read());
    const counters = await (await fetch(`${stack.urls[c.name]}/__simulator/counters`)).json();
    expect(counters.total).toBe(3);
    expect(counters.endpoints[c.readKey]).toBe(3);
    await fetch(`${stack.urls[c.name]}/__simulator/counters`, { method: 'DELETE' });
    expect(c.sim().control.counters().total).toBe(0);
  });

  it('adds the configured latency', async () => {
    await fetch(`${stack.urls[c.name]}/__simulator/config`, { method: 'PATCH', body: JSON.stringify({ latency: { fixedMs: 150 } }) });
    const t0 = performance.now();
    await json(c.name, c.read());
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('injects an upstream 5xx for exactly the next N requests', async () => {
    await fetch(`${stack.urls[c.name]}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 503, count: 2 }) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(c.name, c.read())).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("answers an injected 429 with this upstream's rate-limit signals", async () => {
    c.sim().control.addFaults([{ kind: 'rate_limit', count: 1 }]);
    const res = await call(c.name, c.read());
    expect(res.status).toBe(429);
    c.expectRateLimited(res, await res.text());
  });

  it('hangs until the client times out, and resets connections', async () => {
    c.sim().control.addFaults([{ kind: 'hang', count: 1 }]);
    await expect(call(c.name, c.read(), AbortSignal.timeout(300))).rejects.toThrow();
    c.sim().control.addFaults([{ kind: 'reset', count: 1 }]);
    await expect(call(c.name, c.read())).rejects.toThrow();
    expect((await call(c.name, c.read())).status).toBe(200);
  });

  it('enforces a budget set at run time', async () => {
    await fetch(`${stack.urls[c.name]}/__simulator/config`, { method: 'PATCH', body: JSON.stringify({ rateLimit: { limit: 2, windowMs: 60_000 } }) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(c.name, c.read())).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('goes back to the seed data after a write', async () => {
    const before = await c.readBack();
    const res = await call(c.name, c.write());
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const after = await c.readBack();
    expect(after).not.toEqual(before);
    expect((await fetch(`${stack.urls[c.name]}/__simulator/reset`, { method: 'POST' })).status).toBe(204);
    expect(await c.readBack()).toEqual(before);
  });
});
