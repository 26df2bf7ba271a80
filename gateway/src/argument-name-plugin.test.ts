import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentFedBy } from './argument-name-plugin.ts';

describe('argumentFedBy', () => {
  it('names the argument a variable feeds, directly, in a list or in an input object', () => {
    const document = parse(`query ($s: [ID!]!, $one: ID!, $lat: Float!) {
      products(skus: $s) { sku }
      storesWithStock(skus: [$one], near: { latitude: $lat, longitude: 1 }) { allAvailable }
    }`);
    expect(argumentFedBy(document, 's')).toBe('skus');
    expect(argumentFedBy(document, 'one')).toBe('skus');
    expect(argumentFedBy(document, 'lat')).toBe('near');
  });

  it('names none when the variable feeds several arguments, or none', () => {
    const document = parse('query ($v: ID!, $unused: ID) { product(sku: $v) { sku } customer(id: $v) { id } }');
    expect(argumentFedBy(document, 'v')).toBeUndefined();
    expect(argumentFedBy(document, 'unused')).toBeUndefined();
  });

  it('finds the argument inside a fragment', () => {
    const document = parse('query ($n: String!) { ...Q } fragment Q on Query { eshopOrder(number: $n) { id } }');
    expect(argumentFedBy(document, 'n')).toBe('number');
  });
});
