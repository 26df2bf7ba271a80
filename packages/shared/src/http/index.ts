export type { HttpClientOptions } from './create-http-client.ts';
export { createHttpClient, DEFAULT_MAX_SOCKETS, DEFAULT_USER_AGENT } from './create-http-client.ts';
