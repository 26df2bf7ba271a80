import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '@omnigraph/shared/lookup';
import { getDataset, type Product } from '@omnigraph/simulator-dataset';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 12 item 2 through the gateway: product discovery by a name typed without Polish letters, by EAN, by category
 * (with its subcategories), paged with `after`, and "availability for my store" plus the e-shop's images in the same
 * query — with the upstream calls of a page independent of its length.
 */
const SCALE = 0.3;
const ds = getDataset({ scale: SCALE });
const collator = new Intl.Collator('pl', { sensitivity: 'variant', numeric: true });
const byNameThenSku = (a: Product, b: Product) => collator.compare(a.name, b.name) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
const searchable = ds.products.filter((p) => p.sku && p.active);
const POLISH = /[ąćęłńóśźż]/i;
// a demo product the e-shop lists whose first two words carry Polish letters, e.g. "Żelazko parowe …"
const polish = searchable.find((p) => POLISH.test(p.name.split(' ').slice(0, 2).join(' ')) && ds.eshopProducts.some((e) => e.sku === p.sku))!;
const store = ds.locations.find((l) => l.kind === 'store')!;

const SEARCH = /* GraphQL */ `
  query Search($text: String, $ean: String, $categoryId: ID, $first: Int, $after: String) {
    productSearch(text: $text, ean: $ean, categoryId: $categoryId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          sku
          name
          ean
          category {
            name
            path
          }
        }
      }
    }
  }
`;

// the registered storefront operation (schema/operations/StorefrontProductSearch.graphql): stock for my store, images
const MY_STORE = registeredOperationText('StorefrontProductSearch');

let stack: E2eStack;
let saleableId: string;

beforeAll(async () => {
  // products, stock, listings and categories read afresh by every request, so each page's calls are counted in full; the
  // search index refreshes on its own clock, kept out of the counted window
  stack = await startE2eStack({
    scale: SCALE,
    subgraphEnv: {
      ERP_CACHE_TTL_SECONDS: '0',
      ERP_STOCK_CACHE_TTL_SECONDS: '0',
      ESHOP_CACHE_TTL_SECONDS: '0',
      ERP_SEARCH_INDEX_REFRESH_SECONDS: '3600',
    },
  });
  const { body } = await stack.query(/* GraphQL */ `
    {
      categories {
        path
        children {
          id
          path
          children {
            path
          }
        }
      }
    }
  `);
  expect(body.errors).toBeUndefined();
  const saleable = body.data.categories.flatMap((root: any) => root.children).find((c: any) => c.path === 'All / Saleable');
  expect(saleable.children.map((c: any) => c.path).sort()).toEqual(ds.categories.map((c) => c.completeName).sort());
  saleableId = saleable.id;
}, 60_000);
afterAll(() => stack?.close());

async function allPages(variables: Record<string, unknown>, key?: string): Promise<{ skus: string[]; pages: number; totalCount: number }> {
  const skus: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const { body }: { body: { data?: any; errors?: unknown } } = await stack.query(SEARCH, { ...variables, after }, key === undefined ? {} : { key });
    expect(body.errors).toBeUndefined();
    const connection: any = body.data.productSearch;
    skus.push(...connection.edges.map((e: any) => e.node.sku));
    if (!connection.pageInfo.hasNextPage) return { skus, pages, totalCount: connection.totalCount as number };
    after = connection.pageInfo.endCursor;
  }
}

