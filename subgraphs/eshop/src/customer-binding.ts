/**
 * Row-level rules of the eshop subgraph for customer-bound callers (ADR 0009): only the bound customer's own e-shop
 * identity and orders, checked against the channel identities the gateway signed into the binding.
 */
import { isBoundEmail, type CustomerBinding } from '@omnigraph/shared/identity';
import type { CustomerBindingPolicy } from '@omnigraph/shared/graphql-server';
import { isBoundOrderList } from '@omnigraph/shared/models';
import type { EshopOrderModel } from './upstream/eshop-client.ts';

/**
 * The customer's representation (key and `@requires` fields from the plan) must be the bound customer's, with their
 * own e-mail and shop account, not someone else's beside the bound id.
 */
function isBoundCustomer(customer: { id?: unknown; email?: unknown; eshopCustomerId?: unknown }, binding: CustomerBinding): boolean {
  if (customer.id !== binding.customerId) return false;
  if (customer.email !== undefined && customer.email !== null && !isBoundEmail(binding, String(customer.email))) return false;
  if (customer.eshopCustomerId !== undefined && customer.eshopCustomerId !== null && customer.eshopCustomerId !== binding.eshopCustomerId)
    return false;
  return true;
}

/**
 * The same rule as the customer's order list: the bound shop account's orders, and guest orders (no account) placed
 * with one of the customer's e-mail addresses.
 */
export function isBoundCustomersOrder(order: Pick<EshopOrderModel, 'customerId' | 'billingEmail'>, binding: CustomerBinding): boolean {
  if (order.customerId !== null) return binding.eshopCustomerId !== undefined && order.customerId === binding.eshopCustomerId;
  return isBoundEmail(binding, order.billingEmail);
}

export const eshopCustomerBindingPolicy: CustomerBindingPolicy = {
  entities: {
    Customer: { representation: isBoundCustomer },
    OrderConnection: { representation: isBoundOrderList },
    EshopOrder: { resolved: isBoundCustomersOrder },
    // the catalogue behind an order's lines: no personal data
    Product: {},
  },
};
