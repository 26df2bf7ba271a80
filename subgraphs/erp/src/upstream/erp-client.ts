/**
 * The ERP role: what the `erp` subgraph needs from an ERP, in product-neutral domain models. Odoo is the only
 * adapter today (`upstream/odoo/`); another ERP would be one more folder implementing {@link ErpClient}.
 */
import type { ErpDeliveryModel } from '@omnigraph/shared/models';
import type { ErpTaxModel } from '../taxes.ts';
import type { SaleOrderRefField } from '../order-references.ts';

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
  /** the unit of measure it is sold in, as the ERP names it (Odoo `uom_id`: "Units", "kg", "m") */
  unit: string;
  /** where pricelist rules attach to the product (Odoo: variant, template, category ids); not exposed in the graph */
  pricingRef: ErpPricingRefModel;
}

export interface ErpPricingRefModel {
  productId: number;
  templateId: number | null;
  categoryId: number | null;
  /** the sales price as the ERP stores it (Odoo `lst_price`): net or gross depending on `taxes[].priceIncluded` */
  salesPriceMinor: number;
  /** the company's sales taxes of the product, in the order the ERP applies them (groups flattened) */
  taxes: readonly ErpTaxModel[];
  /** the currency's rounding in minor units (0.01 → 1, 1.0 → 100) */
  roundingMinor: number;
}

/** One pricelist rule, in the order the ERP applies them (the first that matches wins). */
export interface ErpPriceRuleModel {
  appliesTo:
    | { kind: 'variant'; productId: number }
    | { kind: 'template'; templateId: number }
    /** the rule's category and every category below it */
    | { kind: 'category'; categoryIds: readonly number[] }
    | { kind: 'global' };
  minQuantity: number;
  /** ISO 8601 UTC bounds, null when open */
  start: string | null;
  end: string | null;
  compute:
    | { kind: 'fixed'; price: number }
    | { kind: 'percentage'; percent: number }
    /** on the sales price: price − price × discount %, rounded to `round`, + surcharge, within the margins */
    | { kind: 'formula'; discount: number; surcharge: number; round: number; minMargin: number; maxMargin: number }
    /** based on something the graph does not read (cost, …) */
    | { kind: 'unsupported'; base: string };
  /**
   * the price the rule starts from: the sales price, or another pricelist's price for the product (Odoo `base =
   * 'pricelist'`, `base_pricelist_id`); fixed rules start from nothing
   */
  basePricelistId?: number | null;
}

/** What a partner pays: their pricelist's rules (none: the list price). */
export interface ErpPartnerPricingModel {
  partnerId: number;
  /** null when the partner has no pricelist */
  pricelistId: number | null;
  /** the pricelist's name (Odoo `product.pricelist` name, e.g. "Stali klienci"); null without a pricelist */
  pricelistName?: string | null;
  rules: readonly ErpPriceRuleModel[];
  /** the rules of the pricelists other rules are based on (`basePricelistId`), by pricelist id */
  basePricelists?: Readonly<Record<string, readonly ErpPriceRuleModel[]>>;
}

/**
 * An outgoing delivery of a sale order (Odoo `stock.picking`, picking type code `outgoing`): the graph's
 * `ErpDelivery` (the shape the channel subgraphs receive through `@requires`) plus what the erp subgraph resolves it by.
 */
export interface ErpDeliveryRowModel extends ErpDeliveryModel {
  saleOrderId: number;
  /** the warehouse it leaves from, as one of {@link ErpLocationModel.stockRefs}; null when the ERP does not say */
  warehouseRef: string | null;
}

/** Where to look for the sale orders of channel orders: exact values of a field, or values a field contains. */
export interface ErpSaleOrderRefQuery {
  exact: readonly { field: SaleOrderRefField; values: readonly string[] }[];
  /** for a convention whose value cannot be rebuilt from the id: the field contains the id (the caller filters) */
  contains: readonly { field: SaleOrderRefField; value: string }[];
}

/** An order line of a write: SKU, quantity, and the gross unit price for a reservation (null: the ERP prices it). */
export interface ErpWriteLineModel {
  sku: string;
  quantity: number;
  /** e.g. "129.99" */
  unitGross: string | null;
}

/** A document a write step made: its ERP id, name and state; `final` once it needs no further action. */
export interface ErpDocumentModel {
  id: number;
  /** S00123, WAW1/IN/00012 */
  name: string;
  /** the ERP's own state: sale, done, draft… */
  state: string;
  /** the reservation is confirmed / the receipt is validated */
  final: boolean;
}

/** A write the ERP could not take because the input names things it does not have. */
export type ErpWriteRefusal = { refused: 'UNKNOWN_PRODUCT'; skus: string[] } | { refused: 'UNKNOWN_STORE'; storeCode: string };

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

/** A sale order as far as references need it. */
export interface ErpSaleOrderModel {
  id: number;
  /** e.g. S00042 */
  name: string;
  /** the customer's / channel's reference; null when empty */
  clientOrderRef: string | null;
  /** the source document; null when empty */
  origin: string | null;
  /** ISO 8601 UTC; null when the ERP has none */
  dateOrder: string | null;
}

/** A sale order found through one of its deliveries' parcel numbers. */
export interface ErpTrackedSaleOrderModel {
  /** the parcel number as the ERP holds it */
  trackingRef: string;
  order: ErpSaleOrderModel;
}

/** A partner (person or company) as identity lookups need it, with its commercial entity resolved. */
export interface ErpPartnerModel {
  id: number;
  name: string;
  isCompany: boolean;
  email: string | null;
  /** the phone numbers held (as typed, or E.164 for `phone_sanitized`), in the configured fields' order */
  phones: string[];
  /** the partner's own tax id as stored (`PL6762481366`, `6762481366`…) */
  vat: string | null;
  zip: string | null;
  /** ISO 8601 UTC */
  createdAt: string | null;
  /** the company a contact person belongs to (Odoo `commercial_partner_id`); null when it is the partner itself */
  commercial: { id: number; name: string; isCompany: boolean; vat: string | null } | null;
}

