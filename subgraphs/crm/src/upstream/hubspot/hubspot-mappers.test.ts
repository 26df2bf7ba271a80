import { describe, expect, it } from 'vitest';
import { HubSpotContactDto, HubSpotNoteDto } from './hubspot-dtos.ts';
import {
  mapHubSpotBooleanProperty,
  mapHubSpotContactDtoToCrmContact,
  mapHubSpotDateTimeProperty,
  mapHubSpotIntegerProperty,
  mapHubSpotLoyaltyTier,
  mapHubSpotNoteDtoToCrmNote,
  mapHubSpotNoteHtmlToText,
  mapTextToHubSpotNoteHtml,
} from './hubspot-mappers.ts';

describe('mapHubSpotContactDtoToCrmContact', () => {
  it('maps a full contact with string-typed values', () => {
    const dto = HubSpotContactDto.parse({
      id: '10000000001',
      properties: {
        createdate: '2025-11-03T13:22:40.118Z',
        email: 'Anna.Kowalska@example.pl',
        hs_additional_emails: 'k7rq2mf9zd@allegromail.pl;Anna.K@wp.pl;;anna.k@wp.pl',
        company: 'Kawiarnia Pod Lipami Sp. z o.o.',
        address: ' ul. Półwiejska 2 ',
        city: 'Poznań',
        zip: '60-144',
        country: 'Polska',
        firstname: 'Anna',
        lastname: 'Kowalska',
        phone: '+48 601 234 567',
        mobilephone: null,
        hs_searchable_calculated_phone_number: '601234567',
        loyalty_points: '1240',
        loyalty_tier: 'gold',
        consent_email_marketing: 'true',
        consent_sms_marketing: 'false',
        consent_phone_marketing: null,
        consent_profiling: 'true',
        consent_updated_at: '2026-01-10T08:00:00.000Z',
        woocommerce_customer_id: '2000',
        allegro_buyer_id: '38472615',
        allegro_buyer_login: 'ania_kowalska88',
        odoo_partner_id: null,
      },
      createdAt: '2025-11-03T13:22:40.118Z',
      updatedAt: '2026-05-12T09:05:02.911Z',
      archived: false,
    });
    expect(mapHubSpotContactDtoToCrmContact(dto)).toEqual({
      id: '10000000001',
      email: 'anna.kowalska@example.pl',
      // the multiple-checkbox values, split on `;`, lower-case, once each
      additionalEmails: ['k7rq2mf9zd@allegromail.pl', 'anna.k@wp.pl'],
      firstName: 'Anna',
      lastName: 'Kowalska',
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      street: 'ul. Półwiejska 2',
      city: 'Poznań',
      postalCode: '60-144',
      country: 'Polska',
      createdAt: '2025-11-03T13:22:40.118Z',
      phone: '+48 601 234 567',
      mobilePhone: null,
      loyalty: { points: 1240, tier: 'GOLD' },
      consents: {
        emailMarketing: true,
        smsMarketing: false,
        phoneMarketing: false,
        profiling: true,
        updatedAt: '2026-01-10T08:00:00.000Z',
      },
      eshopCustomerId: '2000',
      allegroBuyerId: '38472615',
      allegroBuyerLogin: 'ania_kowalska88',
      erpPartnerId: null,
    });
  });

  it('maps a contact with only the default properties (a 207 partial record)', () => {
    const dto = HubSpotContactDto.parse({ id: '5', properties: { email: 'x@example.pl' } });
    const contact = mapHubSpotContactDtoToCrmContact(dto);
    expect(contact.loyalty).toEqual({ points: 0, tier: 'STANDARD' });
    expect(contact.consents.emailMarketing).toBe(false);
    expect(contact.firstName).toBeNull();
  });

  it('refuses a property sent as a JSON number: the wire format is strings only', () => {
    expect(HubSpotContactDto.safeParse({ id: '5', properties: { loyalty_points: 1240 } }).success).toBe(false);
  });
});

