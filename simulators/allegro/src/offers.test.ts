import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { SaleOffer } from './allegro-types.ts';
import { startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

interface OffersBody {
  offers: SaleOffer[];
  count: number;
  totalCount: number;
}

const dataset = getDataset({ scale: 0.2 });
const offers = dataset.allegroOffers;

describe('Allegro simulator: GET /sale/offers', () => {
  let h: Harness;
  const search = async (query: string): Promise<OffersBody> => {
    const res = await h.api(`/sale/offers?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as OffersBody;
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('finds the offers of three SKUs in one call with repeated external.id', async () => {
    const skus = [...new Set(offers.map((o) => o.sku).filter((s): s is string => s !== null))].slice(0, 3);
    const body = await search(skus.map((s) => `external.id=${encodeURIComponent(s)}`).join('&'));
    const expected = offers.filter((o) => o.sku !== null && skus.includes(o.sku));
    expect(body.totalCount).toBe(expected.length);
    expect(body.count).toBe(expected.length);
    expect(new Set(body.offers.map((o) => o.id))).toEqual(new Set(expected.map((o) => o.id)));
    for (const o of body.offers) expect(skus).toContain(o.external!.id);
  });

  it('lists offers shaped like A.1.4', async () => {
    const body = await search('limit=5');
    const o = body.offers[0]!;
    expect(Object.keys(o)).toEqual([
      'id',
      'name',
      'category',
      'primaryImage',
      'sellingMode',
      'saleInfo',
      'stock',
      'stats',
      'publication',
      'afterSalesServices',
      'additionalServices',
      'external',
      'delivery',
      'b2b',
      'fundraisingCampaign',
      'isFulfillment',
      'additionalMarketplaces',
    ]);
    expect(o.sellingMode.price).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'PLN' });
    expect(Object.keys(o.stock)).toEqual(['available', 'sold']);
    const source = offers.find((x) => x.id === o.id)!;
    expect(o.stock).toEqual({ available: source.available, sold: source.sold });
  });

  it('defaults to 20 offers, newest first, and pages with offset', async () => {
    const first = await search('');
    expect(first.count).toBe(Math.min(20, offers.length));
    expect(first.totalCount).toBe(offers.length);
    const started = first.offers.map((o) => Date.parse(o.publication.startedAt!));
    expect(started.every((t, i) => i === 0 || started[i - 1]! >= t)).toBe(true);
    const second = await search('offset=20&limit=20');
    expect(second.offers.map((o) => o.id)).not.toContain(first.offers[0]!.id);
  });

  it('filters by offer.id, publication.status and name, and sorts by price', async () => {
    const ids = offers.slice(0, 2).map((o) => o.id);
    expect(new Set((await search(`offer.id=${ids[0]}&offer.id=${ids[1]}`)).offers.map((o) => o.id))).toEqual(new Set(ids));
    const active = await search('publication.status=ACTIVE&limit=1000');
    expect(active.totalCount).toBe(offers.filter((o) => o.status === 'ACTIVE').length);
    expect(active.offers.every((o) => o.publication.status === 'ACTIVE')).toBe(true);
    const word = offers[0]!.name.split(' ')[0]!;
    const named = await search(`name=${encodeURIComponent(word.toUpperCase())}&limit=1000`);
    expect(named.totalCount).toBe(offers.filter((o) => o.name.toLowerCase().includes(word.toLowerCase())).length);
    const cheap = await search('sort=sellingMode.price.amount&limit=50');
    const prices = cheap.offers.map((o) => Number(o.sellingMode.price.amount));
    expect(prices.every((p, i) => i === 0 || prices[i - 1]! <= p)).toBe(true);
  });

  it('rejects more than 100 external.id values and ids longer than 100 characters with 422', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `external.id=SKU-${i}`).join('&');
    const res = await h.api(`/sale/offers?${many}`);
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorsHolderBody).errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', path: 'external.id' });
    expect((await h.api(`/sale/offers?${Array.from({ length: 100 }, (_, i) => `external.id=S${i}`).join('&')}`)).status).toBe(200);
    expect((await h.api(`/sale/offers?external.id=${'x'.repeat(101)}`)).status).toBe(422);
  });

  it('rejects limit 1001, an unknown status and offset+limit above 10 000 000 with 422', async () => {
    for (const [query, path] of [
      ['limit=1001', 'limit'],
      ['publication.status=LIVE', 'publication.status'],
      ['offset=9999999&limit=2', 'offset'],
      ['sort=price', 'sort'],
    ] as const) {
      const res = await h.api(`/sale/offers?${query}`);
      expect(res.status, query).toBe(422);
      expect(((await res.json()) as ErrorsHolderBody).errors[0]!.path, query).toBe(path);
    }
  });
});

describe('Allegro simulator: GET /sale/product-offers/{offerId}', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('returns the full offer with stock {available, unit}', async () => {
    const source = offers.find((o) => o.sku !== null)!;
    const res = await h.api(`/sale/product-offers/${source.id}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: source.id,
      name: source.name,
      stock: { available: source.available, unit: 'UNIT' },
      external: { id: source.sku },
      sellingMode: { format: 'BUY_NOW', price: { currency: 'PLN' } },
      publication: { status: source.status },
      productSet: [expect.objectContaining({ quantity: { value: 1 } })],
    });
  });

  it('answers 404 for an unknown offer', async () => {
    const res = await h.api('/sale/product-offers/99999999999');
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorsHolderBody).errors[0]!.code).toBe('NOT_FOUND');
  });
});
