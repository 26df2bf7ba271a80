import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors/index.ts';

/** Bodies above this are refused before parsing (a GraphQL operation is kilobytes, not megabytes). */
export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

/**
 * The request body as the exact bytes received: a signature over the body must be checked against these, not
 * against a string decoded and re-encoded on the way (invalid UTF-8 would not survive the round trip).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`request body larger than ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** A response in GraphQL's error format, for failures answered before Apollo Server sees the request. */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  message: string,
  /** registry codes only: a client must be able to branch on every code it sees */
  code: ErrorCode,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

/** Answers a failed body read: 413 when too large, 400 when the stream broke. */
export function sendBodyReadError(res: ServerResponse, error: unknown): void {
  if (error instanceof BodyTooLargeError) sendGraphQLError(res, 413, 'Request body too large.', 'BODY_TOO_LARGE');
  else sendGraphQLError(res, 400, 'Request body could not be read.', 'BAD_REQUEST');
}
