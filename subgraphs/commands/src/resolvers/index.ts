/**
 * The three writes and `writeOperation`: check the input, hand the write to the runner (which claims the key,
 * prepares, runs the steps or replays what is recorded), and map the record to the payload.
 */
import { validateIdempotencyKey, writeErrorToGraphQLError, type WriteRecord } from '@omnigraph/shared/writes';
import type { Resolvers, WriteOperation as WriteOperationGql } from '../__generated__/resolvers-types.ts';
import type { CommandsContext } from '../context.ts';
import type { AddCustomerNoteResult } from '../operations/add-customer-note.ts';
import type { PlaceOrderResult } from '../operations/place-order.ts';
import type { RegisterReturnResult } from '../operations/register-return.ts';
import { validateAddCustomerNoteInput, validatePlaceOrderInput, validateRegisterReturnInput } from '../validation.ts';

/** The record as the API shows it: no input, no identity, no step outputs (those may hold personal data). */
export function operationOf(record: WriteRecord): WriteOperationGql {
  return {
    idempotencyKey: record.idempotencyKey,
    operation: record.operation,
    state: record.state,
    steps: record.steps.map((step) => ({ step: step.name, state: step.state, upstreamId: step.upstreamId ?? null })),
    errorCode: record.error?.code ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** A FAILED write answers its error again, as first answered (a retry learns what the first request learnt). */
function throwIfFailed(record: WriteRecord): void {
  if (record.state !== 'FAILED') return;
  throw writeErrorToGraphQLError(record.error ?? { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' });
}

/** The result once the write SUCCEEDED; undefined while it is PENDING (its references are not final yet). */
function resultOf<T>(record: WriteRecord): T | undefined {
  return record.state === 'SUCCEEDED' ? (record.result as T | undefined) : undefined;
}

async function execute<I>(
  context: CommandsContext,
  operation: CommandsContext['operations'][keyof CommandsContext['operations']],
  idempotencyKey: string,
  input: I,
): Promise<WriteRecord> {
  // the runner checks the key (BAD_USER_INPUT `idempotencyKey`) before claiming it
  const record = await context.runner.execute(operation as never, {
    scope: context.identity.subject,
    idempotencyKey,
    input,
    identity: context.identity,
  });
  throwIfFailed(record);
  return record;
}

export const resolvers: Resolvers<CommandsContext> = {
  Query: {
    async writeOperation(_parent, { idempotencyKey }, context) {
      validateIdempotencyKey(idempotencyKey);
      const record = await context.runner.get(context.identity.subject, idempotencyKey);
      return record === undefined ? null : operationOf(record);
    },
  },
  Mutation: {
    async placeOrder(_parent, { idempotencyKey, input }, context) {
      // validated before the key is claimed: a malformed request spends no key and sends nothing
      const valid = validatePlaceOrderInput(input);
      const record = await execute(context, context.operations.placeOrder, idempotencyKey, valid);
      const result = resultOf<PlaceOrderResult>(record);
      return {
        operation: operationOf(record),
        order: result ? { id: result.orderId } : null,
        erpReservation: result?.erpReservation ?? null,
      };
    },
    async registerReturn(_parent, { idempotencyKey, input }, context) {
      const valid = validateRegisterReturnInput(input);
      const record = await execute(context, context.operations.registerReturn, idempotencyKey, valid);
      const result = resultOf<RegisterReturnResult>(record);
      return {
        operation: operationOf(record),
        eshopOrder: result?.channel === 'eshop' ? { id: result.orderId } : null,
        marketplaceOrder: result?.channel === 'marketplace' ? { id: result.orderId } : null,
        refund: result ? result.refund : null,
        stockReceipt: result?.stockReceipt ?? null,
      };
    },
    async addCustomerNote(_parent, { idempotencyKey, input }, context) {
      const valid = validateAddCustomerNoteInput(input);
      const record = await execute(context, context.operations.addCustomerNote, idempotencyKey, valid);
      const result = resultOf<AddCustomerNoteResult>(record);
      return {
        operation: operationOf(record),
        note: result ? { id: result.noteId } : null,
        customer: result ? { id: result.customerId } : null,
      };
    },
  },
};
