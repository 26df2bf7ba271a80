import { getDataset } from '@omnigraph/simulator-dataset';
import { describe, expect, it } from 'vitest';
import { COUNTRY_POLAND_ID, mapDataset, TAX_IDS, toOdooDatetime } from './odoo-mappers.ts';
import type { OdooRecord } from './odoo-domain.ts';

const ds = getDataset({ scale: 0.2 });
const mapped = mapDataset(ds, { uid: 2, login: 'api-bot' });
const byId = (model: string) => new Map((mapped.records[model] ?? []).map((r) => [r['id'] as number, r]));
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('dataset → Odoo wire records', () => {
  it('formats datetimes as UTC "YYYY-MM-DD HH:MM:SS" and empty ones as false', () => {
    expect(toOdooDatetime('2026-05-12T08:20:14.000Z')).toBe('2026-05-12 08:20:14');
    expect(toOdooDatetime(null)).toBe(false);
  });

  it('maps products with Odoo value conventions', () => {
    const products = byId('product.product');
    expect(products.size).toBe(ds.products.length);
    for (const p of ds.products.slice(0, 50)) {
      const rec = products.get(p.id)!;
      expect(rec['default_code']).toBe(p.sku);
      expect(rec['display_name']).toBe(`[${p.sku}] ${p.name}`);
      expect(rec['name']).toBe(p.templateName);
      expect(rec['barcode']).toBe(p.ean ?? false);
      expect(rec['product_tmpl_id']).toEqual([p.templateId, p.templateName]);
      expect(rec['categ_id']).toEqual([p.categoryId, ds.categories.find((c) => c.id === p.categoryId)!.completeName]);
      expect(rec['lst_price']).toBe(p.listPriceNet / 100);
      expect(rec['taxes_id']).toEqual([TAX_IDS[p.vatRate]]);
      expect(rec['write_date']).toMatch(DATETIME);
    }
    // a product without EAN answers false, never null or ""
    const noEan = ds.products.find((p) => p.ean === null);
    if (noEan) expect(products.get(noEan.id)!['barcode']).toBe(false);
  });

  it('keeps the template price in list_price and the variant price in lst_price', () => {
    const products = byId('product.product');
    const byTemplate = new Map<number, typeof ds.products>();
    for (const p of ds.products) byTemplate.set(p.templateId, [...(byTemplate.get(p.templateId) ?? []), p]);
    for (const variants of byTemplate.values()) {
      const first = [...variants].sort((a, b) => a.id - b.id)[0]!;
      for (const v of variants) expect(products.get(v.id)!['list_price']).toBe(first.listPriceNet / 100);
    }
  });

  it('puts store addresses, coordinates and opening hours on the warehouse partner', () => {
    const partners = byId('res.partner');
    const warehouses = byId('stock.warehouse');
    for (const loc of ds.locations) {
      const wh = warehouses.get(loc.warehouseId)!;
      expect(wh['code']).toBe(loc.code);
      expect(wh['lot_stock_id']).toEqual([loc.stockLocationId, `${loc.code}/Stock`]);
      expect(wh['view_location_id']).toEqual([loc.viewLocationId, loc.code]);
      const partner = partners.get(loc.partnerId)!;
      expect(partner['name']).toBe(loc.name);
      expect(partner['parent_id']).toEqual([ds.company.erpPartnerId, ds.company.name]);
      expect(partner['partner_latitude']).toBe(loc.latitude);
      expect(partner['partner_longitude']).toBe(loc.longitude);
      expect(partner['city']).toBe(loc.address.city);
      expect(partner['country_id']).toEqual([COUNTRY_POLAND_ID, 'Poland']);
      expect(partner['comment']).toBe(loc.openingHours ? `<p>${loc.openingHours}</p>` : false);
    }
  });

  it('keeps quants at customer locations apart from internal stock', () => {
    const locations = byId('stock.location');
    const quants = mapped.records['stock.quant']!;
    const usage = (q: OdooRecord) => locations.get((q['location_id'] as [number, string])[0])!['usage'];
    expect(quants.filter((q) => usage(q) === 'internal')).toHaveLength(ds.stock.length);
    expect(quants.some((q) => usage(q) === 'customer')).toBe(true);
  });

  it('names pricelists without the currency Odoo appends to their display name', () => {
    for (const pl of mapped.records['product.pricelist']!) {
      expect(pl['display_name']).toBe(`${String(pl['name'])} (PLN)`);
      expect(String(pl['name'])).not.toMatch(/\(PLN\)$/);
    }
  });

  it('maps the demo customers to their ERP partners', () => {
    const withPartner = mapped.demoCustomers.filter((d) => d.partnerId !== null);
    expect(withPartner.length).toBeGreaterThan(0);
    for (const d of withPartner) expect(byId('res.partner').has(d.partnerId!)).toBe(true);
  });
});
