import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { isStoreCode } from '@omnigraph/shared/arguments';

export const locationResolvers: Resolvers = {
  Query: {
    locations: async (_parent, { kind }, { loaders }) => {
      const locations = await loaders.allLocations();
      return kind ? locations.filter((location) => location.kind === kind) : locations;
    },
  },
  Location: {
    // a code no Odoo warehouse can have: no location, and no call
    __resolveReference: (reference, { loaders }) => (isStoreCode(reference.code) ? loaders.locationByCode.load(reference.code) : null),
  },
};
