import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_MISSING_MESSAGE } from './hubspot-errors.ts';
import { startHubSpot, TEST_SCALE, TOKEN, type Page, type TestClient, type WireRecord } from './test-support.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('HubSpot contacts: auth, reads, batch read', () => {
  let c: TestClient;
  const dataset = getDataset({ scale: TEST_SCALE });
  const withEmail = dataset.crmContacts.find((x) => x.email && x.allegroBuyerLogin && x.phone)!;
  const withLogin = dataset.crmContacts.find((x) => x.allegroBuyerLogin && x.id !== withEmail.id)!;

  beforeAll(async () => {
    c = await startHubSpot();
  });
  afterAll(() => c.sim.close());

  describe('authentication', () => {
    it('answers a request without a token with 401 INVALID_AUTHENTICATION', async () => {
      const res = await fetch(`${c.base}/crm/v3/objects/contacts`);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body).toEqual({
        status: 'error',
        message: AUTH_MISSING_MESSAGE,
        correlationId: expect.stringMatching(UUID),
        category: 'INVALID_AUTHENTICATION',
      });
      expect(body.message).toBe(
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      );
      expect(res.headers.get('x-hubspot-correlation-id')).toBe(body.correlationId);
      expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    });

    it('answers a non-bearer Authorization header like a missing one', async () => {
      const res = await fetch(`${c.base}/crm/v3/objects/contacts`, { headers: { authorization: `Basic ${TOKEN}` } });
      expect(res.status).toBe(401);
      expect((await res.json()).category).toBe('INVALID_AUTHENTICATION');
    });

    it('answers an unknown token with 401 EXPIRED_AUTHENTICATION, expired at the epoch', async () => {
      const res = await c.call('GET', '/crm/v3/objects/contacts', undefined, { authorization: 'Bearer pat-eu1-wrong' });
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(body.category).toBe('EXPIRED_AUTHENTICATION');
      expect(body.message).toMatch(/^The OAuth token used to make this call expired \d+ day\(s\) ago\.$/);
      expect(body.context).toEqual({ 'expire time': ['1970-01-01T00:00:00.000Z'] });
      expect(body.correlationId).toMatch(UUID);
    });

    it('protects every endpoint family', async () => {
      for (const [method, path] of [
        ['POST', '/crm/v3/objects/contacts/search'],
        ['POST', '/crm/v3/objects/contacts/batch/read'],
        ['GET', '/crm/v4/objects/contacts/1/associations/notes'],
        ['GET', '/crm/v3/owners'],
        ['GET', '/crm/v3/properties/contacts'],
        ['GET', '/crm/objects/2026-03/contacts'],
      ] as const) {
        expect((await fetch(`${c.base}${path}`, { method })).status, `${method} ${path}`).toBe(401);
      }
    });
  });

  describe('list', () => {
    it('pages with the after cursor until paging disappears, in id order, without repeats', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const { status, body } = await c.json<Page>('GET', `/crm/v3/objects/contacts?limit=100${after ? `&after=${after}` : ''}`);
        expect(status).toBe(200);
        pages += 1;
        seen.push(...body.results.map((r) => r.id));
        if (!body.paging) break;
        after = body.paging.next.after;
        expect(typeof after).toBe('string');
        const lastId = body.results[body.results.length - 1]!.id;
        expect(after).toBe((BigInt(lastId) + 1n).toString());
        expect(body.paging.next.link).toBe(`${c.base}/crm/v3/objects/contacts?limit=100&after=${after}`);
      }
      expect(pages).toBeGreaterThan(2);
      expect(seen.length).toBe(dataset.crmContacts.length);
      expect(new Set(seen).size).toBe(seen.length);
      const sorted = [...seen].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      expect(seen).toEqual(sorted);
    });

    it('returns 10 records with the default properties when nothing is asked', async () => {
      const { body } = await c.json<Page>('GET', '/crm/v3/objects/contacts');
      expect(body.results).toHaveLength(10);
      const first = body.results[0]!;
      expect(Object.keys(first)).toEqual(['id', 'properties', 'createdAt', 'updatedAt', 'archived']);
      expect(Object.keys(first.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
      expect(first.properties['hs_object_id']).toBe(first.id);
      expect(first.createdAt).toMatch(ISO_MS);
      expect(first.properties['lastmodifieddate']).toBe(first.updatedAt);
    });

    it('rejects limit above 100 with a 400 VALIDATION_ERROR', async () => {
      const { status, body } = await c.json('GET', '/crm/v3/objects/contacts?limit=101');
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', correlationId: expect.stringMatching(UUID) });
      expect((await c.json('GET', '/crm/v3/objects/contacts?limit=100')).status).toBe(200);
    });

    it('serves the same list under the 2026-03 date-versioned path', async () => {
      const v3 = await c.json<Page>('GET', '/crm/v3/objects/contacts?limit=5&properties=email,loyalty_points');
      const dated = await c.json<Page>('GET', '/crm/objects/2026-03/contacts?limit=5&properties=email,loyalty_points');
      expect(dated.status).toBe(200);
      expect(dated.body.results).toEqual(v3.body.results);
      expect(dated.body.paging?.next.link).toContain('/crm/objects/2026-03/contacts?');
      const one = await c.json<WireRecord>('GET', `/crm/objects/2026-03/0-1/${withEmail.id}`);
      expect(one.body.id).toBe(withEmail.id);
    });
  });

  describe('read one', () => {
    it('reads by id with every property value a string', async () => {
      const { status, body } = await c.json<WireRecord>(
        'GET',
        `/crm/v3/objects/contacts/${withEmail.id}?properties=email,loyalty_points,loyalty_tier,consent_email_marketing,woocommerce_customer_id,allegro_buyer_login,hs_searchable_calculated_phone_number,mobilephone,nosuchproperty`,
      );
      expect(status).toBe(200);
      expect(body.properties['loyalty_points']).toBe(String(withEmail.loyaltyPoints));
      expect(body.properties['loyalty_tier']).toBe(withEmail.loyaltyTier);
      expect(body.properties['consent_email_marketing']).toBe(String(withEmail.consents.emailMarketing));
      expect(body.properties['hs_searchable_calculated_phone_number']).toBe(withEmail.phoneDigits);
      expect(body.properties['allegro_buyer_login']).toBe(withEmail.allegroBuyerLogin);
      expect(body.properties['woocommerce_customer_id']).toBe(withEmail.eshopCustomerId === null ? null : String(withEmail.eshopCustomerId));
      expect('nosuchproperty' in body.properties).toBe(false);
      for (const v of Object.values(body.properties)) expect(v === null || typeof v === 'string').toBe(true);
      // the always-present system properties come along
      expect(body.properties['hs_object_id']).toBe(withEmail.id);
      expect(body.properties['createdate']).toMatch(ISO_MS);
    });

    it('reads by email case-insensitively with idProperty=email', async () => {
      const email = withEmail.email!.toUpperCase();
      const { status, body } = await c.json<WireRecord>('GET', `/crm/v3/objects/contacts/${encodeURIComponent(email)}?idProperty=email`);
      expect(status).toBe(200);
      expect(body.id).toBe(withEmail.id);
      expect(body.properties['email']).toBe(withEmail.email!.toLowerCase());
    });

    it('reads by the unique custom property allegro_buyer_login', async () => {
      const { status, body } = await c.json<WireRecord>(
        'GET',
        `/crm/v3/objects/contacts/${encodeURIComponent(withLogin.allegroBuyerLogin!)}?idProperty=allegro_buyer_login&properties=allegro_buyer_id`,
      );
      expect(status).toBe(200);
      expect(body.id).toBe(withLogin.id);
      expect(body.properties['allegro_buyer_id']).toBe(withLogin.allegroBuyerId);
    });

    it('refuses a non-unique idProperty', async () => {
      const { status, body } = await c.json('GET', `/crm/v3/objects/contacts/Anna?idProperty=firstname`);
      expect(status).toBe(400);
      expect(body['category']).toBe('VALIDATION_ERROR');
    });

    it('answers an unknown numeric id with a bare 404 and a non-numeric one with OBJECT_NOT_FOUND', async () => {
      const missing = await c.call('GET', '/crm/v3/objects/contacts/999999999999');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('');
      const byEmail = await c.call('GET', '/crm/v3/objects/contacts/nobody%40example.pl?idProperty=email');
      expect(byEmail.status).toBe(404);
      const { status, body } = await c.json('GET', '/crm/v3/objects/contacts/nobody@example.pl');
      expect(status).toBe(404);
      expect(body).toEqual({
        status: 'error',
        message: 'Object not found.  objectId are usually numeric.',
        correlationId: expect.stringMatching(UUID),
        context: { id: ['nobody@example.pl'] },
        category: 'OBJECT_NOT_FOUND',
      });
    });

    it('includes associated notes when asked', async () => {
      const note = dataset.crmNotes[0]!;
      const { body } = await c.json<WireRecord>('GET', `/crm/v3/objects/contacts/${note.contactId}?associations=notes`);
      expect(body.associations?.['notes']?.results).toContainEqual({ id: note.id, type: 'contact_to_note' });
    });

    it('returns property history newest first when asked', async () => {
      const { body } = await c.json<WireRecord>('GET', `/crm/v3/objects/contacts/${withEmail.id}?propertiesWithHistory=loyalty_points`);
      expect(body.propertiesWithHistory?.['loyalty_points']).toEqual([
        { value: String(withEmail.loyaltyPoints), timestamp: expect.stringMatching(ISO_MS), sourceType: 'CRM_UI' },
      ]);
    });
  });

  describe('batch read', () => {
    const path = '/crm/v3/objects/contacts/batch/read';

    it('reads by email: 200, COMPLETE, timestamps, strings', async () => {
      const others = dataset.crmContacts.filter((x) => x.email && x.id !== withEmail.id).slice(0, 2);
      const { status, body } = await c.json<{ status: string; results: WireRecord[]; startedAt: string; completedAt: string; numErrors?: number }>(
        'POST',
        `${path}?archived=false`,
        {
          idProperty: 'email',
          inputs: [{ id: withEmail.email!.toUpperCase() }, ...others.map((o) => ({ id: o.email! }))],
          properties: ['email', 'loyalty_points', 'allegro_buyer_login'],
          propertiesWithHistory: [],
        },
      );
      expect(status).toBe(200);
      expect(body.status).toBe('COMPLETE');
      expect(body.numErrors).toBeUndefined();
      expect(body.startedAt).toMatch(ISO_MS);
      expect(body.completedAt).toMatch(ISO_MS);
      expect(body.results.map((r) => r.id).sort()).toEqual([withEmail.id, ...others.map((o) => o.id)].sort());
      const anna = body.results.find((r) => r.id === withEmail.id)!;
      expect(anna.properties['loyalty_points']).toBe(String(withEmail.loyaltyPoints));
      expect(Object.keys(anna.properties).sort()).toEqual([
        'allegro_buyer_login',
        'createdate',
        'email',
        'hs_object_id',
        'lastmodifieddate',
        'loyalty_points',
      ]);
    });

    it('answers 207 with an OBJECT_NOT_FOUND error listing the missing ids, and returns duplicates once', async () => {
      const { status, body } = await c.json<Record<string, unknown> & { results: WireRecord[] }>('POST', path, {
        idProperty: 'email',
        inputs: [{ id: withEmail.email! }, { id: withEmail.email! }, { id: 'nieistnieje@example.pl' }],
        properties: [],
      });
      expect(status).toBe(207);
      expect(body['status']).toBe('COMPLETE');
      expect(body.results).toHaveLength(1);
      expect(Object.keys(body.results[0]!.properties).sort()).toEqual([
        'createdate',
        'email',
        'firstname',
        'hs_object_id',
        'lastmodifieddate',
        'lastname',
      ]);
      expect(body['numErrors']).toBe(1);
      expect(body['errors']).toEqual([
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
          context: { ids: ['nieistnieje@example.pl'] },
          links: {},
          errors: [],
        },
      ]);
    });

    it('reads by record id when idProperty is left out', async () => {
      const { status, body } = await c.json<{ results: WireRecord[] }>('POST', path, { inputs: [{ id: withLogin.id }] });
      expect(status).toBe(200);
      expect(body.results[0]!.id).toBe(withLogin.id);
    });

    it('rejects 101 inputs, and 51 with propertiesWithHistory', async () => {
      const inputs = dataset.crmContacts.slice(0, 101).map((x) => ({ id: x.id }));
      const tooMany = await c.json('POST', path, { inputs });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body).toMatchObject({
        category: 'VALIDATION_ERROR',
        message: 'The maximum number of inputs supported in a batch is 100. Please reduce the number of items and try again',
      });
      expect((await c.json('POST', path, { inputs: inputs.slice(0, 100) })).status).toBe(200);
      const history = await c.json('POST', path, { inputs: inputs.slice(0, 51), propertiesWithHistory: ['email'] });
      expect(history.status).toBe(400);
      expect(history.body['message']).toMatch(/property histories is 50/);
    });

    it("answers malformed JSON with HubSpot's Jackson-style 400", async () => {
      const { status, body } = await c.json('POST', path, '{"inputs": [');
      expect(status).toBe(400);
      expect(body['message']).toMatch(/^Invalid input JSON on line 1, column \d+/);
      expect(body['category']).toBe('VALIDATION_ERROR');
    });
  });

  describe('properties and owners', () => {
    it('lists the contact properties, unique ones flagged', async () => {
      const { status, body } = await c.json<{ results: { name: string; type: string; fieldType: string; hasUniqueValue: boolean }[] }>(
        'GET',
        '/crm/v3/properties/contacts',
      );
      expect(status).toBe(200);
      const byName = new Map(body.results.map((p) => [p.name, p]));
      for (const name of ['email', 'allegro_buyer_id', 'allegro_buyer_login', 'woocommerce_customer_id', 'odoo_partner_id']) {
        expect(byName.get(name)?.hasUniqueValue, name).toBe(true);
      }
      expect(byName.get('firstname')?.hasUniqueValue).toBe(false);
      expect(byName.get('loyalty_points')).toMatchObject({ type: 'number', fieldType: 'number' });
      expect(byName.get('consent_profiling')).toMatchObject({ type: 'bool', fieldType: 'booleancheckbox' });
      expect(byName.get('lifecyclestage')?.type).toBe('enumeration');
      expect(byName.has('hs_searchable_calculated_phone_number')).toBe(true);
      expect((await c.json('GET', '/crm/v3/properties/0-1/email')).body['name']).toBe('email');
    });

    it('lists the owners referenced by notes', async () => {
      const { body } = await c.json<{ results: { id: string; email: string; type: string }[] }>('GET', '/crm/v3/owners');
      const ownerIds = new Set(dataset.crmNotes.map((n) => n.ownerId));
      expect(new Set(body.results.map((o) => o.id))).toEqual(ownerIds);
      expect(body.results[0]).toMatchObject({ type: 'PERSON', archived: false, email: expect.stringContaining('@') });
    });
  });

  describe('counters and unknown paths', () => {
    it('counts each endpoint under its route name and a typed key, v3 and 2026-03 apart', async () => {
      await c.admin('DELETE', '/counters');
      await c.call('GET', `/crm/v3/objects/contacts/${withEmail.id}`);
      await c.call('GET', `/crm/objects/2026-03/contacts/${withEmail.id}`);
      await c.call('POST', '/crm/v3/objects/contacts/batch/read', { inputs: [{ id: withEmail.id }] });
      const counters = (await (await c.admin('GET', '/counters')).json()) as { total: number; endpoints: Record<string, number> };
      expect(counters.total).toBe(3);
      expect(counters.endpoints).toMatchObject({
        'GET /crm/v3/objects/:objectType/:objectId': 1,
        'GET /crm/v3/objects/contacts/:objectId': 1,
        'GET /crm/objects/2026-03/:objectType/:objectId': 1,
        'GET /crm/objects/2026-03/contacts/:objectId': 1,
        'POST /crm/v3/objects/:objectType/batch/:action': 1,
        'POST /crm/v3/objects/contacts/batch/read': 1,
      });
    });

    it("answers unknown paths and object types in HubSpot's format", async () => {
      const { status, body } = await c.json('GET', '/crm/v3/nothing-here');
      expect(status).toBe(404);
      expect(body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
      const type = await c.json('GET', '/crm/v3/objects/unicorns');
      expect(type.status).toBe(400);
      expect(type.body['message']).toBe('Unable to infer object type from: unicorns');
    });

    it('describes credentials and demo customers on the admin page', async () => {
      const info = (await (await c.admin('GET', '')).json()) as Record<string, unknown>;
      expect(info['simulator']).toBe('hubspot');
      expect((info['credentials'] as Record<string, unknown>)['token']).toBe(TOKEN);
      expect((info['counts'] as Record<string, { total: number }>)['contacts']!.total).toBe(dataset.crmContacts.length);
      expect(info['demoCustomers']).toHaveLength(dataset.demoCustomers.length);
    });
  });
});
