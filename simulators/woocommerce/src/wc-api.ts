/**
 * The request pipeline of a WordPress REST route, in WordPress's order:
 *
 *   1. authentication errors (a known key with a wrong secret)             → 401, before anything else
 *   2. API key permissions (`rest_pre_dispatch`: read-only key writing)    → 401, even on unknown routes
 *   3. route matching                                                      → 404 `rest_no_route`
 *   4. body parsing and argument validation (`has_valid_params`)           → 400, BEFORE the permission check
 *   5. the controller's permission callback (no user)                      → 401 `woocommerce_rest_cannot_*`
 *   6. the controller
 *
 * Step 4 before 5 is why an anonymous `GET /orders?per_page=101` gets a 400, not a 401.
 */
import type { HttpMethod, Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { authenticate, keyPermissionError, type ApiKey } from './wc-auth.ts';
import { errorResponse, invalidJson, JSON_CONTENT_TYPE, noRoute, permissionError, type PermissionKind, type WpError } from './wp-errors.ts';
import { wpJsonEncode } from './wp-json.ts';
import { queryToParams, validateArgs, type ArgSpecs } from './wp-params.ts';

export const API_PREFIX = '/wp-json/wc/v3';

/** A change the request made, for the webhooks subscribed to `resource.event`. */
export interface WebhookEvent {
  resource: 'order' | 'product' | 'customer' | 'coupon';
  event: 'created' | 'updated' | 'deleted' | 'restored';
  id: number;
}

export interface WcContext {
  req: SimRequest;
  /** the site URL this request was made to, without a trailing slash */
  site: string;
  key: ApiKey | null;
  /** validated and coerced arguments, defaults applied */
  args: Record<string, unknown>;
  /** the request body as WordPress parsed it (JSON or form), {} when empty */
  body: Record<string, unknown>;
  events: WebhookEvent[];
}

export interface WcResult {
  status: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
}

export type WcHandler = (ctx: WcContext) => WcResult | WpError;

export interface WcRouteSpec {
  method: HttpMethod;
  /** relative to /wp-json/wc/v3, e.g. `/orders/:id` */
  path: string;
  permission: PermissionKind;
  /** route arguments validated from the query string and the body */
  args?: ArgSpecs;
  /** `:params` the real route only matches as digits (`(?P<id>[\d]+)`) */
  digitParams?: readonly string[];
  handler: WcHandler;
}

/** The same item route on PUT, PATCH and POST (WordPress's EDITABLE methods), in the order the route index lists them. */
export function editableRoutes(spec: Omit<WcRouteSpec, 'method'>): WcRouteSpec[] {
  return (['PUT', 'PATCH', 'POST'] as const).map((method) => ({ method, ...spec }));
}

export interface WcApiDeps {
  apiKeys: () => readonly ApiKey[];
  /** a fixed site URL, or null to answer with the host the request was sent to */
  siteUrl: string | null;
  onEvents: (events: WebhookEvent[], site: string) => void;
}

export function isWpError(value: unknown): value is WpError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && 'data' in value && !('status' in value);
}

export function siteUrlFor(req: SimRequest, configured: string | null): string {
  if (configured) return configured.replace(/\/+$/, '');
  const forwardedProto = req.headers['x-forwarded-proto'];
  const forwardedHost = req.headers['x-forwarded-host'];
  const proto = typeof forwardedProto === 'string' ? forwardedProto.split(',')[0]!.trim() : 'http';
  const host = typeof forwardedHost === 'string' ? forwardedHost : (req.headers.host ?? '127.0.0.1');
  return `${proto}://${host}`;
}

export function jsonResult(status: number, body: unknown, headers?: Record<string, string | string[]>): WcResult {
  return headers ? { status, body, headers } : { status, body };
}

/**
 * `_fields=id,status,billing.email`: WordPress trims each item to the requested (dotted, nested) fields; `id` is
 * always kept by WooCommerce controllers, `_links` only when asked for.
 */
export function filterFields(body: unknown, fields: string): unknown {
  const paths = fields
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .map((f) => f.split('.'));
  if (paths.length === 0) return body;
  paths.push(['id']);
  const pick = (value: unknown, wanted: string[][]): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      const matching = wanted.filter((p) => p[0] === key);
      if (matching.length === 0) continue;
      out[key] = matching.some((p) => p.length === 1)
        ? record[key]
        : pick(
            record[key],
            matching.map((p) => p.slice(1)),
          );
    }
    return out;
  };
  return Array.isArray(body) ? body.map((item) => pick(item, paths)) : pick(body, paths);
}

