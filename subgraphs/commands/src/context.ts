/** The per-request context of the commands subgraph: who calls, and the process-wide runner and operations. */
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { WriteOperation, WriteRunner } from '@omnigraph/shared/writes';
import type { AddCustomerNoteResult } from './operations/add-customer-note.ts';
import type { PlaceOrderPrepared, PlaceOrderResult } from './operations/place-order.ts';
import type { RegisterReturnPrepared, RegisterReturnResult } from './operations/register-return.ts';
import type { AddCustomerNoteInput, PlaceOrderInput, RegisterReturnInput } from './validation.ts';

export interface CommandsOperations {
  placeOrder: WriteOperation<PlaceOrderInput, PlaceOrderPrepared, PlaceOrderResult>;
  registerReturn: WriteOperation<RegisterReturnInput, RegisterReturnPrepared, RegisterReturnResult>;
  addCustomerNote: WriteOperation<AddCustomerNoteInput, Record<string, never>, AddCustomerNoteResult>;
}

export interface CommandsContext {
  identity: RequestIdentity;
  runner: WriteRunner;
  operations: CommandsOperations;
}
