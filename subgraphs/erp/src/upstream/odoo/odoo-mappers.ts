import { toMinorUnits } from '../../money.ts';
import { applyTaxes, vatRateOf } from '../../taxes.ts';
import type { ErpLocationKind, ErpLocationModel, ErpProductModel, ErpStockRowModel } from '../erp-client.ts';
import type { OdooPartnerAddressDto, OdooProductDto, OdooStockQuantDto, OdooWarehouseDto } from './odoo-dtos.ts';
import { mapOdooTaxes, type OdooTaxDto } from './odoo-taxes.ts';

/** Odoo's company currency when a product has none (the retailer's Odoo runs in PLN). */
const FALLBACK_CURRENCY = 'PLN';

/** `"2026-05-12 08:20:14"` (Odoo: UTC, no offset) → `"2026-05-12T08:20:14Z"`. */
export function mapOdooDatetimeToIso(value: string): string {
  return `${value.replace(' ', 'T')}Z`;
}

/**
 * The variant's own name: Odoo's `display_name` is `[default_code] template name (attribute values)`, while `name` is
 * the template's name only (both "Czarny" and "Niebieski" bottles would be "Bidon sportowy 750 ml"). Strips the
 * `[SKU] ` prefix; falls back to `name` when the display name does not have that shape.
 */
export function mapOdooProductVariantName(dto: Pick<OdooProductDto, 'display_name' | 'name' | 'default_code'>): string {
  const prefix = dto.default_code === false ? null : `[${dto.default_code}] `;
  if (prefix !== null && dto.display_name.startsWith(prefix) && dto.display_name.length > prefix.length) {
    return dto.display_name.slice(prefix.length);
  }
  return dto.name;
}

/** What prices a product beyond its own row: the company whose taxes count and the currencies' rounding. */
export interface OdooPricingContext {
  /** the configured company (ERP_COMPANY_ID, else the API user's); null: every company's taxes */
  companyId: number | null;
  /** `res.currency.rounding` by currency id (0.01, 1.0, 0.05…); absent → 0.01 */
  roundingOf: ReadonlyMap<number, number>;
}

/** Odoo's unit when `uom_id` is somehow empty (it is required): the default `uom.product_uom_unit`. */
const FALLBACK_UNIT = 'Units';

/**
 * `product.product` → product. `null` for a variant without `default_code` (it has no SKU, so no channel can
 * reference it). The price is `lst_price` (the variant's price: template price + attribute extras) as Odoo stores
 * it, with the company's sales taxes applied the way Odoo does (`src/taxes.ts`): net for taxes on top, gross for
 * price-included ones, fixed and division taxes, groups, rounded to the currency's rounding.
 */
export function mapOdooProductDtoToErpProduct(
  dto: OdooProductDto,
  taxes: ReadonlyMap<number, OdooTaxDto>,
  context: OdooPricingContext = { companyId: null, roundingOf: new Map() },
): ErpProductModel | null {
  if (dto.default_code === false || dto.default_code === '') return null;
  const productTaxes = mapOdooTaxes(dto.taxes_id, taxes, context.companyId);
  const rounding = dto.currency_id === false ? undefined : context.roundingOf.get(dto.currency_id[0]);
  const roundingMinor = rounding === undefined ? 1 : Math.max(1, toMinorUnits(rounding));
  const salesPriceMinor = toMinorUnits(dto.lst_price);
  const taxed = applyTaxes(salesPriceMinor, productTaxes, roundingMinor);
  return {
    sku: dto.default_code,
    name: mapOdooProductVariantName(dto),
    ean: dto.barcode === false || dto.barcode === '' ? null : dto.barcode,
    active: dto.active,
    listPrice: {
      // res.currency's display name is its ISO code ("PLN")
      currency: dto.currency_id === false ? FALLBACK_CURRENCY : dto.currency_id[1],
      netMinor: taxed.netMinor,
      grossMinor: taxed.grossMinor,
      vatRate: vatRateOf(taxed),
    },
    unit: dto.uom_id === undefined || dto.uom_id === false ? FALLBACK_UNIT : dto.uom_id[1],
    pricingRef: {
      productId: dto.id,
      templateId: dto.product_tmpl_id === false ? null : dto.product_tmpl_id[0],
      categoryId: dto.categ_id === false ? null : dto.categ_id[0],
      salesPriceMinor,
      taxes: productTaxes,
      roundingMinor,
    },
  };
}

/**
 * Which of the requested SKUs a quant's `product_id` is. The many2one carries only the product id and its display
 * name `[default_code] name`, and reading the products again would cost a call; the display name is matched against
 * the requested SKUs (the longest match wins, so `SKU-A` never claims `[SKU-A-B] …`). `null` when none matches.
 */
export function matchOdooProductDisplayNameToSku(displayName: string, skus: readonly string[] | ReadonlySet<string>): string | null {
  if (!displayName.startsWith('[')) return null;
  const wanted = skus instanceof Set ? skus : new Set(skus);
  // `[sku]` is a prefix exactly when a `]` follows the SKU: try each `]`, the last one that closes a wanted SKU is
  // the longest match (one look-up per `]` instead of a string built per requested SKU)
  let best: string | null = null;
  for (let close = displayName.indexOf(']', 1); close !== -1; close = displayName.indexOf(']', close + 1)) {
    const candidate = displayName.slice(1, close);
    if (wanted.has(candidate)) best = candidate;
  }
  return best;
}

