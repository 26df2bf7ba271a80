/**
 * Contract tests of the HubSpot adapter against recorded payloads in HubSpot's exact v3 JSON (test/fixtures/hubspot),
 * one per variant real portals produce: number properties as HubSpot writes them, our custom properties created as
 * text and typed by people in Polish, a merged contact read by its old ids, a portal without our custom properties,
 * contacts without an e-mail, archived records. Through the real client (HTTP, upstream helper, zod, mappers) and, for
 * what reaches the graph, through GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmServer } from '../src/create-crm-server.ts';
import { createCrmClient } from '../src/upstream/create-crm-client.ts';
import type { CrmClient, CrmContact } from '../src/upstream/crm-client.ts';
import type { UnreadableHubSpotValue } from '../src/upstream/hubspot/hubspot-mappers.ts';
import { executeOn } from './crm-test-support.ts';
import { hubspotFixture, startFakeHubSpot, type FakeHubSpot, type FakeHubSpotRequest } from './fake-hubspot.ts';

interface WireRecord {
  id: string;
  properties: Record<string, string | null>;
}

/**
 * HubSpot's batch read over a fixture's records: a record answers its own id and the ids merged into it (once, with
 * its new id), the other inputs are a 207 OBJECT_NOT_FOUND (https://developers.hubspot.com/changelog/updated-merge-functionality-for-contacts-and-companies).
 */
function batchReadOver(fixtures: string[]) {
  const records = fixtures.flatMap((name) => (hubspotFixture(name) as { results: WireRecord[] }).results);
  return (request: FakeHubSpotRequest) => {
    if (request.method !== 'POST' || request.path !== '/crm/v3/objects/contacts/batch/read') return undefined;
    const inputs = (request.body as { inputs: { id: string }[] }).inputs.map((i) => i.id);
    const answers = (id: string) => (r: WireRecord) => r.id === id || (r.properties['hs_merged_object_ids'] ?? '').split(';').includes(id);
    const found = [...new Set(inputs.map((id) => records.find(answers(id))).filter((r): r is WireRecord => r !== undefined))];
    const missing = inputs.filter((id) => !records.some(answers(id)));
    const body = {
      status: 'COMPLETE',
      results: found,
      ...(missing.length === 0
        ? {}
        : {
            numErrors: 1,
            errors: [
              {
                status: 'error',
                category: 'OBJECT_NOT_FOUND',
                message: 'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
                context: { ids: missing },
                links: {},
                errors: [],
              },
            ],
          }),
      startedAt: '2026-05-12T10:00:00.012Z',
      completedAt: '2026-05-12T10:00:00.057Z',
    };
    return { status: missing.length === 0 ? 200 : 207, body };
  };
}

let hubspot: FakeHubSpot;
let told: UnreadableHubSpotValue[] = [];

function client(numberLocale?: 'pl' | 'en'): CrmClient {
  return createCrmClient({
    baseUrl: hubspot.url,
    accessToken: 'pat-eu1-fixture',
    timeoutMs: 2_000,
    policies: { retry: { maxRetries: 0 } },
    numberLocale,
    onUnreadable: (problem) => told.push(problem),
  });
}

function toldAbout(contactId: string): string[] {
  return told.filter((t) => t.objectId === contactId).map((t) => `${t.property}: ${t.reason}`);
}

async function byId(c: CrmClient, ids: string[]): Promise<(CrmContact | null)[]> {
  told = [];
  return c.getContactsByKey({ key: 'id', values: ids });
}

beforeAll(async () => {
  const batchRead = batchReadOver(['batch-read-number-properties.json', 'batch-read-text-properties-pl.json', 'batch-read-merged-207.json']);
  hubspot = await startFakeHubSpot((request) => {
    if (request.method === 'POST' && request.path === '/crm/v3/objects/contacts/search') {
      return { status: 200, body: hubspotFixture('search-standard-portal.json') };
    }
    if (request.method === 'POST' && request.path === '/crm/v4/associations/contacts/notes/batch/read') {
      return { status: 207, body: hubspotFixture('associations-v4-notes-207.json') };
    }
    if (request.method === 'POST' && request.path === '/crm/v3/objects/notes/batch/read') {
      return { status: 200, body: hubspotFixture('notes-batch-read.json') };
    }
    return batchRead(request);
  });
});
afterAll(async () => {
  await hubspot.close();
});

