import { z } from 'zod';

/**
 * Zod schemas of the Odoo 19 JSON-2 wire JSON (`POST /json/2/<model>/<method>` answers the bare result).
 * Odoo conventions: an empty value is `false` (never null), many2one is `[id, "display name"]`, x2many is a list of
 * ids, datetimes are `"YYYY-MM-DD HH:MM:SS"` in UTC without an offset, money and quantities are floats.
 */

/** Odoo's empty value: `false` for any unset field, whatever its type. */
export const OdooFalse = z.literal(false);

/** `[id, "display name"]` (or `false` when unset). */
export const OdooMany2one = z.tuple([z.number().int(), z.string()]);
export const OdooOptionalMany2one = z.union([OdooMany2one, OdooFalse]);

/** A char/text field: a string, or `false` when empty. */
export const OdooOptionalString = z.union([z.string(), OdooFalse]);

/** `"YYYY-MM-DD HH:MM:SS"`, UTC, second precision. */
export const OdooDatetime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

/** `product.product` `search_read` row with the fields the adapter asks for. */
export const OdooProductDto = z.object({
  id: z.number().int(),
  default_code: OdooOptionalString,
  /** `[default_code] name (variant attributes)` */
  display_name: z.string(),
  /** the template's name, without the variant's attribute values */
  name: z.string(),
  barcode: OdooOptionalString,
  /** the variant's sales price (template `list_price` + variant `price_extra`), net of VAT */
  lst_price: z.number(),
  taxes_id: z.array(z.number().int()),
  currency_id: OdooOptionalMany2one,
  active: z.boolean(),
  /** where pricelist rules attach: the template (`1_product`) and the category (`2_product_category`) */
  product_tmpl_id: OdooOptionalMany2one,
  categ_id: OdooOptionalMany2one,
  /** the sales unit: `[id, "Units"]`; required in Odoo, `false` only guards against a broken row */
  uom_id: OdooOptionalMany2one.optional(),
});
export type OdooProductDto = z.infer<typeof OdooProductDto>;
export const OdooProductListDto = z.array(OdooProductDto);

/** `stock.quant` `search_read` row: one per (product, location, lot, package, owner). */
export const OdooStockQuantDto = z.object({
  id: z.number().int(),
  product_id: OdooMany2one,
  location_id: OdooMany2one,
  /** related `location_id.warehouse_id`; `false` for a location outside any warehouse */
  warehouse_id: OdooOptionalMany2one,
  quantity: z.number(),
  reserved_quantity: z.number(),
  write_date: z.union([OdooDatetime, OdooFalse]),
});
export type OdooStockQuantDto = z.infer<typeof OdooStockQuantDto>;
export const OdooStockQuantListDto = z.array(OdooStockQuantDto);

/** `stock.warehouse` `search_read` row. */
export const OdooWarehouseDto = z.object({
  id: z.number().int(),
  name: z.string(),
  code: z.string(),
  /** the internal `CODE/Stock` location the warehouse's quants live in (or below) */
  lot_stock_id: OdooOptionalMany2one,
  /** the warehouse's address partner */
  partner_id: OdooOptionalMany2one,
});
export type OdooWarehouseDto = z.infer<typeof OdooWarehouseDto>;
export const OdooWarehouseListDto = z.array(OdooWarehouseDto);

/** `res.partner` `read` row: a warehouse's address (base_geolocalize adds the coordinates). */
export const OdooPartnerAddressDto = z.object({
  id: z.number().int(),
  street: OdooOptionalString,
  street2: OdooOptionalString,
  zip: OdooOptionalString,
  city: OdooOptionalString,
  country_id: OdooOptionalMany2one,
  /** 0.0 when never geolocated */
  partner_latitude: z.number(),
  partner_longitude: z.number(),
  phone: OdooOptionalString,
  /** the "Notes" HTML field; stores keep their opening hours there (`<p>pn-sb 9:00-21:00</p>`) */
  comment: OdooOptionalString,
});
export type OdooPartnerAddressDto = z.infer<typeof OdooPartnerAddressDto>;
export const OdooPartnerAddressListDto = z.array(OdooPartnerAddressDto);

/** `res.country` `read` row. */
export const OdooCountryDto = z.object({ id: z.number().int(), code: z.string() });
export type OdooCountryDto = z.infer<typeof OdooCountryDto>;
export const OdooCountryListDto = z.array(OdooCountryDto);
