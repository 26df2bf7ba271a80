/**
 * Notes and addresses against the HubSpot simulator: the write step `crmCreateNote` (idempotent by its tag, also when
 * HubSpot's answer is lost and when search lags), `Customer.notes` (newest first, batched, fresh right after a write),
 * `CustomerNote` references, and `Customer.address` from free-text country values.
 */
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import type { SimulatorStack } from '@omnigraph/simulator-stack';
import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCrmServer, type CrmServer } from '../src/create-crm-server.ts';
import { createTestCrmClient, DEMO, executeOn, type GraphQLResult, HUBSPOT_TOKEN, hubspotCalls, startCrmTestStack } from './crm-test-support.ts';

const CREATE = 'POST /crm/v3/objects/:objectType';
const ASSOCIATIONS = 'POST /crm/v4/associations/contacts/notes/batch/read';
const NOTES_BATCH_READ = 'POST /crm/v3/objects/notes/batch/read';

let stack: SimulatorStack;
let crm: CrmServer;

/** On the server of the suite, whose cache (memory) lives across requests. */
const execute = (query: string, variables: Record<string, unknown> = {}) => executeOn(crm, query, variables);

/** On a server without a cache, so the operation reads HubSpot as it is now and the counters show every call. */
async function executeUncached(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult> {
  const fresh = createCrmServer({ client: createTestCrmClient(stack) });
  try {
    return await executeOn(fresh, query, variables);
  } finally {
    await fresh.server.stop();
  }
}

async function hubspot<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${stack.urls.hubspot}${path}`, {
    method,
    headers: { authorization: `Bearer ${HUBSPOT_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return (text === '' ? null : JSON.parse(text)) as T;
}

/** The contact's notes carrying `key`, straight from the simulator (associations + batch read, never search). */
async function taggedNotes(contactId: string, key: string): Promise<string[]> {
  const listed = await hubspot<{ results: { toObjectId: number }[] }>('GET', `/crm/v4/objects/contacts/${contactId}/associations/notes`);
  const ids = listed.results.map((r) => String(r.toObjectId));
  if (ids.length === 0) return [];
  const read = await hubspot<{ results: { id: string; properties: Record<string, string | null> }[] }>('POST', '/crm/v3/objects/notes/batch/read', {
    inputs: ids.map((id) => ({ id })),
    properties: ['omnigraph_idempotency_key'],
  });
  return read.results.filter((n) => n.properties['omnigraph_idempotency_key'] === key).map((n) => n.id);
}

async function setSearchIndexLag(lagMs: number): Promise<void> {
  const res = await fetch(`${stack.urls.hubspot}/__simulator/search-index-lag`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lagMs }),
  });
  if (!res.ok) throw new Error(`search-index-lag: ${res.status}`);
}

const CREATE_NOTE = /* GraphQL */ `
  mutation ($key: String!, $customerId: ID!, $body: String!) {
    crmCreateNote(idempotencyKey: $key, customerId: $customerId, body: $body) {
      id
      body
      createdAt
    }
  }
`;
const NOTES = /* GraphQL */ `
  query ($id: ID!, $first: Int) {
    customer(id: $id) {
      id
      notes(first: $first) {
        id
        body
        createdAt
      }
    }
  }
`;

const dataset = getDataset({ scale: 0.3 });
/** contacts of the dataset without notes, so each test starts from a known, empty list */
const quiet = dataset.crmContacts.filter((c) => !dataset.crmNotes.some((n) => n.contactId === c.id)).map((c) => c.id);
let nextQuiet = 0;
const quietContact = () => quiet[nextQuiet++]!;

beforeAll(async () => {
  stack = await startCrmTestStack();
  crm = createCrmServer({ client: createTestCrmClient(stack), cache: createMemoryCache() });
});
afterAll(async () => {
  await crm.server.stop();
  await stack.close();
});
beforeEach(() => {
  stack.hubspot.control.resetCounters();
});
afterEach(async () => {
  stack.hubspot.control.clearFaults();
  await setSearchIndexLag(0);
});

