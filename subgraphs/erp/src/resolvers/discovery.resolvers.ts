import { checkNumericId } from '@omnigraph/shared/arguments';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { ErpContext } from '../context.ts';
import { buildCategoryTree, type CategoryTree } from '../discovery/category-tree.ts';
import type { CatalogueSnapshot } from '../discovery/catalogue-index.ts';
import { decodeCursor, encodeCursor, matchPositions, pageOfMatches, parseSearchArgs, type SearchCriteria } from '../discovery/product-search.ts';
import type { ErpProductModel } from '../upstream/erp-client.ts';

// The tree is rebuilt from the request's (cached) category list once per list object, not once per field.
const trees = new WeakMap<object, CategoryTree>();
async function categoryTree(loaders: ErpContext['loaders']): Promise<CategoryTree> {
  const categories = await loaders.allCategories();
  let tree = trees.get(categories);
  if (tree === undefined) {
    tree = buildCategoryTree(categories);
    trees.set(categories, tree);
  }
  return tree;
}

/**
 * The matches of recent searches per index snapshot, so paging through one search scans the catalogue once: at most
 * {@link MAX_REMEMBERED_SEARCHES} per snapshot, 4 bytes per match (≤ 0.8 MB each at 200 000 variants). A new
 * snapshot (a delta, a rebuild) starts empty.
 */
const MAX_REMEMBERED_SEARCHES = 16;
const remembered = new WeakMap<CatalogueSnapshot, Map<string, Int32Array>>();
function matchesOf(snapshot: CatalogueSnapshot, criteria: SearchCriteria, categoryIds: ReadonlySet<number> | null): Int32Array {
  let searches = remembered.get(snapshot);
  if (searches === undefined) {
    searches = new Map();
    remembered.set(snapshot, searches);
  }
  // the category set is part of the key: the tree may have changed since the search was first made
  const key = `${criteria.hash}|${categoryIds === null ? '' : [...categoryIds].sort((a, b) => a - b).join(',')}`;
  let positions = searches.get(key);
  if (positions === undefined) {
    positions = matchPositions(snapshot.entries, criteria, categoryIds);
    if (searches.size >= MAX_REMEMBERED_SEARCHES) searches.delete(searches.keys().next().value!);
  } else {
    searches.delete(key);
  }
  searches.set(key, positions);
  return positions;
}

/** Product discovery (issue 12, ADR 0012): search over the catalogue index, the ERP's category tree. */
export const discoveryResolvers: Resolvers = {
  Query: {
    /**
     * Upstream calls per page: none for the search itself (the index), one product read for the page's products
     * (productBySku, a cache hit when fresh), and the cached category list when `categoryId` is given.
     */
    productSearch: async (_parent, args, { loaders, catalogue }) => {
      const criteria = parseSearchArgs(args);
      const after = args.after === null || args.after === undefined ? null : decodeCursor(args.after, criteria.hash);
      const [snapshot, categoryIds] = await Promise.all([
        catalogue.snapshot(),
        criteria.categoryId === null ? null : categoryTree(loaders).then((tree) => tree.descendantsOf(criteria.categoryId!)),
      ]);
      const page = pageOfMatches(snapshot.entries, matchesOf(snapshot, criteria, categoryIds), criteria.first, after);
      const products = await loaders.productBySku.loadMany(page.hits.map((hit) => hit.sku));
      const edges: Array<{ cursor: string; node: ErpProductModel }> = [];
      page.hits.forEach((hit, i) => {
        const product = products[i];
        if (product instanceof Error) throw product;
        // gone since the index was read (deleted, or its SKU changed): left out, the next refresh drops it
        if (product !== null && product !== undefined) edges.push({ cursor: encodeCursor(hit, criteria.hash), node: product });
      });
      const last = page.hits[page.hits.length - 1];
      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: last === undefined ? null : encodeCursor(last, criteria.hash) },
        totalCount: page.totalCount,
      };
    },
    categories: async (_parent, _args, { loaders }) => (await categoryTree(loaders)).roots,
    category: async (_parent, { id }, { loaders }) => {
      checkNumericId(id, 'id', 'an ERP category id');
      return (await categoryTree(loaders)).byId.get(Number(id)) ?? null;
    },
  },
  Category: {
    id: (category) => String(category.id),
    path: (category) => category.path,
    parent: async (category, _args, { loaders }) =>
      category.parentId === null ? null : ((await categoryTree(loaders)).byId.get(category.parentId) ?? null),
    children: async (category, _args, { loaders }) => (await categoryTree(loaders)).childrenOf(category.id),
  },
  Product: {
    // from the product's own read (categ_id), resolved against the request's one category list: no call per product
    category: async (product, _args, { loaders }) => {
      const id = product.pricingRef.categoryId;
      return id === null ? null : ((await categoryTree(loaders)).byId.get(id) ?? null);
    },
  },
};
