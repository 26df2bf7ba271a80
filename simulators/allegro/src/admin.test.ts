import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDataset } from '@omnigraph/simulator-dataset';
import type { CheckoutForm, OrderEvent, SaleOffer } from './allegro-types.ts';
import { startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

const dataset = getDataset({ scale: 0.2 });

async function patchConfig(h: Harness, body: unknown): Promise<void> {
  const res = await fetch(`${h.base}/__simulator/config`, { method: 'PATCH', body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

describe('Allegro simulator: rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());
  afterEach(() => h.sim.control.reset());

  it('starts with Allegro’s budget: 9000 requests a minute per Client_ID, then a one-minute block', () => {
    expect(h.sim.control.knobs().rateLimit).toEqual({ limit: 9000, windowMs: 60_000, blockMs: 60_000 });
  });

  it('answers 429 with an ErrorsHolder and no rate-limit headers once the budget is spent, then blocks', async () => {
    await patchConfig(h, { rateLimit: { limit: 3, windowMs: 100, blockMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.api('/order/event-stats')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await h.api('/order/event-stats');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      errors: [
        {
          code: 'RateLimitExceedException',
          message: 'An error has occurred',
          details: null,
          path: null,
          userMessage: 'Przekroczony limit zapytań.',
          metadata: {},
        },
      ],
    });
    expect(limited.headers.get('retry-after')).toBeNull();
    expect([...limited.headers.keys()].filter((k) => k.startsWith('x-ratelimit'))).toEqual([]);
    // The window is over, but the Client_ID stays blocked.
    await new Promise((r) => setTimeout(r, 150));
    expect((await h.api('/order/event-stats')).status).toBe(429);
  });

  it('keys the budget on the token’s Client_ID: every token of the application shares it', async () => {
    await patchConfig(h, { rateLimit: { limit: 2, windowMs: 60_000 } });
    const appToken = h.sim.allegro.auth.applicationAccessToken();
    expect((await h.api('/me')).status).toBe(200);
    expect((await h.api('/me', { token: appToken })).status).toBe(403);
    const third = await h.api('/me', { token: h.sim.allegro.auth.sellerAccessToken() });
    expect(third.status).toBe(429);
    expect(((await third.json()) as ErrorsHolderBody).errors[0]!.code).toBe('RateLimitExceedException');
  });
});

describe('Allegro simulator: records and reset', () => {
  let h: Harness;
  const template = dataset.allegroCheckoutForms.find((f) => f.status === 'READY_FOR_PROCESSING')!;
  const newId = 'c0ffee00-1234-11f0-8000-00000000abcd';

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  const postRecords = (body: unknown) =>
    fetch(`${h.base}/__simulator/records`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('loads a checkout form and an offer in Allegro’s JSON, indexes them and journals the new order', async () => {
    const original = (await (await h.api(`/order/checkout-forms/${template.id}`)).json()) as CheckoutForm;
    const stats = (await (await h.api('/order/event-stats')).json()) as { latestEvent: { id: string } };
    const record: CheckoutForm = {
      ...original,
      id: newId,
      buyer: { ...original.buyer, login: 'records_buyer_1', email: 'abcdef1234+99@allegromail.pl' },
      revision: 'feedbeef',
    };
    const sku = 'SKU-RECORDS-TEST-1';
    const offer: Partial<SaleOffer> = {
      id: '99900011122',
      name: 'Testowa oferta z rekordów',
      sellingMode: { format: 'BUY_NOW', price: { amount: '10.00', currency: 'PLN' }, priceAutomation: null, minimalPrice: null, startingPrice: null },
      stock: { available: 5, sold: 0 },
      publication: {
        status: 'ACTIVE',
        startingAt: null,
        startedAt: '2026-11-02T10:00:00Z',
        endingAt: null,
        endedAt: null,
        marketplaces: { base: { id: 'allegro-pl' }, additional: [] },
      },
      external: { id: sku },
    };
    const res = await postRecords({ checkoutForms: [record], offers: [offer] });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ loaded: { checkoutForms: 1, offers: 1 } });

    const got = await h.api(`/order/checkout-forms/${newId}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(record);
    const byLogin = (await (await h.api('/order/checkout-forms?buyer.login=records_buyer_1')).json()) as { checkoutForms: CheckoutForm[] };
    expect(byLogin.checkoutForms.map((f) => f.id)).toEqual([newId]);

    const events = (await (await h.api(`/order/events?from=${stats.latestEvent.id}`)).json()) as { events: OrderEvent[] };
    expect(events.events.map((e) => [e.type, e.order.checkoutForm.id])).toEqual([
      ['BOUGHT', newId],
      ['FILLED_IN', newId],
      ['READY_FOR_PROCESSING', newId],
    ]);

    const offers = (await (await h.api(`/sale/offers?external.id=${sku}`)).json()) as { offers: SaleOffer[] };
    expect(offers.offers.map((o) => o.id)).toEqual(['99900011122']);
    expect(offers.offers[0]!.primaryImage).toBeNull();
    const offerEvents = (await (await h.api('/sale/offer-events')).json()) as { offerEvents: { id: string; type: string; offer: { id: string } }[] };
    expect(offerEvents.offerEvents).toMatchObject([{ type: 'OFFER_ACTIVATED', offer: { id: '99900011122', external: { id: sku } } }]);

    const admin = (await (await fetch(`${h.base}/__simulator`)).json()) as { counts: { checkoutForms: number } };
    expect(admin.counts.checkoutForms).toBe(dataset.allegroCheckoutForms.length + 1);
  });

  it('rejects junk with a 400 that says what is wrong', async () => {
    const cases: [unknown, RegExp][] = [
      [{ orders: [] }, /unknown record kind.*"orders"/],
      [[1, 2], /must be a JSON object/],
      [{ checkoutForms: [{ id: 'not-a-uuid' }] }, /checkoutForms\[0\]\.id: must be a time-based \(version 1\) UUID/],
      [{ checkoutForms: [{ ...{ id: newId }, buyer: { id: '1', email: 'x@y' } }] }, /checkoutForms\[0\]\.buyer\.login/],
      [{ offers: [{ id: 'abc', name: 'x' }] }, /offers\[0\]\.id: must be a numeric string/],
      [{}, /no "checkoutForms" and no "offers"/],
    ];
    for (const [body, message] of cases) {
      const res = await postRecords(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
    expect((await postRecords('{nope')).status).toBe(400);
  });

  it('resets data, the refresh token and the journal to the seed', async () => {
    const used = await h.token({ grant_type: 'refresh_token', refresh_token: 'omnigraph-simulator-refresh-token' });
    expect(used.status).toBe(200);
    expect((await fetch(`${h.base}/__simulator/reset`, { method: 'POST' })).status).toBe(204);
    expect((await h.api(`/order/checkout-forms/${newId}`)).status).toBe(404);
    const again = await h.token({ grant_type: 'refresh_token', refresh_token: 'omnigraph-simulator-refresh-token' });
    expect(again.status).toBe(200);
    const offerEvents = (await (await h.api('/sale/offer-events')).json()) as { offerEvents: unknown[] };
    expect(offerEvents.offerEvents).toEqual([]);
  });
});
