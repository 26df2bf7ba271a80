import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import packageJson from '../../package.json' with { type: 'json' };
import { instrumentHttpClient } from '../tracing/http-client-spans.ts';

export interface HttpClientOptions {
  /** Upstream API root, e.g. `https://erp.example.com`. Intentionally no default: it must point somewhere real. */
  baseUrl: string;
  /** Whole-request timeout in milliseconds (connect + response). Intentionally no default: each upstream has its own budget. */
  timeoutMs: number;
  /**
   * Upper bound of concurrent sockets to this upstream (per protocol, per host).
   * @default 50
   */
  maxSockets?: number;
  /**
   * `User-Agent` sent upstream, so upstream operators can find our traffic in their logs.
   * @default `omnigraph/<@omnigraph/shared version>`
   */
  userAgent?: string;
  /** Extra headers on every request, e.g. the upstream credential. */
  headers?: Record<string, string>;
  /**
   * Largest response body accepted, in bytes.
   * @default 20_000_000
   */
  maxContentLengthBytes?: number;
}

/**
 * 50 sockets per upstream: enough for a subgraph's DataLoader batches to run in parallel, and a bulkhead so one slow
 * upstream cannot hold every socket and file descriptor of the process (Node's own default is Infinity, which is
 * how `@apollo/gateway` ends up unbounded). Requests above the bound wait in the agent's queue, inside their timeout.
 */
export const DEFAULT_MAX_SOCKETS = 50;

// A runaway body (an HTML error page of a misrouted proxy, an unpaged export) must not fill the heap.
const DEFAULT_MAX_CONTENT_LENGTH_BYTES = 20_000_000;

export const DEFAULT_USER_AGENT = `omnigraph/${packageJson.version}`;

/**
 * The axios instance every upstream adapter gets. Each default is here on purpose:
 * - keep-alive agents: TLS + TCP setup per request would dominate latency for the small, frequent calls adapters make;
 *   Node 20 agents honour the server's `Keep-Alive: timeout` hint, so idle sockets are not reused after the upstream
 *   dropped them.
 * - no retries: a retried POST that the upstream already committed duplicates an order. Retrying safe reads is a
 *   decision per adapter method, with a deadline, not a transport default.
 * - `maxRedirects: 0`: an API answering with a redirect is misconfigured, and following it would carry our credential
 *   headers to wherever the `Location` points. The 3xx surfaces as UPSTREAM_BAD_RESPONSE.
 * - `proxy: false`: axios would otherwise pick up `HTTP(S)_PROXY` from the environment and route our credentials
 *   through a host nobody configured for this upstream.
 * - default JSON parsing stays lenient: a non-JSON 2xx body arrives as a string and fails the adapter's zod DTO,
 *   which maps to UPSTREAM_BAD_RESPONSE.
 */
export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  const maxSockets = options.maxSockets ?? DEFAULT_MAX_SOCKETS;
  const agentOptions: http.AgentOptions = { keepAlive: true, maxSockets };
  const client = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    httpAgent: new http.Agent(agentOptions),
    httpsAgent: new https.Agent(agentOptions),
    headers: { ...options.headers, 'User-Agent': options.userAgent ?? DEFAULT_USER_AGENT, Accept: 'application/json' },
    responseType: 'json',
    maxRedirects: 0,
    proxy: false,
    maxContentLength: options.maxContentLengthBytes ?? DEFAULT_MAX_CONTENT_LENGTH_BYTES,
    // `transitional` replaces axios' defaults wholesale, so spread them: dropping silentJSONParsing would make
    // parsing strict. clarifyTimeoutError gives timeouts the unambiguous code ETIMEDOUT instead of ECONNABORTED.
    transitional: { ...axios.defaults.transitional, clarifyTimeoutError: true },
  });
  // a CLIENT span and a `traceparent` per request when tracing is on; plain pass-through otherwise
  instrumentHttpClient(client);
  return client;
}