describe('product discovery', () => {
  it('finds a product by its name typed without Polish letters and in capitals', async () => {
    const typed = foldText(polish.name).split(' ').slice(0, 2).join(' ').toUpperCase();
    expect(POLISH.test(typed)).toBe(false);
    const words = foldText(typed).split(' ');
    const expected = searchable
      .filter((p) => words.every((w) => foldText(p.name).includes(w)))
      .sort(byNameThenSku)
      .map((p) => p.sku);
    const { skus, totalCount } = await allPages({ text: typed, first: 3 });
    expect(skus).toContain(polish.sku);
    expect(skus).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('finds a product by its EAN, with its category', async () => {
    const product = searchable.find((p) => p.ean !== null && p.id > 100)!;
    const category = ds.categories.find((c) => c.id === product.categoryId)!;
    const { body } = await stack.query(SEARCH, { ean: product.ean });
    expect(body.data.productSearch).toEqual({
      totalCount: 1,
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      edges: [{ node: { sku: product.sku, name: product.name, ean: product.ean, category: { name: category.name, path: category.completeName } } }],
    });
  });

  it('lists a category with its subcategories over several pages with `after`, in name order, none twice', async () => {
    const expected = [...searchable].sort(byNameThenSku).map((p) => p.sku);
    const { skus, pages, totalCount } = await allPages({ categoryId: saleableId, first: 40 });
    expect(pages).toBe(Math.ceil(expected.length / 40));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(skus).toEqual(expected);
    expect(totalCount).toBe(expected.length);
  });

  it('makes the same upstream calls for a page of 5 and a page of 50, stock for my store and images included', async () => {
    const calls = async (first: number) => {
      stack.resetCounters();
      const { body } = await stack.query(MY_STORE, { categoryId: saleableId, first, storeCodes: [store.code] });
      expect(body.errors).toBeUndefined();
      const edges = body.data.productSearch.edges as any[];
      expect(edges).toHaveLength(first);
      for (const edge of edges) {
        for (const level of edge.node.stock) expect(level).toMatchObject({ source: 'ERP', asOf: expect.any(String) });
      }
      expect(edges.some((e) => (e.node.eshopListing?.images.length ?? 0) > 0)).toBe(true);
      return stack.upstreamCalls();
    };
    // warms what a process reads once, not per page: the search index (one catalogue read), the store list and the
    // VAT rates (account.tax, kept an hour)
    await calls(50);
    const five = await calls(5);
    const fifty = await calls(50);
    expect(fifty).toEqual(five);
    // odoo: the page's products, their stock, the category list (categoryId, Product.category); woocommerce: the
    // listings and the variations' parents (shortDescription, images)
    expect(five).toMatchObject({ odoo: 3, woocommerce: 2 });
  });

  it("shows the e-shop's content of a variation: its own image first, then its parent's description, short description, categories", async () => {
    const variation = ds.eshopProducts.find((e) => e.type === 'variation' && e.sku !== null && searchable.some((p) => p.sku === e.sku))!;
    const parent = ds.eshopProducts.find((e) => e.id === variation.parentId)!;
    const product = searchable.find((p) => p.sku === variation.sku)!;
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($text: String) {
          productSearch(text: $text, first: 1) {
            edges {
              node {
                sku
                eshopListing {
                  url
                  description
                  shortDescription
                  categories
                  images {
                    url
                    alt
                  }
                }
              }
            }
          }
        }
      `,
      { text: product.sku },
    );
    expect(body.errors).toBeUndefined();
    const listing = body.data.productSearch.edges[0].node.eshopListing;
    expect(listing).toMatchObject({
      description: `<p>${parent.name}. Produkt z kategorii ${parent.categoryName}.</p>\n`,
      shortDescription: `<p>${parent.name}.</p>\n`,
      categories: [parent.categoryName],
    });
    expect(listing.images.map((i: any) => i.alt)).toEqual([variation.name, parent.name]);
    // media on the shop's own host, like its permalinks
    const host = new URL(listing.url).host;
    expect(listing.images.every((i: any) => new URL(i.url).host === host && new URL(i.url).pathname.startsWith('/wp-content/uploads/'))).toBe(true);
  });

  it('serves partners holding only catalog:read', async () => {
    const partner = await stack.createKey({ name: 'comparison site', scopes: ['catalog:read'] });
    const typed = foldText(polish.name).split(' ').slice(0, 2).join(' ');
    const { skus } = await allPages({ text: typed, first: 50 }, partner);
    expect(skus).toContain(polish.sku);
  });
});
