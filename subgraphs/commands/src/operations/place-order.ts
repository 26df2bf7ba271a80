/**
 * placeOrder: an e-shop order for a CRM customer at ERP prices, and for a store pickup the ERP reservation linked
 * to it. Everything that can refuse the order is checked in `prepare`, before the first write.
 */
import type { GraphQLError } from 'graphql';
import { badUserInput, clientError, notFound } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { WriteOperation } from '@omnigraph/shared/writes';
import type { CrmCustomer, ErpPrice, ErpProduct, GraphReads } from '../graph-reads.ts';
import type { EshopCreateOrderInput, EshopParty, StepCalls } from '../step-calls.ts';
import type { PlaceOrderInput } from '../validation.ts';
import { stepKey } from './step-key.ts';

export interface PlaceOrderPrepared {
  order: EshopCreateOrderInput;
  /** STORE_PICKUP: the reservation to make once the e-shop order exists */
  reservation?: { storeCode: string; erpPartnerId: string | null };
}

export interface PlaceOrderResult {
  orderId: string;
  number: string;
  erpReservation: string | null;
}

export function unknownProduct(index: number): GraphQLError {
  return clientError('UNKNOWN_PRODUCT', `Line ${index + 1} names a SKU the ERP does not have or no longer sells.`, { argumentName: 'input' });
}

export function insufficientStock(index: number): GraphQLError {
  return clientError('INSUFFICIENT_STOCK', `The pickup store cannot serve line ${index + 1}: it has less available than asked for.`);
}

/** The price a line is sold at: the customer's ERP pricelist price when asked for and the customer has one. */
export function priceOf(product: ErpProduct, pricing: PlaceOrderInput['pricing']): ErpPrice {
  if (pricing === 'CUSTOMER_PRICELIST' && product.partnerPrice) return product.partnerPrice;
  return product.listPrice;
}

/** Billing from the CRM; COURIER ships to the given address, or to the CRM's when none is given. */
export function partiesOf(customer: CrmCustomer, input: PlaceOrderInput): { billing: EshopParty; shipping: EshopParty | null } {
  if (!customer.email) throw badUserInput('The CRM customer has no e-mail address, which the shop needs for an order.', 'input.customerId');
  if (!customer.firstName && !customer.lastName)
    throw badUserInput('The CRM customer has no name, which the shop needs for an order.', 'input.customerId');
  const given = input.delivery.address;
  const billingAddress = customer.address ?? given;
  if (billingAddress === undefined) {
    throw badUserInput('The CRM customer has no address: give `delivery.address` (COURIER) or add one in the CRM.', 'input.delivery.address');
  }
  const person = {
    firstName: customer.firstName ?? '',
    lastName: customer.lastName ?? '',
    company: customer.companyName,
    email: customer.email,
    phone: customer.phone,
  };
  const billing = { ...person, ...pick(billingAddress) };
  const shipping = input.delivery.method === 'COURIER' && given !== undefined ? { ...person, ...pick(given) } : null;
  return { billing, shipping };
}

const pick = (a: { street: string; city: string; postalCode: string; countryCode: string }) => ({
  street: a.street,
  city: a.city,
  postalCode: a.postalCode,
  countryCode: a.countryCode,
});

export function placeOrderOperation(reads: GraphReads, steps: StepCalls): WriteOperation<PlaceOrderInput, PlaceOrderPrepared, PlaceOrderResult> {
  return {
    name: 'placeOrder',
    async prepare(input: PlaceOrderInput, identity: RequestIdentity): Promise<PlaceOrderPrepared> {
      const customer = await reads.customer(input.customerId, identity);
      if (customer === null) throw notFound('No CRM customer has this id.');
      const storeCode = input.delivery.storeCode;
      let storeName: string | undefined;
      if (storeCode !== undefined) {
        const store = (await reads.stores(identity)).find((s) => s.code === storeCode);
        if (store === undefined || store.kind !== 'STORE')
          throw badUserInput('`delivery.storeCode` is not a store that takes pickups.', 'input.delivery.storeCode');
        storeName = store.name;
      }
      const erpPartnerId = input.pricing === 'CUSTOMER_PRICELIST' && customer.erpPartnerId !== null ? customer.erpPartnerId : undefined;
      const products = await reads.products(
        input.lines.map((l) => l.sku),
        identity,
        { ...(erpPartnerId === undefined ? {} : { erpPartnerId }), ...(storeCode === undefined ? {} : { storeCode }) },
      );
      const lines = input.lines.map((line, index) => {
        const product = products[index];
        if (product === null || product === undefined || !product.active) throw unknownProduct(index);
        if (storeCode !== undefined) {
          const available = product.stock?.reduce((sum, level) => sum + level.available, 0) ?? 0;
          if (available < line.quantity) throw insufficientStock(index);
        }
        const price = priceOf(product, input.pricing);
        return { sku: line.sku, quantity: line.quantity, unitGross: price.gross.amount, vatRate: price.vatRate };
      });
      // after the lines: an unknown product or missing stock is what the agent needs to hear first
      const { billing, shipping } = partiesOf(customer, input);
      const delivery: EshopCreateOrderInput['delivery'] = { method: input.delivery.method };
      if (input.delivery.parcelLockerId !== undefined) delivery.parcelLockerId = input.delivery.parcelLockerId;
      if (storeCode !== undefined) Object.assign(delivery, { storeCode, storeName });
      const order: EshopCreateOrderInput = {
        customerId: customer.id,
        eshopCustomerId: customer.eshopCustomerId,
        billing,
        shipping,
        lines,
        delivery,
        ...(input.customerNote === undefined ? {} : { customerNote: input.customerNote }),
      };
      return storeCode === undefined ? { order } : { order, reservation: { storeCode, erpPartnerId: customer.erpPartnerId } };
    },
    async run(_input, prepared, ctx, identity) {
      const key = stepKey(ctx.record);
      const order = await ctx.step(
        'eshop.createOrder',
        () => steps.eshopCreateOrder(key, prepared.order, identity),
        (o) => o.orderId,
      );
      if (prepared.reservation === undefined) return { orderId: order.orderId, number: order.number, erpReservation: null };
      const { storeCode, erpPartnerId } = prepared.reservation;
      const reservation = await ctx.step(
        'erp.reservePickup',
        () =>
          steps.erpReservePickup(
            key,
            {
              storeCode,
              erpPartnerId,
              channelOrderRef: order.number,
              lines: prepared.order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitGross: l.unitGross })),
            },
            identity,
          ),
        (r) => r.name,
      );
      await ctx.step(
        'eshop.linkReservation',
        () => steps.eshopLinkReservation(key, order.orderId, reservation.name, identity),
        (o) => o.orderId,
      );
      return { orderId: order.orderId, number: order.number, erpReservation: reservation.name };
    },
  };
}
