import type {
  AddressModel,
  MoneyModel,
  OrderEventModel,
  OrderInvoiceModel,
  OrderStatusModel,
  PaymentStatusModel,
  ShipmentModel,
} from '@omnigraph/shared/models';
import { formatMinorUnits, recogniseCarrier, trackingUrl } from '@omnigraph/shared/models';
import { normaliseNip } from '@omnigraph/shared/lookup';
import type {
  MarketplaceBuyerModel,
  MarketplaceDeliveryModel,
  MarketplaceOfferModel,
  MarketplaceOrderLineModel,
  MarketplaceOrderModel,
  MarketplaceRefundModel,
} from '../marketplace-client.ts';
import { toMarketplaceOrderId } from '../marketplace-client.ts';
import type { AllegroCheckoutFormDto, AllegroMoneyDto, AllegroOfferDto, AllegroRefundDto, AllegroShipmentDto } from './allegro-dtos.ts';

/**
 * Told about a value the adapter does not know (a checkout-form or fulfillment status Allegro added later): the order
 * still maps, through the documented fallback; the caller logs each value once.
 */
export type OnUnknownValue = (field: 'status' | 'fulfillment.status', value: string) => void;

const CHECKOUT_FORM_STATUSES = new Set(['BOUGHT', 'FILLED_IN', 'READY_FOR_PROCESSING', 'CANCELLED']);
const FULFILLMENT_STATUSES = new Set([
  'NEW',
  'PROCESSING',
  'READY_FOR_SHIPMENT',
  'READY_FOR_PICKUP',
  'SENT',
  'PICKED_UP',
  'CANCELLED',
  'SUSPENDED',
  'RETURNED',
]);

/** Public offer page; Allegro's listing URLs are stable by offer id (the title slug in front is optional). */
export const ALLEGRO_OFFER_URL_PREFIX = 'https://allegro.pl/oferta/';

/**
 * "12.9" → "12.90", "7" → "7.00": the graph's Decimal has two decimals. Pure string work, never a float; an amount
 * with more than two decimals is returned unchanged rather than rounded (exactness over format).
 */
