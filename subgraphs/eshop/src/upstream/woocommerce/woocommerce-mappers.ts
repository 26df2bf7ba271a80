/** Pure WooCommerce DTO → e-shop domain conversions. No I/O, no clock: everything comes from the DTO. */
import type { AddressModel, DeliveryModel, MoneyModel, OrderEventModel, OrderStatusModel, PaymentStatusModel } from '@omnigraph/shared/models';
import {
  toEshopOrderGlobalId,
  type EshopBuyerModel,
  type EshopCustomerModel,
  type EshopListingModel,
  type EshopListingStatus,
  type EshopOrderId,
  type EshopOrderLineModel,
  type EshopOrderModel,
  type EshopRefundModel,
  type EshopStockStatus,
} from '../eshop-client.ts';
import { addDecimals, divideMinorUnitsUp, formatMinorUnits, normalizeDecimal, parseDecimalToMinorUnits } from '../money.ts';
import type { WcAddressDto, WcCustomerDto, WcOrderDto, WcProductDto, WcRefundDto, WcShippingLineDto } from './woocommerce-dtos.ts';
import { metaText, WC_WRITE_META } from './woocommerce-writes.ts';
import { hasWcFulfillments, mapWcInvoice, mapWcTrackingMeta, wcBuyerTaxId } from './woocommerce-order-detail.ts';

/** WooCommerce shipping-line meta our shop's plugins write (see simulators/woocommerce/README.md, "Dataset mapping"). */
const PICKUP_LOCATION_META = '_pickup_location_code';
const PARCEL_MACHINE_META = '_parcel_machine_id';
/** `local_pickup` is the classic method; WooCommerce Blocks' checkout names its pickup method `pickup_location`. */
const PICKUP_METHOD_IDS = new Set(['local_pickup', 'pickup_location']);

const ORDER_STATUSES: Record<string, OrderStatusModel> = {
  pending: 'PENDING_PAYMENT',
  // the Blocks checkout's not-yet-placed order: the shopper has not paid either
  'checkout-draft': 'PENDING_PAYMENT',
  'on-hold': 'ON_HOLD',
  processing: 'PROCESSING',
  completed: 'COMPLETED',
  cancelled: 'CANCELLED',
  trash: 'CANCELLED',
  refunded: 'REFUNDED',
  failed: 'FAILED',
};

const LISTING_STATUSES: Record<string, EshopListingStatus> = {
  publish: 'PUBLISHED',
  private: 'PRIVATE',
  draft: 'DRAFT',
  // awaiting review or scheduled: not visible to shoppers yet, like a draft
  pending: 'DRAFT',
  future: 'DRAFT',
};

const STOCK_STATUSES: Record<string, EshopStockStatus> = {
  instock: 'IN_STOCK',
  outofstock: 'OUT_OF_STOCK',
  onbackorder: 'ON_BACKORDER',
};

function money(amount: string, currency: string): MoneyModel {
  return { amount: normalizeDecimal(amount), currency };
}

/**
 * A product or variation as a listing of its SKU, or null when it has no price at all (a WooCommerce product without
 * a price cannot be bought, so the shop does not really list it). `currency` is the shop's currency setting: product
 * JSON carries none.
 */
/**
 * `readAt` (ISO 8601 UTC) dates the stock figures: `date_modified_gmt` cannot, since WooCommerce does not update it
 * when an order reduces stock (woocommerce/woocommerce#40060).
 */
export function mapWcProductDtoToEshopListing(dto: WcProductDto, currency: string, readAt: string): EshopListingModel | null {
  // `price` is the active price; an unpriced variable product or a half-edited one may leave one of them empty.
  const price = dto.price !== '' ? dto.price : dto.regular_price;
  const regularPrice = dto.regular_price !== '' ? dto.regular_price : dto.price;
  if (price === '' || regularPrice === '') return null;
  return {
    sku: dto.sku,
    productId: String(dto.id),
    name: dto.name,
    price: money(price, currency),
    regularPrice: money(regularPrice, currency),
    salePrice: dto.sale_price !== '' ? money(dto.sale_price, currency) : null,
    onSale: dto.on_sale,
    // dates of a sale price only: WooCommerce keeps a schedule's dates after the sale price is removed
    saleStartsAt: saleDate(dto.sale_price, dto.date_on_sale_from_gmt),
    saleEndsAt: saleDate(dto.sale_price, dto.date_on_sale_to_gmt),
    // unknown (plugin) statuses are treated as not public
    status: LISTING_STATUSES[dto.status] ?? 'DRAFT',
    url: dto.permalink,
    // unknown (plugin) stock statuses promise nothing
    stockStatus: STOCK_STATUSES[dto.stock_status] ?? 'OUT_OF_STOCK',
    stockQuantity: dto.stock_quantity,
    stockAsOf: readAt,
    ...mapWcProductContent(dto),
  };
}