describe('HubSpot number properties (our setup: loyalty_points, woocommerce_customer_id, odoo_partner_id are number)', () => {
  it('reads "1240", "1250.0", "1.25E3", a date, a datetime and epoch ms, bools and option values', async () => {
    const [anna, tomasz, katarzyna] = await byId(client(), ['51234567801', '51234567802', '51234567803']);
    expect(anna).toMatchObject({
      id: '51234567801',
      loyalty: { points: 1240, tier: 'GOLD' },
      consents: { emailMarketing: true, smsMarketing: false, phoneMarketing: false, profiling: true, updatedAt: '2026-01-10T00:00:00.000Z' },
      eshopCustomerId: '2000',
      // a number property HubSpot writes as "2317.0"
      erpPartnerId: '2317',
      allegroBuyerId: '38472615',
      additionalEmails: ['k7rq2mf9zd@allegromail.pl'],
      createdAt: '2025-11-03T13:22:40.118Z',
    });
    expect(tomasz).toMatchObject({
      loyalty: { points: 1250, tier: 'PLATINUM' },
      consents: { emailMarketing: false, smsMarketing: true, phoneMarketing: false, profiling: false, updatedAt: '2026-02-01T10:15:00.000Z' },
      mobilePhone: '0048 512 345 678',
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
    });
    // no e-mail at all; a date property as midnight-UTC epoch ms; an exponent; no tier recorded
    expect(katarzyna).toMatchObject({
      email: null,
      additionalEmails: [],
      loyalty: { points: 1250, tier: 'STANDARD' },
      consents: { updatedAt: '2026-01-10T00:00:00.000Z' },
      phone: '(61) 123-45-67',
    });
    expect(told).toEqual([]);
  });

  it('asks for every property it reads, hs_merged_object_ids included, live records only, no history', async () => {
    await byId(client(), ['51234567801']);
    const request = hubspot.requests.at(-1)!;
    expect(request.query.get('archived')).toBe('false');
    expect(request.body).toMatchObject({ inputs: [{ id: '51234567801' }], propertiesWithHistory: [] });
    const properties = (request.body as { properties: string[] }).properties;
    expect(properties).toEqual(
      expect.arrayContaining(['hs_merged_object_ids', 'loyalty_points', 'loyalty_tier', 'consent_updated_at', 'odoo_partner_id']),
    );
  });
});

describe('our custom properties created as text and typed in Polish (CRM_NUMBER_LOCALE=pl)', () => {
  const ids = ['61000000001', '61000000002', '61000000003', '61000000004', '61000000005'];

  it('reads what is unambiguous, refuses the rest to its documented fallback, each told once', async () => {
    const [jan, ewa, olek, ula, zenon] = await byId(client('pl'), ids);
    expect(jan).toMatchObject({
      email: 'jan.nowak@example.pl',
      additionalEmails: ['jan@firma.pl', 'jan.nowak@example.pl'],
      loyalty: { points: 1250, tier: 'GOLD' },
      consents: { emailMarketing: true, smsMarketing: false, phoneMarketing: false, profiling: true, updatedAt: '2026-01-10T00:00:00.000Z' },
      allegroBuyerId: '38472699',
      eshopCustomerId: '3100',
      erpPartnerId: '2400',
      phone: '+48 (61) 123 45 67 wew. 12',
      mobilePhone: '600-100-200',
    });
    expect(toldAbout('61000000001')).toEqual([]);
    // "1.250,50" is 1250 whole points, never 1.25
    expect(ewa).toMatchObject({
      loyalty: { points: 1250, tier: 'SILVER' },
      consents: { emailMarketing: true, smsMarketing: false, phoneMarketing: false, profiling: false, updatedAt: null },
      eshopCustomerId: null,
      erpPartnerId: null,
    });
    expect(toldAbout('61000000002').sort()).toEqual([
      'consent_profiling: not a yes/no value',
      'consent_updated_at: not an ISO 8601 date or epoch milliseconds',
      'odoo_partner_id: not a numeric id',
      'woocommerce_customer_id: not a numeric id',
    ]);
    // "1.250" typed in Polish is 1250; an option value nobody mapped is the entry tier
    expect(olek!.loyalty).toEqual({ points: 1250, tier: 'STANDARD' });
    expect(toldAbout('61000000003')).toEqual(['loyalty_tier: unknown option value']);
    expect(ula!.loyalty).toEqual({ points: null, tier: 'STANDARD' });
    expect(toldAbout('61000000004')).toEqual(['loyalty_points: not a number']);
    expect(zenon!.loyalty.points).toBe(42);
  });

  it('without the locale, unambiguous text still reads and "1.250" is HubSpot\'s decimal dot (documented)', async () => {
    const [jan, ewa, olek, ula, zenon] = await byId(client(), ids);
    expect([jan, ewa, olek, ula, zenon].map((c) => c!.loyalty.points)).toEqual([1250, 1250, 1, null, 42]);
  });
});

