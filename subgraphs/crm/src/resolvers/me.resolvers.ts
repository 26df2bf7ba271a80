/**
 * `Query.me` (ADR 0009): the customer a customer-bound credential is bound to, from the gateway's signed identity.
 * Null for every other caller: an API key or a call-center user is nobody's "me".
 */
import { currentCustomerBinding } from '@omnigraph/shared/graphql-server';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { toCustomerModel } from './customer.resolvers.ts';

export const meQueryResolvers: QueryResolvers = {
  async me(_parent, _args, context) {
    const binding = currentCustomerBinding();
    if (binding === undefined) return null;
    const contact = await context.loaders.contactById.load(binding.customerId);
    return contact === null ? null : toCustomerModel(contact);
  },
};
