/**
 * Row-level rules of the marketplace subgraph for customer-bound callers (ADR 0009): only the checkout forms of the
 * Allegro login the CRM links to the bound customer.
 */
import { isBoundAllegroLogin, type CustomerBinding } from '@omnigraph/shared/identity';
import type { CustomerBindingPolicy } from '@omnigraph/shared/graphql-server';
import { isBoundOrderList } from '@omnigraph/shared/models';
import type { MarketplaceOrderModel } from './upstream/marketplace-client.ts';

function isBoundCustomer(customer: { id?: unknown; allegroBuyerLogin?: unknown }, binding: CustomerBinding): boolean {
  if (customer.id !== binding.customerId) return false;
  const login = customer.allegroBuyerLogin;
  return login === undefined || login === null || isBoundAllegroLogin(binding, String(login));
}

export function isBoundBuyersOrder(order: Pick<MarketplaceOrderModel, 'buyerLogin'>, binding: CustomerBinding): boolean {
  return isBoundAllegroLogin(binding, order.buyerLogin);
}

export const marketplaceCustomerBindingPolicy: CustomerBindingPolicy = {
  entities: {
    Customer: { representation: isBoundCustomer },
    OrderConnection: { representation: isBoundOrderList },
    MarketplaceOrder: { resolved: isBoundBuyersOrder },
    Product: {},
  },
};
