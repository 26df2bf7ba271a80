import { describe, expect, it } from 'vitest';
import {
  readHubSpotBoolean,
  readHubSpotDate,
  readHubSpotEmail,
  readHubSpotEnum,
  readHubSpotId,
  readHubSpotInteger,
  readHubSpotMultiValue,
  readHubSpotNumber,
  readHubSpotText,
  type HubSpotDeclaredType,
  type HubSpotNumberLocale,
  type HubSpotValue,
} from './hubspot-values.ts';

const shown = <T>(v: HubSpotValue<T>): T | 'unset' | 'unreadable' => (v.kind === 'value' ? v.value : v.kind);

describe('readHubSpotNumber', () => {
  const read = (raw: string | null | undefined, type: HubSpotDeclaredType, locale: HubSpotNumberLocale | null = null) =>
    shown(readHubSpotNumber(raw, { type, locale }));

  it.each([
    // HubSpot number properties: a dot decimal, possibly ".0", possibly an exponent
    ['1250', 1250],
    ['1250.0', 1250],
    ['1250.5', 1250.5],
    ['-3.5', -3.5],
    ['1.25E3', 1250],
    ['1.250', 1.25],
    [' 42 ', 42],
    ['0', 0],
  ])('number property %j → %j', (raw, expected) => {
    expect(read(raw, 'number')).toBe(expected);
  });

  it.each([
    ['1 250', 1250],
    ['1\u00a0250', 1250],
    ['1\u202f250,50', 1250.5],
    ["1'250.50", 1250.5],
    ['1250,50', 1250.5],
    ['1250,5', 1250.5],
    ['1.250,50', 1250.5],
    ['1,250.50', 1250.5],
    ['1.250.000', 1_250_000],
    ['1,250,000', 1_250_000],
    ['12.345.678,9', 12_345_678.9],
    ['1 250,500', 1250.5],
    ['0,250', 0.25],
    ['1,2500', 1.25],
    ['-1 250', -1250],
    ['\u22121 250', -1250],
    [' 42 ', 42],
    ['1.25E3', 1250],
  ])('text property %j → %j whatever the locale', (raw, expected) => {
    expect(read(raw, 'text')).toBe(expected);
    expect(read(raw, 'text', 'pl')).toBe(expected);
    expect(read(raw, 'text', 'en')).toBe(expected);
  });

  it('reads a single separator before three digits by the portal locale, refuses it without one', () => {
    expect(read('1.250', 'text', 'pl')).toBe(1250);
    expect(read('1,250', 'text', 'pl')).toBe(1.25);
    expect(read('1.250', 'text', 'en')).toBe(1.25);
    expect(read('1,250', 'text', 'en')).toBe(1250);
    expect(read('1.250', 'text')).toBe('unreadable');
    expect(read('1,250', 'text')).toBe('unreadable');
    // a number property's dot is HubSpot's decimal point; its comma is not HubSpot's, so the locale decides
    expect(read('1.250', 'number', 'pl')).toBe(1.25);
    expect(read('1,250', 'number')).toBe('unreadable');
    expect(readHubSpotNumber('1,250', { type: 'text', locale: null })).toMatchObject({ reason: expect.stringContaining('CRM_NUMBER_LOCALE') });
  });

  it('never turns "1.250,50" into 1.25', () => {
    for (const type of ['number', 'text'] as const) {
      for (const locale of [null, 'pl', 'en'] as const) expect(read('1.250,50', type, locale)).toBe(1250.5);
    }
  });

  it.each(['n/a', '-', 'brak', '1 250 pkt', '12 50', '1250 000', '1.2,5', '1,250 000', '1,,250', '1e400', '+', '0x10', 'Infinity', 'NaN'])(
    'refuses %j',
    (raw) => {
      expect(read(raw, 'text', 'pl')).toBe('unreadable');
      expect(read(raw, 'number')).toBe('unreadable');
    },
  );

  it.each([null, undefined, '', '   ', '\u00a0'])('%j is unset', (raw) => {
    expect(read(raw, 'number')).toBe('unset');
  });
});

describe('readHubSpotInteger', () => {
  it('drops the fraction toward zero and refuses what GraphQL Int cannot hold', () => {
    const opts = { type: 'text' as const, locale: 'pl' as const };
    expect(shown(readHubSpotInteger('1.250,90', opts))).toBe(1250);
    expect(shown(readHubSpotInteger('-2,5', opts))).toBe(-2);
    expect(shown(readHubSpotInteger('-0,5', opts))).toBe(0);
    expect(shown(readHubSpotInteger('2147483647', opts))).toBe(2_147_483_647);
    expect(shown(readHubSpotInteger('2147483648', opts))).toBe('unreadable');
    expect(shown(readHubSpotInteger('1e12', { type: 'number', locale: null }))).toBe('unreadable');
  });
});