describe('merged contacts', () => {
  it('a read by a merged id finds the surviving contact under its new id; an id nobody holds is null (207)', async () => {
    const contacts = await byId(client(), ['71000000001', '71000000404', '71000000002', '71000000099']);
    expect(contacts.map((c) => c?.id ?? null)).toEqual(['71000000099', null, '71000000099', '71000000099']);
    expect(contacts[0]).toMatchObject({ allegroBuyerLogin: 'marek_lew77', loyalty: { points: 310, tier: 'SILVER' } });
  });
});

describe('a portal without our custom properties, contacts without an e-mail, archived records (search)', () => {
  it('reads defaults, says once per property that the portal lacks it, and never serves an archived record', async () => {
    told = [];
    const contacts = await client().findContactsByPhone({ nationalNumber: '601234567', limit: 10 });
    expect(contacts.map((c) => c.id)).toEqual(['81000000001']);
    expect(contacts[0]).toMatchObject({
      email: null,
      additionalEmails: ['bez.maila@example.pl'],
      loyalty: { points: 0, tier: 'STANDARD' },
      consents: { emailMarketing: false, smsMarketing: false, phoneMarketing: false, profiling: false, updatedAt: null },
      eshopCustomerId: null,
      phone: '601 234 567',
    });
    expect(new Set(told.map((t) => t.property))).toEqual(
      new Set([
        'loyalty_points',
        'loyalty_tier',
        'consent_email_marketing',
        'consent_sms_marketing',
        'consent_phone_marketing',
        'consent_profiling',
        'consent_updated_at',
        'woocommerce_customer_id',
        'allegro_buyer_id',
        'allegro_buyer_login',
        'odoo_partner_id',
      ]),
    );
    expect(told.every((t) => t.reason.startsWith('property missing'))).toBe(true);
  });
});

describe('notes and their v4 associations', () => {
  it('reads note ids sent as JSON numbers or strings, a contact without notes (207 NO_ASSOCIATIONS_FOUND) as none', async () => {
    const ids = await client().getNoteIdsOfContacts({ contactIds: ['51234567801', '51234567802'] });
    expect(ids).toEqual([['91000000002', '91000000001'], []]);
  });

  it('reads the rich-text body as text, hs_timestamp as ISO or epoch ms, a portal without our tag property', async () => {
    const [styled, imported] = await client().getNotesById({ ids: ['91000000001', '91000000002'] });
    expect(styled).toEqual({
      id: '91000000001',
      body: 'Klientka pyta o zwrot czajnika\nOddzwonić jutro',
      createdAt: '2026-01-10T08:00:00.000Z',
      idempotencyKey: null,
    });
    expect(imported).toEqual({ id: '91000000002', body: 'Import z Excela', createdAt: '2026-02-01T09:30:00.000Z', idempotencyKey: null });
  });
});

describe('through GraphQL (crm subgraph)', () => {
  it('shows Polish text-typed loyalty, consents and links, null points instead of a guess, and merged ids', async () => {
    const crm = createCrmServer({ client: client('pl') });
    try {
      const result = await executeOn(
        crm,
        `query {
          jan: customer(id: "61000000001") { id email additionalEmails loyalty { points tier } consents { emailMarketing smsMarketing profiling updatedAt } eshopCustomerId erpPartnerId allegroBuyerId }
          ewa: customer(id: "61000000002") { loyalty { points tier } eshopCustomerId erpPartnerId }
          ula: customer(id: "61000000004") { loyalty { points tier } }
          merged: customer(id: "71000000001") { id allegroBuyerLogin }
        }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        jan: {
          id: '61000000001',
          email: 'jan.nowak@example.pl',
          additionalEmails: ['jan@firma.pl', 'jan.nowak@example.pl'],
          loyalty: { points: 1250, tier: 'GOLD' },
          consents: { emailMarketing: true, smsMarketing: false, profiling: true, updatedAt: '2026-01-10T00:00:00.000Z' },
          eshopCustomerId: '3100',
          erpPartnerId: '2400',
          allegroBuyerId: '38472699',
        },
        ewa: { loyalty: { points: 1250, tier: 'SILVER' }, eshopCustomerId: null, erpPartnerId: null },
        ula: { loyalty: { points: null, tier: 'STANDARD' } },
        merged: { id: '71000000099', allegroBuyerLogin: 'marek_lew77' },
      });
    } finally {
      await crm.server.stop();
    }
  });
});