function toResponse(result: WcResult | WpError, site: string, fields: string | null): SimResponse {
  if (isWpError(result)) return errorResponse(result);
  const body = fields === null ? result.body : filterFields(result.body, fields);
  return {
    status: result.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...result.headers },
    body: wpJsonEncode(body, site),
  };
}

/** PHP's parse_str() for form bodies: `billing[email]=a&line_items[0][sku]=X`. */
export function parsePhpForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const m = /^([^[]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    if (!m) continue;
    const path = [m[1]!, ...[...m[2]!.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]!)];
    let node: Record<string, unknown> = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const key = segment === '' ? String(Object.keys(node).length) : segment;
      if (last) {
        node[key] = value;
      } else {
        const next = node[key];
        if (typeof next !== 'object' || next === null) node[key] = {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return arrayify(root) as Record<string, unknown>;
}

/** Objects keyed 0..n-1 become arrays, as PHP arrays turn into JSON lists. */
function arrayify(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, arrayify(v)] as const);
  if (entries.length > 0 && entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

type BodyOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; error: WpError };

/**
 * WP_REST_Request: a JSON body is parsed only when Content-Type says JSON; a form body is parsed as a form; any
 * other body is ignored, so a client that forgets the JSON content type sends, in effect, nothing.
 */
export function parseBody(req: SimRequest): BodyOutcome {
  if (req.rawBody.length === 0) return { ok: true, body: {} };
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      return { ok: false, error: invalidJson() };
    }
    return { ok: true, body: typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {} };
  }
  if (type.includes('application/x-www-form-urlencoded')) return { ok: true, body: parsePhpForm(req.rawBody.toString('utf8')) };
  return { ok: true, body: {} };
}

/** Steps 1–2, shared by matched routes and the 404 answer. */
export function preDispatch(req: SimRequest, keys: readonly ApiKey[]): { key: ApiKey | null } | { response: SimResponse } {
  const auth = authenticate(req, keys);
  if (auth.kind === 'error') return { response: errorResponse(auth.error, auth.headers) };
  if (auth.kind === 'key') {
    const denied = keyPermissionError(auth.key, req.method);
    if (denied) return { response: errorResponse(denied) };
    return { key: auth.key };
  }
  return { key: null };
}

export function createWcRoutes(specs: readonly WcRouteSpec[], deps: WcApiDeps): Route[] {
  return specs.map((spec) => ({
    method: spec.method,
    path: `${API_PREFIX}${spec.path}`,
    handler: (req: SimRequest): SimResponse => {
      const pre = preDispatch(req, deps.apiKeys());
      if ('response' in pre) return pre.response;
      for (const name of spec.digitParams ?? []) {
        if (!/^\d+$/.test(req.params[name] ?? '')) return errorResponse(noRoute());
      }
      const parsed = parseBody(req);
      if (!parsed.ok) return errorResponse(parsed.error);
      const input: Record<string, unknown> = { ...queryToParams(req.query), ...parsed.body };
      for (const name of spec.digitParams ?? []) input[name] = Number(req.params[name]);
      const validated = validateArgs(input, spec.args ?? {});
      if (!validated.ok) return errorResponse(validated.error);
      if (!pre.key) return errorResponse(permissionError(spec.permission));
      const site = siteUrlFor(req, deps.siteUrl);
      const ctx: WcContext = { req, site, key: pre.key, args: { ...input, ...validated.values }, body: parsed.body, events: [] };
      const result = spec.handler(ctx);
      if (!isWpError(result) && result.status < 400 && ctx.events.length > 0) deps.onEvents(ctx.events, site);
      return toResponse(result, site, ctx.req.query.get('_fields'));
    },
  }));
}

/**
 * `GET /wp-json/wc/v3`: the namespace index WordPress publishes (routes and their methods; argument schemas are
 * left out), answered without authentication like in WordPress.
 */
