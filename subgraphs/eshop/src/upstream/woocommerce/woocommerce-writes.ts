/**
 * Pure e-shop domain → WooCommerce write bodies (`POST /orders`, `POST /orders/{id}/refunds`) and the tags Omnigraph
 * stores on what it writes. No I/O: the client sends what these build.
 *
 * Prices. The caller decides a gross unit price and its VAT rate (the ERP's, as every channel shows it). WooCommerce
 * stores a line's `subtotal`/`total` EXCLUDING tax, unrounded (`wc_format_decimal` without a precision), and computes
 * the line's VAT from that net with the tax class's rate, rounded to the grosz per line (the default: tax rounded per
 * line, not at subtotal). So each line is posted with its net as gross ÷ (1 + rate) to six decimals, and its tax class
 * set from the rate (ESHOP_TAX_CLASSES), so that net + VAT rounds back to exactly qty × unit gross: the order total is
 * Σ qty × unit gross to the grosz. (A 2-decimal net could not: with 23 % about one gross amount in five has no 2-decimal
 * net whose VAT rounds back to it.) In a shop that rounds tax at the subtotal level the result is the same.
 *
 * Delivery is written in the shape the read mapper (woocommerce-mappers.ts) understands: a parcel locker as the
 * shipping line's meta `_parcel_machine_id` (InPost's plugin), a store pickup as `local_pickup`/`pickup_location` with
 * meta `_pickup_location_code`. The contract gives no delivery price, so shipping lines cost 0.
 */
import type { DeliveryMethodModel } from '@omnigraph/shared/models';
import type { EshopNewOrderModel, EshopPartyModel } from '../eshop-client.ts';
import { formatMinorUnits, parseDecimalToMinorUnits } from '../money.ts';
import type { WcLineItemDto, WcOrderDto } from './woocommerce-dtos.ts';

/** Meta keys of what Omnigraph writes (ADR 0011). */
export const WC_WRITE_META = {
  /** the write's idempotency key, on the order and on the refund: looked up before writing again */
  idempotencyKey: '_omnigraph_idempotency_key',
  /** the CRM contact an order was placed for */
  customerId: '_omnigraph_customer_id',
  /** the ERP reservation (sale order name) of a store pickup */
  erpOrder: '_omnigraph_erp_order',
  /** the store that took a return back */
  returnStore: '_omnigraph_return_store',
} as const;

export interface WooCommerceWriteSettings {
  /** ESHOP_ORDER_PAYMENT_METHOD(_TITLE) */
  paymentMethod: { id: string; title: string };
  /** ESHOP_<METHOD>_METHOD_ID / _TITLE */
  shippingMethods: Record<DeliveryMethodModel, { id: string; title: string }>;
  /** ESHOP_TAX_CLASSES: VAT percent ("23", "8") → tax class slug ("" standard) */
  taxClasses: ReadonlyMap<string, string>;
  /** ESHOP_REFUND_VIA_GATEWAY → `api_refund` */
  refundViaGateway: boolean;
  /** ESHOP_RETURN_RESTOCK → `api_restock` */
  returnRestock: boolean;
}

export const DEFAULT_WRITE_SETTINGS: WooCommerceWriteSettings = {
  paymentMethod: { id: 'cod', title: 'Płatność przy odbiorze' },
  shippingMethods: {
    COURIER: { id: 'flat_rate', title: 'Kurier' },
    PARCEL_LOCKER: { id: 'easypack_parcel_machines', title: 'Paczkomat InPost 24/7' },
    STORE_PICKUP: { id: 'local_pickup', title: 'Odbiór osobisty' },
  },
  taxClasses: new Map([
    ['23', ''],
    ['8', 'reduced-rate'],
    ['5', 'super-reduced-rate'],
    ['0', 'zero-rate'],
  ]),
  refundViaGateway: false,
  returnRestock: false,
};