describe('property mappers', () => {
  it.each([
    ['1240', 1240],
    ['1240.0', 1240],
    ['0', 0],
    [null, 0],
    [undefined, 0],
    ['', 0],
    ['abc', 0],
  ])('integer %j → %j', (value, expected) => {
    expect(mapHubSpotIntegerProperty(value)).toBe(expected);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    [null, false],
    ['', false],
  ])('boolean %j → %j', (value, expected) => {
    expect(mapHubSpotBooleanProperty(value)).toBe(expected);
  });

  it.each([
    ['standard', 'STANDARD'],
    ['silver', 'SILVER'],
    ['gold', 'GOLD'],
    ['platinum', 'PLATINUM'],
    ['Gold', 'GOLD'],
    [null, 'STANDARD'],
    ['diamond', 'STANDARD'],
  ])('loyalty tier %j → %j', (value, expected) => {
    expect(mapHubSpotLoyaltyTier(value)).toBe(expected);
  });

  it('reads ISO and epoch-ms datetimes as ISO with Z', () => {
    expect(mapHubSpotDateTimeProperty('2026-01-10T09:00:00+01:00')).toBe('2026-01-10T08:00:00.000Z');
    expect(mapHubSpotDateTimeProperty('1768032000000')).toBe('2026-01-10T08:00:00.000Z');
    expect(mapHubSpotDateTimeProperty('nonsense')).toBeNull();
    expect(mapHubSpotDateTimeProperty(null)).toBeNull();
  });
});

describe('notes', () => {
  it('reads hs_note_body HTML as text: line breaks kept, tags dropped, entities decoded', () => {
    expect(mapHubSpotNoteHtmlToText('<p>Klient <strong>pyta</strong> o zwrot</p><p>Tel.&nbsp;jutro &amp; pojutrze</p>')).toBe(
      'Klient pyta o zwrot\nTel. jutro & pojutrze',
    );
    expect(mapHubSpotNoteHtmlToText('a<br>b<br/>c<script>alert(1)</script>&#x17C;&#243;&lt;x&gt;')).toBe('a\nb\ncżó<x>');
    expect(mapHubSpotNoteHtmlToText('<div>a</div>\n\n\n\n<div>b</div>')).toBe('a\n\nb');
    expect(mapHubSpotNoteHtmlToText(null)).toBe('');
  });

  it('writes an agent text as escaped HTML that reads back as the same text', () => {
    const text = 'Cena <100 zł> & "rabat" \'5%\'\r\nOddzwonić';
    const html = mapTextToHubSpotNoteHtml(text);
    expect(html).toBe('Cena &lt;100 zł&gt; &amp; &quot;rabat&quot; &#39;5%&#39;<br>Oddzwonić');
    expect(mapHubSpotNoteHtmlToText(html)).toBe('Cena <100 zł> & "rabat" \'5%\'\nOddzwonić');
  });

  it('maps a note: hs_timestamp as createdAt (hs_createdate when missing), the tag', () => {
    const note = mapHubSpotNoteDtoToCrmNote(
      HubSpotNoteDto.parse({
        id: '71000000001',
        properties: {
          hs_note_body: '<p>x</p>',
          hs_timestamp: '1768032000000',
          hs_createdate: '2026-02-01T00:00:00Z',
          omnigraph_idempotency_key: 'k1',
        },
      }),
    );
    expect(note).toEqual({ id: '71000000001', body: 'x', createdAt: '2026-01-10T08:00:00.000Z', idempotencyKey: 'k1' });
    const untimed = mapHubSpotNoteDtoToCrmNote(HubSpotNoteDto.parse({ id: '2', properties: { hs_createdate: '2026-02-01T00:00:00Z' } }));
    expect(untimed).toMatchObject({ createdAt: '2026-02-01T00:00:00.000Z', idempotencyKey: null, body: '' });
  });
});
