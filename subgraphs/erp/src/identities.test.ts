import { describe, expect, it } from 'vitest';
import { customerRef, identitiesForCriterion, identitiesForCustomer, parsePartnerId, partnerQueryFor } from './identities.ts';
import type { ErpPartnerModel } from './upstream/erp-client.ts';
import { coarseNamePattern, coarsePhonePattern, partnerDomain } from './upstream/odoo/odoo-lookup.ts';

const partner = (over: Partial<ErpPartnerModel> & { id: number }): ErpPartnerModel => ({
  name: 'x',
  isCompany: false,
  email: null,
  phones: [],
  vat: null,
  zip: null,
  createdAt: '2026-01-02T03:04:05Z',
  commercial: null,
  ...over,
});

const company = partner({
  id: 100,
  name: 'Kawiarnia Pod Lipami Sp. z o.o.',
  isCompany: true,
  vat: 'PL6762481366',
  email: 'Zamowienia@podlipami.example.pl',
  phones: ['+48 12 422 18 90'],
});
const contact = partner({
  id: 101,
  name: 'Magdalena Nowak',
  commercial: { id: 100, name: company.name, isCompany: true, vat: 'PL6762481366' },
  phones: ['+48124221890'],
});
const other = partner({ id: 102, name: 'Kawiarnia Pod Lipą', isCompany: true, vat: '5260250274' });
const relay = partner({ id: 103, name: 'Jan Kowalski', email: 'k7rq2mf9zd+a1b2@allegromail.pl' });
const all = [relay, other, contact, company];

describe('identities of a customer lookup', () => {
  it('matches NIP (own or the commercial partner’s, PL prefix or not) with the company name on each', () => {
    const found = identitiesForCriterion({ kind: 'nip', value: '6762481366' }, all);
    expect(found.map((i) => [i.id, i.matchedOn, i.nip, i.companyName])).toEqual([
      ['100', 'NIP_MATCH', '6762481366', company.name],
      ['101', 'NIP_MATCH', '6762481366', company.name],
    ]);
  });

  it('matches company names ignoring case and Polish letters, companies only', () => {
    expect(identitiesForCriterion({ kind: 'company', value: 'kawiarnia pod lipa' }, all).map((i) => i.id)).toEqual(['100', '102']);
    expect(identitiesForCriterion({ kind: 'company', value: 'magdalena' }, all)).toEqual([]);
    expect(identitiesForCriterion({ kind: 'company', value: 'lipami sp z o o' }, all).map((i) => i.id)).toEqual(['100']);
  });

  it('matches phones as national numbers whatever the stored format', () => {
    expect(identitiesForCriterion({ kind: 'phone', value: '124221890' }, all).map((i) => [i.id, i.phone])).toEqual([
      ['100', '124221890'],
      ['101', '124221890'],
    ]);
  });

  it('never gives or matches an Allegro relay address', () => {
    expect(identitiesForCriterion({ kind: 'email', value: 'zamowienia@podlipami.example.pl' }, all).map((i) => i.id)).toEqual(['100']);
    expect(identitiesForCriterion({ kind: 'email', value: relay.email! }, all)).toEqual([]);
    expect(partnerQueryFor({ kind: 'email', value: relay.email! })).toBeNull();
    expect(partnerQueryFor({ kind: 'name', value: 'jan kowalski' })).toBeNull();
    expect(partnerQueryFor({ kind: 'allegroLogin', value: 'jan' })).toBeNull();
    expect(partnerQueryFor({ kind: 'company', value: '.-.' })).toBeNull();
    expect(identitiesForCriterion({ kind: 'company', value: '.-.' }, all)).toEqual([]);
  });
});

describe('identities of a CRM customer', () => {
  it('lists the stored link first, then other partners with the e-mail; relay and junk ids are ignored', () => {
    const ref = customerRef({ email: ' ZAMOWIENIA@podlipami.example.pl', erpPartnerId: '101' });
    expect(identitiesForCustomer(ref, all).map((i) => [i.id, i.matchedOn])).toEqual([
      ['101', 'STORED_LINK'],
      ['100', 'EMAIL_MATCH'],
    ]);
    expect(customerRef({ email: relay.email, erpPartnerId: 'abc' })).toEqual({ partnerId: null, email: null });
    expect([parsePartnerId('0'), parsePartnerId('99999999999'), parsePartnerId(42), parsePartnerId(' 7 ')]).toEqual([null, null, 42, 7]);
  });
});

describe('Odoo domains of a partner search', () => {
  it('sends a coarse superset: accent wildcards for names, digit wildcards for phones, both NIP spellings', () => {
    expect(coarseNamePattern('kawiarnia pod lipami')).toBe('k_wi_r_i_%p_d%_ip_mi');
    expect(coarseNamePattern('pod lipami sp. z o.o.')).toBe('p_d%_ip_mi%_p%_%_%_');
    expect(coarsePhonePattern('600100200')).toBe('6%0%0%1%0%0%2%0%0');
    expect(partnerDomain({ nips: ['6762481366'], phones: ['600100200'] }, ['phone', 'phone_sanitized'])).toEqual([
      '|',
      '|',
      '|',
      ['vat', 'in', ['6762481366', 'PL6762481366']],
      ['commercial_partner_id.vat', 'in', ['6762481366', 'PL6762481366']],
      ['phone', 'ilike', '6%0%0%1%0%0%2%0%0'],
      ['phone_sanitized', 'in', ['+48600100200']],
    ]);
    expect(partnerDomain({}, ['phone'])).toEqual([]);
  });
});
