/**
 * `Customer.notes`, the `CustomerNote` entity and the write step `crmCreateNote` (ADR 0011), which only the commands
 * subgraph calls (it is @inaccessible in the API schema).
 */
import { checkNumericId } from '@omnigraph/shared/arguments';
import { currentCustomerBinding, notBoundCustomers } from '@omnigraph/shared/graphql-server';
import type { CustomerNoteResolvers, MutationResolvers } from '../__generated__/resolvers-types.ts';
import { checkFirst } from '../lookup-args.ts';
import { checkIdempotencyKey, checkNoteBody, createNoteOnce, notesOfCustomer } from '../notes.ts';
import type { CrmContactModel } from '../upstream/crm-client.ts';
import type { CrmContext } from '../context.ts';

export async function customerNotes(parent: CrmContactModel, first: number, context: CrmContext) {
  return notesOfCustomer(context.loaders, parent.id, checkFirst(first));
}

export const customerNoteResolvers: CustomerNoteResolvers = {
  async __resolveReference(reference, context) {
    return context.loaders.noteById.load(reference.id);
  },
};

export const mutationResolvers: MutationResolvers = {
  async crmCreateNote(_parent, { idempotencyKey, customerId, body }, context) {
    // A customer-bound credential (ADR 0009) reads its own data; it never writes (the gateway gives it no
    // notes:write, and mutations are outside the binding guard, which covers queries and entities).
    if (currentCustomerBinding() !== undefined) throw notBoundCustomers();
    checkIdempotencyKey(idempotencyKey);
    checkNumericId(customerId, 'customerId', 'a CRM customer id');
    const text = checkNoteBody(body);
    return createNoteOnce(context, { idempotencyKey, customerId, body: text });
  },
};
