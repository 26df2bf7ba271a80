import { describe, expect, it } from 'vitest';
import { mapWooCommerceDelivery } from './woocommerce-webhook.ts';

const now = new Date('2026-12-06T03:00:00.000Z');

describe('mapWooCommerceDelivery', () => {
  it('maps an order with its customer, e-mail and line SKUs', () => {
    const order = {
      id: 10482,
      customer_id: 2000,
      billing: { email: 'Anna.Kowalska@example.pl' },
      line_items: [{ sku: 'SKU-1' }, { sku: '' }, { sku: 'SKU-1' }],
      date_modified_gmt: '2026-12-06T02:00:00',
    };
    expect(mapWooCommerceDelivery('order.updated', order, now)).toEqual({
      system: 'woocommerce',
      kind: 'order',
      ids: ['10482'],
      at: '2026-12-06T02:00:00.000Z',
      cause: 'woocommerce:webhook:order.updated',
      refs: { skus: ['SKU-1'], customerIds: ['2000'], emails: ['anna.kowalska@example.pl'] },
    });
  });

  it('takes a deleted order from its bare {id}, and a guest order without a customer', () => {
    expect(mapWooCommerceDelivery('order.deleted', { id: 7 }, now)).toEqual({
      system: 'woocommerce',
      kind: 'order',
      ids: ['7'],
      at: now.toISOString(),
      cause: 'woocommerce:webhook:order.deleted',
    });
  });

  it('names a variation and its parent', () => {
    expect(mapWooCommerceDelivery('product.updated', { id: 31, parent_id: 30, sku: 'SKU-V' }, now)).toMatchObject({
      kind: 'product',
      ids: ['31', '30'],
      refs: { skus: ['SKU-V'] },
    });
  });

  it('ignores coupons and actions', () => {
    expect(mapWooCommerceDelivery('coupon.updated', { id: 1 }, now)).toBeNull();
    expect(mapWooCommerceDelivery('action.woocommerce_add_to_cart', {}, now)).toBeNull();
  });
});
