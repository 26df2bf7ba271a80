import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { refusedRootFields } from './bound-operations.ts';

const refused = (query: string) => refusedRootFields(parse(query)).map((r) => `${r.responseKey}:${r.field}`);

describe('refusedRootFields (customer-bound credentials)', () => {
  it('admits me and __typename, however they are spelled', () => {
    expect(refused(`{ me { id orders { edges { node { id } } } } }`)).toEqual([]);
    expect(refused(`{ __typename mine: me { id } ... on Query { me { name } } ...M } fragment M on Query { me { id } }`)).toEqual([]);
    // what is inside me is the field authorization's business, not this rule's
    expect(refused(`{ me { customer: id } }`)).toEqual([]);
  });

  it('finds any other root field behind aliases, inline and named fragments, nested fragments and other operations', () => {
    expect(refused(`{ me { id } customer(id: "2") { id } }`)).toEqual(['customer:customer']);
    expect(refused(`{ me: customer(id: "2") { id } }`)).toEqual(['me:customer']);
    expect(refused(`{ ... on Query { findCustomers(name: "x") { id } } }`)).toEqual(['findCustomers:findCustomers']);
    expect(refused(`{ ...A } fragment A on Query { ...B } fragment B on Query { o: eshopOrder(number: "1") { id } }`)).toEqual(['o:eshopOrder']);
    expect(refused(`query Mine { me { id } } query His { customer(id: "2") { id } }`)).toEqual(['customer:customer']);
    expect(refused(`{ __schema { types { name } } __type(name: "X") { name } }`)).toEqual(['__schema:__schema', '__type:__type']);
  });

  it('refuses mutations and subscriptions as a whole, and a spread of a fragment that is not there', () => {
    expect(refused(`mutation Change { me { id } }`)).toEqual(['Change:mutation']);
    expect(refused(`subscription { me { id } }`)).toEqual(['subscription:subscription']);
    expect(refused(`{ ...Missing }`)).toEqual(['Missing:...Missing']);
  });

  it('terminates on fragment cycles (the limits refuse them first; this rule does not rely on it)', () => {
    expect(refused(`{ ...A } fragment A on Query { ...B me { id } } fragment B on Query { ...A }`)).toEqual([]);
  });
});
