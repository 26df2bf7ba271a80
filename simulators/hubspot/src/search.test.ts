import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubSpot, TEST_SCALE, type Page, type TestClient } from './test-support.ts';

const path = '/crm/v3/objects/contacts/search';

describe('HubSpot contact search', () => {
  let c: TestClient;
  const dataset = getDataset({ scale: TEST_SCALE });
  const contacts = dataset.crmContacts;
  const withPhone = contacts.find((x) => x.phoneDigits && x.phone !== x.phoneDigits)!;

  beforeAll(async () => {
    c = await startHubSpot();
  });
  afterAll(() => c.sim.close());

  const search = (body: unknown) => c.json<Page & { total: number } & Record<string, unknown>>('POST', path, body);

  it('finds a contact by the digits of its phone, in the shape of A.3.2', async () => {
    const { status, body } = await search({
      filterGroups: [
        { filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: withPhone.phoneDigits }] },
        { filters: [{ propertyName: 'phone', operator: 'EQ', value: withPhone.phone }] },
      ],
      properties: ['email', 'firstname', 'lastname', 'phone'],
      sorts: ['-lastmodifieddate'],
      limit: 100,
      after: '0',
    });
    expect(status).toBe(200);
    const expected = contacts.filter((x) => x.phoneDigits === withPhone.phoneDigits || x.phone === withPhone.phone);
    expect(body.total).toBe(expected.length);
    expect(body.results.map((r) => r.id)).toContain(withPhone.id);
    expect(body.paging).toBeUndefined();
    expect(Object.keys(body.results[0]!.properties).sort()).toEqual([
      'createdate',
      'email',
      'firstname',
      'hs_object_id',
      'lastmodifieddate',
      'lastname',
      'phone',
    ]);
  });

  it('compares each value of the multiple-checkbox hs_additional_emails with EQ and IN (not the joined string)', async () => {
    const nowak = contacts.find((x) => x.id === '10000000006')!;
    const secondary = nowak.additionalEmails[0]!;
    const byEq = await search({
      filterGroups: [{ filters: [{ propertyName: 'hs_additional_emails', operator: 'EQ', value: secondary.toUpperCase() }] }],
    });
    expect(byEq.body.results.map((r) => r.id)).toEqual([nowak.id]);
    const anna = contacts.find((x) => x.id === '10000000001')!;
    const byIn = await search({
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: 'IN', values: [secondary, anna.email!] }] },
        { filters: [{ propertyName: 'hs_additional_emails', operator: 'IN', values: [secondary, anna.email!] }] },
      ],
    });
    expect(byIn.body.results.map((r) => r.id).sort()).toEqual([anna.id, nowak.id]);
    const withTwo = contacts.find((x) => x.additionalEmails.length >= 2);
    if (withTwo) {
      const second = await search({
        filterGroups: [{ filters: [{ propertyName: 'hs_additional_emails', operator: 'EQ', value: withTwo.additionalEmails[1]! }] }],
      });
      expect(second.body.results.map((r) => r.id)).toContain(withTwo.id);
    }
    const notIn = await search({
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_object_id', operator: 'EQ', value: nowak.id },
            { propertyName: 'hs_additional_emails', operator: 'NOT_IN', values: [secondary] },
          ],
        },
      ],
    });
    expect(notIn.body.total).toBe(0);
  });

  it('serves the company name (HubSpot standard property `company`) of contacts who buy for a company', async () => {
    const nowak = contacts.find((x) => x.id === '10000000006')!;
    expect(nowak.companyName).toBe('Kawiarnia Pod Lipami Sp. z o.o.');
    const found = await search({
      filterGroups: [{ filters: [{ propertyName: 'company', operator: 'CONTAINS_TOKEN', value: 'lipami' }] }],
      properties: ['company'],
    });
    expect(found.body.results.map((r) => [r.id, r.properties['company']])).toContainEqual([nowak.id, nowak.companyName]);
    expect(contacts.filter((x) => x.companyName !== null).length).toBeGreaterThan(1);
  });

  it('matches names with CONTAINS_TOKEN, case-insensitively and with * wildcards', async () => {
    const target = contacts.find((x) => x.lastName.length > 4)!;
    const exact = await search({
      filterGroups: [{ filters: [{ propertyName: 'lastname', operator: 'CONTAINS_TOKEN', value: target.lastName.toUpperCase() }] }],
      limit: 200,
    });
    const expected = contacts.filter(
      (x) =>
        x.lastName.toLowerCase().split(/\s|-/).includes(target.lastName.toLowerCase()) || x.lastName.toLowerCase() === target.lastName.toLowerCase(),
    );
    expect(exact.body.total).toBe(expected.length);
    const prefix = target.lastName.slice(0, 4);
    const wild = await search({
      filterGroups: [{ filters: [{ propertyName: 'lastname', operator: 'CONTAINS_TOKEN', value: `${prefix}*` }] }],
      limit: 200,
    });
    expect(wild.body.total).toBeGreaterThanOrEqual(expected.length);
    for (const r of wild.body.results)
      expect(r.properties['lastname']!.toLowerCase()).toMatch(new RegExp(`(^|[^\\p{L}])${prefix.toLowerCase()}`, 'u'));
    const domain = contacts.find((x) => x.email)!.email!.split('@')[1]!;
    const byDomain = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: `*@${domain}` }] }] });
    expect(byDomain.body.total).toBe(contacts.filter((x) => x.email?.toLowerCase().endsWith(`@${domain}`)).length);
  });

  it('filters with IN and NOT_IN, with EQ case-insensitive on strings', async () => {
    const { body } = await search({
      filterGroups: [{ filters: [{ propertyName: 'loyalty_tier', operator: 'IN', values: ['gold', 'platinum'] }] }],
      limit: 0,
    });
    expect(body.total).toBe(contacts.filter((x) => x.loyaltyTier === 'gold' || x.loyaltyTier === 'platinum').length);
    const notIn = await search({
      filterGroups: [{ filters: [{ propertyName: 'loyalty_tier', operator: 'NOT_IN', values: ['gold', 'platinum'] }] }],
      limit: 0,
    });
    expect(notIn.body.total + body.total).toBe(contacts.length);
    const eq = await search({ filterGroups: [{ filters: [{ propertyName: 'loyalty_tier', operator: 'EQ', value: 'GOLD' }] }], limit: 0 });
    expect(eq.body.total).toBe(contacts.filter((x) => x.loyaltyTier === 'gold').length);
  });

  it('compares numeric properties as numbers and supports BETWEEN, HAS_PROPERTY, NOT_HAS_PROPERTY', async () => {
    const gt = await search({ filterGroups: [{ filters: [{ propertyName: 'loyalty_points', operator: 'GT', value: '999' }] }], limit: 0 });
    expect(gt.body.total).toBe(contacts.filter((x) => x.loyaltyPoints > 999).length);
    const between = await search({
      filterGroups: [{ filters: [{ propertyName: 'loyalty_points', operator: 'BETWEEN', value: '100', highValue: '500' }] }],
      limit: 0,
    });
    expect(between.body.total).toBe(contacts.filter((x) => x.loyaltyPoints >= 100 && x.loyaltyPoints <= 500).length);
    const has = await search({ filterGroups: [{ filters: [{ propertyName: 'allegro_buyer_id', operator: 'HAS_PROPERTY' }] }], limit: 0 });
    expect(has.body.total).toBe(contacts.filter((x) => x.allegroBuyerId).length);
    const hasNot = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'NOT_HAS_PROPERTY' }] }], limit: 0 });
    expect(hasNot.body.total).toBe(contacts.filter((x) => !x.email).length);
  });

  it('compares datetimes given as epoch milliseconds or ISO strings', async () => {
    const sortedDates = contacts.map((x) => Date.parse(x.createdAt)).sort((a, b) => a - b);
    const cut = sortedDates[Math.floor(sortedDates.length / 2)]!;
    const expected = sortedDates.filter((d) => d >= cut).length;
    const ms = await search({ filterGroups: [{ filters: [{ propertyName: 'createdate', operator: 'GTE', value: String(cut) }] }], limit: 0 });
    const iso = await search({
      filterGroups: [{ filters: [{ propertyName: 'createdate', operator: 'GTE', value: new Date(cut).toISOString() }] }],
      limit: 0,
    });
    expect(ms.body.total).toBe(expected);
    expect(iso.body.total).toBe(expected);
  });

  it('sorts with "-property" strings and with {propertyName, direction} objects alike', async () => {
    const asString = await search({ sorts: ['-loyalty_points'], properties: ['loyalty_points'], limit: 20 });
    const asObject = await search({
      sorts: [{ propertyName: 'loyalty_points', direction: 'DESCENDING' }],
      properties: ['loyalty_points'],
      limit: 20,
    });
    const points = asString.body.results.map((r) => Number(r.properties['loyalty_points']));
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(points[0]).toBe(Math.max(...contacts.map((x) => x.loyaltyPoints)));
    expect(asObject.body.results.map((r) => r.id)).toEqual(asString.body.results.map((r) => r.id));
    const asc = await search({ sorts: [{ propertyName: 'loyalty_points', direction: 'ASCENDING' }], properties: ['loyalty_points'], limit: 5 });
    expect(Number(asc.body.results[0]!.properties['loyalty_points'])).toBe(Math.min(...contacts.map((x) => x.loyaltyPoints)));
  });

  it('searches default properties with the free-text query', async () => {
    const target = contacts.find((x) => x.email)!;
    const { body } = await search({ query: target.email, limit: 10 });
    expect(body.results.map((r) => r.id)).toContain(target.id);
    const byName = await search({ query: `${target.firstName} ${target.lastName}`, limit: 200 });
    expect(byName.body.results.map((r) => r.id)).toContain(target.id);
    for (const r of byName.body.results) {
      expect(`${r.properties['firstname']} ${r.properties['lastname']} ${r.properties['email']}`.toLowerCase()).toContain(
        target.firstName.toLowerCase(),
      );
    }
  });

  it('pages with after offsets and a paging cursor while more remain', async () => {
    const first = await search({ limit: 200, sorts: ['hs_object_id'] });
    expect(first.body.total).toBe(contacts.length);
    expect(first.body.paging?.next.after).toBe('200');
    const second = await search({ limit: 200, sorts: ['hs_object_id'], after: first.body.paging!.next.after });
    expect(second.body.results[0]!.id).not.toBe(first.body.results[0]!.id);
    const ids = new Set([...first.body.results, ...second.body.results].map((r) => r.id));
    expect(ids.size).toBe(400);
  });

  it('rejects limit 201, too many filters and groups with 400 VALIDATION_ERROR', async () => {
    const limit = await search({ limit: 201 });
    expect(limit.status).toBe(400);
    expect(limit.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect((await search({ limit: 200 })).status).toBe(200);

    const filter = { propertyName: 'loyalty_points', operator: 'GTE', value: '0' };
    const groups = (n: number, per: number) => Array.from({ length: n }, () => ({ filters: Array.from({ length: per }, () => filter) }));
    expect((await search({ filterGroups: groups(5, 5) })).status).toBe(200);
    const total = await search({ filterGroups: groups(3, 9) });
    expect(total.status).toBe(400);
    expect(total.body['message']).toMatch(/max 25/);
    const perGroup = await search({ filterGroups: groups(1, 11) });
    expect(perGroup.status).toBe(400);
    expect(perGroup.body['message']).toMatch(/max 10/);
    const groupCount = await search({ filterGroups: groups(6, 1) });
    expect(groupCount.status).toBe(400);
    expect(groupCount.body['message']).toMatch(/max 5/);
  });

  it('rejects a BETWEEN without highValue, an unknown operator and an unknown property', async () => {
    const between = await search({ filterGroups: [{ filters: [{ propertyName: 'loyalty_points', operator: 'BETWEEN', value: '1' }] }] });
    expect(between.status).toBe(400);
    expect(between.body['message']).toMatch(/operator BETWEEN requires a highValue$/);
    expect(between.body['category']).toBeUndefined();
    const op = await search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'LIKE', value: 'x' }] }] });
    expect(op.status).toBe(400);
    const prop = await search({ filterGroups: [{ filters: [{ propertyName: 'shoe_size', operator: 'EQ', value: '42' }] }] });
    expect(prop.status).toBe(400);
    expect(prop.body['category']).toBe('VALIDATION_ERROR');
  });
});

