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

/** The call center's identity (every scope, internal), for benchmarks that send the call-center query to the bare gateway. */
export const BENCH_CALL_CENTER_IDENTITY: RequestIdentity = {
  subject: 'benchcallcenter',
  kind: 'api-key',
  ownerId: 'omnigraph-bench',
  scopes: ['catalog:read', 'stock:read', 'customers:read', 'customers:pii', 'orders:read'],
  profile: 'internal',
};
