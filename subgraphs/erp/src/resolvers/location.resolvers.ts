import type { Resolvers } from '../__generated__/resolvers-types.ts';

export const locationResolvers: Resolvers = {
  Query: {
    locations: async (_parent, { kind }, { loaders }) => {
      const locations = await loaders.allLocations();
      return kind ? locations.filter((location) => location.kind === kind) : locations;
    },
  },
  Location: {
    __resolveReference: (reference, { loaders }) => loaders.locationByCode.load(reference.code),
  },
};
