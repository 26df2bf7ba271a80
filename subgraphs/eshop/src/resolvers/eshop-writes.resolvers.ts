import type { EshopPartyInput, MutationResolvers } from '../__generated__/resolvers-types.ts';
import type { EshopPartyModel } from '../upstream/eshop-client.ts';

function party(input: EshopPartyInput): EshopPartyModel {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    company: input.company ?? null,
    email: input.email,
    phone: input.phone ?? null,
    street: input.street,
    city: input.city,
    postalCode: input.postalCode,
    countryCode: input.countryCode,
  };
}

/** The write steps (ADR 0011, @inaccessible): thin over `context.writes`, which holds the tag lookups and the writes. */
export const eshopWriteResolvers: MutationResolvers = {
  eshopCreateOrder: (_parent, { idempotencyKey, input }, { writes }) =>
    writes.createOrder(idempotencyKey, {
      idempotencyKey,
      crmCustomerId: input.customerId,
      eshopCustomerId: input.eshopCustomerId ?? null,
      billing: party(input.billing),
      shipping: input.shipping ? party(input.shipping) : null,
      // Decimal arrives as the client sent it (a string, or a JSON number)
      lines: input.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        unitGross: String(line.unitGross),
        vatRate: String(line.vatRate),
      })),
      delivery: {
        method: input.delivery.method,
        parcelLockerId: input.delivery.parcelLockerId ?? null,
        storeCode: input.delivery.storeCode ?? null,
        storeName: input.delivery.storeName ?? null,
      },
      customerNote: input.customerNote ?? null,
    }),
  eshopLinkReservation: (_parent, { idempotencyKey, orderId, erpOrderName }, { writes }) =>
    writes.linkReservation(idempotencyKey, orderId, erpOrderName),
  eshopCreateRefund: (_parent, { idempotencyKey, input }, { writes }) =>
    writes.createRefund(idempotencyKey, {
      orderId: input.orderId,
      lines: input.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      reason: input.reason ?? null,
      storeCode: input.storeCode,
    }),
};
