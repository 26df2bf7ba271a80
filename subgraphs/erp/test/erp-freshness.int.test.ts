/**
 * Odoo `write_date` polling as a freshness source, against the Odoo simulator. Stock and catalogue changes are loaded
 * through the simulator's records endpoint with their `write_date` (what an inventory adjustment or a product edit in
 * Odoo's UI leaves behind: the API bot may not write stock).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createChangePoller,
  createLocalRunnerLock,
  createMemoryCursorStore,
  type ChangeEvent,
  type ChangePoller,
  type CursorStore,
  type PolledChangeSource,
} from '@omnigraph/shared/freshness';
import { createOdooConnection } from '../src/upstream/create-erp-client.ts';
import { createLogger } from '@omnigraph/shared/logging';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createOdooChangeFeeds, odooDatetimeMinus } from '../src/upstream/odoo/odoo-change-feed.ts';
import { odooCredentials, startOdoo } from './odoo-test-support.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const INTERVAL_MS = 200;

let sim: OdooSimulator;
let baseUrl: string;
let feeds: PolledChangeSource[];
let quants: Array<{ id: number; product_id: [number, string]; quantity: number }>;
const skuOf = new Map<number, string>();

async function odoo<T>(model: string, method: string, body: object): Promise<T> {
  const res = await fetch(new URL(`/json/2/${model}/${method}`, baseUrl), {
    method: 'POST',
    headers: { Authorization: `bearer ${odooCredentials.apiKey}`, 'Content-Type': 'application/json', 'X-Odoo-Database': odooCredentials.database },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

async function load(records: Record<string, object[]>): Promise<void> {
  const res = await fetch(new URL('/__simulator/records', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(records),
  });
  expect(res.status).toBeLessThan(300);
}

const odooNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  feeds = createOdooChangeFeeds({ transport: createOdooConnection({ baseUrl, ...odooCredentials, timeoutMs: 5_000 }), overlapSeconds: 30 });
  const candidates = await odoo<typeof quants>('stock.quant', 'search_read', {
    domain: [
      ['location_id.usage', '=', 'internal'],
      ['product_id.default_code', '!=', false],
    ],
    fields: ['product_id', 'quantity'],
    order: 'id asc',
    limit: 200,
  });
  // one quant per product, so every change names a different product
  const byProduct = new Map<number, (typeof quants)[number]>();
  for (const q of candidates) if (!byProduct.has(q.product_id[0])) byProduct.set(q.product_id[0], q);
  quants = [...byProduct.values()].slice(0, 4);
  expect(quants).toHaveLength(4);
  const products = await odoo<Array<{ id: number; default_code: string }>>('product.product', 'search_read', {
    domain: [['id', 'in', quants.map((q) => q.product_id[0])]],
    fields: ['default_code'],
  });
  for (const p of products) skuOf.set(p.id, p.default_code);
});
afterAll(() => sim.close());

const feed = (name: string) => feeds.find((f) => f.name === name)!;
let seen: Array<ChangeEvent & { receivedAt: number }>;
let pollers: ChangePoller[];
beforeEach(() => {
  seen = [];
  pollers = [];
  return async () => {
    await Promise.all(pollers.map((p) => p.stop()));
  };
});

function start(source: PolledChangeSource, cursors: CursorStore = createMemoryCursorStore()): { poller: ChangePoller; cursors: CursorStore } {
  const poller = createChangePoller({
    ...source,
    intervalMs: INTERVAL_MS,
    cursors,
    lock: createLocalRunnerLock(),
    onChange: (event) => void seen.push({ ...event, receivedAt: Date.now() }),
    logger,
  });
  poller.start();
  pollers.push(poller);
  return { poller, cursors };
}

describe('Odoo write_date polling → onChange', () => {
  it('reports a stock change with the product id and SKU within the interval, without replaying history', async () => {
    const { cursors } = start(feed('odoo-stock-changes'));
    await expect.poll(() => cursors.get('odoo-stock-changes')).toBeDefined();
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 2));
    expect(seen).toEqual([]);
    const q = quants[0]!;
    const changedAt = Date.now();
    await load({ 'stock.quant': [{ id: q.id, quantity: q.quantity + 5, write_date: odooNow() }] });
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 20 }).toBe(1);
    expect(seen[0]).toMatchObject({
      system: 'odoo',
      kind: 'stock',
      ids: [String(q.product_id[0])],
      refs: { skus: [skuOf.get(q.product_id[0])] },
      cause: 'odoo:write_date:stock.quant',
    });
    console.info(`odoo: stock change → onChange in ${seen[0]!.receivedAt - changedAt} ms (interval ${INTERVAL_MS} ms)`);
  });

  it('misses nothing at equal timestamps or from a transaction that commits late (overlap window)', async () => {
    const { cursors } = start(feed('odoo-stock-changes'));
    await expect.poll(() => cursors.get('odoo-stock-changes')).toBeDefined();
    const [a, b, c] = [quants[1]!, quants[2]!, quants[3]!];
    const second = odooNow();
    await load({ 'stock.quant': [{ id: a.id, quantity: a.quantity + 1, write_date: second }] });
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 20 }).toBe(1);
    // same second as the row already reported, a lower id than some rows the cursor has passed
    await load({ 'stock.quant': [{ id: b.id, quantity: b.quantity + 1, write_date: second }] });
    // dated 10 s back: a transaction that started before the cursor's position and committed only now
    await load({ 'stock.quant': [{ id: c.id, quantity: c.quantity + 1, write_date: odooDatetimeMinus(second, 10) }] });
    await expect
      .poll(() => seen.flatMap((e) => e.ids).sort(), { timeout: 5_000, interval: 20 })
      .toEqual([a, b, c].map((q) => String(q.product_id[0])).sort());
    const events = seen.length;
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(seen).toHaveLength(events); // no repeats from the overlap re-reads
    expect(seen.flatMap((e) => e.ids)).toHaveLength(3); // each product once
  });

  it('keeps its cursor across a restart: the change made while down arrives once', async () => {
    const cursors = createMemoryCursorStore();
    const first = start(feed('odoo-stock-changes'), cursors);
    await expect.poll(() => cursors.get('odoo-stock-changes')).toBeDefined();
    await first.poller.stop();
    const q = quants[0]!;
    await load({ 'stock.quant': [{ id: q.id, quantity: q.quantity + 9, write_date: odooNow() }] });
    start(feed('odoo-stock-changes'), cursors);
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 20 }).toBe(1);
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(seen.map((e) => e.ids)).toEqual([[String(q.product_id[0])]]);
  });

  it('reports a product template change as its variants, with their SKUs', async () => {
    const { cursors } = start(feed('odoo-template-changes'));
    await expect.poll(() => cursors.get('odoo-template-changes')).toBeDefined();
    const productId = quants[0]!.product_id[0];
    const [variant] = await odoo<Array<{ product_tmpl_id: [number, string] }>>('product.product', 'read', {
      ids: [productId],
      fields: ['product_tmpl_id'],
    });
    await load({ 'product.template': [{ id: variant!.product_tmpl_id[0], list_price: 123.45, write_date: odooNow() }] });
    await expect
      .poll(() => seen[0], { timeout: 5_000, interval: 20 })
      .toMatchObject({
        system: 'odoo',
        kind: 'product',
        cause: 'odoo:write_date:product.template',
        refs: { skus: expect.arrayContaining([skuOf.get(productId)]) },
      });
    expect(seen[0]!.ids).toContain(String(productId));
  });
});
