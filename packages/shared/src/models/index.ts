export type {
  AddressModel,
  ChannelOrderModel,
  DeliveryMethodModel,
  DeliveryModel,
  MoneyModel,
  OrderChannelModel,
  OrderLineModel,
  OrderStatusModel,
  OrderSummaryModel,
  OrderTotalsModel,
  ParcelLockerModel,
  PaymentStatusModel,
} from './order-model.ts';
