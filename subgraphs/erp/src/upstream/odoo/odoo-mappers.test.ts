import { describe, expect, it } from 'vitest';
import { OdooPartnerAddressDto, OdooProductDto, OdooStockQuantDto, OdooWarehouseDto } from './odoo-dtos.ts';
import type { OdooTaxDto } from './odoo-taxes.ts';
import {
  mapOdooDatetimeToIso,
  mapOdooHtmlToText,
  mapOdooProductDtoToErpProduct,
  mapOdooQuantsToErpStockRows,
  mapOdooWarehouseToErpLocation,
  mapOdooWarehouseToLocationKind,
  matchOdooProductDisplayNameToSku,
} from './odoo-mappers.ts';

const taxes = new Map<number, OdooTaxDto>([
  [1, { id: 1, amount: 23.0, amount_type: 'percent', price_include: false }],
  [2, { id: 2, amount: 8.0, amount_type: 'percent', price_include: false }],
  [9, { id: 9, amount: 1.0, amount_type: 'fixed', price_include: false }],
]);

// wire JSON as the simulator and upstream-apis.md A.4.2 show it
const kettle = OdooProductDto.parse({
  id: 1502,
  display_name: '[SKU-KET-17-STL] Czajnik elektryczny stalowy 1,7 l',
  name: 'Czajnik elektryczny stalowy 1,7 l',
  default_code: 'SKU-KET-17-STL',
  barcode: '5901234123457',
  lst_price: 200.0,
  taxes_id: [1],
  currency_id: [17, 'PLN'],
  active: true,
  product_tmpl_id: [1488, 'Czajnik elektryczny stalowy 1,7 l'],
  categ_id: [12, 'All / Saleable / AGD drobne'],
  uom_id: [1, 'Units'],
});

describe('mapOdooProductDtoToErpProduct', () => {
  it('maps a product with net, gross and VAT from its taxes', () => {
    expect(mapOdooProductDtoToErpProduct(kettle, taxes)).toEqual({
      sku: 'SKU-KET-17-STL',
      name: 'Czajnik elektryczny stalowy 1,7 l',
      ean: '5901234123457',
      active: true,
      listPrice: { currency: 'PLN', netMinor: 20000, grossMinor: 24600, vatRate: '23' },
      unit: 'Units',
      pricingRef: {
        productId: 1502,
        templateId: 1488,
        categoryId: 12,
        salesPriceMinor: 20000,
        taxes: [{ kind: 'percent', amount: 2300, priceIncluded: false, includeBaseAmount: false, isBaseAffected: true }],
        roundingMinor: 1,
      },
    });
  });

  it("accepts Odoo's false for empty values and keeps the variant's name", () => {
    const mug = OdooProductDto.parse({
      ...kettle,
      default_code: 'SKU-MUG-450-NAVY',
      display_name: '[SKU-MUG-450-NAVY] Kubek termiczny 450 ml (Granatowy)',
      name: 'Kubek termiczny 450 ml',
      barcode: false,
      lst_price: 50.0,
      taxes_id: [2, 9],
      currency_id: false,
      active: false,
    });
    expect(mapOdooProductDtoToErpProduct(mug, taxes)).toMatchObject({
      name: 'Kubek termiczny 450 ml (Granatowy)',
      ean: null,
      active: false,
      // Odoo adds the fixed-amount tax (1.00) on top of the 8 %
      listPrice: { currency: 'PLN', netMinor: 5000, grossMinor: 5500, vatRate: '8' },
    });
  });

  it('returns null for a variant without SKU and rate 0 without taxes', () => {
    expect(mapOdooProductDtoToErpProduct({ ...kettle, default_code: false }, taxes)).toBeNull();
    expect(mapOdooProductDtoToErpProduct({ ...kettle, taxes_id: [] }, taxes)?.listPrice).toEqual({
      currency: 'PLN',
      netMinor: 20000,
      grossMinor: 20000,
      vatRate: '0',
    });
  });

  it('rejects null where Odoo would send false', () => {
    expect(OdooProductDto.safeParse({ ...kettle, barcode: null }).success).toBe(false);
  });
});

