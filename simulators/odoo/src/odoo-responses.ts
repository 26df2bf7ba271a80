import type { SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { httpError, JSON2_FRAMES, nginxHtml, OdooError, RPC_FRAMES, serverFailure, werkzeugHtml, WERKZEUG } from './odoo-errors.ts';
import { pyJson } from './py-format.ts';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

export const VERSION_INFO = [19, 0, 0, 'final', 0, ''] as const;
export const SERVER_VERSION = '19.0';

/** `make_json_response`: Python's json.dumps, with the float formatting of {@link pyJson} */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body: pyJson(body) };
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': HTML_CONTENT_TYPE, ...headers }, body: html };
}

export function jsonRpcResult(id: unknown, result: unknown): SimResponse {
  return jsonResponse(200, { jsonrpc: '2.0', id: id ?? null, result });
}

/**
 * A JSON-RPC error: always HTTP 200. Odoo ≥ 18.1 sends `code: 0` (it used the misleading 200 until odoo/odoo#183902)
 * and `code: 404` / "404: Not Found" for werkzeug NotFound.
 */
export function jsonRpcError(id: unknown, error: OdooError): SimResponse {
  const notFound = error.pyName === 'werkzeug.exceptions.NotFound';
  return jsonResponse(200, {
    jsonrpc: '2.0',
    id: id ?? null,
    error: {
      code: notFound ? 404 : 0,
      message: notFound ? '404: Not Found' : 'Odoo Server Error',
      data: error.serialize(RPC_FRAMES),
    },
  });
}

/** A JSON-2 error: the exception's HTTP status and `serialize_exception` as the body. */
export function json2Error(error: OdooError): SimResponse {
  return jsonResponse(error.status, error.serialize(JSON2_FRAMES), error.headers);
}

export function isJsonMimetype(req: SimRequest): boolean {
  const ct = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return ct === 'application/json' || ct === 'application/json-rpc';
}

/** Odoo's answer when the request's mimetype does not fit the route type (a plain werkzeug BadRequest page). */
export function wrongMimetype(routingType: string): SimResponse {
  return htmlResponse(400, werkzeugHtml(400, `Request inferred type is compatible with ['http'] but '${routingType}' was expected`));
}

/**
 * How an injected HTTP failure looks on each wire format:
 * - 502/503/504 come from the nginx reverse proxy in front of Odoo (HTML page), whatever the path;
 * - JSON-2 answers other statuses as its dispatcher does (JSON `serialize_exception`, a psycopg2 error for 500);
 * - JSON-RPC never answers an application error with a 5xx: a 500 becomes the HTTP 200 envelope of a server error;
 *   400 is the raw "Invalid JSON data" text Odoo aborts with; other statuses are werkzeug pages;
 * - plain HTTP routes (/web/version) get werkzeug's HTML error pages.
 */
export function injectedError(status: number, req: SimRequest): SimResponse {
  if (status === 502 || status === 503 || status === 504) {
    return { status, headers: { 'content-type': 'text/html', server: 'nginx' }, body: nginxHtml(status) };
  }
  if (req.path.startsWith('/json/2')) {
    if (status === 500) return json2Error(serverFailure());
    return json2Error(httpError(status, WERKZEUG[status]?.description ?? 'Error'));
  }
  if (req.path === '/jsonrpc' || req.path.startsWith('/web/webclient')) {
    if (status === 500) return jsonRpcError(safeId(req), serverFailure());
    if (status === 400) return htmlResponse(400, 'Invalid JSON data');
  }
  return htmlResponse(status, werkzeugHtml(status));
}

function safeId(req: SimRequest): unknown {
  try {
    const body = req.json() as { id?: unknown } | undefined;
    return body && typeof body === 'object' ? (body.id ?? null) : null;
  } catch {
    return null;
  }
}

/** The page nginx's limit_req answers with (configured to 429 with a Retry-After): Odoo itself has no rate limit. */
export function rateLimited(retryAfterSeconds: number): SimResponse {
  return {
    status: 429,
    headers: { 'content-type': 'text/html', server: 'nginx', 'retry-after': String(retryAfterSeconds) },
    body: nginxHtml(429),
  };
}

/** An unknown path: a JSON request gets the JSON-RPC NotFound envelope (HTTP 200), anything else werkzeug's 404 page. */
export function notFound(req: SimRequest): SimResponse {
  if (isJsonMimetype(req)) {
    const e = new OdooError('werkzeug.exceptions.NotFound', WERKZEUG[404]!.description, [], 404, `404 Not Found: ${WERKZEUG[404]!.description}`);
    return jsonRpcError(safeId(req), e);
  }
  return htmlResponse(404, werkzeugHtml(404));
}

/** Odoo without a usable database for the request (unknown X-Odoo-Database): the no-db 404 page. */
export const NOT_FOUND_NODB = `<!DOCTYPE html>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>
<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>

<!-- Alternatively, use the X-Odoo-Database header. -->
`;
