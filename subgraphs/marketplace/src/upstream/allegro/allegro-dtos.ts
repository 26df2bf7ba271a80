import { z } from 'zod';

/**
 * zod schemas of the Allegro REST wire JSON (developer.allegro.pl swagger; examples in upstream-apis.md A.1), only
 * the fields the adapter reads. Objects are not strict: Allegro adds fields without a version bump. Whether Allegro
 * omits or nulls empty optional fields is unverified, so every optional field accepts both (`.nullish()`).
 */

/** Money amounts are decimal strings ("179.99"); they are kept as strings all the way to the graph. */
export const AllegroMoneyDto = z.object({
  amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string'),
  currency: z.string().min(1),
});
export type AllegroMoneyDto = z.infer<typeof AllegroMoneyDto>;

/** Allegro timestamps are ISO 8601 with `Z` (milliseconds in lineItems, seconds elsewhere). */
const IsoDateTime = z.iso.datetime({ offset: true });

/** `POST /auth/oauth/token` answer for the refresh_token grant. */
export const AllegroTokenDto = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  /** Allegro rotates refresh tokens: the one sent is retired, this one replaces it. */
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
});
export type AllegroTokenDto = z.infer<typeof AllegroTokenDto>;

/** 401 body (`AuthError`): `invalid_token` means expired or unusable, worth one refresh. */
export const AllegroAuthErrorDto = z.object({ error: z.string(), error_description: z.string().nullish() });

export const AllegroOfferDto = z.object({
  id: z.string().min(1),
  name: z.string(),
  sellingMode: z.object({ price: AllegroMoneyDto }),
  stock: z.object({ available: z.number().int(), sold: z.number().int().nullish() }),
  publication: z.object({ status: z.enum(['INACTIVE', 'ACTIVATING', 'ACTIVE', 'ENDED']) }),
  external: z.object({ id: z.string() }).nullish(),
});
export type AllegroOfferDto = z.infer<typeof AllegroOfferDto>;

/** `GET /sale/offers` */
export const AllegroOfferListDto = z.object({
  offers: z.array(AllegroOfferDto),
  count: z.number().int(),
  totalCount: z.number().int(),
});

const AllegroDeliveryAddressDto = z.object({
  street: z.string(),
  city: z.string(),
  zipCode: z.string(),
  countryCode: z.string(),
});

export const AllegroCheckoutFormDto = z.object({
  id: z.string().min(1),
  // buyer.email is deliberately not read: it is a per-transaction relay address (upstream-apis.md §1.8).
  // https://developer.allegro.pl/documentation#operation/getOrdersDetailsUsingGET (CheckoutFormBuyerReference)
  buyer: z.object({
    login: z.string(),
    // a numeric string; kept optional so that a form without it still reads (the identity then has no id)
    id: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    companyName: z.string().nullish(),
    guest: z.boolean().nullish(),
    // "+48601234567" or 9 digits: the format varies
    phoneNumber: z.string().nullish(),
    // the buyer's account address: `postCode` here, `zipCode` in delivery and invoice addresses
    address: z.object({ postCode: z.string().nullish() }).nullish(),
  }),
  // the buyer's invoice request (CheckoutFormInvoiceInfo): `company` null means a private purchase; `ids` replaced the
  // deprecated `taxId` (types PL_NIP, CZ_ICO, CZ_DIC, HU_ADOSZAM, SK_ICO, SK_IC_DPH, VAT_EU, OTHER, read as strings)
  invoice: z
    .object({
      required: z.boolean().nullish(),
      address: z
        .object({
          street: z.string().nullish(),
          city: z.string().nullish(),
          zipCode: z.string().nullish(),
          countryCode: z.string().nullish(),
          company: z
            .object({
              name: z.string().nullish(),
              ids: z.array(z.object({ type: z.string(), value: z.string() })).nullish(),
              // ACTIVE, NON_ACTIVE, NOT_APPLICABLE
              vatPayerStatus: z.string().nullish(),
              taxId: z.string().nullish(),
            })
            .nullish(),
          naturalPerson: z.object({ firstName: z.string().nullish(), lastName: z.string().nullish() }).nullish(),
        })
        .nullish(),
      // Extended Payment Terms (EPT) purchases only
      dueDate: z.string().nullish(),
    })
    .nullish(),
  payment: z
    .object({
      // what a refund names (POST /payments/refunds `payment.id`); Allegro may replace it while the buyer pays again
      id: z.string().nullish(),
      type: z.string(),
      finishedAt: z.string().nullish(),
      paidAmount: AllegroMoneyDto.nullish(),
    })
    .nullish(),
  // BOUGHT, FILLED_IN, READY_FOR_PROCESSING, CANCELLED today; read as a string so that a status Allegro adds later
  // still reads (the mapper falls back and logs it once)
  status: z.string(),
  // PICKED_UP: the buyer has the goods (the only fulfillment status that says so; SENT is still on its way)
  fulfillment: z.object({ status: z.string().nullish() }).nullish(),
  delivery: z
    .object({
      address: AllegroDeliveryAddressDto.nullish(),
      method: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
      // a parcel locker (InPost, Allegro One Box) or a pickup point; `id` is optional in the spec
      pickupPoint: z
        .object({
          id: z.string().nullish(),
          name: z.string().nullish(),
          address: AllegroDeliveryAddressDto.nullish(),
        })
        .nullish(),
      cost: AllegroMoneyDto.nullish(),
      // set when the delivery (and with it the order) was cancelled
      cancellation: z.object({ date: IsoDateTime.nullish() }).nullish(),
    })
    .nullish(),
  lineItems: z.array(
    z.object({
      // the line item id a refund names (`lineItems[].id`); always there on real forms, optional so a form without it still reads
      id: z.string().nullish(),
      offer: z.object({ id: z.string(), name: z.string(), external: z.object({ id: z.string().nullish() }).nullish() }),
      quantity: z.number().int(),
      originalPrice: AllegroMoneyDto.nullish(),
      price: AllegroMoneyDto,
      // paid extras the buyer chose (gift wrapping, assembly): price per service, charged on top of the line
      selectedAdditionalServices: z
        .array(z.object({ name: z.string().nullish(), price: AllegroMoneyDto, quantity: z.number().int().nullish() }))
        .nullish(),
      // a packaging deposit charged per item on top of the price (LineItemDeposit)
      deposit: z.object({ price: AllegroMoneyDto }).nullish(),
      // the line's VAT: `rate` a decimal string ("23.00"), null or absent when the offer has no tax settings; `subject`
      // (GOODS, SERVICES …) and `exemption` (e.g. MONEY_EQUIVALENT) come without a rate for exempt sales
      tax: z.object({ rate: z.string().nullish(), subject: z.string().nullish(), exemption: z.string().nullish() }).nullish(),
      boughtAt: IsoDateTime.nullish(),
    }),
  ),
  summary: z.object({ totalToPay: AllegroMoneyDto }),
  updatedAt: IsoDateTime.nullish(),
});
export type AllegroCheckoutFormDto = z.infer<typeof AllegroCheckoutFormDto>;

