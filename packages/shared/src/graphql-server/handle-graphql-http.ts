import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import { sendGraphQLError } from './http-io.ts';

export interface HandleGraphQLHttpOptions<TContext extends BaseContext> {
  /** the body already read from `req` (see `readBody`); the request stream is not read again */
  rawBody: string | Buffer;
  context: () => Promise<TContext>;
}

/** Node's incoming headers as Apollo's HeaderMap (repeated headers joined, as fetch's Headers would). */
export function toHeaderMap(headers: IncomingMessage['headers']): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

/**
 * Apollo Server on plain node:http: the few lines an Express integration would add, without Express. The body is
 * parsed here (Apollo Server expects an object for JSON requests) and a malformed one answers 400 in GraphQL's
 * error format rather than reaching the executor. Streams incremental responses as they come.
 */
export async function handleGraphQLHttp<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  options: HandleGraphQLHttpOptions<TContext>,
): Promise<void> {
  const headers = toHeaderMap(req.headers);
  const raw = typeof options.rawBody === 'string' ? options.rawBody : options.rawBody.toString('utf8');
  let body: unknown = raw;
  if (raw !== '' && (headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(raw);
    } catch {
      sendGraphQLError(res, 400, 'Request body is not valid JSON.', 'BAD_REQUEST');
      return;
    }
  }
  const url = new URL(req.url ?? '/', 'http://graphql.local');
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: options.context,
  });
  await writeGraphQLResponse(res, response);
}

/** Writes Apollo's HTTP response to node's `res`, streaming incremental bodies; `extraHeaders` first, Apollo's win. */
export async function writeGraphQLResponse(
  res: ServerResponse,
  response: HTTPGraphQLResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  for (const [key, value] of Object.entries(extraHeaders)) res.setHeader(key, value);
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
