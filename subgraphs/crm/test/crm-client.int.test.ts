import type { SimulatorStack } from '@omnigraph/simulator-stack';
import { GraphQLError } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CrmClient } from '../src/upstream/crm-client.ts';
import { BATCH_READ, createTestCrmClient, DEMO, GET_ONE, hubspotCalls, SEARCH, setSearchRateLimit, startCrmTestStack } from './crm-test-support.ts';

let stack: SimulatorStack;
let client: CrmClient;

beforeAll(async () => {
  stack = await startCrmTestStack();
  client = createTestCrmClient(stack, { timeoutMs: 500 });
});
afterAll(async () => {
  await stack.close();
});
beforeEach(() => {
  stack.hubspot.control.resetCounters();
});
afterEach(async () => {
  stack.hubspot.control.clearFaults();
  await setSearchRateLimit(stack, null);
});

async function upstreamErrorOf(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

/** A fresh client with retries off, so each fault shows its own mapping and no test opens another's breaker. */
const once = () => createTestCrmClient(stack, { timeoutMs: 500, policies: { retry: { maxRetries: 0 } } });

describe('HubSpot CRM client against the HubSpot simulator', () => {
  it('batch-reads contacts by id in key order, null for a missing id (207)', async () => {
    const contacts = await client.getContactsByKey({ key: 'id', values: [DEMO.tomasz.id, '99999999999', DEMO.anna.id] });
    expect(contacts.map((c) => c?.id ?? null)).toEqual([DEMO.tomasz.id, null, DEMO.anna.id]);
    const anna = contacts[2]!;
    expect(anna).toMatchObject({
      email: DEMO.anna.email,
      firstName: 'Anna',
      lastName: 'Kowalska',
      phone: '+48 601 234 567',
      loyalty: { tier: 'GOLD' },
      eshopCustomerId: '2000',
      allegroBuyerLogin: DEMO.anna.login,
      allegroBuyerId: '38472615',
    });
    expect(Number.isInteger(anna.loyalty.points)).toBe(true);
    expect(typeof anna.consents.emailMarketing).toBe('boolean');
    expect(hubspotCalls(stack, BATCH_READ)).toBe(1);
  });

  it('answers null for a non-numeric id without failing the rest of the batch', async () => {
    const contacts = await client.getContactsByKey({ key: 'id', values: ['abc', DEMO.anna.id] });
    expect(contacts.map((c) => c?.id ?? null)).toEqual([null, DEMO.anna.id]);
    expect(await client.getContactsByKey({ key: 'id', values: ['abc'] })).toEqual([null]);
    expect(hubspotCalls(stack, BATCH_READ)).toBe(1);
  });

  it('batch-reads by e-mail case-insensitively', async () => {
    const contacts = await client.getContactsByKey({
      key: 'email',
      values: ['Anna.Kowalska@Example.PL', 'nobody@example.pl', DEMO.katarzyna.email],
    });
    expect(contacts.map((c) => c?.id ?? null)).toEqual([DEMO.anna.id, null, DEMO.katarzyna.id]);
  });

  it('batch-reads by Allegro login', async () => {
    const contacts = await client.getContactsByKey({ key: 'allegroBuyerLogin', values: [DEMO.marek.login, 'nobody_77'] });
    expect(contacts.map((c) => c?.id ?? null)).toEqual([DEMO.marek.id, null]);
  });

  it('reads one contact by e-mail, null on HubSpot’s bare 404', async () => {
    expect((await client.getContactByEmail({ email: DEMO.tomasz.email }))?.id).toBe(DEMO.tomasz.id);
    expect(await client.getContactByEmail({ email: 'nobody@example.pl' })).toBeNull();
    expect(hubspotCalls(stack, GET_ONE)).toBe(2);
  });

  it('finds contacts by national phone number with one search call', async () => {
    const contacts = await client.findContactsByPhone({ nationalNumber: '600100200', limit: 10 });
    expect(contacts.map((c) => c.id)).toEqual([DEMO.tomasz.id]);
    expect(hubspotCalls(stack, SEARCH)).toBe(1);
  });

  it('finds contacts whose first or last name holds every word', async () => {
    const both = await client.findContactsByName({ words: ['kowalska', 'Anna'], limit: 10 });
    expect(both.map((c) => c.id)).toContain(DEMO.anna.id);
    expect(both.every((c) => /anna/i.test(`${c.firstName} ${c.lastName}`) && /kowalska/i.test(`${c.firstName} ${c.lastName}`))).toBe(true);
    const one = await client.findContactsByName({ words: ['Kowalska'], limit: 50 });
    expect(one.map((c) => c.id)).toContain(DEMO.anna.id);
  });

  it('maps an upstream 503 to UPSTREAM_UNAVAILABLE', async () => {
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
    const error = await upstreamErrorOf(once().getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('maps a 429 of the general budget to UPSTREAM_RATE_LIMITED', async () => {
    stack.hubspot.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
    const error = await upstreamErrorOf(once().getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    expect(error.extensions['code']).toBe('UPSTREAM_RATE_LIMITED');
  });

  it('maps a 429 of the separate search budget to UPSTREAM_RATE_LIMITED with a retry hint', async () => {
    await setSearchRateLimit(stack, { limit: 1, windowMs: 60_000 });
    await client.findContactsByPhone({ nationalNumber: '600100200', limit: 1 });
    // retries on: a Retry-After of about 60 s does not fit the call's deadline, so it fails at once without waiting
    const started = Date.now();
    const error = await upstreamErrorOf(client.findContactsByPhone({ nationalNumber: '600100200', limit: 1 }));
    expect(Date.now() - started).toBeLessThan(500);
    expect(hubspotCalls(stack, SEARCH)).toBe(2);
    expect(error.extensions['code']).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.extensions['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
  });

  it('maps a hanging upstream to UPSTREAM_TIMEOUT', async () => {
    stack.hubspot.control.addFaults([{ kind: 'hang', count: 1 }]);
    const error = await upstreamErrorOf(once().getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    expect(error.extensions['code']).toBe('UPSTREAM_TIMEOUT');
  });

  it('maps a garbage 200 body to UPSTREAM_BAD_RESPONSE', async () => {
    stack.hubspot.control.addFaults([{ kind: 'garbage', count: 1 }]);
    const error = await upstreamErrorOf(once().getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    expect(error.extensions['code']).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('maps a refused token to UPSTREAM_REJECTED (our credential, not the client’s)', async () => {
    const badClient = createTestCrmClient(stack, { token: 'pat-eu1-00000000-0000-0000-0000-000000000000' });
    const error = await upstreamErrorOf(badClient.getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    expect(error.extensions['code']).toBe('UPSTREAM_REJECTED');
    expect(error.extensions['upstream']).toMatchObject({ status: 401 });
  });

  it('does not leak upstream URLs or bodies into the error', async () => {
    stack.hubspot.control.addFaults([{ kind: 'status', status: 500, count: 3 }]);
    const error = await upstreamErrorOf(client.getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    expect(error.message).not.toContain(stack.urls.hubspot);
    expect(JSON.stringify(error.extensions)).not.toContain('127.0.0.1');
  });
});

describe('HubSpot CRM client: the shared upstream-call policies', () => {
  // route-level counters: a faulted request never reaches the handler that counts the typed key (…/contacts/…)
  const BATCH_ROUTE = 'POST /crm/v3/objects/:objectType/batch/:action';
  const SEARCH_ROUTE = 'POST /crm/v3/objects/:objectType/search';

  it('answers completely after one transient 503 of a batch read: retried once (2 HubSpot calls)', async () => {
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
    const [anna] = await createTestCrmClient(stack).getContactsByKey({ key: 'id', values: [DEMO.anna.id] });
    expect(anna?.email).toBe(DEMO.anna.email);
    expect(hubspotCalls(stack, BATCH_ROUTE)).toBe(2);
  });

  it('retries a search (a read behind a POST) after a 503', async () => {
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, count: 1 }]);
    const found = await createTestCrmClient(stack).findContactsByName({ words: ['Kowalska'], limit: 50 });
    expect(found.map((c) => c.id)).toContain(DEMO.anna.id);
    expect(hubspotCalls(stack, SEARCH_ROUTE)).toBe(2);
  });

  it("honours HubSpot's 429 Retry-After (1 s) and then answers", async () => {
    stack.hubspot.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
    const started = Date.now();
    const [anna] = await createTestCrmClient(stack).getContactsByKey({ key: 'id', values: [DEMO.anna.id] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(anna?.id).toBe(DEMO.anna.id);
    expect(hubspotCalls(stack, BATCH_ROUTE)).toBe(2);
  });

  it('opens the breaker while HubSpot answers 503: 200 lookups then cost no HubSpot call', async () => {
    const crm = createTestCrmClient(stack, { policies: { retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5_000 } } });
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, count: 1_000 }]);
    for (let i = 0; i < 5; i += 1) await upstreamErrorOf(crm.getContactsByKey({ key: 'id', values: [DEMO.anna.id] }));
    const errors = await Promise.all(Array.from({ length: 200 }, () => upstreamErrorOf(crm.getContactsByKey({ key: 'id', values: [DEMO.anna.id] }))));
    expect(new Set(errors.map((e) => e.extensions['code']))).toEqual(new Set(['UPSTREAM_CIRCUIT_OPEN']));
    expect(hubspotCalls(stack, BATCH_ROUTE)).toBe(5);
  });
});

describe('HubSpot CRM client: the issue-10 look-ups', () => {
  const NOWAK = '10000000006';
  // its own client: the fault tests above may have opened the shared one's breaker
  let fresh: CrmClient;
  beforeAll(() => {
    fresh = createTestCrmClient(stack);
  });

  it('batch-reads by the stored channel links (woocommerce_customer_id, odoo_partner_id, allegro_buyer_id), one call each', async () => {
    const byShop = await fresh.getContactsByKey({ key: 'eshopCustomerId', values: ['2000', '2002', '999999', 'x'] });
    expect(byShop.map((c) => c?.id ?? null)).toEqual([DEMO.anna.id, NOWAK, null, null]);
    expect((await fresh.getContactsByKey({ key: 'erpPartnerId', values: ['100'] }))[0]?.id).toBe(NOWAK);
    expect((await fresh.getContactsByKey({ key: 'allegroBuyerId', values: ['52718364'] }))[0]?.id).toBe(DEMO.marek.id);
    expect(hubspotCalls(stack, BATCH_READ)).toBe(3);
  });

  it('maps the additional e-mails, company, postal code and creation time', async () => {
    const [nowak] = await fresh.getContactsByKey({ key: 'id', values: [NOWAK] });
    expect(nowak).toMatchObject({
      additionalEmails: ['m.nowak@podlipami.example.pl'],
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      postalCode: '31-146',
      createdAt: '2023-09-20T09:58:40.207Z',
    });
  });

  it('finds contacts by many e-mails, primary or additional, in one search', async () => {
    const found = await fresh.findContactsByEmails({ emails: [DEMO.anna.email, 'M.Nowak@podlipami.example.pl', 'nobody@example.pl'], limit: 10 });
    expect(found.map((c) => c.id).sort()).toEqual([DEMO.anna.id, NOWAK]);
    expect(hubspotCalls(stack, SEARCH)).toBe(1);
  });

  it('finds contacts by many phones in one search', async () => {
    const found = await fresh.findContactsByPhones({ nationalNumbers: ['600100200', '601234567', '124221890'], limit: 10 });
    expect(found.map((c) => c.id).sort()).toEqual([DEMO.anna.id, DEMO.tomasz.id, NOWAK]);
    expect(hubspotCalls(stack, SEARCH)).toBe(1);
  });

  it('finds by company words, case and diacritics ignored', async () => {
    expect((await fresh.findContactsByCompany({ words: ['kawiarnia', 'pod', 'lipami'], limit: 10 })).map((c) => c.id)).toContain(NOWAK);
    expect((await fresh.findContactsByCompany({ words: ['kawiarnia', 'pod', 'debami'], limit: 10 })).map((c) => c.id)).not.toContain(NOWAK);
  });

  it('finds by postal code in either spelling', async () => {
    for (const code of ['31-146', '31146']) {
      expect((await fresh.findContactsByPostalCodes({ postalCodes: [code], limit: 200 })).map((c) => c.id)).toContain(NOWAK);
    }
  });
});