/** Empty or whitespace-only shop text is no text; anything else is kept exactly as stored (the shop's HTML). */
function contentText(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/** The listing content of one product DTO as it stands (a variation's parent's is merged in by the resolvers, see listing-content.ts). */
export function mapWcProductContent(
  dto: Pick<WcProductDto, 'type' | 'parent_id' | 'description' | 'short_description' | 'images' | 'categories'>,
): Pick<EshopListingModel, 'description' | 'shortDescription' | 'images' | 'categories' | 'parentProductId'> {
  return {
    description: contentText(dto.description),
    shortDescription: contentText(dto.short_description),
    // id 0 is the placeholder older WooCommerce versions answered for a product without images: not an image
    images: dto.images.filter((image) => image.id !== 0 && image.src !== '').map((image) => ({ url: image.src, alt: contentText(image.alt) })),
    categories: dto.categories.map((category) => category.name),
    parentProductId: dto.type === 'variation' && dto.parent_id > 0 ? String(dto.parent_id) : null,
  };
}

/**
 * WooCommerce status → the graph's status. Custom statuses added by plugins ("shipped", "ready-to-ship"…) sit between
 * payment and completion in every plugin we know, so they read as PROCESSING; `channelStatus` keeps the raw value.
 * A processing local-pickup order stays PROCESSING: WooCommerce has no "ready for pickup" state of its own.
 */
export function mapWcOrderStatus(status: string): OrderStatusModel {
  return ORDER_STATUSES[status] ?? 'PROCESSING';
}

/** A core WooCommerce status (anything else is a plugin's, mapped by the documented fallback). */
export function isCoreWcOrderStatus(status: string): boolean {
  return ORDER_STATUSES[status] !== undefined;
}

export function mapWcPaymentStatus(dto: Pick<WcOrderDto, 'status' | 'date_paid_gmt' | 'payment_method'>): PaymentStatusModel {
  if (dto.status === 'refunded') return 'REFUNDED';
  if (dto.date_paid_gmt !== null) return 'PAID';
  if (dto.payment_method === 'cod') return 'CASH_ON_DELIVERY';
  return 'UNPAID';
}

function saleDate(salePrice: string, gmt: string | null | undefined): string | null {
  return salePrice === '' || gmt === null || gmt === undefined || gmt === '' ? null : mapWcGmtDate(gmt);
}

/** WooCommerce `_gmt` dates are UTC without an offset; the graph's DateTime carries one. */
export function mapWcGmtDate(gmt: string): string {
  return `${gmt}Z`;
}

/** null when the order has no address of this kind (virtual goods, pickup without a typed address). */
export function mapWcAddress(dto: WcAddressDto): AddressModel | null {
  if (dto.address_1 === '' && dto.city === '' && dto.postcode === '') return null;
  return {
    street: [dto.address_1, dto.address_2].filter((part) => part !== '').join(' '),
    city: dto.city,
    postalCode: dto.postcode,
    countryCode: dto.country,
  };
}

function metaString(line: WcShippingLineDto, key: string): string | null {
  const meta = line.meta_data.find((m) => m.key === key);
  if (meta === undefined) return null;
  const value = typeof meta.value === 'number' ? String(meta.value) : meta.value;
  return typeof value === 'string' && value !== '' ? value : null;
}

export function mapWcDelivery(dto: Pick<WcOrderDto, 'shipping_lines' | 'shipping' | 'currency'>): DeliveryModel {
  const address = mapWcAddress(dto.shipping);
  const line = dto.shipping_lines[0];
  if (line === undefined) {
    // An order without a shipping line (virtual goods, or typed in by staff) still needs a Delivery: nothing to ship.
    return { method: 'COURIER', name: '', cost: money('0', dto.currency), parcelLocker: null, store: null, address };
  }
  // Several shipping lines (a bulky item sent on its own, split packages): the method is the first line's, the cost and
  // the name cover them all, as the order's shipping total does.
  const cost = { amount: addDecimals(...dto.shipping_lines.flatMap((l) => [l.total, l.total_tax])), currency: dto.currency };
  const titles = [...new Set(dto.shipping_lines.map((l) => l.method_title).filter((t) => t !== ''))];
  const base = { name: titles.length > 0 ? titles.join(' + ') : line.method_title, cost, address };
  if (PICKUP_METHOD_IDS.has(line.method_id)) {
    const code = metaString(line, PICKUP_LOCATION_META);
    return { ...base, method: 'STORE_PICKUP', store: code === null ? null : { code }, parcelLocker: null };
  }
  const lockerId = metaString(line, PARCEL_MACHINE_META);
  if (lockerId !== null) {
    // The locker's own name and address are not in the order; only its id is.
    return { ...base, method: 'PARCEL_LOCKER', parcelLocker: { id: lockerId, name: null, address: null }, store: null };
  }
  return { ...base, method: 'COURIER', parcelLocker: null, store: null };
}

/**
 * A line's money (docs/money-model.md). WooCommerce stores every line amount net of tax, with the tax beside it, also
 * in a shop whose prices include tax: `subtotal` + `subtotal_tax` is the gross price before coupons, `total` +
 * `total_tax` what the buyer pays for the line. The line total is taken as is; the unit price is the gross subtotal per
 * unit (exact in a prices-include-tax shop, whose subtotal is unit price × quantity; otherwise rounded up to the
 * grosz), and the discount is whatever makes quantity × unitPrice − discount equal the line total, so the identity
 * holds to the grosz and a rounding remainder lands in the discount, never in the total. Line `price` is a float and
 * not used.
 */
export function mapWcLine(
  dto: Pick<WcOrderDto['line_items'][number], 'id' | 'name' | 'quantity' | 'total' | 'total_tax' | 'sku'> &
    Partial<Pick<WcOrderDto['line_items'][number], 'subtotal' | 'subtotal_tax'>>,
  currency: string,
  orderId: EshopOrderId,
  orderHasRefunds = false,
  vatRate: string | null = null,
): EshopOrderLineModel {
  const lineTotal = parseDecimalToMinorUnits(dto.total) + parseDecimalToMinorUnits(dto.total_tax);
  const subtotal =
    dto.subtotal === undefined || dto.subtotal === ''
      ? lineTotal
      : parseDecimalToMinorUnits(dto.subtotal) + parseDecimalToMinorUnits(dto.subtotal_tax || '0');
  const unit = dto.quantity > 0 ? divideMinorUnitsUp(Math.max(subtotal, 0), dto.quantity) : 0;
  const unitPrice = { amount: formatMinorUnits(unit), currency };
  return {
    id: String(dto.id),
    orderId,
    orderHasRefunds,
    sku: dto.sku !== null && dto.sku !== '' ? dto.sku : null,
    name: dto.name,
    quantity: dto.quantity,
    unitPrice,
    originalUnitPrice: unitPrice,
    discount: { amount: formatMinorUnits(unit * Math.max(dto.quantity, 0) - lineTotal), currency },
    lineTotal: { amount: formatMinorUnits(lineTotal), currency },
    vatRate,
  };
}

/**
 * A line's VAT rate from the order's `tax_lines` (rate id → `rate_percent`): the rate of the line's one tax with an
 * amount (or its only tax). Null when the line has no tax entry, several different rates, or the shop's WooCommerce
 * (< 3.7) does not send `rate_percent`.
 */
export function lineVatRate(line: Pick<WcOrderDto['line_items'][number], 'taxes'>, taxLines: WcOrderDto['tax_lines']): string | null {
  const percentById = new Map(
    taxLines.flatMap((t) => {
      const raw = t.rate_percent;
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : null;
      return value === null ? [] : [[t.rate_id, value] as const];
    }),
  );
  const charged = line.taxes.filter((tax) => tax.total !== '' && Number(tax.total) !== 0);
  const candidates = charged.length > 0 ? charged : line.taxes;
  const rates = new Set(candidates.map((tax) => percentById.get(tax.id)));
  if (rates.size !== 1) return null;
  const [rate] = [...rates];
  return rate === undefined ? null : String(rate);
}

/** How a shop's plugins extend its orders; everything off in a core shop. */
export interface WcOrderMappingOptions {
  /**
   * The order meta key a checkout plugin stores the buyer's NIP under (ESHOP_NIP_META_KEY, e.g. `_billing_nip`);
   * null: the shop keeps no NIP. WooCommerce core has no tax-id field, so there is no default.
   */
  nipMetaKey?: string | null | undefined;
  /** Told (order id only) when the shop's own total is not Σ line totals + shipping + fees; the shop's total is kept. */
  onMoneyMismatch?: ((orderId: string) => void) | undefined;
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A meta value as text: plugins store strings, sometimes numbers; anything else (arrays, objects) is not a NIP. */
export function mapWcBuyer(dto: Pick<WcOrderDto, 'billing' | 'meta_data'>, options: WcOrderMappingOptions = {}): EshopBuyerModel {
  const b = dto.billing;
  return {
    email: text(b.email),
    phone: text(b.phone),
    firstName: text(b.first_name),
    lastName: text(b.last_name),
    postalCode: text(b.postcode),
    companyName: text(b.company),
    // the configured key, then the known NIP plugins' keys, as the invoice data reads them
    nip: wcBuyerTaxId(dto.meta_data, options.nipMetaKey),
  };
}

export function mapWcCustomerDtoToEshopCustomer(dto: WcCustomerDto): EshopCustomerModel {
  return {
    customerId: String(dto.id),
    email: dto.email,
    createdAt: mapWcGmtDate(dto.date_created_gmt),
    // the account's own name first; the saved billing name when the account has none (checkout-created accounts)
    firstName: text(dto.first_name) ?? text(dto.billing?.first_name),
    lastName: text(dto.last_name) ?? text(dto.billing?.last_name),
    phone: text(dto.billing?.phone),
    postalCode: text(dto.billing?.postcode),
    companyName: text(dto.billing?.company),
  };
}

export function mapWcOrderDtoToEshopOrder(dto: WcOrderDto, options: WcOrderMappingOptions = {}): EshopOrderModel {
  const orderId = String(dto.id) as EshopOrderId;
  const { currency } = dto;
  const lines = dto.line_items.map((line) => mapWcLine(line, currency, orderId, dto.refunds.length > 0, lineVatRate(line, dto.tax_lines)));
  const totals = mapWcTotals(dto, lines);
  if (!satisfiesMoneyIdentity(totals, lines)) options.onMoneyMismatch?.(orderId);
  return {
    id: toEshopOrderGlobalId(orderId),
    orderId,
    channel: 'ESHOP',
    number: dto.number,
    placedAt: mapWcGmtDate(dto.date_created_gmt),
    status: mapWcOrderStatus(dto.status),
    channelStatus: dto.status,
    totals,
    lines,
    couponCodes: dto.coupon_lines.map((coupon) => coupon.code),
    delivery: mapWcDelivery(dto),
    completedAt: dto.date_completed_gmt === null ? null : mapWcGmtDate(dto.date_completed_gmt),
    refundIds: dto.refunds.map((r) => String(r.id)),
    idempotencyKey: metaText(dto.meta_data, WC_WRITE_META.idempotencyKey),
    erpOrderName: metaText(dto.meta_data, WC_WRITE_META.erpOrder),
    paymentStatus: mapWcPaymentStatus(dto),
    billingEmail: dto.billing.email !== null && dto.billing.email !== '' ? dto.billing.email : null,
    customerId: dto.customer_id === 0 ? null : String(dto.customer_id),
    buyer: mapWcBuyer(dto, options),
    trackingParcels: mapWcTrackingMeta(dto.meta_data),
    hasFulfillments: hasWcFulfillments(dto.meta_data),
    invoice: mapWcInvoice(dto, options.nipMetaKey),
    events: mapWcOrderEvents(dto),
  };
}

/** The events the order itself dates (notes and refunds come from their own endpoints). */
function mapWcOrderEvents(dto: WcOrderDto): OrderEventModel[] {
  const events: OrderEventModel[] = [
    { at: mapWcGmtDate(dto.date_created_gmt), source: 'ESHOP', kind: 'PLACED', status: null, channelStatus: null, text: null },
  ];
  if (dto.date_paid_gmt !== null) {
    events.push({ at: mapWcGmtDate(dto.date_paid_gmt), source: 'ESHOP', kind: 'PAID', status: null, channelStatus: null, text: null });
  }
  if (dto.date_completed_gmt !== null) {
    events.push({
      at: mapWcGmtDate(dto.date_completed_gmt),
      source: 'ESHOP',
      kind: 'DELIVERED',
      status: 'COMPLETED',
      channelStatus: 'completed',
      text: null,
    });
  }
  return events;
}

/**
 * The order's totals, gross: WooCommerce splits shipping, fees and discounts into net + tax. `shipping_total` is the
 * sum of all shipping lines; the discount is the lines' (the coupons' gross discount plus any rounding remainder).
 */
function mapWcTotals(dto: WcOrderDto, lines: readonly EshopOrderLineModel[]): EshopOrderModel['totals'] {
  const { currency } = dto;
  const fees = dto.fee_lines.reduce((sum, fee) => sum + parseDecimalToMinorUnits(fee.total) + parseDecimalToMinorUnits(fee.total_tax || '0'), 0);
  const discount = lines.reduce((sum, line) => sum + parseDecimalToMinorUnits(line.discount.amount), 0);
  return {
    total: money(dto.total, currency),
    shipping: { amount: addDecimals(dto.shipping_total, dto.shipping_tax), currency },
    discount: { amount: formatMinorUnits(discount), currency },
    tax: money(dto.total_tax, currency),
    fees: { amount: formatMinorUnits(fees), currency },
  };
}

/** total = Σ lineTotal + shipping + fees, in grosze (docs/money-model.md). */
export function satisfiesMoneyIdentity(totals: EshopOrderModel['totals'], lines: readonly EshopOrderLineModel[]): boolean {
  const sum = lines.reduce((acc, line) => acc + parseDecimalToMinorUnits(line.lineTotal.amount), 0);
  const expected = sum + parseDecimalToMinorUnits(totals.shipping.amount) + parseDecimalToMinorUnits(totals.fees.amount);
  return expected === parseDecimalToMinorUnits(totals.total.amount);
}

/** Guest orders of one person: WooCommerce's `search` is a substring match over many fields, so re-check exactly. */
export function isGuestOrderOf(dto: Pick<WcOrderDto, 'customer_id' | 'billing'>, email: string): boolean {
  return dto.customer_id === 0 && (dto.billing.email ?? '').trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * The money refunded for a refund line, gross and positive: −(`total` + `total_tax`) (WooCommerce stores refund lines
 * negative), else the line's `refund_total` (newer WooCommerce). Null when the line says neither.
 */
function refundLineAmount(line: WcRefundDto['line_items'][number], currency: string): MoneyModel | null {
  if (line.total !== '' || line.total_tax !== '') {
    const minor = parseDecimalToMinorUnits(line.total || '0') + parseDecimalToMinorUnits(line.total_tax || '0');
    return { amount: formatMinorUnits(Math.abs(minor)), currency };
  }
  if (line.refund_total === undefined) return null;
  const raw = typeof line.refund_total === 'number' ? line.refund_total.toFixed(2) : line.refund_total;
  return /^-?\d+(\.\d+)?$/.test(raw) ? { amount: formatMinorUnits(Math.abs(parseDecimalToMinorUnits(raw))), currency } : null;
}

/**
 * A refund with its lines. Refund lines carry negative quantities; each names the order line it refunds in
 * `_refunded_item_id` (absent on refunds some plugins write: the line is then unknown, its SKU still counts).
 */
export function mapWcRefundDtoToEshopRefund(dto: WcRefundDto, orderId: EshopOrderId, currency: string): EshopRefundModel {
  return {
    id: String(dto.id),
    orderId,
    createdAt: mapWcGmtDate(dto.date_created_gmt),
    amount: money(dto.amount, currency),
    status: 'completed',
    lines: dto.line_items
      .map((line) => ({
        lineId: metaText(line.meta_data, '_refunded_item_id'),
        sku: line.sku !== null && line.sku !== '' ? line.sku : null,
        quantity: Math.abs(line.quantity),
        amount: refundLineAmount(line, currency),
      }))
      // a line with neither units nor money refunded is noise some plugins leave
      .filter((line) => line.quantity !== 0 || (line.amount !== null && line.amount.amount !== '0.00')),
    storeCode: metaText(dto.meta_data, WC_WRITE_META.returnStore),
    idempotencyKey: metaText(dto.meta_data, WC_WRITE_META.idempotencyKey),
  };
}
