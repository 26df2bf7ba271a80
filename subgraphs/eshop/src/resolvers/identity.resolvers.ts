/** Identities the e-shop adds to entities owned elsewhere (`Customer`) or here (`EshopOrder.buyerIdentity`). */
import type { CustomerResolvers, EshopOrderResolvers } from '../__generated__/resolvers-types.ts';
import { buyerIdentityOfOrder } from '../lookup/eshop-identities.ts';
import { customerEshopIdentities } from '../lookup/eshop-lookups.ts';

export const customerIdentityResolvers: Pick<CustomerResolvers, 'eshopIdentities'> = {
  /** Same loaders as `eshopOrderSummaries`: asked together, they cost the calls of one. Null when WooCommerce fails. */
  eshopIdentities: (customer, _args, { loaders }) =>
    customerEshopIdentities({ email: customer.email ?? null, customerId: customer.eshopCustomerId ?? null }, loaders),
};

export const eshopOrderIdentityResolvers: Pick<EshopOrderResolvers, 'buyerIdentity'> = {
  // from the order already read: no call
  buyerIdentity: (order) => buyerIdentityOfOrder(order),
};
