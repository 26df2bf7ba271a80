/**
 * Row-level rules of the crm subgraph for customer-bound callers (ADR 0009). The gateway already lets such a
 * caller select nothing but `me`; these hold even when something else arrives signed (see guardCustomerBinding).
 */
import { isBoundAllegroLogin, isBoundEmail, type CustomerBinding } from '@omnigraph/shared/identity';
import type { CustomerBindingPolicy } from '@omnigraph/shared/graphql-server';
import { isBoundOrderList } from '@omnigraph/shared/models';

const isBoundCustomer = (value: { id?: unknown } | null | undefined, binding: CustomerBinding) => value?.id === binding.customerId;

/** A channel identity the plan sent along with an order (`@requires`): absent, or the bound customer's own. */
function ownsBuyerIdentity(identity: unknown, binding: CustomerBinding): boolean {
  if (identity === null || identity === undefined) return true;
  const { source, id, email, login } = identity as { source?: unknown; id?: unknown; email?: unknown; login?: unknown };
  if (source === 'ESHOP') {
    return (typeof id === 'string' && id === binding.eshopCustomerId) || isBoundEmail(binding, typeof email === 'string' ? email : null);
  }
  if (source === 'ALLEGRO') return isBoundAllegroLogin(binding, typeof login === 'string' ? login : null);
  return false;
}

export const crmCustomerBindingPolicy: CustomerBindingPolicy = {
  queryFields: ['me'],
  entities: {
    Customer: { representation: isBoundCustomer, resolved: isBoundCustomer },
    // me's orders: step 3 of ADR 0014 sends the page back with the channels' slices; its key names the customer
    OrderConnection: { representation: isBoundOrderList },
    // an order of the customer's own list (its customer link); every Customer it leads to is checked by `rows`
    EshopOrder: { representation: (order: { buyerIdentity?: unknown }, binding) => ownsBuyerIdentity(order.buyerIdentity, binding) },
    MarketplaceOrder: {
      representation: (order: { buyerLogin?: unknown; buyerIdentity?: unknown }, binding) =>
        (order.buyerLogin === undefined || isBoundAllegroLogin(binding, typeof order.buyerLogin === 'string' ? order.buyerLogin : null)) &&
        ownsBuyerIdentity(order.buyerIdentity, binding),
    },
  },
  // Whichever way a Customer was reached (an order's link, a candidate, a match), none but the bound one is read.
  rows: { Customer: isBoundCustomer },
};
