import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createChangePoller,
  createRedisFreshnessState,
  createLocalRunnerLock,
  createMemoryCursorStore,
  type ChangeEvent,
  type ChangePoller,
  type CursorStore,
} from '@omnigraph/shared/freshness';
import { createLogger } from '@omnigraph/shared/logging';
import { requireRedisInCi, sharedRedisUrl } from '@omnigraph/shared/testing';
import { ALLEGRO_MEDIA_TYPE } from '../src/upstream/allegro/allegro-client.ts';
import { createAllegroOrderEvents } from '../src/upstream/allegro/allegro-order-events.ts';
import { startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

requireRedisInCi('Allegro order events with a Redis cursor and lock', { sharedRedis: true });

const logger = createLogger({ name: 'test', level: 'silent' });
const INTERVAL_MS = 200;

let h: MarketplaceHarness;
beforeAll(async () => {
  h = await startMarketplaceHarness();
});
afterAll(() => h.close());

/** A seller's write through the simulator's real API: the fulfillment status of one checkout form. */
async function setFulfillment(formId: string, status: string): Promise<void> {
  const token = await h.tokens.getAccessToken();
  await h.apiHttp.put(
    `/order/checkout-forms/${formId}/fulfillment`,
    { status },
    {
      headers: { Authorization: `Bearer ${token}`, Accept: ALLEGRO_MEDIA_TYPE, 'Content-Type': ALLEGRO_MEDIA_TYPE },
    },
  );
}

async function someForms(n: number): Promise<Array<{ id: string; status: string; login: string }>> {
  const token = await h.tokens.getAccessToken();
  const res = await h.apiHttp.get<{ checkoutForms: Array<{ id: string; fulfillment?: { status: string }; buyer: { login: string } }> }>(
    '/order/checkout-forms',
    { params: { limit: n }, headers: { Authorization: `Bearer ${token}`, Accept: ALLEGRO_MEDIA_TYPE } },
  );
  return res.data.checkoutForms.map((f) => ({ id: f.id, status: f.fulfillment?.status ?? 'NEW', login: f.buyer.login }));
}

const other = (status: string) => (status === 'PROCESSING' ? 'SENT' : 'PROCESSING');

function startPoller(cursors: CursorStore, seen: Array<ChangeEvent & { receivedAt: number }>): ChangePoller {
  const poller = createChangePoller({
    ...createAllegroOrderEvents({ http: h.apiHttp, tokens: h.tokens }),
    intervalMs: INTERVAL_MS,
    cursors,
    lock: createLocalRunnerLock(),
    onChange: (event) => void seen.push({ ...event, receivedAt: Date.now() }),
    logger,
  });
  poller.start();
  return poller;
}

describe('Allegro order events as a freshness source (against the simulator)', () => {
  it('starts at the latest event (no replay), then reports a changed order within the interval', async () => {
    const cursors = createMemoryCursorStore();
    const seen: Array<ChangeEvent & { receivedAt: number }> = [];
    const eventPolls = () => h.count('GET /order/events');
    const poller = startPoller(cursors, seen);
    try {
      await expect.poll(() => cursors.get('allegro-order-events')).toBeDefined();
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 2));
      expect(seen).toEqual([]); // the journal's history (thousands of derived events) is not replayed
      const [form] = await someForms(1);
      const changedAt = Date.now();
      await setFulfillment(form!.id, other(form!.status));
      await expect.poll(() => seen.length, { timeout: 5_000, interval: 20 }).toBe(1);
      const event = seen[0]!;
      expect(event).toMatchObject({
        system: 'allegro',
        kind: 'order',
        ids: [form!.id],
        cause: 'allegro:order-events:FULFILLMENT_STATUS_CHANGED',
        refs: { buyerLogins: [form!.login] },
      });
      const delayMs = event.receivedAt - changedAt;
      console.info(`allegro: fulfillment change → onChange in ${delayMs} ms (interval ${INTERVAL_MS} ms, ${eventPolls()} journal polls so far)`);
      expect(delayMs).toBeLessThan(5_000);
    } finally {
      await poller.stop();
    }
  });

  it('resumes from the persisted cursor after a restart: the change made while down arrives once, nothing older', async () => {
    const cursors = createMemoryCursorStore();
    const seen: Array<ChangeEvent & { receivedAt: number }> = [];
    const [a, b] = await someForms(2);
    const first = startPoller(cursors, seen);
    await expect.poll(() => cursors.get('allegro-order-events')).toBeDefined();
    await setFulfillment(a!.id, other(a!.status));
    await expect.poll(() => seen.map((e) => e.ids[0]), { timeout: 5_000, interval: 20 }).toEqual([a!.id]);
    await first.stop();

    await setFulfillment(b!.id, other(b!.status)); // while no poller runs

    const second = startPoller(cursors, seen);
    try {
      await expect.poll(() => seen.map((e) => e.ids[0]), { timeout: 5_000, interval: 20 }).toEqual([a!.id, b!.id]);
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 2));
      expect(seen).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });
});

describe.skipIf(!sharedRedisUrl)('Allegro order events with Redis (two replicas)', () => {
  const prefix = `test:marketplace-freshness:${randomUUID()}:`;
  const redis = createClient({ url: sharedRedisUrl });
  beforeAll(async () => {
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
  });

  function replica(seen: ChangeEvent[], holderId: string): ChangePoller {
    const state = createRedisFreshnessState({ redis, keyPrefix: prefix, holderId });
    const poller = createChangePoller({
      ...createAllegroOrderEvents({ http: h.apiHttp, tokens: h.tokens }),
      intervalMs: INTERVAL_MS,
      cursors: state.cursors,
      lock: state.lock,
      onChange: (event) => void seen.push(event),
      logger,
    });
    poller.start();
    return poller;
  }

  it('one replica polls, each change arrives once, and the cursor in Redis survives both replicas restarting', async () => {
    const seenA: ChangeEvent[] = [];
    const seenB: ChangeEvent[] = [];
    const [x, y] = await someForms(2);
    let a = replica(seenA, 'replica-a');
    let b = replica(seenB, 'replica-b');
    await expect.poll(() => redis.get(`${prefix}cursor:allegro-order-events`)).toBeTruthy();
    await setFulfillment(x!.id, other(x!.status));
    await expect.poll(() => [...seenA, ...seenB].map((e) => e.ids[0]), { timeout: 5_000, interval: 20 }).toEqual([x!.id]);
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(seenA.length + seenB.length).toBe(1); // not once per replica

    await Promise.all([a.stop(), b.stop()]);
    await setFulfillment(y!.id, other(y!.status)); // while both are down
    a = replica(seenA, 'replica-a2');
    b = replica(seenB, 'replica-b2');
    try {
      await expect.poll(() => [...seenA, ...seenB].map((e) => e.ids[0]), { timeout: 5_000, interval: 20 }).toEqual([x!.id, y!.id]);
      await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
      expect(seenA.length + seenB.length).toBe(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
