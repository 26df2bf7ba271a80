/**
 * WooCommerce API key authentication as WC_REST_Authentication does it on an HTTPS site.
 *
 * - Credentials come from `?consumer_key=&consumer_secret=` when both are present, else from HTTP Basic.
 * - An unknown consumer key is NOT an error by itself: WooCommerce returns "no user" and the request goes on
 *   unauthenticated, so the endpoint's permission check answers (401 `woocommerce_rest_cannot_view`, "Sorry, you
 *   cannot list resources."). Only a known key with the wrong secret is rejected outright (401
 *   `woocommerce_rest_authentication_error`, "Consumer secret is invalid.") with a `WWW-Authenticate: Basic` header.
 *   ("Consumer key is invalid." and "Invalid signature - provided signature does not match." belong to the OAuth 1.0a
 *   flow of plain-HTTP sites, which this simulator does not implement.)
 * - A read-only key is refused on POST/PUT/PATCH/DELETE before routing (`rest_pre_dispatch`), with 401
 *   `woocommerce_rest_authentication_error` "The API key provided does not have write permissions.".
 */
import { timingSafeEqual } from 'node:crypto';
import type { SimRequest } from '@omnigraph/simulator-core';
import { wpError, type WpError } from './wp-errors.ts';
import type { WooCommerceCredentials } from './woocommerce-types.ts';

export type KeyPermissions = 'read' | 'write' | 'read_write';

export interface ApiKey {
  keyId: number;
  /** the WP user the key belongs to (the shop administrator) */
  userId: number;
  consumerKey: string;
  consumerSecret: string;
  permissions: KeyPermissions;
  description: string;
}

export type AuthOutcome = { kind: 'anonymous' } | { kind: 'key'; key: ApiKey } | { kind: 'error'; error: WpError; headers: Record<string, string> };

export const BASIC_REALM_HEADER = {
  'www-authenticate': 'Basic realm="WooCommerce API. Use a consumer key in the username field and a consumer secret in the password field."',
};

export function apiKeysFrom(credentials: WooCommerceCredentials): ApiKey[] {
  return [
    {
      keyId: 1,
      userId: 1,
      consumerKey: credentials.consumerKey,
      consumerSecret: credentials.consumerSecret,
      permissions: 'read_write',
      description: 'Omnigraph gateway (read/write)',
    },
    {
      keyId: 2,
      userId: 1,
      consumerKey: credentials.readOnlyConsumerKey,
      consumerSecret: credentials.readOnlyConsumerSecret,
      permissions: 'read',
      description: 'Omnigraph reporting (read)',
    },
  ];
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  if (!header) return null;
  const m = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function authenticate(req: SimRequest, keys: readonly ApiKey[]): AuthOutcome {
  let consumerKey = '';
  let consumerSecret = '';
  const qKey = req.query.get('consumer_key') ?? '';
  const qSecret = req.query.get('consumer_secret') ?? '';
  if (qKey !== '' && qSecret !== '') {
    consumerKey = qKey;
    consumerSecret = qSecret;
  } else {
    const basic = basicCredentials(req.headers.authorization);
    if (basic && basic.user !== '' && basic.password !== '') {
      consumerKey = basic.user;
      consumerSecret = basic.password;
    }
  }
  if (consumerKey === '' || consumerSecret === '') return { kind: 'anonymous' };
  // WooCommerce stores a hash of the key and looks it up after sanitize_text_field(): surrounding spaces do not count.
  const key = keys.find((k) => k.consumerKey === consumerKey.trim());
  if (!key) return { kind: 'anonymous' };
  if (!safeEqual(key.consumerSecret, consumerSecret)) {
    return {
      kind: 'error',
      error: wpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.'),
      headers: BASIC_REALM_HEADER,
    };
  }
  return { kind: 'key', key };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** WC_REST_Authentication::check_permissions(), run for every request a key authenticated. */
export function keyPermissionError(key: ApiKey, method: string): WpError | null {
  if (WRITE_METHODS.has(method) && key.permissions === 'read') {
    return wpError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have write permissions.');
  }
  if ((method === 'GET' || method === 'HEAD') && key.permissions === 'write') {
    return wpError(401, 'woocommerce_rest_authentication_error', 'The API key provided does not have read permissions.');
  }
  return null;
}
