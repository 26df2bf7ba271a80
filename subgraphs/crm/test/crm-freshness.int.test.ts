/**
 * HubSpot as a freshness source, against the HubSpot simulator: the webhooks journal (polled, with merges and GDPR
 * deletions) and signed v3 webhooks on the crm subgraph's own server (`startCrmSubgraph`).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createChangePoller,
  createLocalRunnerLock,
  createMemoryCursorStore,
  type ChangeEvent,
  type ChangePoller,
  type CursorStore,
} from '@omnigraph/shared/freshness';
import { createHttpClient } from '@omnigraph/shared/http';
import { createLogger } from '@omnigraph/shared/logging';
import { createHubSpotSimulator, DEFAULT_CREDENTIALS } from '@omnigraph/simulator-hubspot';
import type { Simulator } from '@omnigraph/simulator-core';
import { CrmConfigSchema, startCrmSubgraph } from '../src/index.ts';
import { createHubSpotJournalSource } from '../src/upstream/hubspot/hubspot-journal.ts';
import { HUBSPOT_WEBHOOK_PATH } from '../src/upstream/hubspot/hubspot-webhook.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const INTERVAL_MS = 200;
const C = '/crm/v3/objects/contacts';

let sim: Simulator;
let base: string;
type Seen = ChangeEvent & { receivedAt: number };

beforeAll(async () => {
  sim = createHubSpotSimulator({ scale: 0.2, searchRateLimit: null, knobs: { rateLimit: null } });
  base = await sim.listen(0, '127.0.0.1');
});
afterAll(() => sim.close());

async function hubspot<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEFAULT_CREDENTIALS.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function createContact(email: string): Promise<string> {
  const res = await hubspot<{ id: string }>('POST', C, { properties: { email, firstname: 'Fresh' } });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('HubSpot webhooks journal → onChange', () => {
  let seen: Seen[];
  let pollers: ChangePoller[];
  beforeEach(() => {
    seen = [];
    pollers = [];
    return async () => {
      await Promise.all(pollers.map((p) => p.stop()));
    };
  });

  function start(cursors: CursorStore = createMemoryCursorStore()): CursorStore {
    const poller = createChangePoller({
      ...createHubSpotJournalSource({ http: createHttpClient({ baseUrl: base, timeoutMs: 5_000 }), accessToken: DEFAULT_CREDENTIALS.token, logger }),
      intervalMs: INTERVAL_MS,
      cursors,
      lock: createLocalRunnerLock(),
      onChange: (event) => void seen.push({ ...event, receivedAt: Date.now() }),
      logger,
    });
    poller.start();
    pollers.push(poller);
    return cursors;
  }

  it('reports a contact update, a merge and a GDPR deletion, with the right ids, without replaying history', async () => {
    const a = await createContact('journal.a@example.pl');
    const b = await createContact('journal.b@example.pl');
    const c = await createContact('journal.c@example.pl');
    const cursors = start();
    await expect.poll(() => cursors.get('hubspot-journal')).toBeDefined();
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 2));
    expect(seen).toEqual([]); // the three creations happened before the first start

    const changedAt = Date.now();
    await hubspot('PATCH', `${C}/${a}`, { properties: { loyalty_points: '777' } });
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 20 }).toBe(1);
    expect(seen[0]).toMatchObject({ system: 'hubspot', kind: 'contact', ids: [a], cause: 'hubspot:journal:UPDATE' });
    console.info(`hubspot: contact update → onChange in ${seen[0]!.receivedAt - changedAt} ms via the journal (interval ${INTERVAL_MS} ms)`);

    await hubspot('POST', `${C}/merge`, { primaryObjectId: a, objectIdToMerge: b });
    await expect
      .poll(() => seen.find((e) => e.kind === 'contact-merged'), { timeout: 5_000, interval: 20 })
      .toMatchObject({
        ids: [a, b],
        merge: { survivingId: a, mergedIds: [b] },
        cause: 'hubspot:journal:MERGE',
      });

    await hubspot('POST', `${C}/gdpr-delete`, { objectId: c });
    await expect
      .poll(() => seen.find((e) => e.kind === 'contact-deleted'), { timeout: 5_000, interval: 20 })
      .toMatchObject({
        ids: [c],
        gdpr: true,
        cause: 'hubspot:journal:GDPR_DELETE',
      });
  });

  it('keeps its offset across a restart: the change made while down arrives once', async () => {
    const id = await createContact('journal.restart@example.pl');
    const cursors = createMemoryCursorStore();
    start(cursors);
    await expect.poll(() => cursors.get('hubspot-journal')).toBeDefined();
    await pollers[0]!.stop();
    await hubspot('PATCH', `${C}/${id}`, { properties: { loyalty_points: '5' } });
    start(cursors);
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 20 }).toBe(1);
    await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
    expect(seen.map((e) => e.ids)).toEqual([[id]]);
  });
});

describe('HubSpot signed webhooks on POST /webhooks/hubspot', () => {
  const seen: Seen[] = [];
  let subgraph: { url: string; stop(): Promise<void> };
  let target: string;

  beforeAll(async () => {
    const config = CrmConfigSchema.parse({
      HUBSPOT_BASE_URL: base,
      HUBSPOT_ACCESS_TOKEN: DEFAULT_CREDENTIALS.token,
      HUBSPOT_WEBHOOK_CLIENT_SECRET: DEFAULT_CREDENTIALS.appSecret,
      CRM_FRESHNESS_ENABLED: 'false', // webhooks only here: every event below comes through the endpoint
      CRM_PORT: '0',
    });
    subgraph = await startCrmSubgraph(config, { onChange: (event) => void seen.push({ ...event, receivedAt: Date.now() }) });
    target = subgraph.url.replace('/graphql', HUBSPOT_WEBHOOK_PATH).replace('localhost', '127.0.0.1');
    const res = await fetch(`${base}/__simulator/webhooks`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        targetUrl: target,
        subscriptions: ['contact.creation', 'contact.propertyChange', 'contact.deletion', 'contact.merge', 'contact.privacyDeletion'],
      }),
    });
    expect(res.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await fetch(`${base}/__simulator/webhooks`, { method: 'DELETE' });
    await subgraph.stop();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  it('reports a contact changed in HubSpot, and a merge, through verified deliveries', async () => {
    const a = await createContact('hook.a@example.pl');
    const b = await createContact('hook.b@example.pl');
    await expect.poll(() => [...new Set(seen.flatMap((e) => e.ids))].sort(), { timeout: 5_000, interval: 20 }).toEqual([a, b].sort());
    await new Promise((r) => setTimeout(r, 100)); // let the creations' deliveries finish before measuring
    seen.length = 0;
    const changedAt = Date.now();
    await hubspot('PATCH', `${C}/${a}`, { properties: { loyalty_points: '12' } });
    await expect.poll(() => seen.length, { timeout: 5_000, interval: 10 }).toBe(1);
    expect(seen[0]).toMatchObject({ kind: 'contact', ids: [a], cause: 'hubspot:webhook:contact.propertyChange' });
    console.info(`hubspot: contact update → onChange in ${seen[0]!.receivedAt - changedAt} ms via the webhook`);
    await hubspot('POST', `${C}/merge`, { primaryObjectId: a, objectIdToMerge: b });
    await expect
      .poll(() => seen.find((e) => e.kind === 'contact-merged'), { timeout: 5_000, interval: 20 })
      .toMatchObject({
        merge: { survivingId: a, mergedIds: [b] },
      });
  });

  it('refuses forged, unsigned and replayed deliveries with 401 and changes nothing', async () => {
    const body = JSON.stringify([{ subscriptionType: 'contact.deletion', objectId: 1, occurredAt: Date.now() }]);
    const sign = (secret: string, timestamp: string) => createHmac('sha256', secret).update(`POST${target}${body}${timestamp}`).digest('base64');
    const post = (headers: Record<string, string>) =>
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const now = String(Date.now());
    expect((await post({ 'x-hubspot-signature-v3': sign('not-the-secret', now), 'x-hubspot-request-timestamp': now })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    const old = String(Date.now() - 6 * 60 * 1_000);
    expect((await post({ 'x-hubspot-signature-v3': sign(DEFAULT_CREDENTIALS.appSecret, old), 'x-hubspot-request-timestamp': old })).status).toBe(401);
    expect(seen).toEqual([]);
    // control: the same delivery correctly signed now is accepted
    expect((await post({ 'x-hubspot-signature-v3': sign(DEFAULT_CREDENTIALS.appSecret, now), 'x-hubspot-request-timestamp': now })).status).toBe(204);
    expect(seen.map((e) => [e.kind, e.ids])).toEqual([['contact-deleted', ['1']]]);
  });
});
