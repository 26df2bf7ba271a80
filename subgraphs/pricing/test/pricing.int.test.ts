/**
 * The pricing subgraph against fakes of the three subgraphs it reads (HTTP answers as a subgraph gives them, through
 * the real subgraph client): batching per request, failures per channel, the catalogue read in pages and chunks, the
 * report's short-lived copy.
 */
import { describe, expect, it } from 'vitest';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import { createPricingServer } from '../src/create-pricing-server.ts';

const CALLER: RequestIdentity = {
  subject: 'key:pricing-test',
  kind: 'api-key',
  ownerId: 'test',
  scopes: ['catalog:read', 'pricing:read'],
  profile: 'internal',
};
const URLS = { erp: 'http://erp.test/graphql', eshop: 'http://eshop.test/graphql', marketplace: 'http://marketplace.test/graphql' };

interface Call {
  service: string;
  field: string;
  skus: string[];
}

/** Fake subgraphs: SKU `S0001`… with ERP price 100.00; every 10th drifts in the shop, every 7th on Allegro. */
function fakeSubgraphs(catalogueSize: number, down: Partial<Record<'erp' | 'eshop' | 'marketplace', true>> = {}) {
  const calls: Call[] = [];
  const skus = Array.from({ length: catalogueSize }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    const service = Object.entries(URLS).find(([, u]) => u === String(url))![0] as keyof typeof URLS;
    const { query, variables } = JSON.parse(String(init!.body)) as { query: string; variables: Record<string, any> };
    const field = query.includes('erpCatalogueSkus') ? 'erpCatalogueSkus' : '_entities';
    const asked: string[] = field === '_entities' ? variables['representations'].map((r: { sku: string }) => r.sku) : [];
    calls.push({ service, field, skus: asked });
    if (down[service]) return new Response('<html>502 Bad Gateway</html>', { status: 502 });
    const json = (data: unknown) => new Response(JSON.stringify({ data }), { headers: { 'content-type': 'application/json' } });
    if (field === 'erpCatalogueSkus') {
      const start = variables['after'] === null ? 0 : Number(variables['after']);
      const page = skus.slice(start, start + variables['first']);
      return json({ erpCatalogueSkus: { skus: page, nextCursor: start + page.length < skus.length ? String(start + page.length) : null } });
    }
    const n = (sku: string) => Number(sku.slice(1));
    if (service === 'erp') {
      return json({
        _entities: asked.map((sku) =>
          sku === 'UNKNOWN' ? null : { sku, active: true, listPrice: { gross: { amount: '100.00', currency: 'PLN' } } },
        ),
      });
    }
    if (service === 'eshop') {
      return json({
        _entities: asked.map((sku) => ({
          sku,
          eshopListing: {
            productId: String(n(sku)),
            regularPrice: { amount: n(sku) % 10 === 0 ? '105.00' : '100.00', currency: 'PLN' },
            salePrice: null,
            onSale: false,
            saleStartsAt: null,
            saleEndsAt: null,
            status: 'PUBLISHED',
          },
        })),
      });
    }
    return json({
      _entities: asked.map((sku) => ({
        sku,
        marketplaceOffers: [
          { offerId: `A${n(sku)}`, price: { amount: n(sku) % 7 === 0 ? '90.00' : '100.00', currency: 'PLN' }, status: 'ACTIVE' },
          // the same product on allegro.cz: never compared with the PLN price
          ...(n(sku) === 3 ? [{ offerId: 'CZ3', price: { amount: '600.00', currency: 'CZK' }, status: 'ACTIVE' }] : []),
        ],
      })),
    });
  }) as typeof globalThis.fetch;
  return { calls, fetch, skus };
}

function pricing(fake: ReturnType<typeof fakeSubgraphs>, reportTtlSeconds = 60) {
  const built = createPricingServer({ urls: URLS, secret: 's'.repeat(40), callTimeoutMs: 5_000, reportTtlSeconds, fetch: fake.fetch });
  return {
    async run(query: string, variables: Record<string, unknown> = {}) {
      const response = await built.server.executeOperation({ query, variables }, { contextValue: built.createContext(CALLER) });
      if (response.body.kind !== 'single') throw new Error('incremental answer');
      return response.body.singleResult as { data?: any; errors?: any[] };
    },
  };
}

const ENTITIES = (skus: string[]) =>
  `{ _entities(representations: [${skus.map((s) => `{ __typename: "Product", sku: "${s}" }`).join(', ')}]) { ... on Product { sku priceConsistency { status unavailableChannels channels { channel listingId status driftPercent } } } } }`;

