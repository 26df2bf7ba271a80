/**
 * The scope assignment of the real graph: who reaches what, checked on the committed supergraph and on the registered
 * operations clients really send.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway } from '@apollo/gateway';
import { getNamedType, isInterfaceType, isObjectType, isUnionType, parse, print, validate } from 'graphql';
import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeOperation } from './authorize-operation.ts';
import type { AuthorizeOperationResult } from './authorize-operation.ts';
import { fieldRequirement } from './field-requirement.ts';
import { readScopeMap } from './scope-map.ts';
import type { ScopeMap } from './scope-map.ts';

const supergraphSdl = readFileSync(fileURLToPath(new URL('../../../schema/supergraph.graphql', import.meta.url)), 'utf8');
const registered = (name: string) => readFileSync(fileURLToPath(new URL(`../../../schema/operations/${name}.graphql`, import.meta.url)), 'utf8');

const PARTNER = ['catalog:read', 'stock:read'];
const CALL_CENTER = ['catalog:read', 'stock:read', 'customers:read', 'customers:pii', 'orders:read'];

let schema: GraphQLSchema;
let map: ScopeMap;
beforeAll(() => {
  schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  map = readScopeMap(supergraphSdl);
});

function authorize(query: string, scopes: string[]): AuthorizeOperationResult {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const result = authorizeOperation({ schema, map, document, scopes: new Set(scopes) });
  if (result.ok) expect(validate(schema, result.document).map((e) => e.message)).toEqual([]);
  return result;
}

/** Every field a caller with `scopes` can select, following only fields it may read (the graph as that caller sees it). */
function readableCoordinates(scopes: ReadonlySet<string>): string[] {
  const requirement = fieldRequirement(schema, map);
  const readable = new Set<string>();
  const seen = new Set<string>();
  const queue: GraphQLNamedType[] = [schema.getQueryType()!];
  for (let type = queue.shift(); type; type = queue.shift()) {
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isUnionType(type)) queue.push(...type.getTypes());
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    if (isInterfaceType(type)) queue.push(...schema.getPossibleTypes(type));
    for (const field of Object.values(type.getFields())) {
      if (!requirement(type, field.name).every((s) => scopes.has(s))) continue;
      readable.add(`${type.name}.${field.name}`);
      queue.push(getNamedType(field.type));
    }
  }
  return [...readable].sort();
}

