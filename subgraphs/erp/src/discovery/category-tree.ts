import type { ErpCategoryModel } from '../upstream/erp-client.ts';

/** The ERP's category tree, built in the subgraph from one read of every category. */
export interface CategoryTree {
  byId: ReadonlyMap<number, ErpCategoryModel>;
  /** categories without a parent (or whose parent the ERP did not return), by name */
  roots: ErpCategoryModel[];
  childrenOf(id: number): ErpCategoryModel[];
  /** the category and every category below it (Odoo's `child_of`); empty when the id is unknown */
  descendantsOf(id: number): ReadonlySet<number>;
}

const collator = new Intl.Collator('pl', { numeric: true });
const byName = (a: ErpCategoryModel, b: ErpCategoryModel) => collator.compare(a.name, b.name) || a.id - b.id;

export function buildCategoryTree(categories: readonly ErpCategoryModel[]): CategoryTree {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const children = new Map<number, ErpCategoryModel[]>();
  const roots: ErpCategoryModel[] = [];
  for (const category of categories) {
    const parent = category.parentId === null ? undefined : byId.get(category.parentId);
    if (parent === undefined || parent.id === category.id) roots.push(category);
    else children.set(parent.id, [...(children.get(parent.id) ?? []), category]);
  }
  roots.sort(byName);
  for (const list of children.values()) list.sort(byName);
  return {
    byId,
    roots,
    childrenOf: (id) => [...(children.get(id) ?? [])],
    descendantsOf(id) {
      const found = new Set<number>();
      if (!byId.has(id)) return found;
      // iterative and cycle-safe: Odoo forbids cycles, but a hand-edited database may still hold one
      const stack = [id];
      while (stack.length > 0) {
        const next = stack.pop()!;
        if (found.has(next)) continue;
        found.add(next);
        for (const child of children.get(next) ?? []) stack.push(child.id);
      }
      return found;
    },
  };
}
