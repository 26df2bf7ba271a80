/** The per-request context of the commands subgraph: who calls, and the process-wide runner and operations. */
import type { ServiceName } from '@omnigraph/shared/errors';
import type { RequestIdentity } from '@omnigraph/shared/identity';
import type { SubgraphClient } from '@omnigraph/shared/subgraph-client';
import type { WriteOperation, WriteRunner } from '@omnigraph/shared/writes';
import type { AddCustomerNoteResult } from './operations/add-customer-note.ts';
import type { PlaceOrderPrepared, PlaceOrderResult } from './operations/place-order.ts';
import type { RegisterReturnPrepared, RegisterReturnResult } from './operations/register-return.ts';
import type { AddCustomerNoteInput, PlaceOrderInput, RegisterReturnInput } from './validation.ts';

/** The subgraphs the orchestrator calls: the four over their systems (never pricing, never itself). */
export type CalledSubgraph = Exclude<ServiceName, 'commands' | 'pricing'>;
export type SubgraphUrls = Record<CalledSubgraph, string>;
export type CommandsSubgraphClient = SubgraphClient<CalledSubgraph>;

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
