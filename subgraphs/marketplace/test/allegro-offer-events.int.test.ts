import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLEGRO_MEDIA_TYPE } from '../src/upstream/allegro/allegro-client.ts';
import { createAllegroOfferEvents } from '../src/upstream/allegro/allegro-offer-events.ts';
import { startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

/** Allegro's offer journal (`GET /sale/offer-events`) as the offer micro-cache's freshness source, against the simulator. */
let h: MarketplaceHarness;
beforeAll(async () => {
  h = await startMarketplaceHarness();
});
afterAll(() => h.close());

type SaleOffer = { id: string; external: { id: string } | null; stock: { available: number; sold: number } } & Record<string, unknown>;

async function offers(limit: number): Promise<SaleOffer[]> {
  const token = await h.tokens.getAccessToken();
  const res = await h.apiHttp.get<{ offers: SaleOffer[] }>('/sale/offers', {
    params: { limit },
    headers: { Authorization: `Bearer ${token}`, Accept: ALLEGRO_MEDIA_TYPE },
  });
  return res.data.offers.filter((o) => o.external !== null);
}

/** The seller's own edit in Allegro's panel, which the simulator's record loader stands in for (it journals the event). */
async function load(records: SaleOffer[]): Promise<void> {
  const res = await fetch(`${h.baseUrl}/__simulator/records`, { method: 'POST', body: JSON.stringify({ offers: records }) });
  expect(res.ok).toBe(true);
}

describe('Allegro offer events as a freshness source', () => {
  it('starts after the newest event, then reports each changed offer once as a product change of its SKU', async () => {
    const source = createAllegroOfferEvents({ http: h.apiHttp, tokens: h.tokens, pageSize: 2 });
    const [a, b, c] = await offers(3);
    // history before the start is not replayed, across several pages
    await load([a!, b!, c!].map((o) => ({ ...o, stock: { ...o.stock, available: o.stock.available + 1 } })));
    const start = await source.initialCursor();
    expect((await source.poll(start)).events).toEqual([]);

    await load([
      { ...a!, stock: { ...a!.stock, available: a!.stock.available + 5 } },
      { ...b!, external: null },
    ]);
    const page = await source.poll(start);
    expect(page.events).toEqual([
      {
        system: 'allegro',
        kind: 'product',
        ids: [a!.id],
        at: expect.any(String),
        cause: 'allegro:offer-events:OFFER_STOCK_CHANGED',
        refs: { skus: [a!.external!.id] },
      },
    ]);
    expect(page.cursor).not.toBe(start);
    expect((await source.poll(page.cursor)).events).toEqual([]);
  });

  it('starts from the beginning when the journal is empty', async () => {
    const fresh = await startMarketplaceHarness();
    try {
      const source = createAllegroOfferEvents({ http: fresh.apiHttp, tokens: fresh.tokens });
      expect(await source.initialCursor()).toBe('');
      expect(await source.poll('')).toMatchObject({ events: [], cursor: '', more: false });
    } finally {
      await fresh.close();
    }
  });
});
