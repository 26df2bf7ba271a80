import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooHarness, type Rec } from './test-support.ts';

const ds = getDataset({ scale: 0.2 });

/** product.category as Odoo 17–19 answers it: the implied "All" and "All / Saleable" above the dataset's categories. */
describe('product.category', () => {
  let h: OdooHarness;
  beforeAll(async () => {
    h = await startOdoo();
  });
  afterAll(() => h.close());

  const read = (domain: unknown[]) => h.call<Rec[]>('product.category', 'search_read', [domain], { fields: ['name', 'complete_name', 'parent_id'] });

  it('holds a tree three levels deep, complete_name the path and parent_id a many2one', async () => {
    const [all] = await read([['parent_id', '=', false]]);
    expect(all).toMatchObject({ name: 'All', complete_name: 'All', parent_id: false });
    const [saleable] = await read([['parent_id', '=', all!['id']]]);
    expect(saleable).toMatchObject({ name: 'Saleable', complete_name: 'All / Saleable', parent_id: [all!['id'], 'All'] });
    const leaves = await read([['parent_id', '=', saleable!['id']]]);
    expect(leaves.map((c) => c['complete_name']).sort()).toEqual(ds.categories.map((c) => c.completeName).sort());
    for (const leaf of leaves) expect(leaf['parent_id']).toEqual([saleable!['id'], 'All / Saleable']);
  });

  it('searches child_of (the category and every descendant) and complete_name with ilike', async () => {
    const [saleable] = await read([['complete_name', '=', 'All / Saleable']]);
    const below = await read([['id', 'child_of', saleable!['id']]]);
    expect(below).toHaveLength(ds.categories.length + 1);
    const agd = await read([['complete_name', 'ilike', 'saleable / agd']]);
    expect(agd.map((c) => c['name'])).toEqual(['AGD drobne']);
    // products follow their category through child_of, as the ERP's category search does
    const products = await h.call<number>('product.product', 'search_count', [[['categ_id', 'child_of', saleable!['id']]]]);
    expect(products).toBe(ds.products.filter((p) => p.active).length);
  });
});