describe('HubSpot search 10 000 result cap', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await startHubSpot();
    // A few thousand extra contacts through the records path put this small dataset over the cap quickly.
    const base = 90_000_000_000;
    const extra = Array.from({ length: 10_500 }, (_, i) => ({
      id: String(base + i),
      properties: { email: `bulk${i}@example.org`, firstname: 'Bulk', lastname: `Contact${i}`, loyalty_points: String(i % 1000) },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      archived: false,
    }));
    const res = await c.admin('POST', '/records', { contacts: extra });
    expect(res.status).toBe(201);
  });
  afterAll(() => c.sim.close());

  it('reports the true total, hands out a cursor past 10 000 and refuses to follow it', async () => {
    const filter = { filterGroups: [{ filters: [{ propertyName: 'firstname', operator: 'EQ', value: 'bulk' }] }] };
    const near = await c.json<Page>('POST', path, { ...filter, limit: 200, after: '9800' });
    expect(near.status).toBe(200);
    expect(near.body.total).toBe(10_500);
    expect(near.body.results).toHaveLength(200);
    expect(near.body.paging?.next.after).toBe('10000');
    const beyond = await c.json('POST', path, { ...filter, limit: 200, after: '10000' });
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(beyond.body['message']).toMatch(/10000/);
  });
});
