import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@omnigraph/shared/http';
import { createAllegroTokenProvider } from '../src/upstream/allegro/allegro-token-provider.ts';
import { COUNTER, startMarketplaceHarness, type MarketplaceHarness } from './support/start-marketplace-harness.ts';

/** The MarketplaceClient role contract, run against the Allegro adapter and the Allegro simulator. */
describe('MarketplaceClient (Allegro adapter ↔ Allegro simulator)', () => {
  let harness: MarketplaceHarness;

  beforeAll(async () => {
    // A short timeout so that the hang fault costs little.
    harness = await startMarketplaceHarness({ timeoutMs: 500 });
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(() => {
    harness.sim.control.resetCounters();
    harness.sim.control.clearFaults();
  });

  describe('listOrdersByBuyerLogin', () => {
    it('pages through all forms of a buyer, 100 per call, newest first', async () => {
      const orders = await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'tomek_wisnia' });
      expect(orders).toHaveLength(141);
      expect(new Set(orders.map((o) => o.id)).size).toBe(141);
      expect(harness.count(COUNTER.listForms)).toBe(2);
      const times = orders.map((o) => Date.parse(o.placedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('returns [] for a login Allegro does not know', async () => {
      await expect(harness.client.listOrdersByBuyerLogin({ buyerLogin: 'nobody_here_42' })).resolves.toEqual([]);
      expect(harness.count(COUNTER.listForms)).toBe(1);
    });
  });

  describe('getOrderById', () => {
    it('reads one form and maps it like the listing does', async () => {
      const [listed] = await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'ania_kowalska88' });
      const read = await harness.client.getOrderById({ orderNumber: listed!.number });
      expect(read).toEqual(listed);
    });

    it('returns null for a 404 (unknown form) and a 422 (not a time-based UUID)', async () => {
      await expect(harness.client.getOrderById({ orderNumber: '00000000-0000-1000-8000-000000000000' })).resolves.toBeNull();
      await expect(harness.client.getOrderById({ orderNumber: '3b241101-e2bb-4255-8caf-4136c566a962' })).resolves.toBeNull();
    });
  });

  describe('getOffersBySkus', () => {
    it('reads the offers of many SKUs in one call, with exact prices', async () => {
      const offers = await harness.client.getOffersBySkus({ skus: ['SKU-CFM-150', 'SKU-NUT-500', 'SKU-NONE'] });
      expect(harness.count(COUNTER.offers)).toBe(1);
      expect(offers.length).toBeGreaterThan(0);
      for (const offer of offers) {
        expect(['SKU-CFM-150', 'SKU-NUT-500']).toContain(offer.sku);
        expect(offer.price.amount).toMatch(/^\d+\.\d{2}$/);
        expect(offer.url).toBe(`https://allegro.pl/oferta/${offer.offerId}`);
      }
    });

    it('makes no call for no SKUs', async () => {
      await expect(harness.client.getOffersBySkus({ skus: [] })).resolves.toEqual([]);
      expect(harness.sim.control.counters().total).toBe(0);
    });
  });

  describe('faults', () => {
    it.each([
      ['a 503', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 503 }],
      ["Allegro's 429", 'UPSTREAM_RATE_LIMITED', { kind: 'rate_limit' }],
      ['a hang past the timeout', 'UPSTREAM_TIMEOUT', { kind: 'hang' }],
      ['a garbage body', 'UPSTREAM_BAD_RESPONSE', { kind: 'garbage' }],
    ] as const)('maps %s to %s with serviceName marketplace', async (_name, code, fault) => {
      harness.sim.control.addFaults([{ ...fault, count: 1, match: COUNTER.listForms }]);
      const error = await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'ania_kowalska88' }).then(
        () => null,
        (e: unknown) => e as { extensions?: Record<string, unknown>; message: string },
      );
      expect(error?.extensions).toMatchObject({ code, serviceName: 'marketplace' });
      expect(error?.message).not.toContain(harness.baseUrl);
    });

    it('maps faults of the per-id read and the offer search too', async () => {
      harness.sim.control.addFaults([
        { kind: 'status', status: 500, count: 1, match: COUNTER.getForm },
        { kind: 'rate_limit', count: 1, match: COUNTER.offers },
      ]);
      await expect(harness.client.getOrderById({ orderNumber: '00000000-0000-1000-8000-000000000000' })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace' },
      });
      await expect(harness.client.getOffersBySkus({ skus: ['SKU-CFM-150'] })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_RATE_LIMITED', serviceName: 'marketplace' },
      });
    });
  });
});

describe('Allegro token provider against the simulator', () => {
  it('keeps the rotated refresh token: a second refresh uses the new one, not the retired one', async () => {
    const harness = await startMarketplaceHarness({ simulator: { credentials: { tokenTtlSeconds: 1 } } });
    try {
      const first = await harness.tokens.getAccessToken();
      harness.tokens.invalidate(first);
      const second = await harness.tokens.getAccessToken();
      expect(second).not.toBe(first);
      harness.tokens.invalidate(second);
      // the configured refresh token was retired by the first refresh; only the rotated one works now
      await expect(harness.tokens.getAccessToken()).resolves.toEqual(expect.any(String));
      expect(harness.count(COUNTER.token)).toBe(3);
    } finally {
      await harness.close();
    }
  });

  it('shares one refresh between concurrent callers', async () => {
    const harness = await startMarketplaceHarness();
    try {
      const tokens = await Promise.all(Array.from({ length: 10 }, () => harness.tokens.getAccessToken()));
      expect(new Set(tokens).size).toBe(1);
      expect(harness.count(COUNTER.token)).toBe(1);
    } finally {
      await harness.close();
    }
  });

  it('surfaces a refused refresh token as an upstream error, not a crash', async () => {
    const harness = await startMarketplaceHarness();
    try {
      const bad = createAllegroTokenProvider({
        http: createHttpClient({ baseUrl: harness.baseUrl, timeoutMs: 2_000 }),
        clientId: harness.sim.allegro.credentials.clientId,
        clientSecret: harness.sim.allegro.credentials.clientSecret,
        refreshToken: 'not-a-refresh-token',
      });
      await expect(bad.getAccessToken()).rejects.toMatchObject({ extensions: { serviceName: 'marketplace' } });
    } finally {
      await harness.close();
    }
  });
});
