import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import { createMemoryCache } from '@omnigraph/shared/cache';
import { foldText } from '@omnigraph/shared/lookup';
import { getDataset, type Product } from '@omnigraph/simulator-dataset';
import type { OdooSimulator } from '@omnigraph/simulator-odoo';
import { createErpContext, type ErpContext } from '../src/context.ts';
import { createErpServer } from '../src/create-erp-server.ts';
import { createCatalogueIndex, type CatalogueIndex } from '../src/discovery/catalogue-index.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { odooCalls, odooCredentials, startOdoo } from './odoo-test-support.ts';

// startOdoo serves getDataset at scale 0.3: the expected values come from the dataset, not from the adapter
const dataset = getDataset({ scale: 0.3 });
const collator = new Intl.Collator('pl', { sensitivity: 'variant', numeric: true });
const byNameThenSku = (a: Product, b: Product) => collator.compare(a.name, b.name) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
const searchable = dataset.products.filter((p) => p.sku && p.active);

let sim: OdooSimulator;
let client: ErpClient;
let server: ApolloServer<ErpContext>;
let index: CatalogueIndex;

beforeAll(async () => {
  let baseUrl: string;
  ({ sim, baseUrl } = await startOdoo());
  client = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 5_000 });
  index = createCatalogueIndex({ client, pageSize: 100 });
  server = createErpServer();
  await server.start();
});
afterAll(async () => {
  await server.stop();
  await sim.close();
});
beforeEach(() => sim.control.resetCounters());

interface Result {
  data?: any;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

async function execute(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const contextValue = createErpContext({ client, cache: createMemoryCache(), cacheTtlSeconds: 60, catalogueIndex: index });
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Result;
}

const SEARCH = /* GraphQL */ `
  query ($text: String, $ean: String, $categoryId: ID, $includeInactive: Boolean, $first: Int, $after: String) {
    productSearch(text: $text, ean: $ean, categoryId: $categoryId, includeInactive: $includeInactive, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          sku
          name
          ean
          category {
            id
            name
          }
        }
      }
    }
  }
`;

async function allPages(variables: Record<string, unknown>): Promise<{ skus: string[]; pages: number; totalCount: number }> {
  const skus: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const result = await execute(SEARCH, { ...variables, after });
    expect(result.errors).toBeUndefined();
    const connection = result.data.productSearch;
    const totalCount: number = connection.totalCount;
    skus.push(...connection.edges.map((e: any) => e.node.sku));
    pages += 1;
    if (!connection.pageInfo.hasNextPage) return { skus, pages, totalCount };
    after = connection.pageInfo.endCursor;
  }
}

