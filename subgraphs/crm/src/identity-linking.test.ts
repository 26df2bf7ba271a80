import { describe, expect, it, vi } from 'vitest';
import { createCrmContactId, type CrmContact } from './upstream/crm-client.ts';
import type { CrmLoaders } from './upstream/crm-loaders.ts';
import { linkIdentities, MatchSet, rulesOfLink, sourcesOfLink } from './identity-linking.ts';
import type { ChannelIdentityInput } from './lookup-models.ts';

function contact(id: string, fields: Partial<CrmContact> = {}): CrmContact {
  return {
    id: createCrmContactId(id),
    email: null,
    additionalEmails: [],
    firstName: null,
    lastName: null,
    companyName: null,
    street: null,
    city: null,
    postalCode: null,
    country: null,
    createdAt: null,
    phone: null,
    mobilePhone: null,
    loyalty: { points: 0, tier: 'STANDARD' },
    consents: { emailMarketing: false, smsMarketing: false, phoneMarketing: false, profiling: false, updatedAt: null },
    eshopCustomerId: null,
    allegroBuyerId: null,
    allegroBuyerLogin: null,
    erpPartnerId: null,
    ...fields,
  };
}

const A = contact('1', { eshopCustomerId: '2000', email: 'a@example.pl' });
const B = contact('2', { email: 'b@example.pl' });
const C = contact('3', { phone: '600100200' });

/** Loaders that answer from three contacts and record every key they were asked, tick by tick. */
function fakeLoaders() {
  const asked: string[] = [];
  const one = (name: string, find: (v: string) => CrmContact | null) => ({
    load: vi.fn(async (v: string) => {
      asked.push(`${name}:${v}`);
      return find(v);
    }),
  });
  const many = (name: string, find: (v: string) => CrmContact[]) => ({
    load: vi.fn(async (v: string) => {
      asked.push(`${name}:${v}`);
      return find(v);
    }),
  });
  const loaders = {
    contactByEshopCustomerId: one('eshop', (v) => (v === '2000' ? A : null)),
    contactByErpPartnerId: one('erp', () => null),
    contactByAllegroBuyerId: one('allegroId', () => null),
    contactByAllegroLogin: one('allegroLogin', () => null),
    contactsByEmail: many('email', (v) => (v === 'b@example.pl' ? [B] : [])),
    contactsByPhone: many('phone', (v) => (v === '600100200' ? [C] : [])),
  } as unknown as CrmLoaders;
  return { loaders, asked };
}

const identity = (fields: Partial<ChannelIdentityInput>): ChannelIdentityInput => ({
  source: 'ESHOP',
  kind: 'ESHOP_CUSTOMER',
  matchedOn: 'NAME_MATCH',
  ...fields,
});

describe('linkIdentities', () => {
  it('links each identity by its strongest rule: stored link, else e-mail, else phone', async () => {
    const { loaders, asked } = fakeLoaders();
    const links = await linkIdentities(
      [
        identity({ id: '2000', email: 'b@example.pl', phone: '600100200' }),
        identity({ kind: 'ESHOP_GUEST', email: 'B@Example.pl', phone: '600100200' }),
        identity({ kind: 'ESHOP_GUEST', email: 'nobody@example.pl', phone: '+48 600 100 200' }),
        identity({ kind: 'ESHOP_GUEST', email: 'nobody@example.pl' }),
      ],
      loaders,
    );
    expect(links.map((l) => [l.contacts.map((c) => c.id), l.rule])).toEqual([
      [['1'], 'STORED_LINK'],
      [['2'], 'EMAIL_MATCH'],
      [['3'], 'PHONE_MATCH'],
    ]);
    // a linked identity is not asked again by a weaker rule
    expect(asked.filter((a) => a.startsWith('email:'))).toEqual(['email:b@example.pl', 'email:nobody@example.pl', 'email:nobody@example.pl']);
    expect(asked.filter((a) => a.startsWith('phone:'))).toEqual(['phone:600100200']);
  });

  it('never links through an Allegro relay address', async () => {
    const { loaders, asked } = fakeLoaders();
    const links = await linkIdentities(
      [identity({ source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', id: '999', login: 'x', email: 'k7rq2mf9zd@allegromail.pl' })],
      loaders,
    );
    expect(links).toEqual([]);
    expect(asked.some((a) => a.includes('allegromail'))).toBe(false);
  });

  it('reports the link rule and what the channel matched on, and the CRM as a source of stored links', () => {
    const link = { identity: identity({ source: 'ERP', kind: 'ERP_PARTNER', matchedOn: 'NIP_MATCH' }), contacts: [A], rule: 'STORED_LINK' as const };
    expect(rulesOfLink(link)).toEqual(['STORED_LINK', 'NIP_MATCH']);
    expect(sourcesOfLink(link)).toEqual(['ERP', 'CRM']);
  });
});

describe('MatchSet', () => {
  it('unites rules and sources per contact and ranks strongest first, then by number of rules, at most first', () => {
    const set = new MatchSet();
    set.add(C, ['NAME_MATCH'], ['CRM']);
    set.add(B, ['PHONE_MATCH'], ['MARKETPLACE']);
    set.add(A, ['PHONE_MATCH'], ['ESHOP']);
    set.add(A, ['EMAIL_MATCH', 'PHONE_MATCH'], ['CRM']);
    set.add(B, ['PHONE_MATCH'], ['ERP']);
    expect(set.ranked(10).map((m) => [m.contact.id, m.rules, m.sources])).toEqual([
      ['1', ['EMAIL_MATCH', 'PHONE_MATCH'], ['CRM', 'ESHOP']],
      ['2', ['PHONE_MATCH'], ['MARKETPLACE', 'ERP']],
      ['3', ['NAME_MATCH'], ['CRM']],
    ]);
    expect(set.ranked(2).map((m) => m.contact.id)).toEqual(['1', '2']);
  });
});