/** What a partner search matches on; every list is searched in one call (OR). */
export interface ErpPartnerQuery {
  ids?: readonly number[];
  /** lower-case addresses, compared case-insensitively */
  emails?: readonly string[];
  /** 10-digit NIPs: the partner's or its commercial partner's tax id, with or without the PL prefix */
  nips?: readonly string[];
  /** folded company names: company partners whose folded name contains one */
  companyNames?: readonly string[];
  /** 9-digit Polish national numbers */
  phones?: readonly string[];
}

/**
 * One variant as product discovery needs it (the search index): compact, so the whole catalogue fits in memory.
 * Every variant, archived ones included (the index filters on `active`).
 */
export interface ErpCatalogueEntryModel {
  /** the ERP's variant id: the index's key (a SKU may be missing or change) */
  productId: number;
  /** null for a variant without an internal reference (no channel can reference it; never a search hit) */
  sku: string | null;
  /** the variant's own name, as `ErpProductModel.name` */
  name: string;
  ean: string | null;
  categoryId: number | null;
  active: boolean;
  /** ISO 8601 UTC: the variant's last change as the ERP dates it (the index's refresh cursor) */
  changedAt: string;
}

/** A product category (Odoo `product.category`). */
export interface ErpCategoryModel {
  id: number;
  name: string;
  /** the full path as the ERP writes it, e.g. "All / Saleable / AGD drobne" */
  path: string;
  parentId: number | null;
}

export interface ErpClient {
  /** Products whose SKU is in `skus` (active or archived); unknown SKUs are simply absent. Any number of SKUs. */
  getProductsBySkus(args: { skus: readonly string[] }): Promise<ErpProductModel[]>;
  /** Stock in internal locations of every SKU in `skus`, one row per (SKU, stock reference). */
  getStockBySkus(args: { skus: readonly string[] }): Promise<ErpStockRowModel[]>;
  /** Every active store and warehouse. */
  listLocations(): Promise<ErpLocationModel[]>;
  /**
   * Sale orders named one of `names` (exact, as the ERP's sequence writes them) and those with a delivery carrying
   * one of `trackingRefs`, in at most two calls (one when `trackingRefs` is empty), whatever the number of each.
   */
  findSaleOrders(args: { names: readonly string[]; trackingRefs: readonly string[] }): Promise<{
    byName: ErpSaleOrderModel[];
    byTracking: ErpTrackedSaleOrderModel[];
  }>;
  /**
   * Active partners matching any criterion of `query` — a superset: the caller keeps those that really match (Odoo's
   * `ilike` is accent-sensitive, phones are stored as typed). One search, plus one read of the commercial partners.
   */
  searchPartners(args: { query: ErpPartnerQuery }): Promise<ErpPartnerModel[]>;

  /**
   * A page of the catalogue for the search index, in variant id order: variants with an id above `afterProductId`,
   * at most `limit`; with `changedSince` (ISO 8601), only those changed since then (the variant or its template).
   */
  listCatalogue(args: { afterProductId: number; limit: number; changedSince?: string | undefined }): Promise<ErpCatalogueEntryModel[]>;
  /** Every product category, in one read. */
  listCategories(): Promise<ErpCategoryModel[]>;
  /**
   * The sale orders `query` finds and their outgoing deliveries (oldest first), in two calls whatever the number of
   * orders.
   */
  findSaleOrderDeliveries(args: { query: ErpSaleOrderRefQuery }): Promise<{ orders: ErpSaleOrderModel[]; deliveries: ErpDeliveryRowModel[] }>;

  /** Each partner's pricelist and its rules, in one read of partners and one of rules for all of them; unknown → absent. */
  getPartnerPricing(args: { partnerIds: readonly number[] }): Promise<ErpPartnerPricingModel[]>;

  /**
   * One page of active SKUs in product id order: `limit` products after the product id `afterId` (null: from the
   * first), one call. `nextAfterId` is null on the last page. Products without a SKU are skipped (they still count).
   */
  listActiveSkus(args: { afterId: number | null; limit: number }): Promise<{ skus: string[]; nextAfterId: number | null }>;

  // ---- writes (ADR 0011): every document is tagged with `tag` (`omnigraph:<idempotencyKey>`) and found by it ----

  /** Store pickup reservations (Odoo sale orders) carrying `tag`, oldest first. A read: retried freely. */
  findReservations(args: { tag: string }): Promise<ErpDocumentModel[]>;
  /** Creates the (unconfirmed) reservation for the store's warehouse; one write, never retried. */
  createReservation(args: {
    tag: string;
    storeCode: string;
    partnerId: number;
    channelOrderRef: string;
    lines: readonly ErpWriteLineModel[];
  }): Promise<{ id: number } | ErpWriteRefusal>;
  /** Confirms it (reserves the stock); one write, never retried. */
  confirmReservation(args: { id: number }): Promise<void>;
  /** Receipts of returned goods carrying `tag`, oldest first. */
  findReturnReceipts(args: { tag: string }): Promise<ErpDocumentModel[]>;
  /** Creates the receipt from the customers into the store's stock; one write, never retried. */
  createReturnReceipt(args: {
    tag: string;
    storeCode: string;
    orderRef: string;
    lines: readonly ErpWriteLineModel[];
  }): Promise<{ id: number } | ErpWriteRefusal>;
  /** Validates it (the goods enter the stock); one write, never retried. */
  validateReturnReceipt(args: { id: number }): Promise<void>;
}