/** Why a write body cannot be built from the input (the resolver turns it into BAD_USER_INPUT). */
export class WcWriteInputError extends Error {
  override readonly name = 'WcWriteInputError';
}

/**
 * The net of `quantity` units at `unitGross` incl. `vatRate` %, six decimals, half up: "129.99" × 2 at 23 → "211.365854".
 * Integers only (micro-złoty), no float rounding.
 */
export function lineNetOfGross(unitGross: string, quantity: number, vatRate: string): string {
  const grossMinor = parseDecimalToMinorUnits(unitGross) * quantity;
  // percent in hundredths, so "8.5" works too
  const rateHundredths = Math.round(Number(vatRate) * 100);
  if (!Number.isFinite(rateHundredths) || rateHundredths < 0) throw new WcWriteInputError(`not a VAT rate: ${vatRate}`);
  // net micros = gross grosze × 10^4 × 10^4 / (10^4 + rate hundredths), half up
  const numerator = BigInt(grossMinor) * 100_000_000n;
  const denominator = BigInt(10_000 + rateHundredths);
  const micros = (2n * numerator + denominator) / (2n * denominator);
  const whole = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
  return `${whole}.${fraction}`;
}

function rateKey(vatRate: string): string {
  return String(Number(vatRate));
}

function address(party: EshopPartyModel, withContact: boolean): Record<string, string> {
  return {
    first_name: party.firstName,
    last_name: party.lastName,
    company: party.company ?? '',
    address_1: party.street,
    address_2: '',
    city: party.city,
    postcode: party.postalCode,
    country: party.countryCode,
    ...(withContact ? { email: party.email, phone: party.phone ?? '' } : { phone: party.phone ?? '' }),
  };
}

function shippingLine(order: EshopNewOrderModel, settings: WooCommerceWriteSettings): Record<string, unknown> {
  const { delivery } = order;
  const method = settings.shippingMethods[delivery.method];
  const meta: { key: string; value: string }[] = [];
  let title = method.title;
  if (delivery.method === 'PARCEL_LOCKER') {
    if (delivery.parcelLockerId === null || delivery.parcelLockerId.trim() === '')
      throw new WcWriteInputError('a parcel locker delivery needs parcelLockerId');
    meta.push({ key: '_parcel_machine_id', value: delivery.parcelLockerId.trim() });
  } else if (delivery.method === 'STORE_PICKUP') {
    if (delivery.storeCode === null || delivery.storeCode.trim() === '') throw new WcWriteInputError('a store pickup needs storeCode');
    meta.push({ key: '_pickup_location_code', value: delivery.storeCode.trim() });
    if (delivery.storeName !== null && delivery.storeName.trim() !== '') title = `${method.title} – ${delivery.storeName.trim()}`;
  }
  return { method_id: method.id, method_title: title, total: '0.00', meta_data: meta };
}

/** `POST /orders` body: `processing`, not paid (cash on delivery by default), tagged with the key and the CRM contact. */
export function toWcOrderBody(order: EshopNewOrderModel, settings: WooCommerceWriteSettings): Record<string, unknown> {
  const lines = order.lines.map((line) => {
    const taxClass = settings.taxClasses.get(rateKey(line.vatRate));
    if (taxClass === undefined) throw new WcWriteInputError(`no tax class is configured for VAT ${line.vatRate} % (ESHOP_TAX_CLASSES)`);
    const net = lineNetOfGross(line.unitGross, line.quantity, line.vatRate);
    return { sku: line.sku, quantity: line.quantity, tax_class: taxClass, subtotal: net, total: net };
  });
  // a store pickup or a parcel locker has no delivery address of its own: the billing one stands in, as checkout does
  const shipping = order.shipping ?? order.billing;
  return {
    status: 'processing',
    set_paid: false,
    customer_id: order.eshopCustomerId === null ? 0 : Number(order.eshopCustomerId),
    payment_method: settings.paymentMethod.id,
    payment_method_title: settings.paymentMethod.title,
    billing: address(order.billing, true),
    shipping: address(shipping, false),
    line_items: lines,
    shipping_lines: [shippingLine(order, settings)],
    ...(order.customerNote === null ? {} : { customer_note: order.customerNote }),
    meta_data: [
      { key: WC_WRITE_META.idempotencyKey, value: order.idempotencyKey },
      { key: WC_WRITE_META.customerId, value: order.crmCustomerId },
    ],
  };
}