describe('pricing subgraph', () => {
  it('150 products of one request: one _entities call per subgraph for all their SKUs, none per SKU', async () => {
    const fake = fakeSubgraphs(150);
    const result = await pricing(fake).run(ENTITIES(fake.skus));
    expect(result.errors).toBeUndefined();
    expect(fake.calls.map((c) => [c.service, c.skus.length]).sort()).toEqual([
      ['erp', 150],
      ['eshop', 150],
      ['marketplace', 150],
    ]);
    const s10 = result.data._entities[9].priceConsistency;
    expect(s10.status).toBe('DRIFT');
    expect(s10.channels[0]).toEqual({ channel: 'ESHOP', listingId: '10', status: 'DRIFT', driftPercent: '5.00' });
    // allegro.cz's CZK offer is left out, never compared as PLN
    expect(result.data._entities[2].priceConsistency.channels.map((c: { listingId: string }) => c.listingId)).toEqual(['3', 'A3']);
  });

  it('a channel that fails is listed in unavailableChannels, the rest is answered; the ERP failing nulls the field with the error', async () => {
    const shopDown = fakeSubgraphs(3, { eshop: true });
    const partial = await pricing(shopDown).run(ENTITIES(shopDown.skus));
    expect(partial.errors).toBeUndefined();
    expect(partial.data._entities[0].priceConsistency).toMatchObject({
      status: 'OK',
      unavailableChannels: ['ESHOP'],
      channels: [{ channel: 'MARKETPLACE' }],
    });

    const erpDown = fakeSubgraphs(2, { erp: true });
    const failed = await pricing(erpDown).run(ENTITIES(erpDown.skus));
    expect(failed.data._entities.map((e: { priceConsistency: unknown }) => e.priceConsistency)).toEqual([null, null]);
    expect(failed.errors?.map((e) => [e.extensions.code, e.extensions.serviceName])).toEqual([
      ['UPSTREAM_UNAVAILABLE', 'erp'],
      ['UPSTREAM_UNAVAILABLE', 'erp'],
    ]);
  });

  it('a SKU the ERP does not know has no price consistency (null, no error)', async () => {
    const fake = fakeSubgraphs(0);
    const result = await pricing(fake).run(ENTITIES(['UNKNOWN']));
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].priceConsistency).toBeNull();
  });

  it('the report reads a 1,200-SKU catalogue in pages of 500 and chunks of 500 per subgraph; a refresh within the TTL reads nothing', async () => {
    const fake = fakeSubgraphs(1_200);
    const service = pricing(fake);
    const report = await service.run(
      `{ priceDrift(threshold: "0") { skusChecked driftedPerChannel { channel skus } unavailableChannels entries { sku price { channel driftPercent } } } }`,
    );
    expect(report.errors).toBeUndefined();
    const perService = (name: string) => fake.calls.filter((c) => c.service === name).map((c) => `${c.field}:${c.skus.length}`);
    expect(perService('erp')).toEqual([
      'erpCatalogueSkus:0',
      'erpCatalogueSkus:0',
      'erpCatalogueSkus:0',
      '_entities:500',
      '_entities:500',
      '_entities:200',
    ]);
    expect(perService('eshop')).toEqual(['_entities:500', '_entities:500', '_entities:200']);
    expect(perService('marketplace')).toEqual(['_entities:500', '_entities:500', '_entities:200']);
    const data = report.data.priceDrift;
    // every 10th drifts +5.00 % in the shop, every 7th −10.00 % on Allegro
    expect(data.skusChecked).toBe(1_200);
    expect(data.driftedPerChannel).toEqual([
      { channel: 'ESHOP', skus: 120 },
      { channel: 'MARKETPLACE', skus: 171 },
    ]);
    expect(data.entries[0]).toEqual({ sku: 'S0007', price: { channel: 'MARKETPLACE', driftPercent: '-10.00' } });
    expect(data.entries.at(-1)).toEqual({ sku: 'S1200', price: { channel: 'ESHOP', driftPercent: '5.00' } });

    const before = fake.calls.length;
    const refresh = await service.run(`{ priceDrift(threshold: "6", channel: ESHOP) { skusChecked entries { sku } driftedPerChannel { skus } } }`);
    expect(fake.calls.length).toBe(before);
    expect(refresh.data.priceDrift).toEqual({ skusChecked: 1_200, entries: [], driftedPerChannel: [{ skus: 0 }] });
  });

  it('a report missing a channel says so and is not kept: the next one asks again', async () => {
    const fake = fakeSubgraphs(10, { marketplace: true });
    const service = pricing(fake);
    const first = await service.run(`{ priceDrift { unavailableChannels driftedPerChannel { channel skus } } }`);
    expect(first.data.priceDrift).toEqual({
      unavailableChannels: ['MARKETPLACE'],
      driftedPerChannel: [
        { channel: 'ESHOP', skus: 1 },
        { channel: 'MARKETPLACE', skus: 0 },
      ],
    });
    const before = fake.calls.length;
    await service.run(`{ priceDrift { skusChecked } }`);
    expect(fake.calls.length).toBeGreaterThan(before);
  });

  it('refuses a negative or malformed threshold as BAD_USER_INPUT without reading anything', async () => {
    const fake = fakeSubgraphs(10);
    for (const threshold of ['-1', 'five']) {
      const result = await pricing(fake).run(`query ($t: Decimal) { priceDrift(threshold: $t) { skusChecked } }`, { t: threshold });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    }
    expect(fake.calls).toEqual([]);
  });
});
