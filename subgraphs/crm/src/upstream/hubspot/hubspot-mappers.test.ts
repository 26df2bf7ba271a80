import { Writable } from 'node:stream';
import { setDefaultLogDestination } from '@omnigraph/shared/logging';
import { describe, expect, it } from 'vitest';
import { HubSpotContactDto, HubSpotNoteDto } from './hubspot-dtos.ts';
import {
  loyaltyTierValuesWith,
  mapHubSpotContactDtoToCrmContact,
  logUnreadableHubSpotValue,
  mapHubSpotDateTimeProperty,
  mapHubSpotNoteDtoToCrmNote,
  type HubSpotMappingOptions,
  type UnreadableHubSpotValue,
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

  it('maps a contact with only the default properties, telling once per property that the portal lacks ours', () => {
    const told: UnreadableHubSpotValue[] = [];
    const dto = HubSpotContactDto.parse({ id: '5', properties: { email: 'x@example.pl' } });
    const contact = mapHubSpotContactDtoToCrmContact(dto, { numberLocale: null, onUnreadable: (p) => told.push(p) });
    expect(contact.loyalty).toEqual({ points: 0, tier: 'STANDARD' });
    expect(contact.consents.emailMarketing).toBe(false);
    expect(contact.firstName).toBeNull();
    expect(told.map((t) => t.property)).toContain('loyalty_points');
    expect(told.every((t) => t.reason.startsWith('property missing'))).toBe(true);
  });

  it('takes a value sent as a JSON number or boolean as its text instead of failing the batch', () => {
    const dto = HubSpotContactDto.parse({ id: 5, properties: { loyalty_points: 1240, consent_profiling: true } });
    expect(dto.id).toBe('5');
    expect(mapHubSpotContactDtoToCrmContact(dto, quiet).loyalty.points).toBe(1240);
    expect(mapHubSpotContactDtoToCrmContact(dto, quiet).consents.profiling).toBe(true);
  });
});

const quiet: HubSpotMappingOptions = { numberLocale: null, onUnreadable: () => undefined };

/** All our custom properties present (null), as a batch read asking for them answers, plus `overrides`. */
function contactWith(overrides: Record<string, string | null>, options: Partial<HubSpotMappingOptions> = {}) {
  const told: UnreadableHubSpotValue[] = [];
  const properties: Record<string, string | null> = {
    loyalty_points: null,
    loyalty_tier: null,
    consent_email_marketing: null,
    consent_sms_marketing: null,
    consent_phone_marketing: null,
    consent_profiling: null,
    consent_updated_at: null,
    woocommerce_customer_id: null,
    allegro_buyer_id: null,
    allegro_buyer_login: null,
    odoo_partner_id: null,
    ...overrides,
  };
  const contact = mapHubSpotContactDtoToCrmContact(HubSpotContactDto.parse({ id: '77', properties }), {
    numberLocale: null,
    ...options,
    onUnreadable: (p) => told.push(p),
  });
  return { contact, told: told.map((t) => `${t.property}: ${t.reason}`) };
}