describe('readHubSpotBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['tak', true],
    ['Nie', false],
    ['yes', true],
    ['no', false],
    ['1', true],
    ['0', false],
    ['Y', true],
    [' on ', true],
    [null, 'unset'],
    ['', 'unset'],
    ['maybe', 'unreadable'],
    ['prawda?', 'unreadable'],
  ])('%j → %j', (raw, expected) => {
    expect(shown(readHubSpotBoolean(raw))).toBe(expected);
  });
});

describe('readHubSpotDate', () => {
  it.each([
    // date properties: ISO day or midnight-UTC epoch ms
    ['2026-01-10', '2026-01-10T00:00:00.000Z'],
    ['1768003200000', '2026-01-10T00:00:00.000Z'],
    // datetime properties
    ['2026-01-10T08:00:00.000Z', '2026-01-10T08:00:00.000Z'],
    ['2026-01-10T08:00:00Z', '2026-01-10T08:00:00.000Z'],
    ['2026-01-10T09:00:00+01:00', '2026-01-10T08:00:00.000Z'],
    ['2026-01-10T09:00:00+0100', '2026-01-10T08:00:00.000Z'],
    ['2026-01-10T08:00', '2026-01-10T08:00:00.000Z'],
    ['2026-01-10 08:00:00.123456', '2026-01-10T08:00:00.123Z'],
    ['1768032000000', '2026-01-10T08:00:00.000Z'],
  ])('%j → %j', (raw, expected) => {
    expect(shown(readHubSpotDate(raw))).toBe(expected);
  });

  it.each(['10.01.2026', '01/10/2026', '1768032000', 'January 10, 2026', '2026-02-30', 'nonsense'])('refuses %j rather than guess', (raw) => {
    expect(shown(readHubSpotDate(raw))).toBe('unreadable');
  });
});

describe('readHubSpotEnum', () => {
  const tiers = new Map([
    ['gold', 'GOLD'],
    ['zloty', 'GOLD'],
    ['tier 2', 'SILVER'],
  ]);
  it('matches option values folded (case, diacritics, separators), unknown ones unreadable', () => {
    expect(shown(readHubSpotEnum('Gold', tiers))).toBe('GOLD');
    expect(shown(readHubSpotEnum(' Złoty ', tiers))).toBe('GOLD');
    expect(shown(readHubSpotEnum('TIER_2', tiers))).toBe('SILVER');
    expect(shown(readHubSpotEnum('tier-2', tiers))).toBe('SILVER');
    expect(shown(readHubSpotEnum('diamond', tiers))).toBe('unreadable');
    expect(shown(readHubSpotEnum(null, tiers))).toBe('unset');
  });
});

describe('the other readers', () => {
  it('splits multiple-checkbox values on ";", each trimmed and once', () => {
    expect(readHubSpotMultiValue('a@x.pl; b@x.pl;;a@x.pl ;')).toEqual(['a@x.pl', 'b@x.pl']);
    expect(readHubSpotMultiValue('10000000011;10000000012')).toEqual(['10000000011', '10000000012']);
    expect(readHubSpotMultiValue(null)).toEqual([]);
  });

  it('reads numeric ids, "2317.0" too, and refuses anything else', () => {
    expect(shown(readHubSpotId('2317'))).toBe('2317');
    expect(shown(readHubSpotId(' 2317.0 '))).toBe('2317');
    expect(shown(readHubSpotId('2317.5'))).toBe('unreadable');
    expect(shown(readHubSpotId('2 317'))).toBe('unreadable');
    expect(shown(readHubSpotId('#2317'))).toBe('unreadable');
    expect(shown(readHubSpotId(''))).toBe('unset');
  });

  it('reads e-mails trimmed and lower-case, refuses what is not one address', () => {
    expect(shown(readHubSpotEmail('  Anna.Kowalska@Example.PL '))).toBe('anna.kowalska@example.pl');
    expect(shown(readHubSpotEmail('brak'))).toBe('unreadable');
    expect(shown(readHubSpotEmail('a@x.pl; b@x.pl'))).toBe('unreadable');
    expect(shown(readHubSpotEmail('anna kowalska@x.pl'))).toBe('unreadable');
  });

  it('trims text and reads blanks as unset', () => {
    expect(readHubSpotText('  Kowalska ')).toBe('Kowalska');
    expect(readHubSpotText(' \u00a0')).toBeNull();
  });
});
