/**
 * Row-level rules of the erp subgraph for customer-bound callers (ADR 0009): the bound customer's own ERP partner
 * (their identities on `me`), and the catalogue and stores an order of theirs points at; nothing else.
 */
import { isBoundEmail, type CustomerBinding } from '@omnigraph/shared/identity';
import type { CustomerBindingPolicy } from '@omnigraph/shared/graphql-server';

function isBoundCustomer(customer: { id?: unknown; email?: unknown; erpPartnerId?: unknown }, binding: CustomerBinding): boolean {
  if (customer.id !== binding.customerId) return false;
  if (customer.email !== undefined && customer.email !== null && !isBoundEmail(binding, String(customer.email))) return false;
  if (customer.erpPartnerId !== undefined && customer.erpPartnerId !== null && customer.erpPartnerId !== binding.erpPartnerId) return false;
  return true;
}

export const erpCustomerBindingPolicy: CustomerBindingPolicy = {
  entities: {
    Customer: { representation: isBoundCustomer },
    Product: {},
    Location: {},
  },
};
