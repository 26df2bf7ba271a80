/** addCustomerNote: a HubSpot note on the contact, through the crm subgraph's step. */
import { notFound } from '@omnigraph/shared/errors';
import type { WriteOperation } from '@omnigraph/shared/writes';
import type { GraphReads } from '../graph-reads.ts';
import type { StepCalls } from '../step-calls.ts';
import type { AddCustomerNoteInput } from '../validation.ts';
import { stepKey } from './step-key.ts';

export interface AddCustomerNoteResult {
  noteId: string;
  customerId: string;
}

export function addCustomerNoteOperation(
  reads: GraphReads,
  steps: StepCalls,
): WriteOperation<AddCustomerNoteInput, Record<string, never>, AddCustomerNoteResult> {
  return {
    name: 'addCustomerNote',
    // A note on a contact that does not exist would be refused by HubSpot anyway; asking first (one cached read)
    // answers NOT_FOUND before the key is spent on a write that cannot happen.
    async prepare(input, identity) {
      if ((await reads.customer(input.customerId, identity)) === null) throw notFound('No CRM customer has this id.');
      return {};
    },
    async run(input, _prepared, ctx, identity) {
      const note = await ctx.step(
        'crm.createNote',
        () => steps.crmCreateNote(stepKey(ctx.record), input.customerId, input.body, identity),
        (n) => n.id,
      );
      return { noteId: note.id, customerId: input.customerId };
    },
  };
}