/** `GET /order/checkout-forms` */
export const AllegroCheckoutFormListDto = z.object({
  checkoutForms: z.array(AllegroCheckoutFormDto),
  count: z.number().int(),
  totalCount: z.number().int(),
});

/**
 * `RefundDetails` (`POST /payments/refunds` answer, `GET /payments/refunds` entries). `status` and `reason` are read as
 * strings: Allegro lists statuses in two different enums already (answer vs filter) and may add more.
 * https://developer.allegro.pl/documentation#operation/initiateRefund
 */
export const AllegroRefundDto = z.object({
  id: z.string().min(1),
  payment: z.object({ id: z.string() }).nullish(),
  order: z.object({ id: z.string() }).nullish(),
  reason: z.string().nullish(),
  status: z.string(),
  createdAt: IsoDateTime,
  totalValue: AllegroMoneyDto,
  lineItems: z
    .array(
      z.object({
        id: z.string(),
        type: z.string(),
        // "number" in the spec; items are whole
        quantity: z.number().nullish(),
        value: AllegroMoneyDto.nullish(),
      }),
    )
    .nullish(),
  sellerComment: z.string().nullish(),
});
export type AllegroRefundDto = z.infer<typeof AllegroRefundDto>;

/** `GET /payments/refunds` */
export const AllegroRefundListDto = z.object({
  refunds: z.array(AllegroRefundDto),
  count: z.number().int().nullish(),
  totalCount: z.number().int().nullish(),
});

/**
 * `GET /order/checkout-forms/{id}/shipments` (CheckoutFormOrderWaybillResponse): the parcel numbers on the order,
 * also those added in Moje Allegro or by the carrier. The schema has no required field, so each may be missing.
 * https://developer.allegro.pl/documentation#operation/getOrderShipmentsUsingGET
 */
export const AllegroShipmentDto = z.object({
  id: z.string().nullish(),
  waybill: z.string().nullish(),
  // an id of `GET /order/carriers` (INPOST, DPD, ALLEGRO, POCZTA_POLSKA …) or OTHER
  carrierId: z.string().nullish(),
  // only meaningful with carrierId OTHER (Allegro ignores it otherwise)
  carrierName: z.string().nullish(),
  lineItems: z.array(z.object({ id: z.string().nullish() })).nullish(),
  // when the number was registered on the order
  createdAt: z.string().nullish(),
});
export type AllegroShipmentDto = z.infer<typeof AllegroShipmentDto>;

export const AllegroShipmentListDto = z.object({ shipments: z.array(AllegroShipmentDto).nullish() });
