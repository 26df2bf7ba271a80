/**
 * The canonical retail dataset behind the four simulators.
 *
 * One generator produces these business facts; each simulator maps them to its own
 * wire format (Odoo records, WooCommerce JSON, HubSpot objects, Allegro checkout forms)
 * at start-up. Keeping one source is what makes the systems agree with each other:
 * every SKU sold anywhere exists in the ERP, every CRM channel link points at a real
 * e-shop customer or Allegro buyer.
 *
 * Conventions:
 * - Money is an integer number of grosze (1 PLN = 100 gr), never a float. Simulators
 *   format it the way their API does (Woo "246.00" strings, Allegro {amount:"…"},
 *   Odoo floats).
 * - Times are ISO 8601 UTC strings with a `Z` suffix.
 * - Ids are in the id space of the system that owns them (Odoo integers, HubSpot
 *   numeric strings, WooCommerce integers, Allegro numeric strings and UUIDs).
 */

export type Grosze = number;
export type IsoDateTime = string;
export type VatRate = 23 | 8 | 5;

export interface DatasetOptions {
  /** @default 20261123 */
  seed?: number;
  /** Multiplies the volume of products, contacts and orders; 1 is the default dataset. @default 1 */
  scale?: number;
  /**
   * A marker (lower-case letters and digits, 4–16 chars) that every person's names, street, e-mail local part, company
   * name, logins, usernames, notes and messages then contain, so tests can grep responses for leaked personal data.
   * Phones, NIPs, ids and Allegro relay aliases stay as they are. Unset: the default dataset, unchanged.
   */
  piiCanary?: string;
}

export interface Address {
  street: string;
  city: string;
  zip: string;
  /** ISO 3166-1 alpha-2 */
  countryCode: 'PL';
}

export interface Category {
  id: number;
  name: string;
  /** Odoo-style complete name, e.g. "All / Saleable / AGD drobne" */
  completeName: string;
}

