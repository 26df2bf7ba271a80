export type { HandleGraphQLHttpOptions } from './handle-graphql-http.ts';
export { handleGraphQLHttp, toHeaderMap, writeGraphQLResponse } from './handle-graphql-http.ts';
export { BodyTooLargeError, MAX_BODY_BYTES, readBody, sendBodyReadError, sendGraphQLError, sendJson } from './http-io.ts';
export type { ServedSubgraph, ServeSubgraphOptions } from './serve-subgraph.ts';
export { serveSubgraph } from './serve-subgraph.ts';
