import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../http/create-http-client.ts';
import { findFreePort, startTestHttpServer } from '../testing/start-test-http-server.ts';
import type { TestHttpServer } from '../testing/start-test-http-server.ts';
import { ERROR_CODE_LIST, ERROR_CODES } from './error-codes.ts';
import type { ErrorCodeDefinition, ExecutionErrorCode } from './error-codes.ts';
import { mapAxiosErrorToUpstreamError, parseRetryAfterSeconds } from './map-axios-error.ts';
import { UpstreamError } from './upstream-error.ts';

// What a careless upstream puts in error bodies; none of it may reach a client-facing field.
const SECRET_BODY = JSON.stringify({ error: 'db-primary.internal:5432 refused', customerEmail: 'jan@example.com' });

function upstream(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, route, arg] = url.pathname.split('/');
  switch (route) {
    case 'status': {
      const retryAfter = url.searchParams.get('retryAfter');
      res.writeHead(Number(arg), { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': retryAfter } : {}) });
      res.end(SECRET_BODY);
      return;
    }
    case 'hang':
      return; // never answers
    case 'reset':
      req.socket.destroy();
      return;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Maintenance</html>');
      return;
    case 'redirect':
      res.writeHead(302, { location: 'http://elsewhere.invalid/steal' });
      res.end();
      return;
    default:
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"products":[]}');
  }
}

let server: TestHttpServer;
beforeAll(async () => {
  server = await startTestHttpServer(upstream);
});
afterAll(() => server.close());

const context = { serviceName: 'erp', operation: 'getProductsBySkus' } as const;
const ProductListDto = z.object({ products: z.array(z.object({ sku: z.string() })) });

/** Calls the test upstream the way an adapter does, and returns what its catch block would throw. */
async function callUpstream(path: string, options: { baseUrl?: string; timeoutMs?: number } = {}): Promise<UpstreamError> {
  const http = createHttpClient({
    baseUrl: options.baseUrl ?? server.url,
    timeoutMs: options.timeoutMs ?? 2_000,
    headers: { Authorization: 'Bearer gateway-secret-token' },
  });
  try {
    const res = await http.get(path);
    ProductListDto.parse(res.data);
  } catch (error) {
    return mapAxiosErrorToUpstreamError(error, context);
  }
  throw new Error(`expected ${path} to fail`);
}

function expectHygienic(error: UpstreamError): void {
  const clientVisible = JSON.stringify({ message: error.message, extensions: error.extensions, json: error.toJSON() });
  for (const leak of ['127.0.0.1', String(server.port), 'db-primary', 'jan@example.com', 'gateway-secret-token', '.invalid']) {
    expect(clientVisible).not.toContain(leak);
  }
}

interface Scenario {
  it: string;
  run: () => Promise<void>;
}

