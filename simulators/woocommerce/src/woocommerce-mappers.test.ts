import { getDataset } from '@omnigraph/simulator-dataset';
import { describe, expect, it } from 'vitest';
import { parseMoney } from './wc-money.ts';
import { attributeFor, couponAmount, mapCustomer, priceHtml, slugify, variationAsProduct } from './woocommerce-mappers.ts';
import { pristineFor } from './woocommerce-store.ts';

const dataset = getDataset({ scale: 0.2 });
const pristine = pristineFor(dataset);

describe('dataset → WooCommerce', () => {
  it('keeps every seed order’s total equal to the dataset’s gross total, and every line’s net + tax equal to its gross', () => {
    const byId = new Map(dataset.eshopOrders.map((o) => [o.id, o]));
    for (const order of pristine.orders) {
      const source = byId.get(order.id)!;
      expect(parseMoney(order.total)).toBe(source.totalGross);
      order.line_items.forEach((line, i) => {
        const l = source.lines[i]!;
        expect(parseMoney(line.subtotal)! + parseMoney(line.subtotal_tax)!).toBe(l.unitPriceGross * l.quantity);
      });
      expect(parseMoney(order.discount_total)! + parseMoney(order.discount_tax)!).toBe(source.discountGross);
    }
  });

  it('maps delivery to shipping lines: courier, parcel locker with its locker id, pickup with the store code', () => {
    const parcel = dataset.eshopOrders.find((o) => o.delivery.kind === 'parcel_locker')!;
    const pickup = dataset.eshopOrders.find((o) => o.delivery.kind === 'pickup')!;
    const find = (id: number) => pristine.orders.find((o) => o.id === id)!;
    const locker = find(parcel.id).shipping_lines[0]!;
    expect(locker.method_id).toBe('flat_rate');
    expect(locker.meta_data.find((m) => m.key === '_parcel_machine_id')?.value).toBe(
      parcel.delivery.kind === 'parcel_locker' ? parcel.delivery.lockerId : '',
    );
    const store = find(pickup.id).shipping_lines[0]!;
    expect(store.method_id).toBe('local_pickup');
    expect(store.method_title).toMatch(/^Odbiór osobisty – Sklep /);
    expect(store.meta_data.find((m) => m.key === '_pickup_location_code')?.value).toBe(
      pickup.delivery.kind === 'pickup' ? pickup.delivery.storeCode : '',
    );
    expect(store.total).toBe('0.00');
  });

  it('maps customers with Woo address field order and site/GMT dates', () => {
    const c = mapCustomer(dataset.eshopCustomers[0]!, false);
    expect(Object.keys(c.billing)).toEqual([
      'first_name',
      'last_name',
      'company',
      'address_1',
      'address_2',
      'city',
      'postcode',
      'country',
      'state',
      'email',
      'phone',
    ]);
    expect(c.date_created_gmt).toBe(dataset.eshopCustomers[0]!.createdAt.slice(0, 19));
    expect(c.date_created).not.toBe(c.date_created_gmt);
  });

  it('lists variations of variable products and answers them in the products schema', () => {
    const parent = pristine.products.find((p) => p.type === 'variable')!;
    const kids = pristine.variations.filter((v) => v.parent_id === parent.id);
    expect(parent.variations).toEqual(kids.map((k) => k.id));
    expect(parent.stock_quantity).toBeNull();
    const asProduct = variationAsProduct(kids[0]!, parent);
    expect(asProduct).toMatchObject({ type: 'variation', parent_id: parent.id, sku: kids[0]!.sku, total_sales: 0 });
  });

  it('formats prices and names the way a Polish WooCommerce shop does', () => {
    expect(priceHtml(24_600, null)).toBe(
      '<span class="woocommerce-Price-amount amount"><bdi>246,00&nbsp;<span class="woocommerce-Price-currencySymbol">&#122;&#322;</span></bdi></span>',
    );
    expect(priceHtml(24_600, 19_900)).toContain('<del aria-hidden="true">');
    expect(couponAmount({ discountType: 'percent', amount: 10 })).toBe('10.00');
    expect(couponAmount({ discountType: 'fixed_cart', amount: 2_000 })).toBe('20.00');
    expect(slugify('Czajnik elektryczny stalowy 1,7 l')).toBe('czajnik-elektryczny-stalowy-1-7-l');
    expect(attributeFor('Granatowy').taxonomy).toBe('pa_kolor');
    expect(attributeFor('XL').taxonomy).toBe('pa_rozmiar');
    expect(attributeFor('Lawenda').taxonomy).toBe('pa_zapach');
  });
});
