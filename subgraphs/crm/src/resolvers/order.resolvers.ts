/**
 * The order side of the CRM: `orderByReference` (classification only) and the `customer` of an order, found by the
 * identity each channel knows (`@requires`): the billing e-mail of an e-shop order, the Allegro login of an Allegro
 * order. Allegro buyers are never matched by e-mail: Allegro shows per-order relay addresses.
 */
import type {
  EshopOrderResolvers,
  MarketplaceOrderResolvers,
  OrderResolvers,
  QueryResolvers,
  ResolversTypes,
} from '../__generated__/resolvers-types.ts';
import { toCustomerModel } from './customer.resolvers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What kind of reference a string is, without asking any channel: an e-shop order number (digits) or an Allegro
 * checkout-form id (a UUID). The owning subgraph resolves the reference (and answers NOT_FOUND for an unknown one).
 */
export function classifyOrderReference(
  reference: string,
): { __typename: 'EshopOrder'; id: string } | { __typename: 'MarketplaceOrder'; id: string } | null {
  const text = reference.trim();
  if (/^\d+$/.test(text)) return { __typename: 'EshopOrder', id: `eshop:${text}` };
  if (UUID.test(text)) return { __typename: 'MarketplaceOrder', id: `marketplace:${text.toLowerCase()}` };
  return null;
}

export const orderQueryResolvers: QueryResolvers = {
  // A reference for the owning subgraph to resolve; the generated type also wants the @external fields
  // (MarketplaceOrder.buyerLogin), which a reference never carries.
  orderByReference: (_parent, { reference }) => classifyOrderReference(reference) as ResolversTypes['Order'] | null,
};

export const orderResolvers: OrderResolvers = {
  __resolveType: (parent) => (parent.__typename === 'MarketplaceOrder' ? 'MarketplaceOrder' : 'EshopOrder'),
};

export const eshopOrderResolvers: EshopOrderResolvers = {
  // A stub owned by `eshop`: the representation (id, and billingEmail when `customer` is asked) is all we need.
  __resolveReference: (reference) => reference,
  async customer(parent, _args, context) {
    const email = parent.billingEmail?.trim();
    if (!email) return null;
    const contact = await context.loaders.contactByEmail.load(email);
    return contact === null ? null : toCustomerModel(contact);
  },
};

export const marketplaceOrderResolvers: MarketplaceOrderResolvers = {
  // A stub owned by `marketplace`: the representation (id, and buyerLogin when `customer` is asked) is all we need.
  __resolveReference: (reference) => reference,
  async customer(parent, _args, context) {
    const login = 'buyerLogin' in parent ? parent.buyerLogin?.trim() : undefined;
    if (!login) return null;
    const contact = await context.loaders.contactByAllegroLogin.load(login);
    return contact === null ? null : toCustomerModel(contact);
  },
};