describe('scope assignment of the committed supergraph', () => {
  it('a catalog+stock partner reaches products, prices, listings, offers, stock and stores — nothing else', () => {
    const types = new Set(readableCoordinates(new Set(PARTNER)).map((c) => c.split('.')[0]));
    expect([...types].sort()).toEqual([
      'Address',
      'Category',
      'EshopListing',
      'GeoPoint',
      'Location',
      'MarketplaceOffer',
      'Money',
      'PageInfo',
      'Price',
      'Product',
      'ProductConnection',
      'ProductEdge',
      'ProductImage',
      'Query',
      'SkuAvailability',
      'StockLevel',
      'StoreAvailability',
    ]);
    expect(readableCoordinates(new Set(PARTNER)).filter((c) => c.startsWith('Query.'))).toEqual([
      'Query.categories',
      'Query.category',
      'Query.locations',
      'Query.product',
      'Query.productSearch',
      'Query.products',
      'Query.storesWithStock',
    ]);
  });

  it('customers:read without customers:pii reaches no personal data (CRM id, loyalty and consents only)', () => {
    const coordinates = readableCoordinates(new Set(['customers:read', 'orders:read']));
    expect(coordinates.filter((c) => c.startsWith('Customer.'))).toEqual(['Customer.consents', 'Customer.id', 'Customer.loyalty', 'Customer.orders']);
    // Issue 10: the channels' ids of a person, their identities, the lookups by personal data and an order's link to
    // a customer all need customers:pii.
    for (const coordinate of [
      'Customer.allegroBuyerId',
      'Customer.erpPartnerId',
      'Customer.eshopCustomerId',
      'Customer.identities',
      'Customer.additionalEmails',
      'Customer.companyName',
      'Query.findCustomers',
      'Query.customerLookup',
      'EshopOrder.customerLink',
      'EshopOrder.customerCandidates',
      'MarketplaceOrder.customerLink',
      'MarketplaceOrder.customerCandidates',
      'Delivery.address',
      'EshopOrder.billingEmail',
      'MarketplaceOrder.buyerLogin',
    ])
      expect(coordinates).not.toContain(coordinate);
    expect(coordinates).toContain('Query.customer');
  });

  it('every field that identifies a person needs customers:pii, wherever it appears', () => {
    const requirement = fieldRequirement(schema, map);
    // Names, e-mail, phones, logins and addresses — except the retailer's own stores, products and categories, carriers
    // and ERP picking names (WAW1/OUT/00012), which identify no one.
    const personal = /(name|email|phone|phoneE164|login|address|parcelLocker)$/i;
    const notAPerson = new Set([
      'Location',
      'Product',
      'EshopListing',
      'OrderLine',
      'Category',
      'Delivery.name',
      'OrderRef.typename',
      'Shipment.carrierName',
      'ErpDelivery.name',
      'ErpDelivery.carrierName',
    ]);
    const offenders: string[] = [];
    const found: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || notAPerson.has(type.name) || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        if (!personal.test(field.name) || notAPerson.has(coordinate)) continue;
        found.push(coordinate);
        if (!requirement(type, field.name).includes('customers:pii')) offenders.push(coordinate);
      }
    }
    expect(offenders).toEqual([]);
    // Not vacuous: these are the personal fields it found.
    expect(found.sort()).toEqual([
      'ChannelIdentity.companyName',
      'ChannelIdentity.email',
      'ChannelIdentity.firstName',
      'ChannelIdentity.lastName',
      'ChannelIdentity.login',
      'ChannelIdentity.phone',
      'Customer.address',
      'Customer.allegroBuyerLogin',
      'Customer.companyName',
      'Customer.email',
      'Customer.firstName',
      'Customer.lastName',
      'Customer.name',
      'Customer.phone',
      'Customer.phoneE164',
      'Delivery.address',
      'Delivery.parcelLocker',
      'EshopOrder.billingEmail',
      'MarketplaceOrder.buyerLogin',
      'OrderInvoice.address',
      'OrderInvoice.companyName',
      'OrderInvoice.firstName',
      'OrderInvoice.lastName',
      'ParcelLocker.address',
      'ParcelLocker.name',
    ]);
  });

  it("a field returning a protected type needs at least that type's scopes (no existence probe via __typename)", () => {
    const requirement = fieldRequirement(schema, map);
    const gaps: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const returned = getNamedType(field.type);
        const needed = map.typeScopes(returned.name) ?? [];
        const has = requirement(type, field.name);
        const lacking = needed.filter((s) => !has.includes(s));
        if (lacking.length > 0) gaps.push(`${type.name}.${field.name} → ${returned.name} lacks ${lacking.join(',')}`);
      }
    }
    expect(gaps).toEqual([]);
  });
});

