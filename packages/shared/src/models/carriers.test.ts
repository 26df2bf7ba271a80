import { describe, expect, it } from 'vitest';
import { recogniseCarrier, trackingUrl } from './carriers.ts';

describe('recogniseCarrier', () => {
  it.each([
    ['INPOST', 'INPOST'],
    ['InPost Paczkomaty 24/7', 'INPOST'],
    ['Paczkomat InPost', 'INPOST'],
    ['Poczta Polska', 'POCZTA_POLSKA'],
    ['Pocztex Kurier 48', 'POCZTA_POLSKA'],
    ['POCZTA_POLSKA', 'POCZTA_POLSKA'],
    ['DPD Polska', 'DPD'],
    ['DHL Parcel', 'DHL'],
    ['ORLEN Paczka', 'ORLEN_PACZKA'],
    ['Allegro One Kurier', 'ALLEGRO_ONE'],
    ['ALLEGRO', 'ALLEGRO_ONE'],
    ['FedEx', 'FEDEX'],
    ['Kurier lokalny Zenek', 'OTHER'],
    ['', 'OTHER'],
    [null, 'OTHER'],
  ] as const)('%s → %s', (input, carrier) => {
    expect(recogniseCarrier(input)).toBe(carrier);
  });
});

describe('trackingUrl', () => {
  it('builds the carrier page with the number encoded', () => {
    expect(trackingUrl('INPOST', '620000000000000000000000')).toBe('https://inpost.pl/sledzenie-przesylek?number=620000000000000000000000');
    expect(trackingUrl('DPD', ' 1000 2 ')).toBe('https://tracktrace.dpd.com.pl/parcelDetails?typ=1&p1=1000%202');
  });

  it('prefers an https link the source gives, and refuses other schemes', () => {
    expect(trackingUrl('OTHER', 'X1', 'https://track.example/X1')).toBe('https://track.example/X1');
    expect(trackingUrl('OTHER', 'X1', 'javascript:alert(1)')).toBeNull();
    expect(trackingUrl('INPOST', 'X1', 'http://evil.example')).toBe('https://inpost.pl/sledzenie-przesylek?number=X1');
  });

  it('has no page for OTHER, ALLEGRO_ONE or a missing number', () => {
    expect(trackingUrl('OTHER', 'X1')).toBeNull();
    expect(trackingUrl('ALLEGRO_ONE', 'X1')).toBeNull();
    expect(trackingUrl('INPOST', null)).toBeNull();
  });
});
