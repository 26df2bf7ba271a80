import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpot, TEST_SCALE, type Page, type TestClient, type WireRecord } from './test-support.ts';

interface AssociationPage {
  results: { toObjectId: number; associationTypes: { category: string; typeId: number; label: string | null }[] }[];
  paging?: { next: { after: string; link: string } };
}

describe('HubSpot notes and associations', () => {
  let c: TestClient;
  const dataset = getDataset({ scale: TEST_SCALE });
  const contact = dataset.crmContacts.find((x) => !dataset.crmNotes.some((n) => n.contactId === x.id))!;
  const seeded = dataset.crmNotes[0]!;
  const toContact = (id: string) => [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }];

  beforeAll(async () => {
    c = await startHubSpot();
  });
  afterAll(() => c.sim.close());

  it('serves the seeded call-center notes', async () => {
    const { status, body } = await c.json<WireRecord>(
      'GET',
      `/crm/v3/objects/notes/${seeded.id}?properties=hs_note_body,hubspot_owner_id&associations=contacts`,
    );
    expect(status).toBe(200);
    expect(body.properties).toMatchObject({ hs_note_body: seeded.body, hubspot_owner_id: seeded.ownerId, hs_object_id: seeded.id });
    expect(body.associations?.['contacts']?.results).toEqual([{ id: seeded.contactId, type: 'note_to_contact' }]);
    const defaults = await c.json<WireRecord>('GET', `/crm/v3/objects/0-46/${seeded.id}`);
    expect(Object.keys(defaults.body.properties).sort()).toEqual(['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']);
  });

  it('creates a note associated to a contact (type 202) and lists it through the v4 associations', async () => {
    const timestamp = '2026-05-12T10:15:00.000Z';
    const created = await c.json<WireRecord>('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'Klient pyta o status zwrotu.', hs_timestamp: timestamp, hubspot_owner_id: seeded.ownerId },
      associations: toContact(contact.id),
    });
    expect(created.status).toBe(201);
    expect(created.body.properties).toMatchObject({ hs_note_body: 'Klient pyta o status zwrotu.', hs_timestamp: timestamp });

    const list = await c.json<AssociationPage>('GET', `/crm/v4/objects/contacts/${contact.id}/associations/notes`);
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([
      { toObjectId: Number(created.body.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 201, label: null }] },
    ]);
    const back = await c.json<AssociationPage>('GET', `/crm/v4/objects/notes/${created.body.id}/associations/contacts`);
    expect(back.body.results[0]).toEqual({
      toObjectId: Number(contact.id),
      associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 202, label: null }],
    });

    const batch = await c.json<{
      status: string;
      results: { from: { id: string }; to: { toObjectId: number }[] }[];
      numErrors?: number;
      errors?: unknown[];
    }>('POST', '/crm/v4/associations/contacts/notes/batch/read', { inputs: [{ id: contact.id }, { id: seeded.contactId }, { id: '999999999999' }] });
    expect(batch.status).toBe(207);
    expect(batch.body.status).toBe('COMPLETE');
    const fromContact = batch.body.results.find((r) => r.from.id === contact.id)!;
    expect(fromContact.to.map((t) => t.toObjectId)).toEqual([Number(created.body.id)]);
    expect(batch.body.results.find((r) => r.from.id === seeded.contactId)!.to.map((t) => t.toObjectId)).toContain(Number(seeded.id));
    expect(batch.body.numErrors).toBe(1);
    expect(batch.body.errors).toMatchObject([{ category: 'OBJECT_NOT_FOUND', context: { fromObjectId: ['999999999999'] } }]);
  });

  it('pages v4 associations with limit and an opaque after cursor, limit ≤ 500', async () => {
    const busy = [...dataset.crmNotes.reduce((m, n) => m.set(n.contactId, (m.get(n.contactId) ?? 0) + 1), new Map<string, number>())].find(
      ([, count]) => count >= 2,
    )!;
    const first = await c.json<AssociationPage>('GET', `/crm/v4/objects/contacts/${busy[0]}/associations/notes?limit=1`);
    expect(first.body.results).toHaveLength(1);
    expect(first.body.paging?.next.after).toBeTruthy();
    const second = await c.json<AssociationPage>(
      'GET',
      `/crm/v4/objects/contacts/${busy[0]}/associations/notes?limit=1&after=${first.body.paging!.next.after}`,
    );
    expect(second.body.results[0]!.toObjectId).not.toBe(first.body.results[0]!.toObjectId);
    expect((await c.json('GET', `/crm/v4/objects/contacts/${busy[0]}/associations/notes?limit=501`)).status).toBe(400);
  });

  it('finds notes of a contact through search on associations.contact', async () => {
    const { status, body } = await c.json<Page & { total: number }>('POST', '/crm/v3/objects/notes/search', {
      filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: seeded.contactId }] }],
      properties: ['hs_note_body', 'hs_timestamp'],
      sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
    });
    expect(status).toBe(200);
    const expected = dataset.crmNotes.filter((n) => n.contactId === seeded.contactId);
    expect(body.total).toBe(expected.length);
    expect(body.results.map((r) => r.id).sort()).toEqual(expected.map((n) => n.id).sort());
    const times = body.results.map((r) => Date.parse(r.properties['hs_timestamp']!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('batch-reads notes', async () => {
    const ids = dataset.crmNotes.slice(0, 3).map((n) => ({ id: n.id }));
    const { status, body } = await c.json<{ results: WireRecord[] }>('POST', '/crm/v3/objects/notes/batch/read', {
      inputs: ids,
      properties: ['hs_note_body'],
    });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(3);
    const missing = await c.json<{ errors: { message: string }[] }>('POST', '/crm/v3/objects/notes/batch/read', { inputs: [{ id: '999999999999' }] });
    expect(missing.status).toBe(207);
    expect(missing.body.errors[0]!.message).toBe('Could not get some NOTE objects, they may be deleted or not exist. Check that ids are valid.');
  });

  it('refuses a note without hs_timestamp, a wrong association type and a missing contact', async () => {
    const noTime = await c.json('POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'x' }, associations: toContact(contact.id) });
    expect(noTime.status).toBe(400);
    expect(noTime.body['message']).toContain('hs_timestamp');
    const wrongType = await c.json('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'x', hs_timestamp: '2026-01-01T00:00:00Z' },
      associations: [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 201 }] }],
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body['message']).toBe('One or more associations are invalid');
    const ghost = await c.json('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'x', hs_timestamp: '2026-01-01T00:00:00Z' },
      associations: toContact('999999999999'),
    });
    expect(ghost.status).toBe(400);
  });

  it('creates a note tagged with omnigraph_idempotency_key, finds it by search on the tag and batch-reads it', async () => {
    const key = `sim-test-${Date.now()}`;
    const created = await c.json<WireRecord>('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'Zwrot w sklepie.', hs_timestamp: String(Date.parse('2026-06-01T08:00:00Z')), omnigraph_idempotency_key: key },
      associations: toContact(contact.id),
    });
    expect(created.status).toBe(201);
    // epoch-ms values are stored as ISO datetimes, like every HubSpot datetime
    expect(created.body.properties).toMatchObject({ hs_timestamp: '2026-06-01T08:00:00.000Z', omnigraph_idempotency_key: key });
    const definition = await c.json<{ name: string; type: string; hubspotDefined: boolean }>(
      'GET',
      '/crm/v3/properties/notes/omnigraph_idempotency_key',
    );
    expect(definition.body).toMatchObject({ name: 'omnigraph_idempotency_key', type: 'string', hubspotDefined: false });

    const found = await c.json<Page & { total: number }>('POST', '/crm/v3/objects/notes/search', {
      filterGroups: [{ filters: [{ propertyName: 'omnigraph_idempotency_key', operator: 'EQ', value: key }] }],
      properties: ['hs_note_body', 'omnigraph_idempotency_key'],
    });
    expect(found.body.total).toBe(1);
    expect(found.body.results[0]).toMatchObject({ id: created.body.id, properties: { omnigraph_idempotency_key: key } });

    const read = await c.json<{ results: WireRecord[] }>('POST', '/crm/v3/objects/notes/batch/read', {
      inputs: [{ id: created.body.id }],
      properties: ['hs_note_body', 'hs_timestamp', 'omnigraph_idempotency_key'],
    });
    expect(read.body.results[0]!.properties).toMatchObject({ hs_note_body: 'Zwrot w sklepie.', omnigraph_idempotency_key: key });
    expect(c.sim.control.counters().endpoints['POST /crm/v3/objects/notes/search']).toBeGreaterThan(0);
  });

  it("answers HubSpot's validation bodies: unknown property, missing hs_timestamp, unknown contact; nothing is created", async () => {
    const countNotes = async () => ((await (await c.admin('GET', '')).json()) as { counts: { notes: { total: number } } }).counts.notes.total;
    const notesBefore = await countNotes();

    const unknown = await c.json<Record<string, unknown>>('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'x', hs_timestamp: '2026-01-01T00:00:00Z', omnigraph_key: 'k' },
      associations: toContact(contact.id),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      status: 'error',
      category: 'VALIDATION_ERROR',
      message:
        'Property values were not valid: [{"isValid":false,"message":"Property \\"omnigraph_key\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"omnigraph_key"}]',
    });
    expect(typeof unknown.body['correlationId']).toBe('string');

    const noTime = await c.json<Record<string, unknown>>('POST', '/crm/v3/objects/notes', { properties: { hs_note_body: 'x' } });
    expect(noTime.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(noTime.body['message']).toContain('"name":"hs_timestamp"');

    const ghost = await c.json<Record<string, unknown>>('POST', '/crm/v3/objects/notes', {
      properties: { hs_note_body: 'x', hs_timestamp: '2026-01-01T00:00:00Z' },
      associations: toContact('999999999999'),
    });
    expect(ghost.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: 'One or more associations are invalid' });
    expect(await countNotes()).toBe(notesBefore);
  });

  it('keeps a new note (and contact) out of search for the configured index lag, while associations and reads see it', async () => {
    expect((await c.admin('PUT', '/search-index-lag', { lagMs: 60_000 })).status).toBe(200);
    try {
      const key = `lag-${Date.now()}`;
      const created = await c.json<WireRecord>('POST', '/crm/v3/objects/notes', {
        properties: { hs_note_body: 'lag', hs_timestamp: '2026-06-01T08:00:00Z', omnigraph_idempotency_key: key },
        associations: toContact(contact.id),
      });
      const search = await c.json<{ total: number }>('POST', '/crm/v3/objects/notes/search', {
        filterGroups: [{ filters: [{ propertyName: 'omnigraph_idempotency_key', operator: 'EQ', value: key }] }],
      });
      expect(search.body.total).toBe(0);
      const listed = await c.json<AssociationPage>('GET', `/crm/v4/objects/contacts/${contact.id}/associations/notes`);
      expect(listed.body.results.map((r) => String(r.toObjectId))).toContain(created.body.id);
      expect((await c.json('GET', `/crm/v3/objects/notes/${created.body.id}`)).status).toBe(200);

      const person = await c.json<WireRecord>('POST', '/crm/v3/objects/contacts', { properties: { email: `lag-${Date.now()}@example.pl` } });
      const byEmail = await c.json<{ total: number }>('POST', '/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: person.body.properties['email'] }] }],
      });
      expect(byEmail.body.total).toBe(0);
    } finally {
      await c.admin('PUT', '/search-index-lag', { lagMs: 0 });
    }
  });
});