/** The stock reference of a quant: its warehouse when Odoo knows it (covers sub-locations), else its location. */
export function mapOdooQuantToStockRef(quant: Pick<OdooStockQuantDto, 'warehouse_id' | 'location_id'>): string {
  return quant.warehouse_id === false ? `odoo:location:${quant.location_id[0]}` : `odoo:warehouse:${quant.warehouse_id[0]}`;
}

/** Quantities are floats in Odoo; summing many of them must not print as 2.9999999999999996. */
function roundQuantity(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/**
 * Sums `stock.quant` rows (one per product, location, lot, package, owner) into one row per (SKU, stock reference):
 * on hand = Σ quantity, reserved = Σ reserved_quantity, available = on hand − reserved (Odoo's `available_quantity`),
 * asOf = the latest `write_date`. Quants of products that match none of `skus` are dropped.
 */
export function mapOdooQuantsToErpStockRows(quants: readonly OdooStockQuantDto[], skus: readonly string[]): ErpStockRowModel[] {
  const rows = new Map<string, { sku: string; stockRef: string; onHand: number; reserved: number; writeDate: string }>();
  const skuByProductId = new Map<number, string | null>();
  const wanted = new Set(skus);
  for (const quant of quants) {
    const productId = quant.product_id[0];
    let sku = skuByProductId.get(productId);
    if (sku === undefined) {
      sku = matchOdooProductDisplayNameToSku(quant.product_id[1], wanted);
      skuByProductId.set(productId, sku);
    }
    if (sku === null) continue;
    const stockRef = mapOdooQuantToStockRef(quant);
    const key = `${sku}\u0000${stockRef}`;
    const row = rows.get(key) ?? { sku, stockRef, onHand: 0, reserved: 0, writeDate: '' };
    row.onHand += quant.quantity;
    row.reserved += quant.reserved_quantity;
    // "YYYY-MM-DD HH:MM:SS" sorts as a string
    if (quant.write_date !== false && quant.write_date > row.writeDate) row.writeDate = quant.write_date;
    rows.set(key, row);
  }
  return [...rows.values()].map((row) => ({
    sku: row.sku,
    stockRef: row.stockRef,
    onHand: roundQuantity(row.onHand),
    reserved: roundQuantity(row.reserved),
    available: roundQuantity(row.onHand - row.reserved),
    // every quant has a write_date in Odoo; the epoch only guards against a row that somehow has none
    asOf: mapOdooDatetimeToIso(row.writeDate === '' ? '1970-01-01 00:00:00' : row.writeDate),
  }));
}

/**
 * STORE or WAREHOUSE. Odoo's `stock.warehouse` has no such flag, so this is the retailer's convention, as the
 * simulator's data (and the real ERP) show it: the one central distribution centre has code `CEN` ("Centrum
 * Dystrybucyjne Stryków", no opening hours); every other warehouse is a store ("Sklep …"). Names starting with
 * "Magazyn" / "Centrum Dystrybucyjne" are treated as central too, so a second distribution centre is not sold as a
 * click-and-collect store.
 */
export function mapOdooWarehouseToLocationKind(warehouse: Pick<OdooWarehouseDto, 'code' | 'name'>): ErpLocationKind {
  const code = warehouse.code.trim().toUpperCase();
  const name = warehouse.name.trim().toLowerCase();
  if (code === 'CEN' || name.startsWith('magazyn') || name.startsWith('centrum dystrybucyjne')) return 'WAREHOUSE';
  return 'STORE';
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * Odoo's `comment` is an HTML field (`<p>pn-sb 9:00-21:00, nd handlowa 10:00-20:00</p>`); stores keep their opening
 * hours there. Paragraphs and line breaks become newlines, other tags vanish, common entities are decoded.
 */
export function mapOdooHtmlToText(html: string | false): string | null {
  if (html === false) return null;
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, entity: string) => HTML_ENTITIES[entity] ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return text === '' ? null : text;
}

function odooText(value: string | false): string {
  return value === false ? '' : value.trim();
}

/**
 * Warehouse + its address partner → location. The stock refs are the warehouse (quants report `warehouse_id`) and
 * its `lot_stock_id` (for quants without one). Missing address parts become empty strings, since the graph's
 * `Address` fields are non-null; a missing partner (Odoo allows it) gives an empty address at 0,0.
 */
export function mapOdooWarehouseToErpLocation(
  warehouse: OdooWarehouseDto,
  partner: OdooPartnerAddressDto | undefined,
  countryCodes: ReadonlyMap<number, string>,
): ErpLocationModel {
  const stockRefs = [`odoo:warehouse:${warehouse.id}`];
  if (warehouse.lot_stock_id !== false) stockRefs.push(`odoo:location:${warehouse.lot_stock_id[0]}`);
  const street = partner ? [odooText(partner.street), odooText(partner.street2)].filter((s) => s !== '').join(', ') : '';
  return {
    code: warehouse.code,
    name: warehouse.name,
    kind: mapOdooWarehouseToLocationKind(warehouse),
    address: {
      street,
      city: partner ? odooText(partner.city) : '',
      postalCode: partner ? odooText(partner.zip) : '',
      countryCode: partner && partner.country_id !== false ? (countryCodes.get(partner.country_id[0]) ?? '') : '',
    },
    coordinates: {
      latitude: partner?.partner_latitude ?? 0,
      longitude: partner?.partner_longitude ?? 0,
    },
    phone: partner && partner.phone !== false && partner.phone.trim() !== '' ? partner.phone.trim() : null,
    openingHours: partner ? mapOdooHtmlToText(partner.comment) : null,
    stockRefs,
  };
}
