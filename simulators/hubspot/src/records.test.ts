import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpot, TEST_SCALE, type TestClient, type WireRecord } from './test-support.ts';

describe('HubSpot records loading (/__simulator/records)', () => {
  let c: TestClient;
  const dataset = getDataset({ scale: TEST_SCALE });

  beforeAll(async () => {
    c = await startHubSpot();
  });
  afterAll(() => c.sim.close());

  const load = async (payload: unknown) => {
    const res = await c.admin('POST', '/records', payload);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('loads contacts and notes in the wire format, indexed and searchable', async () => {
    const { status, body } = await load({
      contacts: [
        {
          id: '77000000001',
          properties: {
            email: 'Repro.Bug@Example.PL',
            firstname: 'Repro',
            lastname: 'Bug',
            phone: '+48 699 000 111',
            loyalty_points: '1240',
            allegro_buyer_login: 'repro_bug_88',
            hs_additional_emails: 'k7rq2mf9zd@allegromail.pl',
          },
          createdAt: '2025-11-03T13:22:40.118Z',
          updatedAt: '2026-05-12T09:05:02.911Z',
          archived: false,
        },
      ],
      notes: [
        {
          id: '88000000001',
          properties: { hs_note_body: 'Reklamacja', hs_timestamp: '2026-05-12T09:00:00.000Z' },
          createdAt: '2026-05-12T09:00:00.000Z',
          updatedAt: '2026-05-12T09:00:00.000Z',
          associations: { contacts: ['77000000001'] },
        },
      ],
    });
    expect(status).toBe(201);
    expect(body).toEqual({ loaded: { contacts: 1, notes: 1 } });

    const byEmail = await c.json<WireRecord>(
      'GET',
      '/crm/v3/objects/contacts/repro.bug@example.pl?idProperty=email&properties=loyalty_points,hs_searchable_calculated_phone_number',
    );
    expect(byEmail.body).toMatchObject({
      id: '77000000001',
      properties: { loyalty_points: '1240', hs_searchable_calculated_phone_number: '699000111', lastmodifieddate: '2026-05-12T09:05:02.911Z' },
      createdAt: '2025-11-03T13:22:40.118Z',
    });
    const byLogin = await c.call('GET', '/crm/v3/objects/contacts/repro_bug_88?idProperty=allegro_buyer_login');
    expect(byLogin.status).toBe(200);
    const search = await c.json<{ total: number }>('POST', '/crm/v3/objects/contacts/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: '699000111' }] }],
    });
    expect(search.body.total).toBe(1);
    const assoc = await c.json<{ results: { toObjectId: number }[] }>('GET', '/crm/v4/objects/contacts/77000000001/associations/notes');
    expect(assoc.body.results.map((r) => r.toObjectId)).toEqual([88000000001]);
    // new records created afterwards get ids above the loaded ones
    const created = await c.json<WireRecord>('POST', '/crm/v3/objects/contacts', { properties: { firstname: 'Po' } });
    expect(BigInt(created.body.id)).toBeGreaterThan(77000000001n);
  });

  it('rejects a numeric property value: HubSpot values are strings', async () => {
    const { status, body } = await load({ contacts: [{ id: '66000000002', properties: { loyalty_points: 5 } }] });
    expect(status).toBe(400);
    expect(body['error']).toMatch(/contacts\[0\]\.properties\.loyalty_points must be a string or null/);
    expect((await c.call('GET', '/crm/v3/objects/contacts/66000000002')).status).toBe(404);
  });

  it('rejects junk with a clear message and loads nothing from a bad payload', async () => {
    const cases: [unknown, RegExp][] = [
      [[], /JSON object/],
      [{ deals: [] }, /unknown record kinds deals/],
      [{ contacts: [{ id: 12, properties: {} }] }, /id must be a numeric string/],
      [{ contacts: [{ id: '1', properties: { shoe_size: '42' } }] }, /unknown contacts property/],
      [{ contacts: [{ id: '1', properties: { loyalty_tier: 'diamond' } }] }, /loyalty_tier/],
      [{ contacts: [{ id: '1', properties: {}, createdAt: 'yesterday' }] }, /createdAt must be an ISO 8601/],
      [{ contacts: [{ id: '77000000003', properties: { email: dataset.crmContacts.find((x) => x.email)!.email! } }] }, /already belongs to contact/],
      [{ notes: [{ id: '88000000002', properties: {}, associations: { contacts: ['123'] } }] }, /contact 123 does not exist/],
      [
        {
          contacts: [
            { id: '77000000004', properties: { firstname: 'ok' } },
            { id: '77000000005', properties: { odoo_partner_id: 7 } },
          ],
        },
        /contacts\[1\]/,
      ],
    ];
    for (const [payload, message] of cases) {
      const { status, body } = await load(payload);
      expect(status, JSON.stringify(payload)).toBe(400);
      expect(String(body['error'])).toMatch(message);
    }
    expect((await c.call('GET', '/crm/v3/objects/contacts/77000000004')).status).toBe(404);
  });

  it('drops loaded records on reset', async () => {
    expect((await c.admin('POST', '/reset')).status).toBe(204);
    expect((await c.call('GET', '/crm/v3/objects/contacts/77000000001')).status).toBe(404);
    const info = (await (await c.admin('GET', '')).json()) as { counts: { contacts: { total: number } } };
    expect(info.counts.contacts.total).toBe(dataset.crmContacts.length);
  });

  it('restarts the correlation-id sequence on reset, so runs are repeatable', async () => {
    const firstError = async () => ((await (await fetch(`${c.base}/crm/v3/objects/contacts`)).json()) as { correlationId: string }).correlationId;
    await c.admin('POST', '/reset');
    const a = await firstError();
    const b = await firstError();
    await c.admin('POST', '/reset');
    expect(await firstError()).toBe(a);
    expect(b).not.toBe(a);
  });
});
