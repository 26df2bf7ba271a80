export type { HandleGraphQLHttpOptions } from './handle-graphql-http.ts';
export { handleGraphQLHttp, toHeaderMap, writeGraphQLResponse } from './handle-graphql-http.ts';
export { BodyTooLargeError, MAX_BODY_BYTES, readBody, sendBodyReadError, sendGraphQLError, sendJson } from './http-io.ts';
export type { ServedSubgraph, ServeSubgraphOptions } from './serve-subgraph.ts';
export { serveSubgraph, subgraphReadinessReport } from './serve-subgraph.ts';
export type { CachedReadinessOptions, Readiness, ReadinessCheck, ReadinessStatus } from './readiness.ts';
export { createCachedReadiness, READINESS_STATUSES, readinessBody } from './readiness.ts';
export type { HttpReadinessProbe } from './http-readiness.ts';
export { createHttpReadinessCheck } from './http-readiness.ts';
