export type {
  AddressModel,
  CarrierModel,
  ChannelOrderModel,
  DeliveryMethodModel,
  DeliveryModel,
  ErpDeliveryModel,
  MoneyModel,
  OrderChannelModel,
  OrderEventKindModel,
  OrderEventModel,
  OrderInvoiceModel,
  OrderLineModel,
  OrderRecordSourceModel,
  OrderStatusModel,
  OrderSummaryModel,
  OrderTotalsModel,
  ParcelLockerModel,
  PaymentStatusModel,
  ShipmentModel,
} from './order-model.ts';
export { divideRoundingHalfAway, formatMinorUnits, parseDecimalToMinorUnits } from './money.ts';
export { recogniseCarrier, trackingUrl } from './carriers.ts';
export { erpDeliveryEvents, mergeShipments, normaliseTrackingNumber, shipmentEvents, sortTimeline, type ChannelParcel } from './order-detail.ts';
export {
  compareNewestFirst,
  decodeOrderListKey,
  encodeOrderListKey,
  isAfterPosition,
  isBoundOrderList,
  positionOfSummary,
  readNewestFirst,
  type NewestFirstReadOptions,
  type OrderListKey,
  type OrderListPosition,
  type OrderSliceModel,
} from './order-slice.ts';