export function normalizeDecimal(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  if (fraction.length > 2) return amount;
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

function mapMoney(money: AllegroMoneyDto): MoneyModel {
  return { amount: normalizeDecimal(money.amount), currency: money.currency };
}

/** Integer grosze of a decimal string with at most two decimals; null when it has more (not exactly representable). */
function toMinorUnits(amount: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -value : value;
}

/** `readAt` (ISO 8601 UTC) dates the stock: `GET /sale/offers` carries no time `stock.available` last changed. */
export function mapAllegroOfferDtoToMarketplaceOffer(dto: AllegroOfferDto, readAt: string): MarketplaceOfferModel {
  return {
    offerId: dto.id,
    sku: dto.external?.id ?? null,
    title: dto.name,
    price: mapMoney(dto.sellingMode.price),
    availableQuantity: dto.stock.available,
    stockAsOf: readAt,
    soldQuantity: dto.stock.sold ?? 0,
    status: dto.publication.status,
    url: `${ALLEGRO_OFFER_URL_PREFIX}${dto.id}`,
  };
}

/**
 * Allegro's two-level status (checkout form status + seller fulfillment status) → the channel-neutral OrderStatus.
 * A form is only the seller's to process once READY_FOR_PROCESSING (paid, or cash on delivery); before that the
 * buyer has not finished paying. Fallbacks: a checkout-form status Allegro adds later is read like READY_FOR_PROCESSING
 * (the order exists, so its fulfillment status decides), a fulfillment status it adds later is PROCESSING; both are
 * reported through `onUnknown`.
 */
export function mapAllegroStatusToOrderStatus(status: string, fulfillment: string | null, onUnknown?: OnUnknownValue): OrderStatusModel {
  switch (status) {
    case 'CANCELLED':
      return 'CANCELLED';
    case 'BOUGHT':
    case 'FILLED_IN':
      return 'PENDING_PAYMENT';
    default:
      if (!CHECKOUT_FORM_STATUSES.has(status)) onUnknown?.('status', status);
      if (fulfillment !== null && !FULFILLMENT_STATUSES.has(fulfillment)) onUnknown?.('fulfillment.status', fulfillment);
      switch (fulfillment) {
        case 'READY_FOR_PICKUP':
          return 'READY_FOR_PICKUP';
        case 'SENT':
          return 'SHIPPED';
        case 'PICKED_UP':
          return 'COMPLETED';
        case 'CANCELLED':
          return 'CANCELLED';
        case 'RETURNED':
          return 'REFUNDED';
        case 'SUSPENDED':
          return 'ON_HOLD';
        // NEW, PROCESSING, READY_FOR_SHIPMENT, a missing fulfillment and any status Allegro adds later: the seller
        // still has work to do, which is what PROCESSING says.
        default:
          return 'PROCESSING';
      }
  }
}

export function mapAllegroPaymentToPaymentStatus(payment: AllegroCheckoutFormDto['payment']): PaymentStatusModel {
  const paid = Boolean(payment?.paidAmount) || Boolean(payment?.finishedAt);
  if (payment?.type === 'CASH_ON_DELIVERY' && !paid) return 'CASH_ON_DELIVERY';
  return paid ? 'PAID' : 'UNPAID';
}

/** When the buyer bought: the earliest line's boughtAt (lines of one form can differ by seconds), else updatedAt. */
export function placedAtOf(dto: AllegroCheckoutFormDto): string {
  const times = dto.lineItems.flatMap((line) => (line.boughtAt ? [Date.parse(line.boughtAt)] : []));
  if (times.length > 0) return new Date(Math.min(...times)).toISOString();
  // A form always has lines with boughtAt in practice; updatedAt is the documented fallback, epoch the last resort
  // so that a sortable DateTime! is still returned.
  return new Date(dto.updatedAt ? Date.parse(dto.updatedAt) : 0).toISOString();
}

/** Integer grosze of any decimal amount (more than two decimals rounded as normalizeDecimal does). */
function grosze(amount: string): number {
  return toMinorUnits(amount) ?? toMinorUnits(normalizeDecimal(amount)) ?? 0;
}

/**
 * A line's money (docs/money-model.md). Allegro's `price` is the unit price the buyer pays, already after the line's
 * discounts, and summary.totalToPay is built from it: the line total is price × quantity. `originalPrice` is the price
 * before those discounts; the unit price is that one (price when it is absent, in another currency or below price),
 * and the discount is (unitPrice − price) × quantity, so quantity × unitPrice − discount = lineTotal exactly.
 */
function lineMoney(
  line: AllegroCheckoutFormDto['lineItems'][number],
): Pick<MarketplaceOrderLineModel, 'unitPrice' | 'originalUnitPrice' | 'discount' | 'lineTotal'> {
  const { currency } = line.price;
  const price = grosze(line.price.amount);
  const original = line.originalPrice && line.originalPrice.currency === currency ? grosze(line.originalPrice.amount) : price;
  const unit = Math.max(original, price);
  const unitPrice = { amount: formatMinorUnits(unit), currency };
  return {
    unitPrice,
    originalUnitPrice: unitPrice,
    discount: { amount: formatMinorUnits((unit - price) * line.quantity), currency },
    lineTotal: { amount: formatMinorUnits(price * line.quantity), currency },
  };
}

type AllegroAddressDto = { street: string; city: string; zipCode: string; countryCode: string };

/** Allegro's `zipCode` (delivery and pickup-point addresses) is our `postalCode`. */
function mapAddress(address: AllegroAddressDto | null | undefined): AddressModel | null {
  if (!address) return null;
  return { street: address.street, city: address.city, postalCode: address.zipCode, countryCode: address.countryCode };
}

function mapDelivery(dto: AllegroCheckoutFormDto, currency: string): MarketplaceDeliveryModel {
  const delivery = dto.delivery;
  const pickupPoint = delivery?.pickupPoint;
  return {
    method: pickupPoint ? 'PARCEL_LOCKER' : 'COURIER',
    name: delivery?.method?.name ?? '',
    cost: delivery?.cost ? mapMoney(delivery.cost) : { amount: '0.00', currency },
    parcelLocker: pickupPoint
      ? { id: pickupPoint.id ?? pickupPoint.name ?? '', name: pickupPoint.name ?? null, address: mapAddress(pickupPoint.address) }
      : null,
    store: null,
    address: mapAddress(delivery?.address),
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The buyer of a checkout form: `buyer.*` plus the invoice company and its PL_NIP id (`taxId` as the fallback older
 * forms carry). `buyer.email` is a per-transaction relay address and is never read.
 */
export function mapAllegroBuyer(dto: AllegroCheckoutFormDto): MarketplaceBuyerModel {
  const buyer = dto.buyer;
  const company = dto.invoice?.address?.company ?? null;
  const nip = company?.ids?.find((id) => id.type === 'PL_NIP')?.value ?? company?.taxId ?? null;
  return {
    id: text(buyer.id),
    login: buyer.login,
    firstName: text(buyer.firstName),
    lastName: text(buyer.lastName),
    phone: text(buyer.phoneNumber),
    postalCode: text(buyer.address?.postCode),
    companyName: text(company?.name) ?? text(buyer.companyName),
    nip: text(nip),
    guest: buyer.guest === true,
  };
}

/**
 * When the buyer had the goods: Allegro's only such signal on the form is fulfillment PICKED_UP ("odebrane", set by
 * the seller or by Allegro from the carrier), and the form carries no time for it; `updatedAt` is the last change of
 * the form, at or after the status change, so it never starts a return window too early (it may start it a little
 * late when the form changed again afterwards). SENT (on its way) and every other status: unknown, null. Exact
 * delivery times live in carrier tracking (`GET /order/carriers/{carrierId}/tracking`), one call per parcel, which
 * this field does not pay for.
 */
export function completedAtOf(dto: AllegroCheckoutFormDto): string | null {
  if (dto.fulfillment?.status !== 'PICKED_UP' || !dto.updatedAt) return null;
  return new Date(Date.parse(dto.updatedAt)).toISOString();
}

/**
 * A refund → the channel-neutral refund. QUANTITY line items return whole items (Allegro gives no `value` for them: the
 * money is quantity × the line's price, worked out against the order); AMOUNT line items pay part of a price back and
 * return no goods (quantity 0, their `value` as given). `totalValue` is what the buyer gets back in all (lines,
 * delivery, surcharges …).
 */
export function mapAllegroRefundDtoToMarketplaceRefund(dto: AllegroRefundDto): MarketplaceRefundModel {
  const lines: MarketplaceRefundModel['lines'] = [];
  for (const line of dto.lineItems ?? []) {
    if (line.type === 'QUANTITY') {
      if (line.quantity === null || line.quantity === undefined || line.quantity <= 0) continue;
      lines.push({ lineId: line.id, quantity: Math.trunc(line.quantity), value: line.value ? mapMoney(line.value) : null });
    } else if (line.value) {
      lines.push({ lineId: line.id, quantity: 0, value: mapMoney(line.value) });
    }
  }
  return {
    id: dto.id,
    orderNumber: dto.order?.id ?? null,
    createdAt: new Date(Date.parse(dto.createdAt)).toISOString(),
    amount: mapMoney(dto.totalValue),
    status: dto.status,
    lines,
    note: dto.sellerComment ?? null,
  };
}

/**
 * The form's invoice request → OrderInvoice; null when the form carries none (no invoice, or not required and no
 * address). `taxId` as the buyer gave it: the PL_NIP id, else the EU VAT id, else the first id, else the deprecated
 * `taxId`; `nip` only when that (or the PL_NIP id) is a valid Polish NIP. `naturalPerson` is a private buyer who wants
 * an invoice; `company` null means a private purchase.
 */
export function mapAllegroInvoice(invoice: AllegroCheckoutFormDto['invoice']): OrderInvoiceModel | null {
  if (!invoice) return null;
  const address = invoice.address ?? null;
  if (invoice.required !== true && address === null) return null;
  const company = address?.company ?? null;
  const ids = company?.ids ?? [];
  const idOf = (type: string) => text(ids.find((id) => id.type === type)?.value);
  const taxId = idOf('PL_NIP') ?? idOf('VAT_EU') ?? text(ids[0]?.value) ?? text(company?.taxId);
  const plNip = idOf('PL_NIP');
  const nip = (plNip === null ? null : normaliseNip(plNip)) ?? (taxId === null ? null : normaliseNip(taxId));
  const person = address?.naturalPerson ?? null;
  const street = text(address?.street);
  const city = text(address?.city);
  const zipCode = text(address?.zipCode);
  const countryCode = text(address?.countryCode);
  return {
    required: invoice.required === true,
    companyName: text(company?.name),
    nip,
    taxId,
    firstName: text(person?.firstName),
    lastName: text(person?.lastName),
    address: street !== null && city !== null && zipCode !== null && countryCode !== null ? { street, city, postalCode: zipCode, countryCode } : null,
  };
}

/** Allegro's tax rate ("23.00", "8", "0.00") as the graph's Decimal; null when the line states none (an exemption). */
function vatRateOf(line: AllegroCheckoutFormDto['lineItems'][number]): string | null {
  const rate = text(line.tax?.rate);
  return rate !== null && /^\d+(\.\d+)?$/.test(rate) ? normalizeDecimal(rate) : null;
}

function isoOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * What the checkout form itself states about the order's history, for the timeline (the journal of polled order events
 * adds the rest): the purchase (the earliest boughtAt), the payment (`payment.finishedAt`), the current fulfillment
 * status dated by `updatedAt` (the form's last change, at or after the status change), and a cancellation.
 */
export function formEventsOf(dto: AllegroCheckoutFormDto, status: OrderStatusModel): OrderEventModel[] {
  const events: OrderEventModel[] = [];
  const event = (at: string, kind: OrderEventModel['kind'], after: OrderStatusModel | null, channelStatus: string | null) =>
    events.push({ at, source: 'MARKETPLACE', kind, status: after, channelStatus, text: null });
  const hasBoughtAt = dto.lineItems.some((line) => line.boughtAt);
  if (hasBoughtAt) event(placedAtOf(dto), 'PLACED', null, 'BOUGHT');
  const paidAt = isoOf(dto.payment?.finishedAt);
  if (paidAt !== null) event(paidAt, 'PAID', null, 'READY_FOR_PROCESSING');
  const updatedAt = isoOf(dto.updatedAt);
  const cancelledAt = isoOf(dto.delivery?.cancellation?.date) ?? (status === 'CANCELLED' ? updatedAt : null);
  const fulfillment = dto.fulfillment?.status ?? null;
  if (cancelledAt !== null && status === 'CANCELLED')
    event(cancelledAt, 'CANCELLED', 'CANCELLED', fulfillment === 'CANCELLED' ? 'CANCELLED' : dto.status);
  else if (fulfillment !== null && fulfillment !== 'NEW' && updatedAt !== null) {
    event(updatedAt, fulfillment === 'PICKED_UP' ? 'DELIVERED' : 'STATUS_CHANGED', status, fulfillment);
  }
  return events;
}

/**
 * One parcel number on the form (`GET …/shipments`). `carrierId` is an id of `GET /order/carriers` (INPOST, DPD,
 * ALLEGRO for Allegro One …); with OTHER the seller's `carrierName` says who carries it. `createdAt` (when the number was
 * registered) stands for the shipping date: Allegro keeps no other.
 */
export function mapAllegroShipmentDto(dto: AllegroShipmentDto, index: number, orderNumber: string): ShipmentModel | null {
  const waybill = text(dto.waybill);
  if (waybill === null) return null;
  const carrierId = text(dto.carrierId);
  const named = carrierId === null || carrierId.toUpperCase() === 'OTHER' ? text(dto.carrierName) : null;
  const carrier = recogniseCarrier(named ?? carrierId);
  return {
    // Allegro's shipment id; a stable stand-in for a shipment without one
    id: text(dto.id) ?? `${orderNumber}:${index}`,
    sources: ['MARKETPLACE'],
    carrier,
    carrierName: named ?? carrierId ?? '',
    trackingNumber: waybill,
    trackingUrl: trackingUrl(carrier, waybill),
    shippedAt: isoOf(dto.createdAt),
    lineIds: (dto.lineItems ?? []).flatMap((line) => (line.id ? [line.id] : [])),
  };
}

/** A checkout form → the channel-neutral order. `buyer.email` (a masked relay address) is never carried over. */
export function mapAllegroCheckoutFormDtoToMarketplaceOrder(
  dto: AllegroCheckoutFormDto,
  onMoneyMismatch?: (checkoutFormId: string) => void,
  onUnknown?: OnUnknownValue,
): MarketplaceOrderModel {
  const total = mapMoney(dto.summary.totalToPay);
  const delivery = mapDelivery(dto, total.currency);
  const lines: MarketplaceOrderLineModel[] = dto.lineItems.map((line) => {
    const sku = text(line.offer.external?.id);
    return {
      id: line.id ?? null,
      orderNumber: dto.id,
      sku,
      name: line.offer.name,
      quantity: line.quantity,
      ...lineMoney(line),
      vatRate: vatRateOf(line),
      product: sku === null ? null : { sku },
    };
  });
  const linesTotal = lines.reduce((sum, line) => sum + grosze(line.lineTotal.amount), 0);
  const services = dto.lineItems
    .flatMap((line) => line.selectedAdditionalServices ?? [])
    .reduce((sum, service) => sum + grosze(service.price.amount) * (service.quantity ?? 1), 0);
  // A packaging deposit (the Polish deposit system, from 2025-10-01) is charged on top of the price, per item, and is
  // not part of the goods' price or VAT: a fee, like the services.
  const deposits = dto.lineItems.reduce((sum, line) => sum + (line.deposit ? grosze(line.deposit.price.amount) * line.quantity : 0), 0);
  const fees = services + deposits;
  const totals = {
    total,
    shipping: delivery.cost,
    discount: { amount: formatMinorUnits(lines.reduce((sum, line) => sum + grosze(line.discount.amount), 0)), currency: total.currency },
    // Allegro gives per-line tax rates, not amounts; a tax total would have to be computed (rounding rules), so none.
    tax: null,
    // the lines' paid additional services and deposits; `surcharges` are further payments of the buyer (payment
    // objects), not charges
    fees: { amount: formatMinorUnits(fees), currency: total.currency },
  };
  // Allegro's own total is kept when it disagrees with the lines (docs/money-model.md); the caller logs the form's id.
  if (grosze(total.amount) !== linesTotal + grosze(delivery.cost.amount) + fees) onMoneyMismatch?.(dto.id);
  const fulfillment = dto.fulfillment?.status ?? null;
  const status = mapAllegroStatusToOrderStatus(dto.status, fulfillment, onUnknown);
  return {
    id: toMarketplaceOrderId(dto.id),
    channel: 'MARKETPLACE',
    number: dto.id,
    placedAt: placedAtOf(dto),
    status,
    channelStatus: fulfillment ? `${dto.status}/${fulfillment}` : dto.status,
    totals,
    lines,
    couponCodes: [],
    delivery,
    paymentStatus: mapAllegroPaymentToPaymentStatus(dto.payment),
    buyerLogin: dto.buyer.login,
    buyer: mapAllegroBuyer(dto),
    paymentId: dto.payment?.id ?? null,
    completedAt: completedAtOf(dto),
    invoice: mapAllegroInvoice(dto.invoice),
    formEvents: formEventsOf(dto, status),
  };
}