describe('crmCreateNote', () => {
  it('creates the note once: the same key answers the same note without a second create', async () => {
    const customerId = quietContact();
    const body = 'Klient <b>pyta</b> o zwrot & wymianę.\nOddzwonić jutro.';
    const first = await execute(CREATE_NOTE, { key: 'note-once-1', customerId, body });
    expect(first.errors).toBeUndefined();
    const note = first.data?.['crmCreateNote'] as { id: string; body: string; createdAt: string };
    expect(note.body).toBe(body);
    expect(Date.now() - Date.parse(note.createdAt)).toBeLessThan(60_000);
    expect(hubspotCalls(stack, CREATE)).toBe(1);

    // stored as escaped HTML: an agent's text never becomes markup in the CRM
    const stored = await hubspot<{ properties: Record<string, string> }>(
      'GET',
      `/crm/v3/objects/notes/${note.id}?properties=hs_note_body,omnigraph_idempotency_key&associations=contacts`,
    );
    expect(stored.properties['hs_note_body']).toBe('Klient &lt;b&gt;pyta&lt;/b&gt; o zwrot &amp; wymianę.<br>Oddzwonić jutro.');
    expect(stored.properties['omnigraph_idempotency_key']).toBe('note-once-1');

    const again = await execute(CREATE_NOTE, { key: 'note-once-1', customerId, body });
    expect(again.data?.['crmCreateNote']).toEqual(note);
    expect(hubspotCalls(stack, CREATE)).toBe(1);
    expect(await taggedNotes(customerId, 'note-once-1')).toEqual([note.id]);
  });

  it('re-sent after HubSpot committed the create but the answer was lost: exactly one note upstream, even while search lags', async () => {
    const customerId = quietContact();
    // search would not find the note for a minute: the step must not depend on it
    await setSearchIndexLag(60_000);
    stack.hubspot.control.addFaults([{ kind: 'commit_then_reset', count: 1, match: CREATE }]);
    const lost = await execute(CREATE_NOTE, { key: 'note-lost-1', customerId, body: 'Reklamacja przyjęta.' });
    expect(lost.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(await taggedNotes(customerId, 'note-lost-1')).toHaveLength(1);

    const resent = await execute(CREATE_NOTE, { key: 'note-lost-1', customerId, body: 'Reklamacja przyjęta.' });
    expect(resent.errors).toBeUndefined();
    const [upstreamId] = await taggedNotes(customerId, 'note-lost-1');
    expect((resent.data?.['crmCreateNote'] as { id: string }).id).toBe(upstreamId);
    expect(hubspotCalls(stack, CREATE)).toBe(1);
    expect(await taggedNotes(customerId, 'note-lost-1')).toHaveLength(1);
  });

  it('the new note is first in Customer.notes at once, although the list was cached just before', async () => {
    const busy = [...dataset.crmNotes.reduce((m, n) => m.set(n.contactId, (m.get(n.contactId) ?? 0) + 1), new Map<string, number>())].find(
      ([, count]) => count >= 2,
    )![0];
    const before = await execute(NOTES, { id: busy, first: 50 });
    expect(before.errors).toBeUndefined();
    const listed = (before.data?.['customer'] as { notes: { id: string; createdAt: string }[] }).notes;
    const times = listed.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(listed.map((n) => n.id).sort()).toEqual(
      dataset.crmNotes
        .filter((n) => n.contactId === busy)
        .map((n) => n.id)
        .sort(),
    );

    const created = await execute(CREATE_NOTE, { key: 'note-visible-1', customerId: busy, body: 'Nowa notatka' });
    const id = (created.data?.['crmCreateNote'] as { id: string }).id;
    const after = await execute(NOTES, { id: busy, first: 50 });
    const notes = (after.data?.['customer'] as { notes: { id: string; body: string }[] }).notes;
    expect(notes[0]).toMatchObject({ id, body: 'Nowa notatka' });
    expect(notes).toHaveLength(listed.length + 1);
    // `first` keeps the newest
    const one = await execute(NOTES, { id: busy, first: 1 });
    expect((one.data?.['customer'] as { notes: { id: string }[] }).notes.map((n) => n.id)).toEqual([id]);
  });

  it('refuses an unknown contact with NOT_FOUND and writes nothing; malformed input costs no call', async () => {
    const unknown = await execute(CREATE_NOTE, { key: 'note-ghost-1', customerId: '999999999999', body: 'x' });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(hubspotCalls(stack, CREATE)).toBe(0);

    stack.hubspot.control.resetCounters();
    for (const [variables, argumentName] of [
      [{ key: 'k', customerId: 'abc', body: 'x' }, 'customerId'],
      [{ key: 'k', customerId: DEMO.anna.id, body: '   ' }, 'body'],
      [{ key: 'k', customerId: DEMO.anna.id, body: 'x'.repeat(5001) }, 'body'],
      [{ key: '', customerId: DEMO.anna.id, body: 'x' }, 'idempotencyKey'],
      [{ key: 'k'.repeat(256), customerId: DEMO.anna.id, body: 'x' }, 'idempotencyKey'],
    ] as const) {
      const result = await execute(CREATE_NOTE, variables);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    }
    expect(stack.hubspot.control.counters().total).toBe(0);
    // 5000 characters are fine
    const long = await execute(CREATE_NOTE, { key: 'note-long-1', customerId: quietContact(), body: 'ż'.repeat(5000) });
    expect(long.errors).toBeUndefined();
  });
});

describe('Customer.notes and CustomerNote', () => {
  it('reads the notes of many customers with one association read and one note batch read', async () => {
    const withNotes = [...new Set(dataset.crmNotes.map((n) => n.contactId))].slice(0, 5);
    const result = await executeUncached(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id notes(first: 3) { id body } } } }`,
      { representations: withNotes.map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(result.errors).toBeUndefined();
    const customers = result.data?.['_entities'] as { id: string; notes: { id: string }[] }[];
    expect(customers.every((c) => c.notes.length >= 1)).toBe(true);
    expect(hubspotCalls(stack, ASSOCIATIONS)).toBe(1);
    expect(hubspotCalls(stack, NOTES_BATCH_READ)).toBe(1);
  });

  it('resolves CustomerNote references by id in one batch read, null for an unknown id', async () => {
    const ids = dataset.crmNotes.slice(0, 3).map((n) => n.id);
    const result = await executeUncached(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on CustomerNote { id body createdAt } } }`,
      { representations: [...ids, '999999999999'].map((id) => ({ __typename: 'CustomerNote', id })) },
    );
    const notes = result.data?.['_entities'] as ({ id: string; body: string } | null)[];
    expect(notes.slice(0, 3).map((n) => n?.id)).toEqual(ids);
    expect(notes[0]?.body).toBe(dataset.crmNotes[0]!.body.replace(/<[^>]*>/g, ''));
    expect(notes[3]).toBeNull();
    expect(hubspotCalls(stack, NOTES_BATCH_READ)).toBe(1);
  });

  it('refuses first outside 1–100 and answers null with the error when HubSpot cannot be asked', async () => {
    for (const first of [0, 101]) {
      const result = await execute(NOTES, { id: DEMO.anna.id, first });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    }
    stack.hubspot.control.addFaults([{ kind: 'status', status: 503, ratio: 1, match: '/crm/v4/' }]);
    const result = await executeUncached(`query ($id: ID!) { customer(id: $id) { id name notes { id } } }`, { id: DEMO.anna.id });
    expect(result.data?.['customer']).toMatchObject({ id: DEMO.anna.id, name: 'Anna Kowalska', notes: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['customer', 'notes'], extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });
});

