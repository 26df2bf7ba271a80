/**
 * Contract tests of the Allegro adapter against real-shaped payloads: each fixture in test/fixtures/allegro/ is one
 * variant a real seller account produces, in Allegro's exact JSON (`application/vnd.allegro.public.v1+json`, fields as
 * the OpenAPI spec at developer.allegro.pl/swagger.yaml names them: CheckoutForm, CheckoutFormOrderWaybillResponse,
 * RefundDetails). Served over real HTTP to the real adapter (createAllegroClient), so DTO validation, mapping and the
 * HTTP layer are what is tested. Every valid payload reads; the money identity (docs/money-model.md) holds for each.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '@omnigraph/shared/http';
import { startTestHttpServer, type TestHttpServer } from '@omnigraph/shared/testing';
import { createUpstream } from '@omnigraph/shared/upstream';
import type { MarketplaceClient, MarketplaceOrderModel } from '../src/upstream/marketplace-client.ts';
import { createAllegroClient } from '../src/upstream/allegro/allegro-client.ts';
import { createAllegroOrderEvents } from '../src/upstream/allegro/allegro-order-events.ts';
import { createOrderEventsJournal } from '../src/timeline/order-events-journal.ts';
import { createMemoryCache } from '@omnigraph/shared/cache';
import type { AllegroTokenProvider } from '../src/upstream/allegro/allegro-token-provider.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/allegro/${name}`, import.meta.url), 'utf8');
const idOf = (name: string): string => (JSON.parse(fixture(name)) as { id: string }).id;

const FORMS = [
  'checkout-form.200.json',
  'checkout-form.guest-cod-courier.200.json',
  'checkout-form.company-pl-nip-one-box-ept.200.json',
  'checkout-form.allegro-cz-foreign-vat-split.200.json',
  'checkout-form.allegro-sk-natural-person-exempt.200.json',
  'checkout-form.unknown-statuses.200.json',
  'checkout-form.cancelled.200.json',
] as const;
const B2B = idOf('checkout-form.company-pl-nip-one-box-ept.200.json');

/** Integer minor units of a two-decimal amount. */
function minor(amount: string): number {
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** docs/money-model.md: total = Σ line totals + shipping + fees; line total = quantity × unit price − discount. */
function moneyIdentityViolations(order: MarketplaceOrderModel): string[] {
  const out: string[] = [];
  for (const line of order.lines) {
    if (line.quantity * minor(line.unitPrice.amount) - minor(line.discount.amount) !== minor(line.lineTotal.amount)) out.push(`line ${line.id}`);
  }
  const sum = order.lines.reduce((s, l) => s + minor(l.lineTotal.amount), 0) + minor(order.totals.shipping.amount) + minor(order.totals.fees.amount);
  if (sum !== minor(order.totals.total.amount)) out.push(`total ${order.totals.total.amount} ≠ ${sum / 100}`);
  const currencies = new Set([order.totals.total.currency, ...order.lines.map((l) => l.lineTotal.currency), order.totals.shipping.currency]);
  if (currencies.size !== 1) out.push(`currencies ${[...currencies].join(',')}`);
  return out;
}

describe('Allegro adapter ↔ real-shaped payloads (test/fixtures/allegro)', () => {
  let server: TestHttpServer;
  let client: MarketplaceClient;
  let tokens: AllegroTokenProvider;
  const accepts: string[] = [];

  beforeAll(async () => {
    const byPath = new Map<string, string>(FORMS.map((name) => [`/order/checkout-forms/${idOf(name)}`, fixture(name)]));
    byPath.set(`/order/checkout-forms/${B2B}/shipments`, fixture('checkout-form-shipments.200.json'));
    byPath.set('/order/events', fixture('order-events.200.json'));
    server = await startTestHttpServer((req, res) => {
      accepts.push(req.headers.accept ?? '');
      const url = new URL(req.url ?? '/', 'http://x');
      const body =
        url.pathname === '/payments/refunds' && url.searchParams.get('order.id') === B2B
          ? fixture('payment-refunds.order.200.json')
          : byPath.get(url.pathname);
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'application/vnd.allegro.public.v1+json' });
        res.end(JSON.stringify({ errors: [{ code: 'NOT_FOUND', message: 'not found', details: null, path: null, userMessage: 'not found' }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/vnd.allegro.public.v1+json' });
      res.end(body);
    });
    tokens = { getAccessToken: async () => 'seller-token', invalidate: () => undefined, state: () => 'ok' as never };
    client = createAllegroClient({
      http: createHttpClient({ baseUrl: server.url, timeoutMs: 2_000 }),
      upstream: createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: 2_000 }),
      tokens,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const read = async (name: (typeof FORMS)[number]): Promise<MarketplaceOrderModel> => {
    const order = await client.getOrderById({ orderNumber: idOf(name) });
    expect(order, name).not.toBeNull();
    return order!;
  };

  it.each(FORMS)('reads %s and the money identity holds to the grosz', async (name) => {
    expect(moneyIdentityViolations(await read(name))).toEqual([]);
    expect(accepts.every((a) => a === 'application/vnd.allegro.public.v1+json')).toBe(true);
  });

  it('guest buyer, offer without external id, cash on delivery by courier, no invoice, fields omitted rather than null', async () => {
    const order = await read('checkout-form.guest-cod-courier.200.json');
    expect(order.buyer).toMatchObject({ login: 'Client:86389410', guest: true });
    expect(order.lines[0]).toMatchObject({ sku: null, product: null, vatRate: null });
    expect(order.paymentStatus).toBe('CASH_ON_DELIVERY');
    expect(order.delivery).toMatchObject({ method: 'COURIER', name: 'Allegro Kurier DPD pobranie', parcelLocker: null });
    expect(order.delivery.cost).toEqual({ amount: '18.99', currency: 'PLN' });
    expect(order.invoice).toBeNull();
    expect(order.status).toBe('PROCESSING');
  });

  it('company with PL_NIP, Allegro One Box, extended term payment, discounts, services and a deposit as fees', async () => {
    const order = await read('checkout-form.company-pl-nip-one-box-ept.200.json');
    expect(order.invoice).toEqual({
      required: true,
      companyName: 'Kawiarnia Pod Lipami Sp. z o.o.',
      nip: '6762481366',
      taxId: '676-248-13-66',
      firstName: null,
      lastName: null,
      address: { street: 'ul. Długa 14', city: 'Kraków', postalCode: '31-146', countryCode: 'PL' },
    });
    expect(order.delivery).toMatchObject({ method: 'PARCEL_LOCKER', parcelLocker: { id: 'AONE-KRA0412', name: 'Allegro One Box KRA0412' } });
    expect(order.paymentStatus).toBe('PAID');
    // originalPrice 199.00 ≠ price 179.10 (wholesale + coupon): 2 × 199.00 − 39.80 = 358.20
    expect(order.lines[0]).toMatchObject({
      unitPrice: { amount: '199.00' },
      originalUnitPrice: { amount: '199.00' },
      discount: { amount: '39.80' },
      lineTotal: { amount: '358.20' },
      vatRate: '23.00',
    });
    expect(order.lines.map((l) => l.vatRate)).toEqual(['23.00', '8.00', '5.00']);
    // CARRY_IN 15.00 + a 0.50 deposit on each of 6 bottles
    expect(order.totals.fees).toEqual({ amount: '18.00', currency: 'PLN' });
    expect(order.totals.discount).toEqual({ amount: '39.80', currency: 'PLN' });
    expect(order.couponCodes).toEqual([]);
    expect(order.status).toBe('SHIPPED');
  });

  it('allegro-cz: CZK from the amounts, foreign VAT id kept as taxId without a NIP, split payment, picked up', async () => {
    const order = await read('checkout-form.allegro-cz-foreign-vat-split.200.json');
    expect(order.totals.total).toEqual({ amount: '1338.00', currency: 'CZK' });
    expect(order.delivery.cost.currency).toBe('CZK');
    expect(order.invoice).toMatchObject({ required: true, companyName: 'Pekárna Brno s.r.o.', nip: null, taxId: 'CZ12345678' });
    expect(order.lines[0]?.vatRate).toBe('21.00');
    expect(order.paymentStatus).toBe('PAID');
    expect(order.status).toBe('COMPLETED');
    expect(order.completedAt).toBe('2026-08-24T12:00:00.000Z');
  });

  it('allegro-sk: EUR, an invoice for a natural person, a tax exemption without rate, a pickup point without id', async () => {
    const order = await read('checkout-form.allegro-sk-natural-person-exempt.200.json');
    expect(order.totals.total).toEqual({ amount: '31.40', currency: 'EUR' });
    expect(order.invoice).toEqual({
      required: true,
      companyName: null,
      nip: null,
      taxId: null,
      firstName: 'Martin',
      lastName: 'Kováč',
      address: { street: 'Hlavná 5', city: 'Košice', postalCode: '040 01', countryCode: 'SK' },
    });
    expect(order.lines.map((l) => [l.sku, l.vatRate])).toEqual([
      ['SKU-EBOOK-01', null],
      [null, null],
    ]);
    expect(order.lines[0]).toMatchObject({ unitPrice: { amount: '12.00', currency: 'EUR' }, discount: { amount: '2.40', currency: 'EUR' } });
    expect(order.delivery.parcelLocker).toMatchObject({ id: 'Packeta Z-BOX Košice Hlavná' });
    expect(order.buyer).toMatchObject({ phone: null, postalCode: null });
  });

  it('statuses Allegro adds later read through the documented fallback (PROCESSING), unknown payment types too', async () => {
    const order = await read('checkout-form.unknown-statuses.200.json');
    expect(order.status).toBe('PROCESSING');
    expect(order.channelStatus).toBe('AWAITING_VERIFICATION/HANDED_TO_CARRIER');
    expect(order.paymentStatus).toBe('UNPAID');
    expect(order.delivery).toMatchObject({ method: 'COURIER', name: '', cost: { amount: '0.00', currency: 'PLN' } });
  });

  it('a cancelled order: CANCELLED, dated by delivery.cancellation', async () => {
    const order = await read('checkout-form.cancelled.200.json');
    expect(order.status).toBe('CANCELLED');
    expect(order.formEvents.map((e) => [e.kind, e.at])).toEqual([
      ['PLACED', '2026-09-06T10:00:00.000Z'],
      ['CANCELLED', '2026-09-06T11:00:00.000Z'],
    ]);
  });

  it('reads the parcels: carrier ids recognised, OTHER by its name, Allegro One without a public page, a number-less entry skipped', async () => {
    const shipments = await client.listShipments({ orderNumber: B2B });
    expect(shipments).toEqual([
      {
        id: 'SU5QT1NUOjYyMDAwMDAwMDAwMDAwMDAwMDAwMDAwMQ==',
        sources: ['MARKETPLACE'],
        carrier: 'INPOST',
        carrierName: 'INPOST',
        trackingNumber: '620000000000000000000001',
        trackingUrl: 'https://inpost.pl/sledzenie-przesylek?number=620000000000000000000001',
        shippedAt: '2026-09-03T14:02:11.000Z',
        lineIds: ['a1b2c3d4-8a11-11f0-9d2e-4f1a2b3c4d5e'],
      },
      expect.objectContaining({ carrier: 'ALLEGRO_ONE', carrierName: 'ALLEGRO', trackingUrl: null, lineIds: expect.any(Array) }),
      expect.objectContaining({ carrier: 'OTHER', carrierName: 'Kurier Zenek', trackingNumber: 'ZEN-123(4)', trackingUrl: null, lineIds: [] }),
    ]);
    await expect(client.listShipments({ orderNumber: idOf('checkout-form.cancelled.200.json') })).resolves.toBeNull();
  });

  it('reads a refund: QUANTITY lines as items, AMOUNT lines with their value', async () => {
    const [refund] = await client.listRefunds({ orderNumber: B2B });
    expect(refund?.amount).toEqual({ amount: '183.10', currency: 'PLN' });
    expect(refund?.lines).toEqual([
      { lineId: 'a1b2c3d4-8a11-11f0-9d2e-4f1a2b3c4d5e', quantity: 1, value: null },
      { lineId: 'b2c3d4e5-8a11-11f0-9d2e-4f1a2b3c4d5e', quantity: 0, value: { amount: '4.00', currency: 'PLN' } },
    ]);
  });

  it('journals polled order events per form: repeats once, an event without a checkout form skipped (optional in the spec)', async () => {
    const journal = createOrderEventsJournal({ cache: createMemoryCache() });
    const source = createAllegroOrderEvents({ http: createHttpClient({ baseUrl: server.url, timeoutMs: 2_000 }), tokens, journal });
    const page = await source.poll('0');
    expect(page.events.map((e) => e.ids)).toEqual([
      ['7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50'],
      ['7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50'],
      ['7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50'],
    ]);
    expect(page.cursor).toBe('1778573650000000');
    expect(await journal.eventsOf(['7a3c9e10-5b2f-11f0-8d4e-0b1c2d3e4f50'])).toEqual([
      [
        { id: '1778573567101000', type: 'BOUGHT', at: '2026-05-12T08:12:47.101Z' },
        { id: '1778573643512000', type: 'READY_FOR_PROCESSING', at: '2026-05-12T08:14:03.512Z' },
      ],
    ]);
  });
});
