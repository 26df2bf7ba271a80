import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

/** A POST /graphql request as the edge reads it (body stream, headers), for tests that call the edge directly. */
export function graphqlPost(key: string, body: Record<string, unknown>): IncomingMessage {
  const headers = { 'content-type': 'application/json', 'x-api-key': key };
  return Object.assign(Readable.from([Buffer.from(JSON.stringify(body))]), {
    method: 'POST',
    url: '/graphql',
    headers,
    headersDistinct: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
  }) as unknown as IncomingMessage;
}