describe('authorizeOperation on the committed supergraph', () => {
  it('the registered call-center operations pass untouched for a call-center agent', () => {
    for (const name of ['CallCenterCustomer', 'CustomerOrders']) {
      const query = registered(name);
      const result = authorize(query, CALL_CENTER);
      expect(result.removed).toEqual([]);
      expect(result.ok && print(result.document)).toBe(print(parse(query)));
    }
  });

  it('the registered partner operations pass untouched for a catalog+stock partner', () => {
    for (const name of ['PartnerProductsBySku', 'PartnerStoresWithStock']) {
      const result = authorize(registered(name), PARTNER);
      expect({ name, removed: result.removed, ok: result.ok }).toEqual({ name, removed: [], ok: true });
    }
  });

  it('a partner sending the call-center operation gets nothing', () => {
    expect(authorize(registered('CallCenterCustomer'), PARTNER)).toEqual({
      ok: false,
      removed: [{ path: ['findCustomers'], coordinate: 'Query.findCustomers', missing: ['customers:pii', 'customers:read'] }],
    });
  });

  it('without customers:pii the call-center lookup by phone is refused whole: personal data is not a lookup key', () => {
    const withoutPii = CALL_CENTER.filter((s) => s !== 'customers:pii');
    expect(authorize(registered('CallCenterCustomer'), withoutPii)).toEqual({
      ok: false,
      removed: [{ path: ['findCustomers'], coordinate: 'Query.findCustomers', missing: ['customers:pii'] }],
    });
    // The same view read by CRM id loses exactly the personal fields.
    const byId = registered('CallCenterCustomer').replace('($phone: String!)', '').replace('findCustomers(phone: $phone)', 'customer(id: "1")');
    const result = authorize(byId, withoutPii);
    expect(result.ok).toBe(true);
    expect(result.removed.map((r) => `${r.path.join('.')} ${r.coordinate}`)).toEqual([
      'customer.name Customer.name',
      'customer.email Customer.email',
      'customer.orders.edges.node.delivery.parcelLocker Delivery.parcelLocker',
    ]);
  });

  it('an order reference reaches the buyer only with customers:read, and their identity and channel ids only with customers:pii', () => {
    const query = `{ orderByReference(reference: "10482") { reference order { id
      ... on EshopOrder { billingEmail customer { id name eshopCustomerId } customerLink { rules customer { id } } }
      ... on MarketplaceOrder { buyerLogin customer { loyalty { points } allegroBuyerId } customerCandidates { __typename } } } } }`;
    const result = authorize(query, ['orders:read', 'customers:read']);
    expect(result.ok && print(result.document)).toBe(
      print(
        parse(
          '{ orderByReference(reference: "10482") { reference order { id ... on EshopOrder { customer { id } } ... on MarketplaceOrder { customer { loyalty { points } } } } } }',
        ),
      ),
    );
    expect(result.removed.map((r) => r.coordinate)).toEqual([
      'EshopOrder.billingEmail',
      'Customer.name',
      'Customer.eshopCustomerId',
      'EshopOrder.customerLink',
      'MarketplaceOrder.buyerLogin',
      'Customer.allegroBuyerId',
      'MarketplaceOrder.customerCandidates',
    ]);
    expect(authorize(query, ['orders:read']).removed.map((r) => r.coordinate)).toEqual([
      'EshopOrder.billingEmail',
      'EshopOrder.customer',
      'EshopOrder.customerLink',
      'MarketplaceOrder.buyerLogin',
      'MarketplaceOrder.customer',
      'MarketplaceOrder.customerCandidates',
    ]);
  });

  it('a partner mixing catalog fields with order fields keeps only the catalog part', () => {
    const result = authorize('{ products(skus: ["A"]) { sku name } eshopOrder(number: "1") { id } }', PARTNER);
    expect(result.ok && print(result.document)).toBe(print(parse('{ products(skus: ["A"]) { sku name } }')));
    expect(result.removed).toEqual([{ path: ['eshopOrder'], coordinate: 'Query.eshopOrder', missing: ['orders:read'] }]);
  });

  it('price consistency and the drift report need pricing:read: a catalog partner keeps the product, not its pricing view', () => {
    const query = '{ product(sku: "A") { sku priceConsistency { status } } priceDrift(threshold: "5") { skusChecked } }';
    const partner = authorize(query, PARTNER);
    expect(partner.ok && print(partner.document)).toBe(print(parse('{ product(sku: "A") { sku } }')));
    expect(partner.removed).toEqual([
      { path: ['product', 'priceConsistency'], coordinate: 'Product.priceConsistency', missing: ['pricing:read'] },
      { path: ['priceDrift'], coordinate: 'Query.priceDrift', missing: ['pricing:read'] },
    ]);
    const pricing = authorize(query, ['catalog:read', 'pricing:read']);
    expect(pricing.ok && pricing.removed).toEqual([]);
    // every pricing type asks for pricing:read, so no other scope reaches a price comparison
    const reachable = readableCoordinates(new Set([...CALL_CENTER, 'orders:write', 'returns:write', 'notes:write', 'writes:read']));
    expect(
      reachable.filter((c) => /^(PriceConsistency|ChannelPrice|PriceDriftReport|PriceDriftEntry|Promotion|ChannelDriftCount)\./.test(c)),
    ).toEqual([]);
    expect(readableCoordinates(new Set(['catalog:read', 'pricing:read']))).toContain('ChannelPrice.driftPercent');
  });
});

describe('@apollo/gateway with the committed supergraph', () => {
  let gateway: ApolloGateway | undefined;
  afterAll(async () => {
    await gateway?.stop();
  });

  it('loads it: our composed @scope is not one of the security features the gateway refuses', async () => {
    process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
    gateway = new ApolloGateway({ supergraphSdl });
    const { schema: loaded } = await gateway.load();
    expect(loaded.getQueryType()?.getFields()['findCustomers']).toBeDefined();
  });
});
