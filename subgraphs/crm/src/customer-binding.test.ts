/**
 * The row-level guard (`guardCustomerBinding`, shared by every subgraph) on a real subgraph schema: the crm's own
 * policy on a minimal crm-shaped schema, so each rule is seen refusing and admitting, with the loads it costs.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { guardCustomerBinding } from '@omnigraph/shared/graphql-server';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import { encodeOrderListKey, type OrderListKey } from '@omnigraph/shared/models';
import { crmCustomerBindingPolicy } from './customer-binding.ts';

const SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])
  type Query { me: Customer customer(id: ID!): Customer lookup(email: String!): [Customer!]! }
  type Customer @key(fields: "id") { id: ID! name: String! friend: Customer }
  type EshopOrder @key(fields: "id") { id: ID! buyerIdentity: Identity @external customer: Customer @requires(fields: "buyerIdentity { source id email }") }
  type MarketplaceOrder @key(fields: "id") { id: ID! buyerLogin: String! @external customer: Customer @requires(fields: "buyerLogin") }
  type Identity { source: String id: ID email: String login: String }
  type CustomerLookup @key(fields: "key") { key: ID! matches: [Customer!]! }
  type OrderConnection @key(fields: "id") { id: ID! totalCount: Int! }
`);

const PEOPLE: Record<string, { id: string; name: string }> = { '1': { id: '1', name: 'Anna Kowalska' }, '2': { id: '2', name: 'Tomasz Wiśniewski' } };

function server() {
  const loads: string[] = [];
  const load = (id: string) => {
    loads.push(id);
    return PEOPLE[id] ?? null;
  };
  const schema = buildSubgraphSchema({
    typeDefs: SDL,
    resolvers: {
      Query: { me: () => load('1'), customer: (_: unknown, { id }: { id: string }) => load(id), lookup: () => [load('1'), load('2')] },
      Customer: { __resolveReference: (ref: { id: string }) => load(ref.id), friend: (c: { id: string }) => load(c.id === '1' ? '2' : '1') },
      EshopOrder: { customer: () => load('2') },
      CustomerLookup: { matches: () => [load('2')] },
      OrderConnection: { totalCount: () => 0 },
    } as never,
  });
  const apollo = new ApolloServer({ schema: guardCustomerBinding(schema, crmCustomerBindingPolicy) });
  return { apollo, loads };
}

const ANNA: RequestIdentity = {
  subject: 'key_shop',
  kind: 'customer-token',
  scopes: [],
  profile: 'partner',
  customer: { customerId: '1', emails: ['anna@example.pl'], eshopCustomerId: '2000' },
};
const CALL_CENTER: RequestIdentity = { subject: 'key_cc', kind: 'api-key', scopes: [], profile: 'internal' };

async function run(identity: RequestIdentity, query: string, variables: Record<string, unknown> = {}) {
  const { apollo, loads } = server();
  const response = await runInRequestScope(createRequestScope(identity), () => apollo.executeOperation({ query, variables }));
  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
  return { data: body?.data as any, codes: (body?.errors ?? []).map((e) => e.extensions?.['code']), loads };
}

const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;

describe('guardCustomerBinding (crm policy)', () => {
  it('leaves callers without a binding untouched', async () => {
    const result = await run(CALL_CENTER, `{ customer(id: "2") { name friend { name } } lookup(email: "x") { id } }`);
    expect(result.codes).toEqual([]);
    expect(result.data.customer).toEqual({ name: 'Tomasz Wiśniewski', friend: { name: 'Anna Kowalska' } });
  });

  it('lets a bound caller run me, and no other root field, before any load', async () => {
    expect((await run(ANNA, `{ me { id name } }`)).data).toEqual({ me: { id: '1', name: 'Anna Kowalska' } });
    const other = await run(ANNA, `{ customer(id: "2") { name } }`);
    expect(other).toMatchObject({ data: { customer: null }, codes: ['FORBIDDEN'], loads: [] });
  });

  it('refuses every Customer row but the bound one, however it was reached', async () => {
    const friend = await run(ANNA, `{ me { name friend { id name } } }`);
    expect(friend.data).toEqual({ me: { name: 'Anna Kowalska', friend: null } });
    expect(friend.codes.length).toBeGreaterThan(0);
    expect(new Set(friend.codes)).toEqual(new Set(['FORBIDDEN']));
    expect(JSON.stringify(friend.data)).not.toContain('Tomasz');
  });

  it('checks entity representations before loading, and what they resolve to', async () => {
    const his = await run(ANNA, entities('... on Customer { name }'), { r: [{ __typename: 'Customer', id: '2' }] });
    expect(his).toMatchObject({ data: { _entities: [null] }, codes: ['FORBIDDEN'], loads: [] });
    const hers = await run(ANNA, entities('... on Customer { name }'), { r: [{ __typename: 'Customer', id: '1' }] });
    expect(hers).toMatchObject({ data: { _entities: [{ name: 'Anna Kowalska' }] }, codes: [] });
  });

  it('refuses an order whose buyer identity is not the bound customer, and the customers an own order leads elsewhere', async () => {
    const foreign = { __typename: 'EshopOrder', id: 'eshop:9', buyerIdentity: { source: 'ESHOP', id: '2001', email: 'tomasz@example.pl' } };
    expect((await run(ANNA, entities('... on EshopOrder { customer { name } }'), { r: [foreign] })).codes).toEqual(['FORBIDDEN']);
    const own = { ...foreign, buyerIdentity: { source: 'ESHOP', id: '2000', email: null } };
    // the (fixture's) resolver links her own order to customer 2: the row guard still stops it
    const leaked = await run(ANNA, entities('... on EshopOrder { customer { name } }'), { r: [own] });
    expect(leaked.data._entities).toEqual([{ customer: null }]);
    expect(leaked.codes).toEqual(['FORBIDDEN']);
  });

  it("merges an order page only when its key names the bound customer and that customer's own identities", async () => {
    const key = (over: Partial<OrderListKey>) =>
      encodeOrderListKey({
        customerId: '1',
        email: 'anna@example.pl',
        eshopCustomerId: '2000',
        allegroBuyerLogin: null,
        first: 5,
        after: null,
        channel: null,
        ...over,
      });
    const page = (id: string) => run(ANNA, entities('... on OrderConnection { totalCount }'), { r: [{ __typename: 'OrderConnection', id }] });
    expect((await page(key({}))).codes).toEqual([]);
    expect((await page(key({ customerId: '2' }))).codes).toEqual(['FORBIDDEN']);
    expect((await page(key({ email: 'tomasz@example.pl' }))).codes).toEqual(['FORBIDDEN']);
    expect((await page(key({ eshopCustomerId: '2001' }))).codes).toEqual(['FORBIDDEN']);
    expect((await page(key({ allegroBuyerLogin: 'someone_else' }))).codes).toEqual(['FORBIDDEN']);
    expect((await page('not-a-key')).codes).toEqual(['FORBIDDEN']);
  });

  it('refuses entity types the policy does not name, as a whole', async () => {
    const lookup = await run(ANNA, entities('... on CustomerLookup { matches { name } }'), { r: [{ __typename: 'CustomerLookup', key: 'email:x' }] });
    // `_entities` is non-null: the whole answer is null
    expect(lookup).toMatchObject({ data: null, codes: ['FORBIDDEN'], loads: [] });
    const mixed = await run(ANNA, entities('... on Customer { name }'), {
      r: [
        { __typename: 'Customer', id: '1' },
        { __typename: 'CustomerLookup', key: 'email:x' },
      ],
    });
    expect(mixed).toMatchObject({ data: null, codes: ['FORBIDDEN'], loads: [] });
  });
});
