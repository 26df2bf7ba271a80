import type { AddressModel, MoneyModel, OrderStatusModel, PaymentStatusModel } from '@omnigraph/shared/models';
import type {
  MarketplaceBuyerModel,
  MarketplaceDeliveryModel,
  MarketplaceOfferModel,
  MarketplaceOrderLineModel,
  MarketplaceOrderModel,
  MarketplaceRefundModel,
} from '../marketplace-client.ts';
import { toMarketplaceOrderId } from '../marketplace-client.ts';
import type { AllegroCheckoutFormDto, AllegroMoneyDto, AllegroOfferDto, AllegroRefundDto } from './allegro-dtos.ts';

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

function formatMinorUnits(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
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
 * buyer has not finished paying.
 */
export function mapAllegroStatusToOrderStatus(status: AllegroCheckoutFormDto['status'], fulfillment: string | null): OrderStatusModel {
  switch (status) {
    case 'CANCELLED':
      return 'CANCELLED';
    case 'BOUGHT':
    case 'FILLED_IN':
      return 'PENDING_PAYMENT';
    case 'READY_FOR_PROCESSING':
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
    parcelLocker: pickupPoint ? { id: pickupPoint.id, name: pickupPoint.name ?? null, address: mapAddress(pickupPoint.address) } : null,
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
 * A refund → the channel-neutral refund. Only QUANTITY line items count as returned items (an AMOUNT line item pays
 * part of a price back, it returns no goods); `totalValue` is what the buyer gets back in all.
 */
export function mapAllegroRefundDtoToMarketplaceRefund(dto: AllegroRefundDto): MarketplaceRefundModel {
  const lines: MarketplaceRefundModel['lines'] = [];
  for (const line of dto.lineItems ?? []) {
    if (line.type !== 'QUANTITY' || line.quantity === null || line.quantity === undefined || line.quantity <= 0) continue;
    lines.push({ lineId: line.id, quantity: Math.trunc(line.quantity) });
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

/** A checkout form → the channel-neutral order. `buyer.email` (a masked relay address) is never carried over. */
export function mapAllegroCheckoutFormDtoToMarketplaceOrder(
  dto: AllegroCheckoutFormDto,
  onMoneyMismatch?: (checkoutFormId: string) => void,
): MarketplaceOrderModel {
  const total = mapMoney(dto.summary.totalToPay);
  const delivery = mapDelivery(dto, total.currency);
  const lines: MarketplaceOrderLineModel[] = dto.lineItems.map((line) => {
    const sku = line.offer.external?.id ?? null;
    return {
      id: line.id ?? null,
      orderNumber: dto.id,
      sku,
      name: line.offer.name,
      quantity: line.quantity,
      ...lineMoney(line),
      product: sku === null ? null : { sku },
    };
  });
  const linesTotal = lines.reduce((sum, line) => sum + grosze(line.lineTotal.amount), 0);
  const fees = dto.lineItems
    .flatMap((line) => line.selectedAdditionalServices ?? [])
    .reduce((sum, service) => sum + grosze(service.price.amount) * (service.quantity ?? 1), 0);
  const totals = {
    total,
    shipping: delivery.cost,
    discount: { amount: formatMinorUnits(lines.reduce((sum, line) => sum + grosze(line.discount.amount), 0)), currency: total.currency },
    // Allegro gives per-line tax rates, not amounts; a tax total would have to be computed (rounding rules), so none.
    tax: null,
    // the lines' paid additional services; `surcharges` are further payments of the buyer (payment objects), not charges
    fees: { amount: formatMinorUnits(fees), currency: total.currency },
  };
  // Allegro's own total is kept when it disagrees with the lines (docs/money-model.md); the caller logs the form's id.
  if (grosze(total.amount) !== linesTotal + grosze(delivery.cost.amount) + fees) onMoneyMismatch?.(dto.id);
  const fulfillment = dto.fulfillment?.status ?? null;
  return {
    id: toMarketplaceOrderId(dto.id),
    channel: 'MARKETPLACE',
    number: dto.id,
    placedAt: placedAtOf(dto),
    status: mapAllegroStatusToOrderStatus(dto.status, fulfillment),
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
  };
}
