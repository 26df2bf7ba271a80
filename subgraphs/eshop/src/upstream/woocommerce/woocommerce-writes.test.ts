import { describe, expect, it } from 'vitest';
import type { EshopNewOrderModel } from '../eshop-client.ts';
import { DEFAULT_WRITE_SETTINGS, lineNetOfGross, toWcOrderBody, toWcRefundBody, WcWriteInputError } from './woocommerce-writes.ts';

/** What WooCommerce makes of a posted net: VAT on it, rounded per line half up; the line's gross in grosze. */
function grossOfNet(net: string, percent: number): number {
  const micros = Math.round(Number(net) * 1_000_000);
  return Math.floor((2 * micros * (100 + percent) + 1_000_000) / 2_000_000);
}

const ORDER: EshopNewOrderModel = {
  idempotencyKey: 'k-1',
  crmCustomerId: 'crm-7',
  eshopCustomerId: null,
  billing: {
    firstName: 'Jan',
    lastName: 'Nowak',
    company: null,
    email: 'jan@example.pl',
    phone: null,
    street: 'ul. Długa 1',
    city: 'Gdańsk',
    postalCode: '80-001',
    countryCode: 'PL',
  },
  shipping: null,
  lines: [{ sku: 'SKU-A', quantity: 2, unitGross: '129.99', vatRate: '23' }],
  delivery: { method: 'STORE_PICKUP', parcelLockerId: null, storeCode: 'GDA1', storeName: 'Gdańsk Galeria' },
  customerNote: null,
};

describe('lineNetOfGross', () => {
  it('gives a net whose VAT rounds back to the gross, for every gross amount up to 100 zł at 23, 8 and 5 %', () => {
    for (const percent of [23, 8, 5]) {
      for (let gross = 1; gross <= 10_000; gross += 1) {
        const net = lineNetOfGross((gross / 100).toFixed(2), 1, String(percent));
        expect(grossOfNet(net, percent)).toBe(gross);
      }
    }
  });

  it('keeps six decimals and multiplies by the quantity first', () => {
    expect(lineNetOfGross('129.99', 2, '23')).toBe('211.365854');
    expect(lineNetOfGross('10.00', 1, '0')).toBe('10.000000');
  });
});

describe('toWcOrderBody', () => {
  it('writes a store pickup as local_pickup with _pickup_location_code, tagged, processing and unpaid', () => {
    const body = toWcOrderBody(ORDER, DEFAULT_WRITE_SETTINGS);
    expect(body).toMatchObject({
      status: 'processing',
      set_paid: false,
      customer_id: 0,
      payment_method: 'cod',
      line_items: [{ sku: 'SKU-A', quantity: 2, tax_class: '', subtotal: '211.365854', total: '211.365854' }],
      shipping_lines: [
        {
          method_id: 'local_pickup',
          method_title: 'Odbiór osobisty – Gdańsk Galeria',
          total: '0.00',
          meta_data: [{ key: '_pickup_location_code', value: 'GDA1' }],
        },
      ],
      meta_data: [
        { key: '_omnigraph_idempotency_key', value: 'k-1' },
        { key: '_omnigraph_customer_id', value: 'crm-7' },
      ],
    });
    // no delivery address of its own: the billing one stands in
    expect(body['shipping']).toMatchObject({ address_1: 'ul. Długa 1', city: 'Gdańsk' });
  });

  it('refuses a VAT rate without a configured tax class', () => {
    expect(() =>
      toWcOrderBody({ ...ORDER, lines: [{ sku: 'SKU-A', quantity: 1, unitGross: '1.00', vatRate: '7' }] }, DEFAULT_WRITE_SETTINGS),
    ).toThrow(WcWriteInputError);
  });
});

describe('toWcRefundBody', () => {
  // 3 × 0.07 gross at 8 %: the line's net 0.19 and VAT 0.02 do not split into equal thirds
  const order = {
    line_items: [
      {
        id: 5,
        name: 'x',
        product_id: 1,
        variation_id: 0,
        quantity: 3,
        total: '0.19',
        total_tax: '0.02',
        taxes: [{ id: 2, total: '0.02' }],
        sku: 'S',
        meta_data: [],
      },
    ],
  };
  const refund = (quantity: number, returnedBefore: number) =>
    toWcRefundBody(
      order,
      { idempotencyKey: 'r', lines: [{ lineId: '5', quantity, returnedBefore }], reason: null, storeCode: 'GDA1' },
      DEFAULT_WRITE_SETTINGS,
    );

  it('refunds returns in several goes that add up to exactly what the line cost', () => {
    const parts = [refund(1, 0), refund(1, 1), refund(1, 2)];
    expect(parts.map((p) => p.amount)).toEqual(['0.07', '0.07', '0.07']);
    expect(parts.reduce((sum, p) => sum + Math.round(Number(p.amount) * 100), 0)).toBe(21);
    expect(refund(3, 0).body).toMatchObject({
      amount: '0.21',
      api_refund: false,
      api_restock: false,
      line_items: [{ id: 5, quantity: 3, refund_total: '0.19', refund_tax: [{ id: 2, refund_total: '0.02' }] }],
      meta_data: [
        { key: '_omnigraph_idempotency_key', value: 'r' },
        { key: '_omnigraph_return_store', value: 'GDA1' },
      ],
    });
  });
});
