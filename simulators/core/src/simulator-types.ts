import type { IncomingHttpHeaders } from 'node:http';

export type SimulatorName = 'odoo' | 'woocommerce' | 'hubspot' | 'allegro';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SimRequest {
  method: string;
  /** URL pathname, not decoded (route params are decoded) */
  path: string;
  url: URL;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** decoded `:name` segments of the matched route */
  params: Record<string, string>;
  rawBody: Buffer;
  /**
   * The body parsed as JSON; `undefined` for an empty body.
   * Throws {@link InvalidJsonError} on a malformed body so each simulator can answer in its own error format.
   */
  json(): unknown;
  /**
   * Counts this request under one more counter key, for APIs where the path alone does not say what was called
   * (Odoo's single `/jsonrpc` endpoint: `stock.quant.search_read`).
   */
  count(key: string): void;
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string | number | readonly string[]>;
  /**
   * A string or Buffer is sent as is; anything else is JSON-encoded.
   * `undefined` sends no body (e.g. 204).
   */
  body?: unknown;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: HttpMethod;
  /** `/wp-json/wc/v3/orders/:id`; a trailing `*` matches the rest (`/json/2/:model/:method`) */
  path: string;
  /** counter key; defaults to `METHOD path` */
  name?: string;
  handler: Handler;
}

/** What a rate-limit budget looks like at the moment of a request. */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  windowMs: number;
  /** epoch ms when the current window (or block) ends */
  resetAtMs: number;
  /** whole seconds until a retry can succeed (≥ 1 when limited) */
  retryAfterSeconds: number;
  /** the budget key, e.g. the token or client id */
  key: string;
}

export type FaultKind =
  /** answer with `status` (5xx by default) in the upstream's error format */
  | 'status'
  /** answer 429 with the upstream's real rate-limit signals */
  | 'rate_limit'
  /** accept the request and never answer, so the client's timeout fires */
  | 'hang'
  /** destroy the socket without an answer (ECONNRESET on the client) */
  | 'reset'
  /**
   * run the request (a write commits) and then destroy the socket instead of answering: the client sees ECONNRESET
   * and cannot tell whether anything happened (the unknown outcome of ADR 0011)
   */
  | 'commit_then_reset'
  /** answer 200 with a body that is not what the API promises (truncated JSON) */
  | 'garbage';

export interface FaultRule {
  kind: FaultKind;
  /** HTTP status for kind `status`. @default 503 */
  status?: number;
  /** share of matching requests to fault, 0..1 (seeded, so a run is repeatable) */
  ratio?: number;
  /** fault exactly the next N matching requests, then stop */
  count?: number;
  /** only requests whose counter key (route name) equals this, or whose path starts with it */
  match?: string;
  /** for kind `rate_limit`: the wait the 429 asks for (`Retry-After` where the product sends one). @default 1 */
  retryAfterSeconds?: number;
}

export interface LatencyConfig {
  /** added to every API request. @default 0 */
  fixedMs: number;
  /** plus a uniform random 0..jitterMs. @default 0 */
  jitterMs: number;
}

export interface RateLimitConfig {
  /** requests admitted per window and key */
  limit: number;
  windowMs: number;
  /** once exceeded, refuse the key until this much time has passed (Allegro blocks a client for a minute) */
  blockMs?: number;
}

export interface KnobsState {
  latency: LatencyConfig;
  rateLimit: RateLimitConfig | null;
  faults: FaultRule[];
}

export interface CounterSnapshot {
  total: number;
  /** per counter key */
  endpoints: Record<string, number>;
}

/** How a simulator speaks its upstream's dialect for the failures the core produces. */
export interface SimulatorHooks {
  errorResponse(status: number, req: SimRequest): SimResponse;
  rateLimitResponse(info: RateLimitInfo, req: SimRequest): SimResponse;
  notFoundResponse(req: SimRequest): SimResponse;
  /** the budget key for rate limiting; defaults to one global budget */
  rateLimitKey?(req: SimRequest): string;
  /** adds headers an API sends on every response, e.g. HubSpot's X-HubSpot-RateLimit-* */
  decorate?(res: SimResponse, info: RateLimitInfo | null, req: SimRequest): void;
}

/** The simulator's data, resettable to the seed and extensible with records in the upstream's own format. */
export interface SimulatorStore {
  reset(): void;
  /**
   * Adds records given in the upstream's wire format, e.g. `{ "orders": [ <WooCommerce order JSON> ] }`.
   * Returns how many records of each kind were loaded; throws {@link RecordsError} for an unusable payload.
   */
  loadRecords(payload: unknown): Record<string, number>;
  /** counts, credentials and demo data for `GET /__simulator` */
  describe(): Record<string, unknown>;
}

export class InvalidJsonError extends Error {
  constructor(cause: unknown) {
    super('Request body is not valid JSON', { cause });
    this.name = 'InvalidJsonError';
  }
}

export class RecordsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordsError';
  }
}