export function namespaceIndexRoute(specs: readonly WcRouteSpec[], deps: Pick<WcApiDeps, 'apiKeys' | 'siteUrl'>): Route {
  return {
    method: 'GET',
    path: API_PREFIX,
    handler: (req) => {
      const pre = preDispatch(req, deps.apiKeys());
      if ('response' in pre) return pre.response;
      const site = siteUrlFor(req, deps.siteUrl);
      const routes: Record<string, { namespace: string; methods: string[]; endpoints: { methods: string[]; args: Record<string, unknown> }[] }> = {
        '/wc/v3': { namespace: 'wc/v3', methods: ['GET'], endpoints: [{ methods: ['GET'], args: {} }] },
      };
      for (const spec of specs) {
        const route = `/wc/v3${spec.path.replace(/:(\w+)/g, '(?P<$1>[\\d]+)')}`;
        const entry = (routes[route] ??= { namespace: 'wc/v3', methods: [], endpoints: [] });
        entry.methods.push(spec.method);
        entry.endpoints.push({ methods: [spec.method], args: {} });
      }
      return toResponse(jsonResult(200, { namespace: 'wc/v3', routes, _links: { up: [{ href: `${site}/wp-json/` }] } }), site, null);
    },
  };
}

// ---------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------

export interface PageArgs {
  page: number;
  perPage: number;
  offset: number | undefined;
}

export function pageArgs(args: Record<string, unknown>): PageArgs {
  const offset = args['offset'];
  return {
    page: Number(args['page'] ?? 1),
    perPage: Number(args['per_page'] ?? 10),
    offset: typeof offset === 'number' ? Math.abs(offset) : undefined,
  };
}

/** One page of an ordered id list; `offset` wins over `page` for the slice, as in WP_Query. */
export function paginate<T>(items: readonly T[], p: PageArgs): { slice: T[]; total: number; totalPages: number } {
  const start = p.offset ?? (p.page - 1) * p.perPage;
  return { slice: items.slice(start, start + p.perPage), total: items.length, totalPages: Math.ceil(items.length / p.perPage) };
}

/** A collection answer: one page of `items` (already filtered and ordered) with the pagination headers. */
export function pagedResult(ctx: WcContext, items: readonly unknown[]): WcResult {
  const p = pageArgs(ctx.args);
  const page = paginate(items, p);
  return jsonResult(200, page.slice, paginationHeaders(ctx, page.total, page.totalPages, p.page));
}

/** Keeps the characters PHP leaves readable in a query string and encodes the rest. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%40/gi, '@').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** The request's query parameters as `add_query_arg()` rebuilds them, with `page` set. */
function queryWithPage(query: URLSearchParams, page: number): string {
  const params = queryToParams(query);
  params['page'] = String(page);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v, i) => parts.push(`${key}[${i}]=${encodeQueryValue(String(v))}`));
    else parts.push(`${key}=${encodeQueryValue(String(value))}`);
  }
  return parts.join('&');
}

/**
 * `X-WP-Total`, `X-WP-TotalPages` and the `Link` header of a WooCommerce collection: rel="prev" on any page after
 * the first (pointing at most at the last page; "page=0" when there are no results at all, as WooCommerce does) and
 * rel="next" while pages remain. No first/last links: WooCommerce does not send them.
 */
export function paginationHeaders(ctx: WcContext, total: number, totalPages: number, page: number): Record<string, string | string[]> {
  const base = `${ctx.site}${ctx.req.path.replace(/\/+$/, '')}`;
  const links: string[] = [];
  if (page > 1) {
    const prev = Math.min(page - 1, totalPages);
    links.push(`<${base}?${queryWithPage(ctx.req.query, prev)}>; rel="prev"`);
  }
  if (totalPages > page) links.push(`<${base}?${queryWithPage(ctx.req.query, page + 1)}>; rel="next"`);
  const headers: Record<string, string | string[]> = { 'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages) };
  if (links.length > 0) headers['link'] = links;
  return headers;
}

/** Headers WordPress adds to every REST response. */
export function decorateWpResponse(res: SimResponse, site: string): void {
  const headers = { ...res.headers };
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (typeof type !== 'string' || !type.includes('json')) return;
  const link = headers['link'];
  const apiLink = `<${site}/wp-json/>; rel="https://api.w.org/"`;
  headers['link'] = link === undefined ? apiLink : [...(Array.isArray(link) ? link : [String(link)]), apiLink];
  headers['x-robots-tag'] = 'noindex';
  headers['x-content-type-options'] = 'nosniff';
  headers['access-control-expose-headers'] = 'X-WP-Total, X-WP-TotalPages, Link';
  headers['access-control-allow-headers'] = 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type';
  res.headers = headers;
}
