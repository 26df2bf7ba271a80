/**
 * Fidelity of the WooCommerce adapter for orders (issue 12, item 6): real shops' order variants, each a fixture in
 * WooCommerce's exact JSON (test/fixtures/woocommerce/orders.json, loaded into the simulator as records, which serves
 * them byte for byte), read through the adapter. Refund variants (refunds.json) go through the adapter's refund DTO
 * and mapper. The money identity (docs/money-model.md) holds for every variant.
 *
 * Sources: WooCommerce REST API v3 orders and refunds schema (woocommerce.github.io/woocommerce-rest-api-docs,
 * WC_REST_Orders_V2_Controller), shared/upstream-apis.md A.2; Local Pickup block (`pickup_location` method, meta
 * `pickup_location`, `pickup_address`, `pickup_details`); Sequential Order Numbers (`_order_number`,
 * `_order_number_formatted`); `dp` (decimal points of the response).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEshopClient } from '../src/upstream/create-eshop-client.ts';
import type { EshopClient, EshopOrderId, EshopOrderModel } from '../src/upstream/eshop-client.ts';
import { parseDecimalToMinorUnits } from '../src/upstream/money.ts';
import { WcRefundListDto } from '../src/upstream/woocommerce/woocommerce-dtos.ts';
import { mapWcRefundDtoToEshopRefund } from '../src/upstream/woocommerce/woocommerce-mappers.ts';
import { startWooCommerceTestBed, type WooCommerceTestBed } from './woocommerce-test-bed.ts';

const fixtures = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/woocommerce/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const ORDERS = fixtures('orders.json') as Record<string, { id: number }>;
const REFUNDS = fixtures('refunds.json');

let bed: WooCommerceTestBed;
let client: EshopClient;
const byCase = new Map<string, EshopOrderModel>();

beforeAll(async () => {
  bed = await startWooCommerceTestBed();
  const res = await fetch(`${bed.baseUrl}/__simulator/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orders: Object.values(ORDERS) }),
  });
  expect(res.status).toBe(201);
  client = createEshopClient({
    baseUrl: bed.baseUrl,
    consumerKey: bed.consumerKey,
    consumerSecret: bed.consumerSecret,
    timeoutMs: 5_000,
    currency: 'PLN',
  });
  const orders = await client.getOrdersByIds({ ids: Object.values(ORDERS).map((o) => String(o.id) as EshopOrderId) });
  for (const [name, dto] of Object.entries(ORDERS)) {
    const order = orders.find((o) => o.orderId === String(dto.id));
    if (order) byCase.set(name, order);
  }
});

afterAll(async () => {
  await fetch(`${bed.baseUrl}/__simulator/reset`, { method: 'POST' });
  await bed.close();
});

const get = (name: string) => {
  const order = byCase.get(name);
  if (!order) throw new Error(`fixture ${name} was not read`);
  return order;
};

describe('WooCommerce order variants through the adapter', () => {
  it('reads every variant (no valid payload is rejected) and the money identity holds to the grosz for each', () => {
    expect([...byCase.keys()].sort()).toEqual(Object.keys(ORDERS).sort());
    for (const [name, order] of byCase) {
      const lines = order.lines.reduce((sum, l) => sum + parseDecimalToMinorUnits(l.lineTotal.amount), 0);
      const expected = lines + parseDecimalToMinorUnits(order.totals.shipping.amount) + parseDecimalToMinorUnits(order.totals.fees.amount);
      expect({ name, total: parseDecimalToMinorUnits(order.totals.total.amount) }).toEqual({ name, total: expected });
      for (const l of order.lines) {
        const unit = parseDecimalToMinorUnits(l.unitPrice.amount) * l.quantity - parseDecimalToMinorUnits(l.discount.amount);
        expect({ name, line: l.id, total: unit }).toEqual({ name, line: l.id, total: parseDecimalToMinorUnits(l.lineTotal.amount) });
      }
    }
  });

  it('prices entered excluding tax: gross line totals, the rounding remainder in the discount, VAT 23', () => {
    const order = get('prices-exclude-tax');
    expect(order.lines.map((l) => [l.unitPrice.amount, l.discount.amount, l.lineTotal.amount, l.vatRate])).toEqual([
      ['123.00', '0.00', '246.00', '23'],
      ['41.00', '0.01', '122.99', '23'],
    ]);
    expect(order.totals).toMatchObject({ total: { amount: '381.29' }, shipping: { amount: '12.30' }, tax: { amount: '71.30' } });
  });

  it('several shipping lines: the delivery costs all of them', () => {
    expect(get('several-shipping-lines').delivery).toMatchObject({
      method: 'COURIER',
      name: 'Kurier DPD + Kurier DPD – gabaryt',
      cost: { amount: '50.00' },
    });
    expect(get('several-shipping-lines').totals.shipping.amount).toBe('50.00');
  });

  it('classic local pickup and the Blocks checkout pickup location are store pickups (no store code in either)', () => {
    expect(get('local-pickup').delivery).toMatchObject({ method: 'STORE_PICKUP', name: 'Odbiór osobisty', store: null, address: null });
    expect(get('local-pickup').paymentStatus).toBe('CASH_ON_DELIVERY');
    expect(get('pickup-location-blocks').delivery).toMatchObject({
      method: 'STORE_PICKUP',
      name: 'Odbiór w sklepie',
      cost: { amount: '0.00' },
      store: null,
    });
  });

  it('a numbering plugin: the number shoppers see, the id in the global id', () => {
    expect(get('sequential-order-number')).toMatchObject({ id: 'eshop:91005', number: 'ZAM/2026/000123' });
  });

  it('fees, positive and negative, are on top of lines and shipping', () => {
    expect(get('fees').totals).toMatchObject({ fees: { amount: '-5.00' }, total: { amount: '241.00' } });
  });

  it('coupons (percent, fixed cart, free shipping): codes in order, their money in the line discount', () => {
    const order = get('coupons');
    expect(order.couponCodes).toEqual(['wiosna10', 'rabat20', 'darmowadostawa']);
    expect(order.lines[0]).toMatchObject({ unitPrice: { amount: '200.00' }, discount: { amount: '40.00' }, lineTotal: { amount: '160.00' } });
    expect(order.totals.discount.amount).toBe('40.00');
  });

  it('company with a NIP plugin field and the invoice checkbox', () => {
    expect(get('company-nip').invoice).toEqual({
      required: true,
      companyName: 'Hotel Pod Lipami Sp. z o.o.',
      nip: '5261040828',
      taxId: 'PL 526-104-08-28',
      firstName: 'Anna',
      lastName: 'Kowalska',
      address: { street: 'ul. Półwiejska 12/4', city: 'Poznań', postalCode: '61-888', countryCode: 'PL' },
    });
    // a consumer's order carries no invoice data
    expect(get('guest').invoice).toBeNull();
  });

  it('a plugin status reads as PROCESSING with the raw status kept; a guest has no customer id', () => {
    expect(get('custom-status')).toMatchObject({ status: 'PROCESSING', channelStatus: 'shipped' });
    expect(get('guest')).toMatchObject({ customerId: null, billingEmail: 'gosc@example.pl' });
  });

  it('a deleted product: no SKU, the line kept', () => {
    expect(get('deleted-product').lines[0]).toMatchObject({ sku: null, name: 'Produkt usunięty', lineTotal: { amount: '246.00' } });
  });

  it('another currency: every amount in the order currency', () => {
    const order = get('other-currency');
    expect(new Set([order.totals.total, order.totals.shipping, order.lines[0]!.lineTotal, order.delivery.cost].map((m) => m.currency))).toEqual(
      new Set(['EUR']),
    );
    expect(order.totals.total.amount).toBe('57.20');
  });

  it('dp=3 and dp=0 answers read to the grosz (an unrounded line tax rounds half up)', () => {
    expect(get('dp-3').lines[0]!.lineTotal.amount).toBe('122.99');
    expect(get('dp-3').totals.total.amount).toBe('135.29');
    expect(get('dp-0').totals).toMatchObject({ total: { amount: '259.00' }, shipping: { amount: '13.00' } });
  });

  it('each line has the VAT rate of its tax line', () => {
    expect(get('two-vat-rates').lines.map((l) => l.vatRate)).toEqual(['23', '8']);
  });
});

describe('WooCommerce refund variants through the adapter mapping', () => {
  const refunds = (name: string) =>
    WcRefundListDto.parse(REFUNDS[name]).map((dto) => mapWcRefundDtoToEshopRefund(dto, '10482' as EshopOrderId, 'PLN'));

  it('a partial refund: its line, the units and the gross money of the line', () => {
    expect(refunds('partial')).toEqual([
      {
        id: '10501',
        orderId: '10482',
        createdAt: '2026-05-20T17:10:00Z',
        amount: { amount: '55.35', currency: 'PLN' },
        status: 'completed',
        lines: [{ lineId: '5522', sku: 'SKU-MUG-450-NAVY', quantity: 1, amount: { amount: '55.35', currency: 'PLN' } }],
        storeCode: null,
        idempotencyKey: null,
      },
    ]);
  });

  it('a full refund: every line with its amount; the delivery refunded is in the amount, not a line', () => {
    const [refund] = refunds('full');
    expect(refund!.amount.amount).toBe('348.09');
    expect(refund!.lines.map((l) => [l.lineId, l.quantity, l.amount?.amount])).toEqual([
      ['5521', 1, '221.40'],
      ['5522', 2, '110.70'],
    ]);
  });

  it('an amount-only refund has no lines', () => {
    expect(refunds('amount-only')[0]).toMatchObject({ amount: { amount: '20.00' }, lines: [] });
  });
});
