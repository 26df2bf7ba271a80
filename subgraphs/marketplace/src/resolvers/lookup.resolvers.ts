/**
 * The marketplace's part of the CRM-owned lookups and identities: `CustomerLookup` (by key), `OrderReferenceLookup`
 * (by reference), `Customer.marketplaceIdentities` and `MarketplaceOrder.buyerIdentity`.
 */
import type {
  CustomerLookupResolvers,
  CustomerResolvers,
  MarketplaceOrderResolvers,
  OrderReferenceLookupResolvers,
} from '../__generated__/resolvers-types.ts';
import { buyerIdentitiesByLogin, buyerIdentityOfOrder, lookupMarketplaceIdentities } from '../lookup/marketplace-identities.ts';
import { isOrderNumber, toMarketplaceOrderId } from '../upstream/marketplace-client.ts';

export const customerLookupResolvers: CustomerLookupResolvers = {
  __resolveReference: (reference) => ({ key: reference.key }),
  /** Nullable: when Allegro fails only this list is null (with the error); crm reports the marketplace unavailable. */
  marketplaceIdentities: (lookup, _args, { loaders, buyerDirectory }) => lookupMarketplaceIdentities(lookup.key, loaders, buyerDirectory),
};

export const orderReferenceLookupResolvers: OrderReferenceLookupResolvers = {
  __resolveReference: (reference) => ({ reference: reference.reference }),
  /**
   * A checkout-form id (UUID) → that form (cache, then one `GET /order/checkout-forms/{id}`; 404/422 → recognised,
   * no hit). Anything else is not an Allegro reference: no call.
   */
  async marketplaceHits(lookup, _args, { loaders }) {
    const reference = lookup.reference.trim();
    if (!isOrderNumber(reference)) return { recognised: false, hits: [] };
    // Allegro's ids are lower-case; a UUID typed in capitals is the same id
    const order = await loaders.orderByNumber.load(reference.toLowerCase());
    if (order === null) return { recognised: true, hits: [] };
    return {
      recognised: true,
      hits: [
        { ref: { typename: 'MarketplaceOrder', id: toMarketplaceOrderId(order.number) }, kind: 'ALLEGRO_CHECKOUT_FORM_ID', placedAt: order.placedAt },
      ],
    };
  },
};

export const customerIdentityResolvers: Pick<CustomerResolvers, 'marketplaceIdentities'> = {
  /** The buyer behind the login the CRM links, through the loader `marketplaceOrderSummaries` uses (no extra call). */
  async marketplaceIdentities(customer, _args, { loaders }) {
    const login = 'allegroBuyerLogin' in customer ? customer.allegroBuyerLogin : null;
    if (login === null || login === undefined || login === '') return [];
    return buyerIdentitiesByLogin(login, loaders);
  },
};

export const marketplaceOrderIdentityResolvers: Pick<MarketplaceOrderResolvers, 'buyerIdentity'> = {
  // from the form already read: no call
  buyerIdentity: (order) => buyerIdentityOfOrder(order),
};
