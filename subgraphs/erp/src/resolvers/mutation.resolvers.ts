import type { Resolvers } from '../__generated__/resolvers-types.ts';

/**
 * The write steps (ADR 0011), reached only by the commands subgraph (`@inaccessible`, scopes orders:write /
 * returns:write). Each looks its document up by the idempotency tag before writing; see `writes/erp-write-steps.ts`.
 */
export const mutationResolvers: Resolvers = {
  Mutation: {
    erpReservePickup: (_parent, { idempotencyKey, input }, { loaders, writes }) =>
      writes.reservePickup(idempotencyKey, input, (code) => loaders.locationByCode.load(code)),
    erpReceiveReturn: (_parent, { idempotencyKey, input }, { loaders, writes }) =>
      writes.receiveReturn(idempotencyKey, input, (code) => loaders.locationByCode.load(code)),
  },
};
