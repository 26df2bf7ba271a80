import { describe, expect, it } from 'vitest';
import { countryCodeOf, customerAddressOf } from './address.ts';

describe('countryCodeOf', () => {
  it.each([
    ['Poland', 'PL'],
    ['Polska', 'PL'],
    ['PL', 'PL'],
    ['pl', 'PL'],
    [' POLSKA ', 'PL'],
    ['Rzeczpospolita Polska', 'PL'],
    ['POL', 'PL'],
    ['Polen', 'PL'],
    ['Niemcy', 'DE'],
    ['Deutschland', 'DE'],
    ['Germany', 'DE'],
    ['Czechy', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Wielka Brytania', 'GB'],
    ['U.K.', 'GB'],
    ['USA', 'US'],
    ['Litwa', 'LT'],
    ['Ukraina', 'UA'],
    ['Słowacja', 'SK'],
    ['Slowacja', 'SK'],
  ])('%s → %s', (text, code) => {
    expect(countryCodeOf(text)).toBe(code);
  });

  it.each([[null], [''], ['   '], ['Narnia'], ['EU'], ['European Union'], ['Unia Europejska'], ['ZZ'], ['X']])('reads %s as no country', (text) => {
    expect(countryCodeOf(text)).toBeNull();
  });
});

describe('customerAddressOf', () => {
  const full = { street: 'ul. Marszałkowska 10/4', city: 'Warszawa', postalCode: '00-590', country: 'Poland' };

  it('maps the four properties, trimmed, with the ISO country', () => {
    expect(customerAddressOf({ ...full, city: ' Warszawa ' })).toEqual({
      street: 'ul. Marszałkowska 10/4',
      city: 'Warszawa',
      postalCode: '00-590',
      countryCode: 'PL',
    });
  });

  it('is null without a street or a city, or with a country it cannot read', () => {
    expect(customerAddressOf({ ...full, street: null })).toBeNull();
    expect(customerAddressOf({ ...full, city: '  ' })).toBeNull();
    expect(customerAddressOf({ ...full, country: null })).toBeNull();
    expect(customerAddressOf({ ...full, country: 'Narnia' })).toBeNull();
  });

  it('keeps an address without a postal code, with an empty one', () => {
    expect(customerAddressOf({ ...full, postalCode: null })?.postalCode).toBe('');
  });
});
