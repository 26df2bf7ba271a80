/**
 * End to end over the HubSpot simulator's `text-pl` portal (our custom properties created by hand in a Polish portal:
 * loyalty points typed as text — "1 240", "1.240", "1 240,00" —, Tak/Nie consents, Polish tier values, a date picker
 * for consent_updated_at): with CRM_NUMBER_LOCALE=pl the subgraph reads every contact exactly as it reads the same
 * dataset in the standard portal, and nothing is reported unreadable.
 */
import { getDataset } from '@omnigraph/simulator-dataset';
import { createHubSpotSimulator } from '@omnigraph/simulator-hubspot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmServer } from '../src/create-crm-server.ts';
import { createCrmClient } from '../src/upstream/create-crm-client.ts';
import { CRM_MAX_BATCH_SIZE, type CrmClient, type CrmContact } from '../src/upstream/crm-client.ts';
import type { UnreadableHubSpotValue } from '../src/upstream/hubspot/hubspot-mappers.ts';
import { DEMO, executeOn, HUBSPOT_TOKEN } from './crm-test-support.ts';

const SCALE = 0.3;
type HubSpotSimulator = ReturnType<typeof createHubSpotSimulator>;
let standard: HubSpotSimulator;
let textPl: HubSpotSimulator;
let standardClient: CrmClient;
let textClient: CrmClient;
const told: UnreadableHubSpotValue[] = [];

beforeAll(async () => {
  const options = { scale: SCALE, searchRateLimit: null, knobs: { rateLimit: null } };
  standard = createHubSpotSimulator(options);
  textPl = createHubSpotSimulator({ ...options, portalVariant: 'text-pl' });
  const [standardUrl, textUrl] = await Promise.all([standard.listen(0), textPl.listen(0)]);
  const client = (baseUrl: string, numberLocale?: 'pl') =>
    createCrmClient({ baseUrl, accessToken: HUBSPOT_TOKEN, timeoutMs: 5_000, numberLocale, onUnreadable: (p) => told.push(p) });
  standardClient = client(standardUrl);
  textClient = client(textUrl, 'pl');
});
afterAll(async () => {
  await Promise.all([standard.close(), textPl.close()]);
});

async function allContacts(client: CrmClient, ids: string[]): Promise<CrmContact[]> {
  const out: CrmContact[] = [];
  for (let i = 0; i < ids.length; i += CRM_MAX_BATCH_SIZE) {
    const page = await client.getContactsByKey({ key: 'id', values: ids.slice(i, i + CRM_MAX_BATCH_SIZE) });
    out.push(...page.map((c) => c!));
  }
  return out;
}

describe('a Polish portal keeping our custom properties as text (simulator portal variant text-pl, CRM_NUMBER_LOCALE=pl)', () => {
  it('reads every contact’s loyalty, consents and links as the standard portal does', async () => {
    const ids = getDataset({ scale: SCALE }).crmContacts.map((c) => c.id);
    const [a, b] = await Promise.all([allContacts(standardClient, ids), allContacts(textClient, ids)]);
    expect(a).toHaveLength(ids.length);
    // consent_updated_at is a date picker there: the same day, at midnight UTC
    const comparable = (c: CrmContact) => ({ ...c, consents: { ...c.consents, updatedAt: c.consents.updatedAt?.slice(0, 10) ?? null } });
    expect(b.map(comparable)).toEqual(a.map(comparable));
    expect(told).toEqual([]);
    // the variant really holds grouped and comma forms, not only plain digits
    expect(a.filter((c) => (c.loyalty.points ?? 0) >= 1000).length).toBeGreaterThan(10);
    console.info(`text-pl portal: ${ids.length} contacts read alike, ${a.filter((c) => (c.loyalty.points ?? 0) >= 1000).length} with grouped points`);
  });

  it('answers the demo customers’ loyalty and consents through GraphQL alike', async () => {
    const query = `query ($a: ID!, $b: ID!, $c: ID!) {
      a: customer(id: $a) { loyalty { points tier } consents { emailMarketing smsMarketing phoneMarketing profiling } eshopCustomerId erpPartnerId }
      b: customer(id: $b) { loyalty { points tier } consents { emailMarketing smsMarketing phoneMarketing profiling } eshopCustomerId erpPartnerId }
      c: customer(id: $c) { loyalty { points tier } consents { emailMarketing smsMarketing phoneMarketing profiling } eshopCustomerId erpPartnerId }
    }`;
    const variables = { a: DEMO.anna.id, b: DEMO.tomasz.id, c: DEMO.katarzyna.id };
    const servers = [createCrmServer({ client: standardClient }), createCrmServer({ client: textClient })];
    try {
      const [fromStandard, fromText] = await Promise.all([executeOn(servers[0]!, query, variables), executeOn(servers[1]!, query, variables)]);
      expect(fromStandard.errors).toBeUndefined();
      expect(fromText).toEqual(fromStandard);
      expect(fromText.data?.['a']).toMatchObject({ loyalty: { tier: 'GOLD' } });
    } finally {
      await Promise.all(servers.map((crm) => crm.server.stop()));
    }
  });
});