// One scenario per registry code (the `satisfies` makes a new code a compile error here until it has a test).
// Codes the mapper must never produce are tested by the upstream answer that would naively produce them.
const scenarios = {
  BAD_USER_INPUT: {
    it: 'is never produced: upstream 400 means we sent a bad request → UPSTREAM_REJECTED',
    run: async () => {
      const error = await callUpstream('/status/400');
      expect(error.extensions).toEqual({ code: 'UPSTREAM_REJECTED', serviceName: 'erp', upstream: { operation: 'getProductsBySkus', status: 400 } });
    },
  },
  UNAUTHENTICATED: {
    it: "is never produced: upstream 401 judges the gateway's credentials → UPSTREAM_REJECTED",
    run: async () => {
      const error = await callUpstream('/status/401');
      expect(error.extensions.code).toBe('UPSTREAM_REJECTED');
      expect(error.extensions.upstream.status).toBe(401);
    },
  },
  FORBIDDEN: {
    it: "is never produced: upstream 403 judges the gateway's credentials → UPSTREAM_REJECTED",
    run: async () => {
      const error = await callUpstream('/status/403');
      expect(error.extensions.code).toBe('UPSTREAM_REJECTED');
      expect(error.extensions.upstream.status).toBe(403);
    },
  },
  NOT_FOUND: {
    it: 'maps upstream 404 to NOT_FOUND',
    run: async () => {
      const error = await callUpstream('/status/404');
      expect(error.extensions).toEqual({ code: 'NOT_FOUND', serviceName: 'erp', upstream: { operation: 'getProductsBySkus', status: 404 } });
    },
  },
  UPSTREAM_TIMEOUT: {
    it: 'maps an axios timeout, and a timed AbortSignal that fired, against an upstream that never answers to UPSTREAM_TIMEOUT',
    run: async () => {
      const error = await callUpstream('/hang', { timeoutMs: 100 });
      expect(error.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', serviceName: 'erp', upstream: { operation: 'getProductsBySkus' } });
      // axios reports the fired signal as ERR_CANCELED; it must not become INTERNAL_SERVER_ERROR
      const http = createHttpClient({ baseUrl: server.url, timeoutMs: 2_000 });
      const aborted = await http.get('/hang', { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
      expect(mapAxiosErrorToUpstreamError(aborted, context).extensions.code).toBe('UPSTREAM_TIMEOUT');
    },
  },
  UPSTREAM_UNAVAILABLE: {
    it: 'maps 5xx, reset sockets, refused connections and DNS failures to UPSTREAM_UNAVAILABLE',
    run: async () => {
      const deadPort = await findFreePort();
      const errors = await Promise.all([
        callUpstream('/status/500'),
        callUpstream('/status/503'),
        callUpstream('/reset'),
        callUpstream('/', { baseUrl: `http://127.0.0.1:${deadPort}` }),
        callUpstream('/', { baseUrl: 'http://omnigraph-erp.invalid' }),
      ]);
      expect(errors.map((e) => e.extensions.code)).toEqual(Array(5).fill('UPSTREAM_UNAVAILABLE'));
      expect(errors.map((e) => e.extensions.upstream.status)).toEqual([500, 503, undefined, undefined, undefined]);
      const causeCodes = errors.slice(2).map((e) => (e.cause as { code?: string }).code);
      expect(causeCodes[0]).toBe('ECONNRESET');
      expect(causeCodes[1]).toBe('ECONNREFUSED');
      expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(causeCodes[2]);
    },
  },
  UPSTREAM_RATE_LIMITED: {
    it: 'maps 429 to UPSTREAM_RATE_LIMITED with retryAfterSeconds from seconds or an HTTP date',
    run: async () => {
      const inSeconds = await callUpstream('/status/429?retryAfter=7');
      expect(inSeconds.extensions).toEqual({
        code: 'UPSTREAM_RATE_LIMITED',
        serviceName: 'erp',
        upstream: { operation: 'getProductsBySkus', status: 429 },
        retryAfterSeconds: 7,
      });
      const date = new Date(Date.now() + 30_000).toUTCString();
      const asDate = await callUpstream(`/status/429?retryAfter=${encodeURIComponent(date)}`);
      expect(asDate.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(28);
      expect(asDate.extensions.retryAfterSeconds).toBeLessThanOrEqual(31);
      const without = await callUpstream('/status/429');
      expect(without.extensions).not.toHaveProperty('retryAfterSeconds');
    },
  },
  UPSTREAM_BAD_RESPONSE: {
    it: 'maps a 2xx body failing its DTO, a non-JSON body, a redirect and a JSON SyntaxError to UPSTREAM_BAD_RESPONSE',
    run: async () => {
      const html = await callUpstream('/html');
      expect(html.extensions).toEqual({ code: 'UPSTREAM_BAD_RESPONSE', serviceName: 'erp', upstream: { operation: 'getProductsBySkus' } });
      expect(html.cause).toBeInstanceOf(z.ZodError);
      const redirect = await callUpstream('/redirect');
      expect(redirect.extensions.code).toBe('UPSTREAM_BAD_RESPONSE');
      expect(redirect.extensions.upstream.status).toBe(302);
      let syntaxError: unknown;
      try {
        JSON.parse('<html>');
      } catch (error) {
        syntaxError = error;
      }
      expect(mapAxiosErrorToUpstreamError(syntaxError, context).extensions.code).toBe('UPSTREAM_BAD_RESPONSE');
    },
  },
  UPSTREAM_REJECTED: {
    it: 'maps other upstream 4xx (409, 422) to UPSTREAM_REJECTED',
    run: async () => {
      const errors = await Promise.all([callUpstream('/status/409'), callUpstream('/status/422')]);
      expect(errors.map((e) => [e.extensions.code, e.extensions.upstream.status])).toEqual([
        ['UPSTREAM_REJECTED', 409],
        ['UPSTREAM_REJECTED', 422],
      ]);
    },
  },
  UPSTREAM_CIRCUIT_OPEN: {
    it: 'is never read from an HTTP answer (the upstream-call policies raise it without calling) and keeps a fixed message',
    run: async () => {
      const answers = await Promise.all([callUpstream('/status/503'), callUpstream('/status/500')]);
      expect(answers.map((e) => e.extensions.code)).not.toContain('UPSTREAM_CIRCUIT_OPEN');
      const skipped = new UpstreamError({
        code: 'UPSTREAM_CIRCUIT_OPEN',
        serviceName: 'crm',
        operation: 'findContactsByPhone',
        retryAfterSeconds: 5,
      });
      expect(skipped.message).toBe('The crm service is failing; it was not asked this time.');
      expect(mapAxiosErrorToUpstreamError(skipped, context)).toBe(skipped);
    },
  },
  UPSTREAM_BUDGET_EXHAUSTED: {
    it: 'is never read from an HTTP answer (the budget governor raises it before calling); a 429 stays UPSTREAM_RATE_LIMITED',
    run: async () => {
      expect((await callUpstream('/status/429')).extensions.code).toBe('UPSTREAM_RATE_LIMITED');
      const refused = new UpstreamError({
        code: 'UPSTREAM_BUDGET_EXHAUSTED',
        serviceName: 'crm',
        operation: 'findContactsByPhone',
        retryAfterSeconds: 1,
      });
      expect(refused.extensions).toEqual({
        code: 'UPSTREAM_BUDGET_EXHAUSTED',
        serviceName: 'crm',
        upstream: { operation: 'findContactsByPhone' },
        retryAfterSeconds: 1,
      });
    },
  },
  IDEMPOTENCY_KEY_REUSED: raisedByWritesOnly(),
  IDEMPOTENCY_KEY_IN_PROGRESS: raisedByWritesOnly(),
  WRITES_UNAVAILABLE: raisedByWritesOnly(),
  UNKNOWN_PRODUCT: raisedByWritesOnly(),
  INSUFFICIENT_STOCK: raisedByWritesOnly(),
  RETURN_NOT_ELIGIBLE: raisedByWritesOnly(),
  RETURN_QUANTITY_EXCEEDED: raisedByWritesOnly(),
  ORDER_OF_ANOTHER_CUSTOMER: raisedByWritesOnly(),
  INTERNAL_SERVER_ERROR: {
    it: 'maps a bug in our code and an axios misuse to INTERNAL_SERVER_ERROR',
    run: async () => {
      const bug = mapAxiosErrorToUpstreamError(new TypeError("Cannot read properties of undefined (reading 'sku')"), context);
      expect(bug.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(bug.message).toBe('Unexpected error.');
      const misuse = await callUpstream('/', { baseUrl: 'http://[not-a-url' });
      expect(misuse.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    },
  },
} satisfies Record<ExecutionErrorCode, Scenario>;

/**
 * The write codes (ADR 0011) are the commands subgraph's own decisions, never read from an upstream answer: an
 * upstream's 409 or 422 (a WooCommerce or Allegro refusal) stays UPSTREAM_REJECTED.
 */
function raisedByWritesOnly(): Scenario {
  return {
    it: 'is never read from an HTTP answer (the commands subgraph decides it); an upstream 409 / 422 stays UPSTREAM_REJECTED',
    run: async () => {
      const answers = await Promise.all([callUpstream('/status/409'), callUpstream('/status/422'), callUpstream('/status/503')]);
      expect(answers.map((e) => e.extensions.code)).toEqual(['UPSTREAM_REJECTED', 'UPSTREAM_REJECTED', 'UPSTREAM_UNAVAILABLE']);
    },
  };
}

describe('mapAxiosErrorToUpstreamError', () => {
  for (const code of ERROR_CODE_LIST.filter((c): c is ExecutionErrorCode => !(ERROR_CODES[c] as ErrorCodeDefinition).edgeOnly)) {
    const scenario = scenarios[code];
    it(`${code}: ${scenario.it}`, scenario.run);
  }

  it('never puts upstream bodies, URLs, hosts or headers in the message or extensions, and keeps the cause', async () => {
    const deadPort = await findFreePort();
    const errors = await Promise.all([
      callUpstream('/status/500'),
      callUpstream('/status/401'),
      callUpstream('/status/429?retryAfter=1'),
      callUpstream('/hang', { timeoutMs: 50 }),
      callUpstream('/', { baseUrl: `http://127.0.0.1:${deadPort}` }),
      callUpstream('/redirect'),
    ]);
    for (const error of errors) {
      expectHygienic(error);
      expect(error.cause).toBeInstanceOf(Error);
      expect(Object.keys(error)).not.toContain('cause');
    }
  });

  it('passes an UpstreamError through unchanged', () => {
    const inner = new UpstreamError({ code: 'NOT_FOUND', serviceName: 'crm', operation: 'getContactById', status: 404 });
    expect(mapAxiosErrorToUpstreamError(inner, context)).toBe(inner);
  });
});

describe('parseRetryAfterSeconds', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    expect(parseRetryAfterSeconds('120', now)).toBe(120);
    expect(parseRetryAfterSeconds('Sun, 01 Jun 2025 12:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfterSeconds('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterSeconds('soon', now)).toBeUndefined();
    expect(parseRetryAfterSeconds('-5', now)).toBeUndefined();
    expect(parseRetryAfterSeconds(undefined, now)).toBeUndefined();
  });
});