describe('productSearch over the Odoo simulator', () => {
  it('finds a name typed without Polish letters, every word counted, ordered by name then SKU', async () => {
    const polish = searchable.find((p) => /[łżźśćńóąę]/i.test(p.name.split(' ').slice(0, 2).join(' ')) && p.name.split(' ').length >= 2)!;
    const text = foldText(polish.name).split(' ').slice(0, 2).join(' ').toUpperCase();
    expect(text).not.toBe(polish.name.split(' ').slice(0, 2).join(' ').toUpperCase());
    const words = foldText(text).split(' ');
    const expected = searchable
      .filter((p) => words.every((w) => foldText(p.name).includes(w)) || p.sku.toLowerCase() === text.toLowerCase())
      .sort(byNameThenSku)
      .map((p) => p.sku);
    const { skus, totalCount } = await allPages({ text, first: 7 });
    expect(skus).toContain(polish.sku);
    expect(skus).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('finds a product by its exact SKU as text and by its EAN', async () => {
    const product = searchable.find((p) => p.ean !== null)!;
    const bySku = await execute(SEARCH, { text: product.sku });
    expect(bySku.data.productSearch.edges.map((e: any) => e.node.sku)).toContain(product.sku);
    const byEan = await execute(SEARCH, { ean: product.ean });
    expect(byEan.data.productSearch).toMatchObject({ totalCount: 1, edges: [{ node: { sku: product.sku, ean: product.ean } }] });
  });

  it('searches a category with its subcategories, paged with `after` over several pages without gaps or repeats', async () => {
    const saleable = dataset.categories[0]!.completeName.split(' / ').slice(0, 2).join(' / ');
    const categories = await execute(/* GraphQL */ `
      {
        categories {
          id
          name
          path
          children {
            id
            path
            parent {
              id
            }
            children {
              id
              name
              path
            }
          }
        }
      }
    `);
    expect(categories.errors).toBeUndefined();
    const [all] = categories.data.categories;
    const parent = all.children.find((c: any) => c.path === saleable);
    expect(parent.parent.id).toBe(all.id);
    expect(parent.children.map((c: any) => c.path).sort()).toEqual(dataset.categories.map((c) => c.completeName).sort());

    const expected = searchable.sort(byNameThenSku).map((p) => p.sku);
    const { skus, pages, totalCount } = await allPages({ categoryId: parent.id, first: 50 });
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(skus).toEqual(expected);
    expect(totalCount).toBe(expected.length);

    const leaf = dataset.categories[1]!;
    const inLeaf = await allPages({ categoryId: String(leaf.id), first: 100 });
    expect(inLeaf.skus.sort()).toEqual(
      searchable
        .filter((p) => p.categoryId === leaf.id)
        .map((p) => p.sku)
        .sort(),
    );
  });

  it('resolves Product.category and category(id), and counts archived variants only with includeInactive', async () => {
    const leaf = dataset.categories[0]!;
    const one = await execute(`{ category(id: "${leaf.id}") { id name path parent { name } } unknown: category(id: "999999") { id } }`);
    expect(one.data).toEqual({
      category: { id: String(leaf.id), name: leaf.name, path: leaf.completeName, parent: { name: 'Saleable' } },
      unknown: null,
    });
    const archived = dataset.products.find((p) => p.sku && !p.active);
    if (archived) {
      const without = await execute(SEARCH, { text: archived.sku });
      const withArchived = await execute(SEARCH, { text: archived.sku, includeInactive: true });
      expect(without.data.productSearch.edges.map((e: any) => e.node.sku)).not.toContain(archived.sku);
      expect(withArchived.data.productSearch.edges.map((e: any) => e.node.sku)).toContain(archived.sku);
    }
    const page = await execute(SEARCH, { categoryId: String(leaf.id), first: 3 });
    for (const edge of page.data.productSearch.edges) expect(edge.node.category).toEqual({ id: String(leaf.id), name: leaf.name });
  });

  it('makes the same upstream calls for a page of 5 and a page of 50 (index warm, product cache cold)', async () => {
    const category = String(dataset.categories[0]!.id - 0);
    await execute(SEARCH, { categoryId: category, first: 1 });
    const calls = async (first: number) => {
      sim.control.resetCounters();
      const result = await execute(SEARCH, { text: 'a', first });
      expect(result.data.productSearch.edges).toHaveLength(Math.min(first, result.data.productSearch.totalCount));
      return odooCalls(sim);
    };
    const five = await calls(5);
    const fifty = await calls(50);
    expect(fifty).toEqual(five);
    // the page's products in one read, the category list once (Product.category); the catalogue is not read again
    expect(five).toEqual({ 'product.product.search_read': 1, 'product.category.search_read': 1 });
  });

  it('reads the catalogue delta with the template branch of the change domain (Odoo accepts the dotted path)', async () => {
    const all = await client.listCatalogue({ afterProductId: 0, limit: 1_000 });
    expect(all).toHaveLength(dataset.products.length);
    const newest = all.reduce((max, e) => (e.changedAt > max ? e.changedAt : max), '');
    const recent = await client.listCatalogue({ afterProductId: 0, limit: 1_000, changedSince: newest });
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(all.length);
    expect(recent.every((e) => e.changedAt >= newest || e.productId > 0)).toBe(true);
  });

  it('refuses a search without criteria, a page size outside 1..100 and a cursor of another search', async () => {
    const codeOf = (r: Result) => r.errors?.[0]?.extensions?.['code'];
    expect(codeOf(await execute(SEARCH, {}))).toBe('BAD_USER_INPUT');
    expect(codeOf(await execute(SEARCH, { text: '   ' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await execute(SEARCH, { text: 'kubek', first: 0 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await execute(SEARCH, { text: 'kubek', first: 101 }))).toBe('BAD_USER_INPUT');
    const first = await execute(SEARCH, { text: 'a', first: 2 });
    const cursor = first.data.productSearch.pageInfo.endCursor;
    expect(codeOf(await execute(SEARCH, { text: 'e', first: 2, after: cursor }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await execute(SEARCH, { text: 'a', first: 2, after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    // only the one valid search read anything (its page and the category list of Product.category)
    expect(odooCalls(sim)).toEqual({ 'product.product.search_read': 1, 'product.category.search_read': 1 });
  });
});