describe('stock quants', () => {
  const quant = (over: Record<string, unknown>): OdooStockQuantDto =>
    OdooStockQuantDto.parse({
      id: 1,
      product_id: [1502, '[SKU-KET-17-STL] Czajnik elektryczny stalowy 1,7 l'],
      location_id: [8, 'POZ/Stock'],
      warehouse_id: [1, 'Magazyn Poznań'],
      quantity: 11.0,
      reserved_quantity: 2.0,
      write_date: '2026-05-12 08:20:14',
      ...over,
    });

  it('matches the longest requested SKU in a display name', () => {
    expect(matchOdooProductDisplayNameToSku('[SKU-A-B] x', ['SKU-A', 'SKU-A-B'])).toBe('SKU-A-B');
    expect(matchOdooProductDisplayNameToSku('[SKU-A] x', ['SKU-A', 'SKU-A-B'])).toBe('SKU-A');
    expect(matchOdooProductDisplayNameToSku('[SKU-C] x', ['SKU-A'])).toBeNull();
    // a `]` inside a SKU, a name that only contains the code, a code without its closing bracket
    expect(matchOdooProductDisplayNameToSku('[A]B] x', new Set(['A', 'A]B']))).toBe('A]B');
    expect(matchOdooProductDisplayNameToSku('x [SKU-A] y', ['SKU-A'])).toBeNull();
    expect(matchOdooProductDisplayNameToSku('[SKU-A x', ['SKU-A'])).toBeNull();
  });

  it('sums quants per SKU and warehouse, available = on hand − reserved, asOf = latest write_date', () => {
    const rows = mapOdooQuantsToErpStockRows(
      [
        quant({}),
        quant({ id: 2, location_id: [9, 'POZ/Stock/Shelf 1'], quantity: 0.1, reserved_quantity: 0, write_date: '2026-05-13 10:00:00' }),
        quant({ id: 3, quantity: 0.2, reserved_quantity: 0 }),
        quant({ id: 4, warehouse_id: false, location_id: [99, 'Loose'], quantity: 1, reserved_quantity: 0, write_date: false }),
        quant({ id: 5, product_id: [7, '[OTHER] x'] }),
      ],
      ['SKU-KET-17-STL'],
    );
    expect(rows).toEqual([
      { sku: 'SKU-KET-17-STL', stockRef: 'odoo:warehouse:1', onHand: 11.3, reserved: 2, available: 9.3, asOf: '2026-05-13T10:00:00Z' },
      { sku: 'SKU-KET-17-STL', stockRef: 'odoo:location:99', onHand: 1, reserved: 0, available: 1, asOf: '1970-01-01T00:00:00Z' },
    ]);
  });

  it('converts Odoo datetimes to ISO with Z', () => {
    expect(mapOdooDatetimeToIso('2026-05-12 08:20:14')).toBe('2026-05-12T08:20:14Z');
  });
});

describe('warehouses', () => {
  const warehouse = OdooWarehouseDto.parse({
    id: 8,
    name: 'Sklep Łódź Manufaktura',
    code: 'LOD1',
    lot_stock_id: [82, 'LOD1/Stock'],
    partner_id: [18, 'Sklep Przykładowy Sp. z o.o., Sklep Łódź Manufaktura'],
  });
  const partner = OdooPartnerAddressDto.parse({
    id: 18,
    street: 'ul. Karskiego 5',
    street2: false,
    zip: '91-071',
    city: 'Łódź',
    country_id: [179, 'Poland'],
    partner_latitude: 51.7797,
    partner_longitude: 19.4474,
    phone: '+48 42 123 45 67',
    comment: '<p>pn-sb 9:00-22:00, nd handlowa 10:00-21:00</p>',
  });

  it('maps a store with its address partner', () => {
    expect(mapOdooWarehouseToErpLocation(warehouse, partner, new Map([[179, 'PL']]))).toEqual({
      code: 'LOD1',
      name: 'Sklep Łódź Manufaktura',
      kind: 'STORE',
      address: { street: 'ul. Karskiego 5', city: 'Łódź', postalCode: '91-071', countryCode: 'PL' },
      coordinates: { latitude: 51.7797, longitude: 19.4474 },
      phone: '+48 42 123 45 67',
      openingHours: 'pn-sb 9:00-22:00, nd handlowa 10:00-21:00',
      stockRefs: ['odoo:warehouse:8', 'odoo:location:82'],
    });
  });

  it('marks the central distribution centre as WAREHOUSE', () => {
    expect(mapOdooWarehouseToLocationKind({ code: 'CEN', name: 'Centrum Dystrybucyjne Stryków' })).toBe('WAREHOUSE');
    expect(mapOdooWarehouseToLocationKind({ code: 'POZ', name: 'Magazyn Poznań' })).toBe('WAREHOUSE');
    expect(mapOdooWarehouseToLocationKind({ code: 'WAW1', name: 'Sklep Warszawa Arkadia' })).toBe('STORE');
  });

  it('turns the HTML comment into text', () => {
    expect(mapOdooHtmlToText(false)).toBeNull();
    expect(mapOdooHtmlToText('<p><br></p>')).toBeNull();
    expect(mapOdooHtmlToText('<p>pn-pt 9&amp;10</p><p>sb 10:00</p>')).toBe('pn-pt 9&10\nsb 10:00');
  });
});
