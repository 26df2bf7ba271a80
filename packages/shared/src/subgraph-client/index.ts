export type { SubgraphClient, SubgraphClientOptions } from './subgraph-client.ts';
export { createSubgraphClient, unavailable } from './subgraph-client.ts';
