import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@omnigraph/shared/freshness';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 12 item 2: product search follows the ERP. A variant renamed in Odoo is found under its new name once the
 * change feed reports it (the search index reads the delta first), without waiting for the index's refresh interval.
 */
const SCALE = 0.3;
const events: ChangeEvent[] = [];
let stack: E2eStack;

beforeAll(async () => {
  // a refresh interval far beyond the test: only the change event can make the index read the delta
  stack = await startE2eStack({
    scale: SCALE,
    subgraphEnv: { ERP_SEARCH_INDEX_REFRESH_SECONDS: '86400' },
    freshness: { onChange: (event) => void events.push(event) },
  });
}, 60_000);
afterAll(() => stack?.close());

const SEARCH = /* GraphQL */ `
  query ($text: String) {
    productSearch(text: $text) {
      totalCount
      edges {
        node {
          sku
          name
        }
      }
    }
  }
`;

describe('product search after an ERP change', () => {
  it('finds a variant under the name Odoo gave it after the change event, typed without Polish letters', async () => {
    const product = stack.dataset.products.find((p) => p.active && p.sku && p.id > 50)!;
    const before = await stack.query(SEARCH, { text: 'zupelnie nowa nazwa' });
    expect(before.body.data.productSearch.totalCount).toBe(0);

    const name = `Zupełnie nowa nazwa ${product.id}`;
    const res = await fetch(`${stack.simulators.urls.odoo}/__simulator/records`, {
      method: 'POST',
      body: JSON.stringify({
        'product.product': [
          { id: product.id, name, display_name: `[${product.sku}] ${name}`, write_date: new Date().toISOString().slice(0, 19).replace('T', ' ') },
        ],
      }),
    });
    expect(res.ok).toBe(true);
    await expect
      .poll(() => events.some((e) => e.system === 'odoo' && e.kind === 'product' && e.ids.includes(String(product.id))), { timeout: 15_000 })
      .toBe(true);

    const after = await stack.query(SEARCH, { text: 'ZUPELNIE NOWA NAZWA' });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.productSearch).toMatchObject({ totalCount: 1, edges: [{ node: { sku: product.sku } }] });
  });
});