/** An ERP product variant (Odoo `product.product`). The SKU is Odoo `default_code`. */
export interface Product {
  /** Odoo product.product id */
  id: number;
  /** Odoo product.template id; variants of one template share it */
  templateId: number;
  templateName: string;
  sku: string;
  /** EAN-13 with a valid check digit; null for a few products (Odoo returns false) */
  ean: string | null;
  /** Full variant name, e.g. "Kubek termiczny 450 ml (Granatowy)" */
  name: string;
  /** Variant attribute value, e.g. "Granatowy"; null for single-variant templates */
  variantLabel: string | null;
  categoryId: number;
  vatRate: VatRate;
  /** ERP list price without VAT; listPriceNet * (1 + vat) rounds exactly to listPriceGross */
  listPriceNet: Grosze;
  listPriceGross: Grosze;
  /** Purchase cost without VAT */
  standardPriceNet: Grosze;
  weightKg: number;
  active: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A warehouse or a store (Odoo `stock.warehouse` with its internal stock location). */
export interface Location {
  /** Odoo stock.warehouse id */
  warehouseId: number;
  /** Short code, e.g. "CEN", "WAW1" */
  code: string;
  name: string;
  kind: 'warehouse' | 'store';
  /** Odoo stock.location id of `<code>/Stock` (usage internal) */
  stockLocationId: number;
  /** Odoo stock.location id of the `<code>` view location */
  viewLocationId: number;
  /** Odoo res.partner id holding the address */
  partnerId: number;
  address: Address;
  latitude: number;
  longitude: number;
  phone: string;
  /** e.g. "pn-sb 9:00-21:00, nd 10:00-18:00"; null for the central warehouse */
  openingHours: string | null;
}

/** Stock of one product at one location (Odoo `stock.quant`). */
export interface StockQuant {
  id: number;
  productId: number;
  /** Location.stockLocationId */
  locationId: number;
  quantity: number;
  /** 0 ≤ reserved ≤ quantity */
  reserved: number;
  inDate: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface Pricelist {
  id: number;
  name: string;
  currency: 'PLN';
}

/** Odoo `product.pricelist.item`. */
export interface PricelistItem {
  id: number;
  pricelistId: number;
  /** Odoo applied_on: '0_product_variant' uses productId, '2_product_category' uses categoryId, '3_global' neither */
  appliedOn: '0_product_variant' | '2_product_category' | '3_global';
  productId: number | null;
  categoryId: number | null;
  computePrice: 'fixed' | 'percentage';
  /** for computePrice 'fixed' */
  fixedPriceNet: Grosze | null;
  /** for computePrice 'percentage': discount in percent */
  percentPrice: number | null;
  minQuantity: number;
  dateStart: IsoDateTime | null;
  dateEnd: IsoDateTime | null;
}

/** An ERP partner (Odoo `res.partner`): the company, store addresses and B2B/known customers. */
export interface ErpPartner {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  isCompany: boolean;
  /** free "Reference" field, used for external ids such as "WC-2317" */
  ref: string | null;
  /** NIP for companies */
  vat: string | null;
  address: Address | null;
  pricelistId: number | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export type LoyaltyTier = 'standard' | 'silver' | 'gold' | 'platinum';

/** A CRM contact (HubSpot contact). The CRM is the golden record of a person. */
export interface CrmContact {
  /** HubSpot record id: a numeric string */
  id: string;
  /** null for a few contacts known only by phone */
  email: string | null;
  /** Stripped Allegro relay addresses and other addresses, stored as HubSpot hs_additional_emails */
  additionalEmails: string[];
  firstName: string;
  lastName: string;
  /**
   * The company the person buys for (HubSpot's standard `company` property, "Company Name"); null for private
   * buyers. Derived from the person, no random draw of its own, so adding it changed no other value of the dataset.
   */
  companyName: string | null;
  /** Phone exactly as a person typed it: "+48 600 100 200", "600-100-200", "0048600100200"… */
  phone: string | null;
  mobilePhone: string | null;
  /** Polish national significant number (9 digits) of `phone`, as HubSpot's hs_searchable_calculated_phone_number */
  phoneDigits: string | null;
  address: Address | null;
  lifecycleStage: 'subscriber' | 'lead' | 'customer' | 'evangelist';
  loyaltyPoints: number;
  loyaltyTier: LoyaltyTier;
  consents: {
    emailMarketing: boolean;
    smsMarketing: boolean;
    phoneMarketing: boolean;
    /** consent to profiling / personalised offers (RODO) */
    profiling: boolean;
    updatedAt: IsoDateTime;
  };
  /** Channel links; null where the CRM does not know the identity */
  allegroBuyerId: string | null;
  allegroBuyerLogin: string | null;
  eshopCustomerId: number | null;
  erpPartnerId: number | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A call-center note on a contact (HubSpot notes engagement). */
export interface CrmNote {
  /** HubSpot record id: a numeric string */
  id: string;
  contactId: string;
  body: string;
  /** HubSpot owner id of the agent */
  ownerId: string;
  createdAt: IsoDateTime;
}

/** A WooCommerce product or variation. Variable parents have no SKU of their own. */
export interface EshopProduct {
  id: number;
  type: 'simple' | 'variable' | 'variation';
  /** parent product id for variations, 0 otherwise */
  parentId: number;
  /** null for variable parents; otherwise the ERP SKU */
  sku: string | null;
  name: string;
  slug: string;
  status: 'publish' | 'draft' | 'private';
  /** e-shop price including VAT (WooCommerce prices are entered gross in Polish shops) */
  regularPriceGross: Grosze;
  salePriceGross: Grosze | null;
  stockQuantity: number;
  categoryName: string;
  /** attribute value of a variation, e.g. "Granatowy" */
  variantLabel: string | null;
  totalSales: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface EshopCustomer {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  username: string;
  billing: Address & { firstName: string; lastName: string; company: string; email: string; phone: string };
  shipping: Address & { firstName: string; lastName: string; company: string; phone: string };
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export type EshopOrderStatus = 'pending' | 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded' | 'failed';

export interface EshopOrderLine {
  id: number;
  /** WooCommerce product id (the parent for variations) */
  productId: number;
  /** 0 for simple products */
  variationId: number;
  sku: string;
  name: string;
  quantity: number;
  /** price paid per unit, VAT included, after line discounts */
  unitPriceGross: Grosze;
  vatRate: VatRate;
}

export interface EshopOrder {
  id: number;
  /** shown to the customer; equals String(id) in core WooCommerce */
  number: string;
  orderKey: string;
  /** 0 for guest checkouts */
  customerId: number;
  status: EshopOrderStatus;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  paidAt: IsoDateTime | null;
  completedAt: IsoDateTime | null;
  billing: EshopCustomer['billing'];
  shipping: EshopCustomer['shipping'];
  paymentMethod: 'przelewy24' | 'blik' | 'bacs' | 'cod' | 'payu';
  paymentMethodTitle: string;
  transactionId: string;
  lines: EshopOrderLine[];
  delivery:
    | { kind: 'courier'; methodId: 'flat_rate'; methodTitle: string; costGross: Grosze }
    | { kind: 'parcel_locker'; methodId: 'flat_rate'; methodTitle: string; costGross: Grosze; lockerId: string }
    | { kind: 'pickup'; methodId: 'local_pickup'; methodTitle: string; costGross: 0; storeCode: string };
  couponCode: string | null;
  /** discount from the coupon, VAT included */
  discountGross: Grosze;
  /** lines + delivery − discount, VAT included */
  totalGross: Grosze;
  customerNote: string;
  customerIp: string;
}

export interface EshopCoupon {
  id: number;
  code: string;
  discountType: 'percent' | 'fixed_cart' | 'fixed_product';
  /** percent for 'percent', grosze otherwise */
  amount: number;
  dateExpires: IsoDateTime | null;
  usageCount: number;
  usageLimit: number | null;
  usageLimitPerUser: number | null;
  emailRestrictions: string[];
  createdAt: IsoDateTime;
  /** WooCommerce "Allow free shipping": the coupon makes delivery free instead of (or besides) a discount */
  freeShipping?: boolean;
}

export interface AllegroBuyer {
  /** numeric string */
  id: string;
  /** e.g. "ania_kowalska88"; guests look like "Client:86389410" */
  login: string;
  /** stable local part of the relay address, e.g. "k7rq2mf9zd" (emails are <local>+<per-order suffix>@allegromail.pl) */
  relayLocal: string;
  firstName: string;
  lastName: string;
  /** as the buyer typed it, "+48601234567" or "601234567" */
  phone: string | null;
  guest: boolean;
  companyName: string | null;
  nip: string | null;
  address: Address;
}

export interface AllegroOffer {
  /** numeric string, 11 digits */
  id: string;
  /** the seller's signature (external.id) = ERP SKU; null for a few offers */
  sku: string | null;
  name: string;
  priceGross: Grosze;
  available: number;
  sold: number;
  status: 'ACTIVE' | 'INACTIVE' | 'ENDED';
  categoryId: string;
  startedAt: IsoDateTime;
}

export type AllegroCheckoutStatus = 'BOUGHT' | 'FILLED_IN' | 'READY_FOR_PROCESSING' | 'CANCELLED';
export type AllegroFulfillmentStatus =
  'NEW' | 'PROCESSING' | 'READY_FOR_SHIPMENT' | 'READY_FOR_PICKUP' | 'SENT' | 'PICKED_UP' | 'CANCELLED' | 'SUSPENDED' | 'RETURNED';

export interface AllegroLineItem {
  /** UUID */
  id: string;
  offerId: string;
  offerName: string;
  sku: string | null;
  quantity: number;
  originalPriceGross: Grosze;
  priceGross: Grosze;
  vatRate: VatRate;
  boughtAt: IsoDateTime;
}

export interface AllegroCheckoutForm {
  /** UUID */
  id: string;
  buyerId: string;
  /** per-transaction suffix of the relay email: <relayLocal>+<suffix>@allegromail.pl */
  relaySuffix: string;
  status: AllegroCheckoutStatus;
  fulfillmentStatus: AllegroFulfillmentStatus;
  lines: AllegroLineItem[];
  delivery: {
    kind: 'parcel_locker' | 'courier';
    methodId: string;
    methodName: string;
    costGross: Grosze;
    address: Address & { firstName: string; lastName: string; phone: string | null };
    /** parcel locker, for kind 'parcel_locker' */
    pickupPoint: { id: string; name: string; description: string; address: Address } | null;
  };
  payment: {
    /** UUID */
    id: string;
    type: 'ONLINE' | 'CASH_ON_DELIVERY';
    provider: 'P24' | 'PAYU' | null;
    finishedAt: IsoDateTime | null;
    paidAmount: Grosze | null;
  };
  invoiceRequired: boolean;
  messageToSeller: string | null;
  totalGross: Grosze;
  boughtAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** opaque 8 hex chars, changes on every modification */
  revision: string;
}

/** A delivery service as Odoo's `delivery.carrier` knows it. */
export interface ErpCarrier {
  id: number;
  /** e.g. "InPost Paczkomaty 24/7", "DPD Polska" */
  name: string;
  /** stable handle used by the generator and tests */
  code: 'inpost_locker' | 'inpost_courier' | 'dpd' | 'pocztex' | 'allegro_one';
}

/**
 * A channel order as a connector created it in the ERP (Odoo `sale.order`): an e-shop order or an Allegro checkout
 * form that was paid (or cash on delivery) and not cancelled. See the README for the reference convention.
 */
export interface ErpSaleOrder {
  id: number;
  /** Odoo's default sequence, `S00001`… in order of `dateOrder` */
  name: string;
  /** null: typed in the ERP (a B2B order by phone or e-mail), from no channel */
  channel: 'eshop' | 'allegro' | null;
  /** the WooCommerce order id (as a string) or the Allegro checkout-form id; null for ERP-only orders */
  channelOrderId: string | null;
  /**
   * Odoo `client_order_ref`: `WC-<WooCommerce order id>`, the Allegro checkout-form UUID, or the B2B customer's own
   * purchase-order number (`ZAM/2026/0042`, or null) for ERP-only orders
   */
  clientOrderRef: string | null;
  /** Odoo `origin` (Source Document): `WooCommerce #<order number>`, `Allegro <buyer login>`; null for ERP-only orders */
  origin: string | null;
  /** ErpPartner id (an existing B2B/known partner, or one the connector created: see `erpChannelPartners`) */
  partnerId: number;
  state: 'sale' | 'cancel';
  /** warehouse code the goods leave from (the store for click-and-collect, CEN otherwise) */
  warehouseCode: string;
  /** the channel's order time */
  dateOrder: IsoDateTime;
  /** when the connector imported it */
  createdAt: IsoDateTime;
  amountTotalGross: Grosze;
}

/** The outgoing delivery of an ERP sale order (Odoo `stock.picking`, picking type code `outgoing`). */
export interface ErpDelivery {
  id: number;
  /** `<warehouse code>/OUT/<5 digits>`, numbered per warehouse in order of creation */
  name: string;
  saleOrderId: number;
  partnerId: number;
  warehouseCode: string;
  state: 'assigned' | 'done';
  scheduledDate: IsoDateTime;
  /** when it was validated (shipped or handed over); null while not done */
  dateDone: IsoDateTime | null;
  /** ErpCarrier id; null for click-and-collect */
  carrierId: number | null;
  /** the carrier's parcel number; null while not shipped and for click-and-collect */
  trackingRef: string | null;
  createdAt: IsoDateTime;
}

/** A documented customer with a rich cross-channel history, listed in the README. */
export interface DemoCustomer {
  /** stable handle used in docs and tests, e.g. "anna-kowalska" */
  key: string;
  description: string;
  crmContactId: string;
  email: string | null;
  phone: string | null;
  eshopCustomerId: number | null;
  allegroBuyerLogin: string | null;
  /** counts, so tests and docs can state them */
  eshopOrderCount: number;
  allegroOrderCount: number;
  distinctSkus: number;
}

export interface Dataset {
  seed: number;
  scale: number;
  /** the reference "now" of the dataset: every generated time is before it */
  generatedAt: IsoDateTime;
  company: { erpPartnerId: number; name: string; vat: string; address: Address };
  categories: Category[];
  products: Product[];
  locations: Location[];
  stock: StockQuant[];
  pricelists: Pricelist[];
  pricelistItems: PricelistItem[];
  erpPartners: ErpPartner[];
  crmContacts: CrmContact[];
  crmNotes: CrmNote[];
  eshopProducts: EshopProduct[];
  eshopCustomers: EshopCustomer[];
  eshopOrders: EshopOrder[];
  eshopCoupons: EshopCoupon[];
  allegroBuyers: AllegroBuyer[];
  allegroOffers: AllegroOffer[];
  allegroCheckoutForms: AllegroCheckoutForm[];
  demoCustomers: DemoCustomer[];
  /** partners a channel connector created in the ERP for buyers it had no partner for (ids after `erpPartners`) */
  erpChannelPartners: ErpPartner[];
  erpCarriers: ErpCarrier[];
  erpSaleOrders: ErpSaleOrder[];
  erpDeliveries: ErpDelivery[];
}