/** The share of `quantity` units of a line, in grosze, half away from zero (the refund of part of a line). */
function share(minor: number, quantity: number, of: number): number {
  if (of <= 0) return 0;
  const scaled = minor * quantity;
  const q = Math.floor(Math.abs(scaled) / of);
  const rounded = (Math.abs(scaled) % of) * 2 >= of ? q + 1 : q;
  return scaled < 0 ? -rounded : rounded;
}

/**
 * `POST /orders/{id}/refunds` body for `lines` of the order. Each line's refund is its share of the line's gross total
 * (after discounts) and of its VAT, the net being the difference; shares are taken cumulatively over what was
 * returned before (`returnedBefore`), so returning a line in several goes adds up to exactly what was paid for it.
 * `amount` = Σ of the refunded gross: the customer gets back what they paid for those units.
 */
export function toWcRefundBody(
  order: Pick<WcOrderDto, 'line_items'>,
  refund: {
    idempotencyKey: string;
    lines: { lineId: string; quantity: number; returnedBefore: number }[];
    reason: string | null;
    storeCode: string;
  },
  settings: Pick<WooCommerceWriteSettings, 'refundViaGateway' | 'returnRestock'>,
): { body: Record<string, unknown>; amount: string } {
  let amount = 0;
  const lineItems = refund.lines.map(({ lineId, quantity, returnedBefore }) => {
    const item = order.line_items.find((l) => String(l.id) === lineId);
    if (item === undefined) throw new WcWriteInputError(`line ${lineId} is not a line of the order`);
    const upTo = (units: number) => lineShare(item, units);
    const before = upTo(returnedBefore);
    const after = upTo(returnedBefore + quantity);
    const gross = after.gross - before.gross;
    const tax = after.tax - before.tax;
    amount += gross;
    const rateId = item.taxes[0]?.id;
    return {
      id: item.id,
      quantity,
      refund_total: formatMinorUnits(gross - tax),
      ...(rateId === undefined ? {} : { refund_tax: [{ id: rateId, refund_total: formatMinorUnits(tax) }] }),
    };
  });
  return {
    amount: formatMinorUnits(amount),
    body: {
      amount: formatMinorUnits(amount),
      ...(refund.reason === null ? {} : { reason: refund.reason }),
      api_refund: settings.refundViaGateway,
      api_restock: settings.returnRestock,
      line_items: lineItems,
      meta_data: [
        { key: WC_WRITE_META.idempotencyKey, value: refund.idempotencyKey },
        { key: WC_WRITE_META.returnStore, value: refund.storeCode },
      ],
    },
  };
}

/** Gross and VAT of the first `units` units of a line, each rounded half away from zero to the grosz. */
function lineShare(item: WcLineItemDto, units: number): { gross: number; tax: number } {
  const tax = parseDecimalToMinorUnits(item.total_tax);
  const gross = parseDecimalToMinorUnits(item.total) + tax;
  return { gross: share(gross, units, item.quantity), tax: share(tax, units, item.quantity) };
}

/** A meta value as text (plugins and we store strings; a number is read as its digits). */
export function metaText(meta: readonly { key: string; value: unknown }[], key: string): string | null {
  const found = meta.find((m) => m.key === key);
  if (found === undefined) return null;
  if (typeof found.value === 'string') return found.value === '' ? null : found.value;
  return typeof found.value === 'number' ? String(found.value) : null;
}
