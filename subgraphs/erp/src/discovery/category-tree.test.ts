import { describe, expect, it } from 'vitest';
import { buildCategoryTree } from './category-tree.ts';

const category = (id: number, name: string, parentId: number | null) => ({ id, name, path: name, parentId });

describe('buildCategoryTree', () => {
  const tree = buildCategoryTree([
    category(1, 'All', null),
    category(2, 'Saleable', 1),
    category(3, 'Kuchnia', 2),
    category(4, 'AGD drobne', 2),
    category(5, 'Czajniki', 4),
    category(6, 'Orphan', 99),
  ]);

  it('puts categories without a (known) parent at the root and sorts children by name', () => {
    expect(tree.roots.map((c) => c.id)).toEqual([1, 6]);
    expect(tree.childrenOf(2).map((c) => c.name)).toEqual(['AGD drobne', 'Kuchnia']);
    expect(tree.childrenOf(5)).toEqual([]);
  });

  it('gives a category with all its descendants, like child_of', () => {
    expect([...tree.descendantsOf(2)].sort()).toEqual([2, 3, 4, 5]);
    expect([...tree.descendantsOf(5)]).toEqual([5]);
    expect(tree.descendantsOf(42).size).toBe(0);
  });

  it('survives a cycle a hand-edited database may hold', () => {
    const cyclic = buildCategoryTree([category(1, 'A', 2), category(2, 'B', 1), category(3, 'C', null)]);
    expect(cyclic.roots.map((c) => c.id)).toEqual([3]);
    expect([...cyclic.descendantsOf(1)].sort()).toEqual([1, 2]);
  });
});
