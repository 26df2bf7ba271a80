import { describe, expect, it } from 'vitest';
import { nullEntitiesFor } from './null-entities.ts';

describe('nullEntitiesFor', () => {
  it("nulls exactly the fields the failed fetch asked of each representation's type, aliases included", () => {
    const query =
      'query($representations:[_Any!]!){_entities(representations:$representations){' +
      '...on OrderConnection{marketplaceSlice{orders{ref{typename id}placedAt}hasMore totalCount}}' +
      '...on Product{__typename offers:marketplaceOffers{offerId}}}}';
    expect(
      nullEntitiesFor(query, [
        { __typename: 'OrderConnection', id: 'page-key' },
        { __typename: 'Product', sku: 'A' },
        { __typename: 'Location', code: 'CEN' },
        null,
      ]),
    ).toEqual([{ __typename: 'OrderConnection', marketplaceSlice: null }, { __typename: 'Product', offers: null }, { __typename: 'Location' }, null]);
  });

  it('applies fields outside a type condition to every type', () => {
    const query = 'query($representations:[_Any!]!){_entities(representations:$representations){shared ...on A{own}}}';
    expect(nullEntitiesFor(query, [{ __typename: 'A' }, { __typename: 'B' }])).toEqual([
      { __typename: 'A', own: null, shared: null },
      { __typename: 'B', shared: null },
    ]);
  });

  it('is undefined for root-field fetches, missing representations and unparseable text', () => {
    expect(nullEntitiesFor('{ products(skus: ["A"]) { sku } }', undefined)).toBeUndefined();
    expect(nullEntitiesFor('query{products(skus:["A"]){sku}}', [{ __typename: 'Product' }])).toBeUndefined();
    expect(nullEntitiesFor('query($representations:[_Any!]!){_entities(representations:$representations){...on A{x}}}', undefined)).toBeUndefined();
    expect(nullEntitiesFor('query {', [])).toBeUndefined();
  });
});
