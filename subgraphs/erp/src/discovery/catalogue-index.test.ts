import { describe, expect, it, vi } from 'vitest';
import { UpstreamError } from '@omnigraph/shared/errors';
import { createRequestScope, currentRequestScope, runInRequestScope } from '@omnigraph/shared/sources';
import type { ErpCatalogueEntryModel, ErpClient } from '../upstream/erp-client.ts';
import { CatalogueTooLargeError, createCatalogueIndex } from './catalogue-index.ts';

/** An ERP catalogue that pages like Odoo (id order, `limit`) and answers deltas by `changedAt`. */
function fakeCatalogue(count: number) {
  const rows = new Map<number, ErpCatalogueEntryModel>();
  for (let id = 1; id <= count; id++) {
    rows.set(id, {
      productId: id,
      sku: `SKU-${id}`,
      name: `Produkt ${id}`,
      ean: null,
      categoryId: 1,
      active: true,
      changedAt: '2026-01-01T00:00:00Z',
    });
  }
  const listCatalogue = vi.fn<ErpClient['listCatalogue']>(async ({ afterProductId, limit, changedSince }) =>
    [...rows.values()]
      .filter((r) => r.productId > afterProductId && (changedSince === undefined || r.changedAt >= changedSince))
      .sort((a, b) => a.productId - b.productId)
      .slice(0, limit),
  );
  return { rows, client: { listCatalogue } satisfies Pick<ErpClient, 'listCatalogue'> };
}

describe('createCatalogueIndex', () => {
  it('builds once in keyset pages and serves later searches without a call', async () => {
    const { client } = fakeCatalogue(250);
    const index = createCatalogueIndex({ client, pageSize: 100, now: () => 0 });
    expect((await index.snapshot()).entries).toHaveLength(250);
    expect(client.listCatalogue.mock.calls.map(([args]) => args.afterProductId)).toEqual([0, 100, 200]);
    await index.snapshot();
    expect(client.listCatalogue).toHaveBeenCalledTimes(3);
  });

  it("builds outside the request's scope, so a long build is not cut by the first searcher's deadline", async () => {
    const { client } = fakeCatalogue(10);
    const scopes: unknown[] = [];
    const listCatalogue: typeof client.listCatalogue = vi.fn(async (args) => {
      scopes.push(currentRequestScope());
      return client.listCatalogue(args);
    });
    const index = createCatalogueIndex({ client: { listCatalogue }, pageSize: 100, now: () => 0 });
    const scope = createRequestScope({ kind: 'anonymous' } as never, Date.now() - 1);
    await runInRequestScope(scope, () => index.snapshot());
    expect(scopes).toEqual([undefined]);
    expect(scope.usage.upstreamCalls).toBe(0);
  });

  it('shares one build between concurrent searches', async () => {
    const { client } = fakeCatalogue(10);
    const index = createCatalogueIndex({ client, pageSize: 100, now: () => 0 });
    await Promise.all([index.snapshot(), index.snapshot(), index.snapshot()]);
    expect(client.listCatalogue).toHaveBeenCalledTimes(1);
  });

  it('reads only what changed after the refresh interval or a change event, renamed and archived rows included', async () => {
    const { rows, client } = fakeCatalogue(5);
    let at = 0;
    const index = createCatalogueIndex({ client, pageSize: 100, refreshSeconds: 30, now: () => at });
    await index.snapshot();
    rows.set(2, { ...rows.get(2)!, name: 'Żółty kubek', changedAt: '2026-02-01T00:00:00Z' });
    rows.set(3, { ...rows.get(3)!, active: false, changedAt: '2026-02-01T00:00:00Z' });
    index.markStale();
    const after = await index.snapshot();
    expect(client.listCatalogue).toHaveBeenLastCalledWith({ afterProductId: 0, limit: 100, changedSince: '2025-12-31T23:59:00.000Z' });
    expect(after.entries.find((e) => e.productId === 2)).toMatchObject({ name: 'Żółty kubek', folded: 'zolty kubek' });
    expect(after.entries.find((e) => e.productId === 3)?.active).toBe(false);
    // the renamed variant moved to its place in the name order (placed by binary search, not by a full sort)
    expect(after.entries.map((e) => e.productId)).toEqual([1, 3, 4, 5, 2]);
    // the cursor moved to the newest change seen
    at = 31_000;
    await index.snapshot();
    expect(client.listCatalogue).toHaveBeenLastCalledWith({ afterProductId: 0, limit: 100, changedSince: '2026-01-31T23:59:00.000Z' });
  });

  it('searches the previous copy while the ERP fails a refresh', async () => {
    const { client } = fakeCatalogue(3);
    const index = createCatalogueIndex({ client, pageSize: 100, now: () => 0 });
    await index.snapshot();
    client.listCatalogue.mockRejectedValueOnce(new UpstreamError({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'erp', operation: 'listCatalogue' }));
    index.markStale();
    expect((await index.snapshot()).entries).toHaveLength(3);
  });

  it('refuses a catalogue larger than maxEntries instead of growing without bound', async () => {
    const { client } = fakeCatalogue(30);
    const index = createCatalogueIndex({ client, pageSize: 10, maxEntries: 25, now: () => 0 });
    await expect(index.snapshot()).rejects.toBeInstanceOf(CatalogueTooLargeError);
  });
});