describe('Customer.address', () => {
  async function addressOf(contactId: string, properties: Record<string, string>) {
    await hubspot('PATCH', `/crm/v3/objects/contacts/${contactId}`, { properties });
    const result = await executeUncached(`query ($id: ID!) { customer(id: $id) { address { street city postalCode countryCode } } }`, {
      id: contactId,
    });
    expect(result.errors).toBeUndefined();
    return (result.data?.['customer'] as { address: unknown }).address;
  }

  it('maps street, city, zip and a free-text country to an ISO code', async () => {
    const id = quietContact();
    const base = { address: 'ul. Długa 5/2', city: 'Gdańsk', zip: '80-831' };
    expect(await addressOf(id, { ...base, country: 'Poland' })).toEqual({
      street: 'ul. Długa 5/2',
      city: 'Gdańsk',
      postalCode: '80-831',
      countryCode: 'PL',
    });
    for (const country of ['Polska', 'PL', 'pl', ' POLSKA ']) {
      expect(await addressOf(id, { ...base, country })).toMatchObject({ countryCode: 'PL' });
    }
    expect(await addressOf(id, { ...base, country: 'Niemcy' })).toMatchObject({ countryCode: 'DE' });
  });

  it('is null without a city, or with a country it cannot read', async () => {
    const id = quietContact();
    expect(await addressOf(id, { address: 'ul. Długa 5/2', city: 'Gdańsk', zip: '80-831', country: 'Narnia' })).toBeNull();
    expect(await addressOf(id, { address: 'ul. Długa 5/2', city: '', zip: '80-831', country: 'Polska' })).toBeNull();
  });
});

