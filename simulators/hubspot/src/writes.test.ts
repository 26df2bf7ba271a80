import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpot, TEST_SCALE, type Page, type TestClient, type WireRecord } from './test-support.ts';

describe('HubSpot contact writes', () => {
  let c: TestClient;
  const dataset = getDataset({ scale: TEST_SCALE });
  const existing = dataset.crmContacts.find((x) => x.email)!;

  beforeAll(async () => {
    c = await startHubSpot();
  });
  afterAll(() => c.sim.close());

  it('creates a contact with a counter id, string properties and HubSpot-managed timestamps', async () => {
    const before = Date.now();
    const { status, body } = await c.json<WireRecord>('POST', '/crm/v3/objects/contacts', {
      properties: {
        email: 'Nowy.Klient@Example.PL',
        firstname: 'Nowy',
        lastname: 'Klient',
        loyalty_points: 15,
        consent_sms_marketing: true,
        phone: '+48 601 234 999',
      },
    });
    expect(status).toBe(201);
    const maxSeedId = dataset.crmContacts.map((x) => BigInt(x.id)).reduce((a, b) => (a > b ? a : b));
    expect(body.id).toBe((maxSeedId + 1n).toString());
    expect(body.properties).toMatchObject({
      email: 'nowy.klient@example.pl',
      loyalty_points: '15',
      consent_sms_marketing: 'true',
      hs_object_id: body.id,
      hs_searchable_calculated_phone_number: '601234999',
    });
    expect(Date.parse(body.createdAt)).toBeGreaterThanOrEqual(before - 5);
    expect(body.properties['createdate']).toBe(body.createdAt);
    expect(body.properties['lastmodifieddate']).toBe(body.updatedAt);
    const read = await c.json<WireRecord>('GET', `/crm/v3/objects/contacts/nowy.klient@example.pl?idProperty=email&properties=loyalty_points`);
    expect(read.body.id).toBe(body.id);
  });

  it('answers a duplicate email with 409 CONFLICT naming the existing id', async () => {
    const { status, body } = await c.json('POST', '/crm/v3/objects/contacts', { properties: { email: existing.email!.toUpperCase() } });
    expect(status).toBe(409);
    expect(body).toEqual({
      status: 'error',
      message: `Contact already exists. Existing ID: ${existing.id}`,
      correlationId: expect.any(String),
      category: 'CONFLICT',
    });
  });

  it('rejects unknown, read-only and mistyped properties with the PROPERTY_DOESNT_EXIST message shape', async () => {
    const unknown = await c.json('POST', '/crm/v3/objects/contacts', { properties: { email: 'x1@example.pl', shoe_size: '42' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      status: 'error',
      message:
        'Property values were not valid: [{"isValid":false,"message":"Property \\"shoe_size\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"shoe_size"}]',
      correlationId: expect.any(String),
      category: 'VALIDATION_ERROR',
    });
    const readOnly = await c.json('PATCH', `/crm/v3/objects/contacts/${existing.id}`, { properties: { lastmodifieddate: '2020-01-01' } });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body['message']).toContain('"error":"READ_ONLY_VALUE"');
    const notNumber = await c.json('PATCH', `/crm/v3/objects/contacts/${existing.id}`, { properties: { loyalty_points: 'lots' } });
    expect(notNumber.status).toBe(400);
    expect(notNumber.body['message']).toContain('"name":"loyalty_points"');
    const badTier = await c.json('PATCH', `/crm/v3/objects/contacts/${existing.id}`, { properties: { loyalty_tier: 'diamond' } });
    expect(badTier.body['message']).toContain('"error":"INVALID_OPTION"');
    const badEmail = await c.json('POST', '/crm/v3/objects/contacts', { properties: { email: 'not-an-email' } });
    expect(badEmail.body['message']).toContain('"error":"INVALID_EMAIL"');
  });

  it('PATCH moves lastmodifieddate and a lastmodifieddate GTE search finds the change', async () => {
    const target = dataset.crmContacts[5]!;
    const cursor = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    const { status, body } = await c.json<WireRecord>('PATCH', `/crm/v3/objects/contacts/${target.id}`, {
      properties: { loyalty_points: String(target.loyaltyPoints + 60), loyalty_tier: 'platinum' },
    });
    expect(status).toBe(200);
    expect(body.properties['loyalty_points']).toBe(String(target.loyaltyPoints + 60));
    expect(Date.parse(body.updatedAt)).toBeGreaterThan(cursor);
    expect(body.properties['lastmodifieddate']).toBe(body.updatedAt);

    const changed = await c.json<Page & { total: number }>('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(cursor) }] }],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['loyalty_points'],
    });
    expect(changed.body.results.map((r) => r.id)).toContain(target.id);
    expect(changed.body.results.every((r) => Date.parse(r.properties['lastmodifieddate']!) >= cursor)).toBe(true);

    const history = await c.json<WireRecord>('GET', `/crm/v3/objects/contacts/${target.id}?propertiesWithHistory=loyalty_points`);
    expect(history.body.propertiesWithHistory!['loyalty_points']!.map((v) => v.value)).toEqual([
      String(target.loyaltyPoints + 60),
      String(target.loyaltyPoints),
    ]);
    expect(history.body.propertiesWithHistory!['loyalty_points']![0]!.sourceType).toBe('INTEGRATION');
  });

  it('leaves timestamps alone when a PATCH changes nothing', async () => {
    const target = dataset.crmContacts[6]!;
    const first = await c.json<WireRecord>('GET', `/crm/v3/objects/contacts/${target.id}`);
    const { body } = await c.json<WireRecord>('PATCH', `/crm/v3/objects/contacts/${target.id}`, { properties: { firstname: target.firstName } });
    expect(body.updatedAt).toBe(first.body.updatedAt);
  });

  it('updates by idProperty=email, recomputes the searchable phone, clears with an empty string', async () => {
    const { status, body } = await c.json<WireRecord>('PATCH', `/crm/v3/objects/contacts/${encodeURIComponent(existing.email!)}?idProperty=email`, {
      properties: { phone: '0048 512 345 678', city: '' },
    });
    expect(status).toBe(200);
    expect(body.id).toBe(existing.id);
    const read = await c.json<WireRecord>(
      'GET',
      `/crm/v3/objects/contacts/${existing.id}?properties=phone,hs_searchable_calculated_phone_number,city`,
    );
    expect(read.body.properties).toMatchObject({ phone: '0048 512 345 678', hs_searchable_calculated_phone_number: '512345678', city: null });
    const found = await c.json<Page>('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: '512345678' }] }],
    });
    expect(found.body.results.map((r) => r.id)).toContain(existing.id);
  });

  it('answers PATCH of an unknown id with 404 OBJECT_NOT_FOUND', async () => {
    const { status, body } = await c.json('PATCH', '/crm/v3/objects/contacts/999999999999', { properties: { firstname: 'X' } });
    expect(status).toBe(404);
    expect(body['category']).toBe('OBJECT_NOT_FOUND');
  });

  it('batch-updates, reporting missing ids with 207 and refusing duplicate ids', async () => {
    const [a, b] = dataset.crmContacts.slice(10, 12);
    const ok = await c.json<{ status: string; results: WireRecord[] }>('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: a!.id, properties: { loyalty_points: '7' } },
        { id: b!.email ?? b!.id, idProperty: b!.email ? 'email' : undefined, properties: { loyalty_points: '8' } },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.results.map((r) => r.properties['loyalty_points']).sort()).toEqual(['7', '8']);
    const partial = await c.json('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: a!.id, properties: { loyalty_points: '9' } },
        { id: '999999999999', properties: { loyalty_points: '1' } },
      ],
    });
    expect(partial.status).toBe(207);
    expect(partial.body['errors']).toMatchObject([{ category: 'OBJECT_NOT_FOUND', context: { ids: ['999999999999'] } }]);
    const dupes = await c.json('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [
        { id: a!.id, properties: {} },
        { id: a!.id, properties: {} },
      ],
    });
    expect(dupes.status).toBe(400);
  });

  it('batch-creates (201), refusing the whole batch when two inputs share an email', async () => {
    const created = await c.json<{ status: string; results: WireRecord[] }>('POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'batch.one@example.pl' } }, { properties: { email: 'batch.two@example.pl', loyalty_points: '3' } }],
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('COMPLETE');
    expect(created.body.results.map((r) => r.properties['email']).sort()).toEqual(['batch.one@example.pl', 'batch.two@example.pl']);
    const clash = await c.json('POST', '/crm/v3/objects/contacts/batch/create', {
      inputs: [{ properties: { email: 'batch.three@example.pl' } }, { properties: { email: 'Batch.Three@example.pl' } }],
    });
    expect(clash.status).toBe(400);
    expect((await c.call('GET', '/crm/v3/objects/contacts/batch.three@example.pl?idProperty=email')).status).toBe(404);
  });

  it('batch-upserts by a unique idProperty, creating the unknown and updating the known', async () => {
    const known = dataset.crmContacts.find((x) => x.allegroBuyerLogin)!;
    const { status, body } = await c.json<{ results: (WireRecord & { new: boolean })[] }>('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [
        { idProperty: 'allegro_buyer_login', id: known.allegroBuyerLogin, properties: { loyalty_tier: 'silver' } },
        { idProperty: 'allegro_buyer_login', id: 'nowy_kupujacy_2026', properties: { firstname: 'Nowy', allegro_buyer_id: '99887766' } },
      ],
    });
    expect(status).toBe(200);
    const updated = body.results.find((r) => r.id === known.id)!;
    expect(updated.new).toBe(false);
    const created = body.results.find((r) => r.new)!;
    expect(created.properties['allegro_buyer_login']).toBe('nowy_kupujacy_2026');
    const read = await c.json<WireRecord>('GET', '/crm/v3/objects/contacts/99887766?idProperty=allegro_buyer_id');
    expect(read.body.id).toBe(created.id);
  });

  it('archives with DELETE (204), hides the record and frees its email', async () => {
    const victim = dataset.crmContacts.find((x) => x.email && x.id !== existing.id)!;
    expect((await c.call('DELETE', `/crm/v3/objects/contacts/${victim.id}`)).status).toBe(204);
    expect((await c.call('GET', `/crm/v3/objects/contacts/${victim.id}`)).status).toBe(404);
    const archived = await c.json<WireRecord & { archivedAt: string }>('GET', `/crm/v3/objects/contacts/${victim.id}?archived=true`);
    expect(archived.body.archived).toBe(true);
    expect(archived.body.archivedAt).toBeTruthy();
    const list = await c.json<Page>('GET', '/crm/v3/objects/contacts?archived=true&limit=100');
    expect(list.body.results.map((r) => r.id)).toContain(victim.id);
    const again = await c.json('POST', '/crm/v3/objects/contacts', { properties: { email: victim.email } });
    expect(again.status).toBe(201);
  });
});
