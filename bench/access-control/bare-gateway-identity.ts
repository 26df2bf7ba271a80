import type { RequestIdentity } from '@omnigraph/shared/identity';

/**
 * What the bare gateway signs for every request: the shape and scopes the edge forwards for the benchmark's partner
 * key, so the subgraphs authorize and answer exactly as they do behind the real gateway.
 */
export const BENCH_PARTNER_IDENTITY: RequestIdentity = {
  subject: 'benchoff',
  kind: 'api-key',
  ownerId: 'omnigraph-bench',
  scopes: ['catalog:read', 'stock:read'],
  profile: 'partner',
};
