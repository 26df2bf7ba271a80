import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from './config.ts';
import { startHubSpot, TEST_SCALE, waitFor, type TestClient, type WireRecord } from './test-support.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface HubSpotEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  objectTypeId?: string;
  propertyName?: string;
  propertyValue?: string;
  changeFlag?: string;
  changeSource: string;
  sourceId: string;
}

/** Verifies X-HubSpot-Signature-v3 independently of the simulator: base64 HMAC-SHA256(secret, method+uri+body+ts). */
function verifyV3(secret: string, uri: string, r: Received): boolean {
  const timestamp = String(r.headers['x-hubspot-request-timestamp']);
  const expected = createHmac('sha256', secret).update(`${r.method}${uri}${r.body}${timestamp}`).digest();
  const given = Buffer.from(String(r.headers['x-hubspot-signature-v3']), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('HubSpot webhooks', () => {
  let c: TestClient;
  let receiver: Server;
  let received: Received[] = [];
  /** statuses to answer, in order; 200 once they run out */
  let script: number[] = [];
  let targetUrl = '';
  const dataset = getDataset({ scale: TEST_SCALE });
  const secret = 'test-app-secret-42';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(script.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    targetUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hubspot/events?source=sim`;
    c = await startHubSpot();
  });
  afterAll(async () => {
    await c.sim.close();
    await new Promise((r) => receiver.close(r));
  });
  beforeEach(async () => {
    await c.admin('POST', '/reset');
    received = [];
    script = [];
    const res = await c.admin('PUT', '/webhooks', {
      targetUrl,
      appSecret: secret,
      subscriptions: ['contact.creation', 'contact.propertyChange', 'contact.deletion', 'object.creation'],
      retryDelaysMs: [30, 60],
    });
    expect(res.status).toBe(200);
  });

  const events = (r: Received) => JSON.parse(r.body) as HubSpotEvent[];
  const allEvents = () => received.flatMap(events);

  it('POSTs a signed JSON array of creation and propertyChange events for a new contact', async () => {
    const { body: contact } = await c.json<WireRecord>('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'webhook.test@example.pl', firstname: 'Web', loyalty_points: '10' },
    });
    await waitFor(async () => received.length >= 1);
    const r = received[0]!;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/hubspot/events?source=sim');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['x-hubspot-signature-version']).toBe('v3');
    const ts = Number(r.headers['x-hubspot-request-timestamp']);
    expect(Math.abs(Date.now() - ts)).toBeLessThan(60_000);
    expect(verifyV3(secret, targetUrl, r)).toBe(true);
    expect(verifyV3('wrong-secret', targetUrl, r)).toBe(false);

    const list = events(r);
    expect(Array.isArray(list)).toBe(true);
    const creation = list.find((e) => e.subscriptionType === 'contact.creation')!;
    expect(creation).toEqual({
      eventId: expect.any(Number),
      subscriptionId: expect.any(Number),
      portalId: DEFAULT_CREDENTIALS.portalId,
      appId: DEFAULT_CREDENTIALS.appId,
      occurredAt: expect.any(Number),
      subscriptionType: 'contact.creation',
      attemptNumber: 0,
      objectId: Number(contact.id),
      changeFlag: 'CREATED',
      changeSource: 'INTEGRATION',
      sourceId: `app:${DEFAULT_CREDENTIALS.appId}`,
    });
    const changes = list.filter((e) => e.subscriptionType === 'contact.propertyChange');
    expect(changes.map((e) => [e.propertyName, e.propertyValue]).sort()).toEqual([
      ['email', 'webhook.test@example.pl'],
      ['firstname', 'Web'],
      ['loyalty_points', '10'],
    ]);
    expect(new Set(list.map((e) => e.eventId)).size).toBe(list.length);
  });

  it('sends one propertyChange per changed property, and a deletion on archive', async () => {
    const target = dataset.crmContacts[3]!;
    await c.call('PATCH', `/crm/v3/objects/contacts/${target.id}`, {
      properties: { loyalty_points: String(target.loyaltyPoints + 1), loyalty_tier: target.loyaltyTier === 'gold' ? 'silver' : 'gold' },
    });
    await c.call('DELETE', `/crm/v3/objects/contacts/${target.id}`);
    await waitFor(async () => allEvents().some((e) => e.subscriptionType === 'contact.deletion'));
    const all = allEvents();
    expect(
      all
        .filter((e) => e.subscriptionType === 'contact.propertyChange')
        .map((e) => e.propertyName)
        .sort(),
    ).toEqual(['loyalty_points', 'loyalty_tier']);
    expect(all.find((e) => e.subscriptionType === 'contact.deletion')).toMatchObject({ objectId: Number(target.id), changeFlag: 'DELETED' });
    for (const r of received) expect(verifyV3(secret, targetUrl, r)).toBe(true);
  });

  it('sends object.creation for notes with objectTypeId 0-46', async () => {
    const { body: note } = await c.json<WireRecord>('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'Oddzwonić jutro', hs_timestamp: '2026-05-12T10:00:00Z' },
      associations: [{ to: { id: dataset.crmContacts[0]!.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
    });
    await waitFor(async () => allEvents().some((e) => e.subscriptionType === 'object.creation'));
    expect(allEvents().find((e) => e.subscriptionType === 'object.creation')).toMatchObject({
      objectId: Number(note.id),
      objectTypeId: '0-46',
      changeFlag: 'CREATED',
    });
  });

  it('batches at most 100 events per request', async () => {
    await c.admin('PUT', '/webhooks', { targetUrl, subscriptions: ['contact.propertyChange'] });
    const inputs = dataset.crmContacts.slice(20, 80).map((x) => ({
      id: x.id,
      properties: { loyalty_points: String(x.loyaltyPoints + 5), city: `${x.address?.city ?? 'Nowe'} Miasto` },
    }));
    expect((await c.call('POST', '/crm/v3/objects/contacts/batch/update', { inputs })).status).toBe(200);
    await waitFor(async () => allEvents().length >= 120);
    expect(received.map((r) => events(r).length).sort((a, b) => b - a)).toEqual([100, 20]);
    const log = (await (await c.admin('GET', '/webhook-deliveries')).json()) as { deliveries: { eventCount: number; status: number }[] };
    expect(log.deliveries.map((d) => d.eventCount).sort((a, b) => b - a)).toEqual([100, 20]);
    expect(log.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it('limits propertyChange to one property with "contact.propertyChange:<name>"', async () => {
    await c.admin('PUT', '/webhooks', { targetUrl, subscriptions: ['contact.propertyChange:loyalty_tier'] });
    const target = dataset.crmContacts[8]!;
    await c.call('PATCH', `/crm/v3/objects/contacts/${target.id}`, {
      properties: { firstname: 'Zmieniony', loyalty_tier: target.loyaltyTier === 'platinum' ? 'gold' : 'platinum' },
    });
    await waitFor(async () => received.length >= 1);
    expect(allEvents().map((e) => e.propertyName)).toEqual(['loyalty_tier']);
  });

  it('retries a failed delivery with attemptNumber counting up, then logs success', async () => {
    script = [500, 503];
    await c.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'retry.me@example.pl' } });
    await waitFor(async () => received.length >= 3, 5_000);
    const attempts = received.map((r) => events(r)[0]!.attemptNumber);
    expect(attempts).toEqual([0, 1, 2]);
    expect(received.map((r) => events(r).map((e) => e.eventId))).toEqual([
      events(received[0]!).map((e) => e.eventId),
      events(received[0]!).map((e) => e.eventId),
      events(received[0]!).map((e) => e.eventId),
    ]);
    for (const r of received) expect(verifyV3(secret, targetUrl, r)).toBe(true);
    const log = (await (await c.admin('GET', '/webhook-deliveries')).json()) as {
      deliveries: { attemptNumber: number; status: number; willRetry: boolean }[];
    };
    expect(log.deliveries.map((d) => [d.attemptNumber, d.status, d.willRetry])).toEqual([
      [0, 500, true],
      [1, 503, true],
      [2, 200, false],
    ]);
  });

  it('gives up after the configured retries and does not retry a 4xx', async () => {
    script = [500, 500, 500, 500];
    await c.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'never.ok@example.pl' } });
    await waitFor(async () => received.length >= 3);
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(3);
    script = [400];
    received = [];
    await c.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'bad.request@example.pl' } });
    await waitFor(async () => received.length >= 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(1);
  });

  it('rejects bad webhook settings and can be switched off', async () => {
    expect((await c.admin('PUT', '/webhooks', { targetUrl: 'ftp://x' })).status).toBe(400);
    expect((await c.admin('PUT', '/webhooks', { targetUrl, subscriptions: ['deal.creation'] })).status).toBe(400);
    expect((await c.admin('DELETE', '/webhooks')).status).toBe(204);
    await c.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'silent@example.pl' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(0);
  });
});
