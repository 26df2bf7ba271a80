import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream } from '@omnigraph/shared/upstream';
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

  describe('faults (retries off: how each failure maps)', () => {
    // a harness per test with retries off, so each fault shows its own mapping (a 429 also blocks the upstream for
    // a second, and failures count toward the breaker)
    let once: MarketplaceHarness;
    beforeEach(async () => {
      once = await startMarketplaceHarness({ timeoutMs: 500, policies: { retry: { maxRetries: 0 } } });
    });
    afterEach(async () => {
      await once.close();
    });

    it.each([
      ['a 503', 'UPSTREAM_UNAVAILABLE', { kind: 'status', status: 503 }],
      ["Allegro's 429", 'UPSTREAM_RATE_LIMITED', { kind: 'rate_limit' }],
      ['a hang past the timeout', 'UPSTREAM_TIMEOUT', { kind: 'hang' }],
      ['a garbage body', 'UPSTREAM_BAD_RESPONSE', { kind: 'garbage' }],
    ] as const)('maps %s to %s with serviceName marketplace', async (_name, code, fault) => {
      once.sim.control.addFaults([{ ...fault, count: 1, match: COUNTER.listForms }]);
      const error = await once.client.listOrdersByBuyerLogin({ buyerLogin: 'ania_kowalska88' }).then(
        () => null,
        (e: unknown) => e as { extensions?: Record<string, unknown>; message: string },
      );
      expect(error?.extensions).toMatchObject({ code, serviceName: 'marketplace' });
      expect(error?.message).not.toContain(once.baseUrl);
    });

    it('maps faults of the per-id read and the offer search too', async () => {
      once.sim.control.addFaults([
        { kind: 'status', status: 500, count: 1, match: COUNTER.getForm },
        { kind: 'rate_limit', count: 1, match: COUNTER.offers },
      ]);
      await expect(once.client.getOrderById({ orderNumber: '00000000-0000-1000-8000-000000000000' })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace' },
      });
      await expect(once.client.getOffersBySkus({ skus: ['SKU-CFM-150'] })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_RATE_LIMITED', serviceName: 'marketplace' },
      });
    });
  });

  describe('resilience (the shared upstream-call policies)', () => {
    it('answers completely after one transient 503: the read is retried once', async () => {
      harness.sim.control.addFaults([{ kind: 'status', status: 503, count: 1, match: COUNTER.listForms }]);
      const orders = await harness.client.listOrdersByBuyerLogin({ buyerLogin: 'tomek_wisnia' });
      expect(orders).toHaveLength(141);
      // the faulted first page, its retry, and the second page
      expect(harness.count(COUNTER.listForms)).toBe(3);
    });

    it('waits 1 s after a 429 without Retry-After (Allegro sends none), then answers', async () => {
      // the default 5 s timeout: without a request deadline it bounds the whole call, wait included
      const patient = await startMarketplaceHarness();
      try {
        patient.sim.control.addFaults([{ kind: 'rate_limit', count: 1, match: COUNTER.offers }]);
        const started = Date.now();
        const offers = await patient.client.getOffersBySkus({ skus: ['SKU-CFM-150'] });
        expect(Date.now() - started).toBeGreaterThanOrEqual(950);
        expect(offers.length).toBeGreaterThan(0);
        expect(patient.count(COUNTER.offers)).toBe(2);
      } finally {
        await patient.close();
      }
    });

    it('never retries the token refresh (a write that rotates the refresh token)', async () => {
      const fresh = await startMarketplaceHarness({ timeoutMs: 500 });
      try {
        fresh.sim.control.addFaults([{ kind: 'status', status: 503, count: 1, match: COUNTER.token }]);
        await expect(fresh.client.getOffersBySkus({ skus: ['SKU-CFM-150'] })).rejects.toMatchObject({
          extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: 'marketplace', upstream: { operation: 'refreshAccessToken' } },
        });
        expect(fresh.count(COUNTER.token)).toBe(1);
        expect(fresh.count(COUNTER.offers)).toBe(0);
      } finally {
        await fresh.close();
      }
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
        upstream: createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: 2_000 }),
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
