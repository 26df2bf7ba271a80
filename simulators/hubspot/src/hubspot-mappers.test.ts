import type { CrmContact, CrmNote } from '@omnigraph/simulator-dataset';
import { describe, expect, it } from 'vitest';
import { compareNumericIds, contactToWire, isoMillis, noteToWire, ownersFromNotes } from './hubspot-mappers.ts';
import { OBJECT_TYPES } from './hubspot-properties.ts';
import { normalizePropertyValue, parseDateTime, validateWriteProperties } from './property-values.ts';

const anna: CrmContact = {
  id: '51234567801',
  email: 'Anna.Kowalska@Example.PL',
  additionalEmails: ['k7rq2mf9zd@allegromail.pl', 'anna.k@wp.pl'],
  firstName: 'Anna',
  lastName: 'Kowalska',
  companyName: null,
  phone: '+48 601 234 567',
  mobilePhone: null,
  phoneDigits: '601234567',
  address: { street: 'ul. Półwiejska 2', city: 'Poznań', zip: '61-888', countryCode: 'PL' },
  lifecycleStage: 'customer',
  loyaltyPoints: 1240,
  loyaltyTier: 'gold',
  consents: { emailMarketing: true, smsMarketing: false, phoneMarketing: false, profiling: true, updatedAt: '2026-01-02T03:04:05Z' },
  allegroBuyerId: '48213377',
  allegroBuyerLogin: 'ania_kowalska88',
  eshopCustomerId: 2317,
  erpPartnerId: null,
  createdAt: '2025-11-03T13:22:40.118Z',
  updatedAt: '2026-05-12T09:05:02Z',
};

describe('contactToWire', () => {
  it('maps a dataset contact to HubSpot string properties, as in A.3.1', () => {
    const w = contactToWire(anna);
    expect(w.id).toBe('51234567801');
    expect(w.createdAt).toBe('2025-11-03T13:22:40.118Z');
    expect(w.updatedAt).toBe('2026-05-12T09:05:02.000Z');
    expect(w.properties).toEqual({
      createdate: '2025-11-03T13:22:40.118Z',
      email: 'anna.kowalska@example.pl',
      firstname: 'Anna',
      lastname: 'Kowalska',
      phone: '+48 601 234 567',
      hs_additional_emails: 'k7rq2mf9zd@allegromail.pl;anna.k@wp.pl',
      hs_searchable_calculated_phone_number: '601234567',
      address: 'ul. Półwiejska 2',
      city: 'Poznań',
      zip: '61-888',
      country: 'Poland',
      lifecyclestage: 'customer',
      hs_object_id: '51234567801',
      lastmodifieddate: '2026-05-12T09:05:02.000Z',
      hs_email_optout: 'false',
      loyalty_points: '1240',
      loyalty_tier: 'gold',
      consent_email_marketing: 'true',
      consent_sms_marketing: 'false',
      consent_phone_marketing: 'false',
      consent_profiling: 'true',
      consent_updated_at: '2026-01-02T03:04:05.000Z',
      allegro_buyer_id: '48213377',
      allegro_buyer_login: 'ania_kowalska88',
      woocommerce_customer_id: '2317',
    });
    for (const v of Object.values(w.properties)) expect(typeof v).toBe('string');
  });

  it('leaves unknown values out (the API answers null) and derives the mobile digits', () => {
    const w = contactToWire({ ...anna, email: null, additionalEmails: [], address: null, mobilePhone: '0048 512 345 678', allegroBuyerId: null });
    expect(w.properties['email']).toBeUndefined();
    expect(w.properties['hs_additional_emails']).toBeUndefined();
    expect(w.properties['city']).toBeUndefined();
    expect(w.properties['allegro_buyer_id']).toBeUndefined();
    expect(w.properties['hs_email_optout']).toBeUndefined();
    expect(w.properties['hs_searchable_calculated_mobile_number']).toBe('512345678');
  });

  it('only uses property names the contact schema knows', () => {
    for (const name of Object.keys(contactToWire(anna).properties)) expect(OBJECT_TYPES.contacts.properties.has(name), name).toBe(true);
  });
});

describe('noteToWire and owners', () => {
  const notes: CrmNote[] = [
    { id: '9001', contactId: '51234567801', body: 'Klient dzwonił w sprawie zwrotu', ownerId: '311', createdAt: '2026-03-01T10:00:00Z' },
    { id: '9002', contactId: '51234567801', body: 'Oddzwonić', ownerId: '42', createdAt: '2026-03-02T10:00:00Z' },
  ];

  it('maps a note to engagement properties with its contact association', () => {
    expect(noteToWire(notes[0]!)).toEqual({
      id: '9001',
      properties: {
        hs_note_body: 'Klient dzwonił w sprawie zwrotu',
        hs_timestamp: '2026-03-01T10:00:00.000Z',
        hubspot_owner_id: '311',
        hs_createdate: '2026-03-01T10:00:00.000Z',
        hs_lastmodifieddate: '2026-03-01T10:00:00.000Z',
        hs_object_id: '9001',
      },
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      contactIds: ['51234567801'],
    });
  });

  it('derives one owner per distinct owner id, deterministically, in numeric order', () => {
    const a = ownersFromNotes(notes, '2026-06-01T00:00:00Z');
    expect(a.map((o) => o.id)).toEqual(['42', '311']);
    expect(a).toEqual(ownersFromNotes([...notes].reverse(), '2026-06-01T00:00:00Z'));
    expect(a[0]!.email).toMatch(/^[a-z.]+@callcenter\.example\.pl$/);
  });

  it('orders numeric ids as numbers and formats times with milliseconds', () => {
    expect(['10', '9', '100'].sort(compareNumericIds)).toEqual(['9', '10', '100']);
    expect(isoMillis('2026-01-01T00:00:00Z')).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('property values', () => {
  const props = OBJECT_TYPES.contacts.properties;

  it('normalises by type and reports HubSpot-style problems', () => {
    expect(normalizePropertyValue(props.get('consent_profiling')!, 'TRUE')).toEqual({ ok: true, value: 'true' });
    expect(normalizePropertyValue(props.get('consent_updated_at')!, '1700000000000')).toEqual({ ok: true, value: '2023-11-14T22:13:20.000Z' });
    expect(normalizePropertyValue(props.get('email')!, 'A@B.PL')).toEqual({ ok: true, value: 'a@b.pl' });
    const bad = normalizePropertyValue(props.get('loyalty_points')!, '12a');
    expect(bad.ok).toBe(false);
    expect(parseDateTime('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseDateTime('soon')).toBeNull();
  });

  it('coerces numbers and booleans on writes and collects every problem', () => {
    expect(validateWriteProperties(OBJECT_TYPES.contacts, { loyalty_points: 15, consent_profiling: false, city: null })).toEqual({
      ok: true,
      properties: { loyalty_points: '15', consent_profiling: 'false', city: '' },
    });
    const v = validateWriteProperties(OBJECT_TYPES.contacts, { nope: 'x', createdate: 'y', loyalty_tier: 'bronze' });
    expect(v.ok).toBe(false);
    expect('problems' in v && v.problems.map((p) => p.error)).toEqual(['PROPERTY_DOESNT_EXIST', 'READ_ONLY_VALUE', 'INVALID_OPTION']);
  });
});