describe('a customer-bound credential (ADR 0009)', () => {
  const ANNA: RequestIdentity = {
    subject: 'key_shop',
    kind: 'customer-token',
    scopes: ['customers:read', 'customers:pii', 'notes:write'],
    profile: 'partner',
    customer: { customerId: DEMO.anna.id, emails: [DEMO.anna.email] },
  };

  it('reads its own notes and address through me, and never writes a note', async () => {
    const own = await runInRequestScope(createRequestScope(ANNA), () => execute(`{ me { id notes(first: 2) { id } address { countryCode } } }`));
    expect(own.errors).toBeUndefined();
    expect(own.data?.['me']).toMatchObject({ id: DEMO.anna.id });

    stack.hubspot.control.resetCounters();
    const write = await runInRequestScope(createRequestScope(ANNA), () =>
      execute(CREATE_NOTE, { key: 'note-bound-1', customerId: DEMO.anna.id, body: 'x' }),
    );
    expect(write.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(stack.hubspot.control.counters().total).toBe(0);

    const other = await runInRequestScope(createRequestScope(ANNA), () =>
      execute(`query ($id: ID!) { customer(id: $id) { notes { id } } }`, { id: DEMO.tomasz.id }),
    );
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('HubSpot notes adapter', () => {
  it('follows a contact with more than 500 notes through the association pages', async () => {
    const contactId = quietContact();
    const notes = Array.from({ length: 520 }, (_, i) => ({
      id: String(79_000_000_000 + i),
      properties: { hs_note_body: `n${i}`, hs_timestamp: '2026-03-01T10:00:00Z' },
      associations: { contacts: [contactId] },
    }));
    const loaded = await fetch(`${stack.urls.hubspot}/__simulator/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes }),
    });
    expect(loaded.ok).toBe(true);
    stack.hubspot.control.resetCounters();
    const [ids, none] = await createTestCrmClient(stack).getNoteIdsOfContacts({ contactIds: [contactId, quietContact()] });
    expect(ids).toHaveLength(520);
    expect(none).toEqual([]);
    expect(hubspotCalls(stack, ASSOCIATIONS)).toBe(2);
  });

  it('answers NOT_FOUND when HubSpot refuses the association to a contact that does not exist; nothing is created', async () => {
    const client = createTestCrmClient(stack);
    const error = await client
      .createNote({ contactId: '999999999999', body: 'x', timestamp: new Date().toISOString(), idempotencyKey: 'note-race-1' })
      .then(
        () => null,
        (e: unknown) => e as { extensions?: Record<string, unknown> },
      );
    expect(error?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await client.findNotesByIdempotencyKey({ idempotencyKey: 'note-race-1' })).toEqual([]);
  });
});
