import type { CustomerResolvers } from '../__generated__/resolvers-types.ts';

/**
 * `Customer` is owned by `crm`; this subgraph adds the customer's e-shop order summaries from the identity the CRM
 * holds (`@requires(fields: "email eshopCustomerId")`), for crm's merged order list.
 */
export const customerResolvers: CustomerResolvers = {
  // The representation carries the required fields; there is nothing to fetch for the customer itself.
  __resolveReference: (reference) => reference,
  /**
   * Nullable on purpose: if WooCommerce fails, the loader's UpstreamError nulls only this field (reported in
   * `errors`), and crm turns the null into an unavailable channel instead of losing the whole customer.
   */
  eshopOrderSummaries: (customer, _args, { loaders }) =>
    loaders.orderSummariesByCustomer.load({
      email: customer.email ?? null,
      customerId: customer.eshopCustomerId ?? null,
    }),
};
