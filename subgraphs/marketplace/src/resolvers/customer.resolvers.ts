import type { CustomerResolvers } from '../__generated__/resolvers-types.ts';

export const customerResolvers: CustomerResolvers = {
  /**
   * The buyer's checkout forms as summaries for the merged order list (ADR 0004): ⌈forms / 100⌉ list calls. No
   * Allegro login in the CRM → []. An upstream failure is thrown (the field is nullable), so `crm` sees null and
   * reports the marketplace channel as unavailable.
   */
  async marketplaceOrderSummaries(customer, _args, { loaders }) {
    const login = 'allegroBuyerLogin' in customer ? customer.allegroBuyerLogin : null;
    if (login === null || login === undefined || login === '') return [];
    return (await loaders.orderSummariesByBuyerLogin.load(login)) ?? [];
  },
};
