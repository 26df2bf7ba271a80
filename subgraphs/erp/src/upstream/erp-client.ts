/**
 * The ERP role: what the `erp` subgraph needs from an ERP, in product-neutral domain models. Odoo is the only
 * adapter today (`upstream/odoo/`); another ERP would be one more folder implementing {@link ErpClient}.
 */

/** A price as integers of the currency's minor unit (grosze), so no amount ever goes through a float. */
export interface ErpPriceModel {
  /** ISO 4217, e.g. PLN */
  currency: string;
  netMinor: number;
  grossMinor: number;
  /** VAT rate in percent as a decimal string without trailing zeros, e.g. "23" or "5.5" */
  vatRate: string;
}

/** A product variant as the ERP knows it; the parent of the GraphQL `Product` type. */
export interface ErpProductModel {
  /** the SKU, shared by every channel */
  sku: string;
  name: string;
  /** EAN-13 / GTIN, null when the ERP has none */
  ean: string | null;
  active: boolean;
  listPrice: ErpPriceModel;
}

export type ErpLocationKind = 'STORE' | 'WAREHOUSE';

/** A store or warehouse; the parent of the GraphQL `Location` type. */
export interface ErpLocationModel {
  /** the ERP warehouse code, e.g. WAW1 */
  code: string;
  name: string;
  kind: ErpLocationKind;
  address: { street: string; city: string; postalCode: string; countryCode: string };
  coordinates: { latitude: number; longitude: number };
  phone: string | null;
  openingHours: string | null;
  /**
   * Opaque references under which the ERP's stock rows point at this location (see {@link ErpStockRowModel}).
   * Not exposed in the graph.
   */
  stockRefs: readonly string[];
}

/** Stock of one SKU at one ERP stock reference, already summed over the ERP's finer rows (lots, packages…). */
export interface ErpStockRowModel {
  sku: string;
  /** matches one of {@link ErpLocationModel.stockRefs} */
  stockRef: string;
  onHand: number;
  reserved: number;
  available: number;
  /** ISO 8601 UTC (`…Z`): when the ERP last changed any of the summed rows */
  asOf: string;
}

export interface ErpClient {
  /** Products whose SKU is in `skus` (active or archived); unknown SKUs are simply absent. Any number of SKUs. */
  getProductsBySkus(args: { skus: readonly string[] }): Promise<ErpProductModel[]>;
  /** Stock in internal locations of every SKU in `skus`, one row per (SKU, stock reference). */
  getStockBySkus(args: { skus: readonly string[] }): Promise<ErpStockRowModel[]>;
  /** Every active store and warehouse. */
  listLocations(): Promise<ErpLocationModel[]>;
}