describe('fallbacks of values that cannot be read', () => {
  it('loyalty points: unset 0, unreadable null and told, never a guess', () => {
    expect(contactWith({ loyalty_points: null }).contact.loyalty.points).toBe(0);
    expect(contactWith({ loyalty_points: '' }).contact.loyalty.points).toBe(0);
    expect(contactWith({ loyalty_points: '1250.0' }).contact.loyalty.points).toBe(1250);
    const na = contactWith({ loyalty_points: 'n/a' });
    expect(na.contact.loyalty.points).toBeNull();
    expect(na.told).toEqual(['loyalty_points: not a number']);
    // a number property: HubSpot's dot; text typed in Polish: the locale says it is 1250
    expect(contactWith({ loyalty_points: '1.250' }).contact.loyalty.points).toBe(1);
    expect(contactWith({ loyalty_points: '1.250' }, { numberLocale: 'pl' }).contact.loyalty.points).toBe(1250);
    expect(contactWith({ loyalty_points: '1,250' }).contact.loyalty.points).toBeNull();
    expect(contactWith({ loyalty_points: '1.250,50' }).contact.loyalty.points).toBe(1250);
  });

  it('loyalty tier: option values folded, Polish ones known, unknown STANDARD and told', () => {
    expect(contactWith({ loyalty_tier: 'Gold' }).contact.loyalty.tier).toBe('GOLD');
    expect(contactWith({ loyalty_tier: 'Złoty' }).contact.loyalty.tier).toBe('GOLD');
    expect(contactWith({ loyalty_tier: 'PLATYNOWY' }).contact.loyalty.tier).toBe('PLATINUM');
    expect(contactWith({ loyalty_tier: null }).told).toEqual([]);
    const diamond = contactWith({ loyalty_tier: 'diamond' });
    expect(diamond.contact.loyalty.tier).toBe('STANDARD');
    expect(diamond.told).toEqual(['loyalty_tier: unknown option value']);
    const own = loyaltyTierValuesWith(new Map([['Klub VIP', 'PLATINUM' as const]]));
    expect(contactWith({ loyalty_tier: 'klub_vip' }, { loyaltyTierValues: own }).contact.loyalty.tier).toBe('PLATINUM');
  });

  it('consents: yes/no words read; anything else is no consent, told', () => {
    const c = contactWith({ consent_email_marketing: 'tak', consent_sms_marketing: 'Nie', consent_phone_marketing: '1', consent_profiling: 'chyba' });
    expect(c.contact.consents).toMatchObject({ emailMarketing: true, smsMarketing: false, phoneMarketing: true, profiling: false });
    expect(c.told).toEqual(['consent_profiling: not a yes/no value']);
  });

  it('dates: a date property, a datetime one and epoch ms; a local format is null, told', () => {
    expect(contactWith({ consent_updated_at: '2026-01-10' }).contact.consents.updatedAt).toBe('2026-01-10T00:00:00.000Z');
    expect(contactWith({ consent_updated_at: '1768003200000' }).contact.consents.updatedAt).toBe('2026-01-10T00:00:00.000Z');
    const local = contactWith({ consent_updated_at: '10.01.2026' });
    expect(local.contact.consents.updatedAt).toBeNull();
    expect(local.told).toEqual(['consent_updated_at: not an ISO 8601 date or epoch milliseconds']);
    expect(mapHubSpotDateTimeProperty('nonsense')).toBeNull();
  });

  it('channel ids: "2317.0" is 2317, anything else null and told (a wrong link would show another person)', () => {
    const c = contactWith({ woocommerce_customer_id: '2317.0', odoo_partner_id: '2 317', allegro_buyer_id: ' 38472615 ' });
    expect(c.contact).toMatchObject({ eshopCustomerId: '2317', erpPartnerId: null, allegroBuyerId: '38472615' });
    expect(c.told).toEqual(['odoo_partner_id: not a numeric id']);
  });

  it('e-mails: trimmed and lower-case; a primary that is not an address is null, told', () => {
    expect(contactWith({ email: '  Anna.K@Example.PL ' }).contact.email).toBe('anna.k@example.pl');
    const brak = contactWith({ email: 'brak', hs_additional_emails: 'A@x.pl; nonsense ;a@x.pl' });
    expect(brak.contact.email).toBeNull();
    expect(brak.contact.additionalEmails).toEqual(['a@x.pl']);
    expect(brak.told.sort()).toEqual(['email: not an e-mail address', 'hs_additional_emails: not an e-mail address']);
  });
});

describe('logUnreadableHubSpotValue (the default report)', () => {
  it('warns once per record and property (once per property for a missing one), with no value in the line', () => {
    const lines: string[] = [];
    setDefaultLogDestination(new Writable({ write: (chunk: Buffer, _e, cb) => (lines.push(chunk.toString()), cb()) }));
    try {
      for (let i = 0; i < 3; i++) {
        mapHubSpotContactDtoToCrmContact(HubSpotContactDto.parse({ id: '901', properties: { email: 'x@example.pl', loyalty_points: 'n/a' } }));
        mapHubSpotContactDtoToCrmContact(HubSpotContactDto.parse({ id: '902', properties: { loyalty_points: 'n/a' } }));
      }
      logUnreadableHubSpotValue({ objectId: '901', property: 'loyalty_points', reason: 'not a number' });
    } finally {
      setDefaultLogDestination(undefined);
    }
    const logged = lines.map((l) => JSON.parse(l) as { objectId: string; property: string; reason: string });
    const points = logged.filter((l) => l.property === 'loyalty_points');
    expect(points.map((l) => l.objectId)).toEqual(['901', '902']);
    // ten custom properties the records lack, one line each for both records
    expect(logged.filter((l) => l.reason.startsWith('property missing'))).toHaveLength(10);
    expect(lines.join('')).not.toContain('n/a');
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
