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
export { recogniseCarrier, trackingUrl } from './carriers.ts';
export { erpDeliveryEvents, mergeShipments, normaliseTrackingNumber, shipmentEvents, sortTimeline, type ChannelParcel } from './order-detail.ts';
