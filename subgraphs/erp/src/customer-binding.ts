/**
 * Row-level rules of the erp subgraph for customer-bound callers (ADR 0009): the bound customer's own ERP partner
 * (their identities and pricelist prices on `me`), the catalogue and stores an order of theirs points at, and the
 * ERP's deliveries of their channel orders; nothing else.
 *
 * Channel orders: the representation holds only the order id, and the ERP has no link from a channel order to the CRM
 * customer (the connector's partner is not the customer's linked partner), so no row check is possible here. The
 * order's owner is checked by the subgraph that owns it (eshop: `resolved`, marketplace: `resolved`) on the same plan
 * — the gateway reaches these entities only for orders `me` already resolved.
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
    EshopOrder: {},
    MarketplaceOrder: {},
  },
};
