import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * A route an upstream system calls (WooCommerce, HubSpot), mounted on a subgraph's server before the gateway
 * signature check: the route proves the caller itself, with the upstream's own signature over the raw body.
 */
export interface WebhookRoute {
  /** exact path, e.g. `/webhooks/woocommerce` (the query string is ignored for matching) */
  path: string;
  /** larger bodies are refused with 413 before the handler runs. @default 1 MB */
  maxBodyBytes?: number;
  handle(request: WebhookRequest): Promise<WebhookResponse>;
}

export interface WebhookRequest {
  method: string;
  /** path and query as received (`req.url`) */
  url: string;
  headers: IncomingHttpHeaders;
  /** the exact bytes received: signatures are computed over these */
  rawBody: Buffer;
}

export interface WebhookResponse {
  status: number;
  /** JSON-encoded when present */
  body?: unknown;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** base64 HMAC-SHA256 of `message` with `secret`: the scheme of WooCommerce and of HubSpot v3 signatures. */
export function hmacSha256Base64(secret: string, message: Buffer | string): string {
  return createHmac('sha256', secret).update(message).digest('base64');
}

/**
 * Compares a received base64 signature with the expected one in constant time (for equal lengths; a length
 * mismatch says nothing about the secret). Missing or empty signatures never match.
 */
export function signatureMatches(received: string | undefined, expected: string): boolean {
  if (received === undefined || received === '') return false;
  const a = Buffer.from(received.trim(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
