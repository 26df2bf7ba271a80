import { describe, expect, it } from 'vitest';
import { foldText, formatLookupKey, isAllegroRelayEmail, normaliseCriterion, normaliseNip, parseLookupKey, sameFolded } from './index.ts';

describe('foldText', () => {
  it.each([
    ['Wiśniewski', 'wisniewski'],
    ['ŁUKASZ Żółć', 'lukasz zolc'],
    ['  Zielińska   Katarzyna ', 'zielinska katarzyna'],
    ['Dąbrowska', 'dabrowska'],
  ])('%s → %s', (raw, folded) => expect(foldText(raw)).toBe(folded));

  it('compares folded', () => {
    expect(sameFolded('Wisniewski', 'WIŚNIEWSKI')).toBe(true);
    expect(sameFolded('Wisniewski', null)).toBe(false);
  });
});

describe('normaliseNip', () => {
  it.each(['6762481366', '676-248-13-66', 'PL6762481366', 'pl 676 248 13 66', '676.24.81.366'])('%s', (raw) =>
    expect(normaliseNip(raw)).toBe('6762481366'),
  );
  it.each(['6762481367', '676248136', '67624813660', 'DE6762481366', 'abc', '0000000000x'])('refuses %s', (raw) =>
    expect(normaliseNip(raw)).toBeNull(),
  );
});

describe('lookup keys', () => {
  it('normalises each kind and round-trips through the key', () => {
    const cases = [
      ['email', ' Anna.Kowalska@Example.PL ', 'anna.kowalska@example.pl'],
      ['phone', '0048 512 345 678', '512345678'],
      ['nip', 'PL 676-248-13-66', '6762481366'],
      ['name', 'Tomasz  WIŚNIEWSKI', 'tomasz wisniewski'],
      ['company', 'Kawiarnia Pod Lipami', 'kawiarnia pod lipami'],
      ['allegroLogin', 'ania_kowalska88', 'ania_kowalska88'],
    ] as const;
    for (const [kind, raw, value] of cases) {
      const criterion = normaliseCriterion(kind, raw);
      expect(criterion).toEqual({ kind, value });
      expect(parseLookupKey(formatLookupKey(criterion as { kind: typeof kind; value: string }))).toEqual({ kind, value, first: 10 });
    }
  });

  it('refuses malformed values with a message naming the argument', () => {
    expect(normaliseCriterion('email', 'not-an-email')).toEqual({ error: expect.stringContaining('"email"') });
    expect(normaliseCriterion('phone', '12')).toEqual({ error: expect.stringContaining('"phone"') });
    expect(normaliseCriterion('name', 'x'.repeat(300))).toEqual({ error: expect.stringContaining('"name"') });
    expect(normaliseCriterion('allegroLogin', 'a b')).toEqual({ error: expect.stringContaining('"allegroLogin"') });
    expect(normaliseCriterion('company', 'abc\u0000')).toEqual({ error: expect.stringContaining('"company"') });
    // punctuation only would match every name upstream (Odoo ilike, HubSpot wildcards)
    for (const raw of ['%', '_ %', '!!!', '*']) expect(normaliseCriterion('company', raw)).toEqual({ error: expect.stringContaining('"company"') });
    expect(normaliseCriterion('name', '%')).toEqual({ error: expect.stringContaining('"name"') });
  });

  it('carries a non-default `first` in the key, leaving the default key as `kind:value`', () => {
    expect(formatLookupKey({ kind: 'name', value: 'tomasz wisniewski' }, 20)).toBe('name@20:tomasz wisniewski');
    expect(formatLookupKey({ kind: 'name', value: 'tomasz wisniewski' }, 10)).toBe('name:tomasz wisniewski');
    expect(parseLookupKey('name@20:tomasz wisniewski')).toEqual({ kind: 'name', value: 'tomasz wisniewski', first: 20 });
    expect(parseLookupKey('email:a:b@example.pl')).toEqual({ kind: 'email', value: 'a:b@example.pl', first: 10 });
    expect(parseLookupKey('name@0:x')).toBeNull();
    expect(parseLookupKey('name@101:x')).toBeNull();
    expect(parseLookupKey('name@x:y')).toBeNull();
  });

  it('ignores keys it does not know', () => {
    expect(parseLookupKey('pesel:123')).toBeNull();
    expect(parseLookupKey('phone:')).toBeNull();
  });

  it('knows Allegro relay addresses', () => {
    expect(isAllegroRelayEmail('k7rq2mf9zd+3b1e07c2a@allegromail.pl')).toBe(true);
    expect(isAllegroRelayEmail('anna.kowalska@example.pl')).toBe(false);
  });
});
