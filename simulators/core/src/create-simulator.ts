import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createLogger, type Logger } from '@omnigraph/shared/logging';
import { cloneKnobs, createCounters, createFaultInjector, createRateLimiter, latencyFor, validateFaultRule } from './knobs.ts';
import { createRouter, type RouteMatch } from './router.ts';
import {
  InvalidJsonError,
  type CounterSnapshot,
  type FaultRule,
  type KnobsState,
  type LatencyConfig,
  type RateLimitConfig,
  type Route,
  type SimRequest,
  type SimResponse,
  type SimulatorHooks,
  type SimulatorName,
  type SimulatorStore,
} from './simulator-types.ts';

/**
 * Every simulator's control surface lives under this prefix. None of the four real APIs has a path starting with a
 * double underscore, so it can never shadow or be mistaken for an upstream endpoint.
 */
export const ADMIN_PREFIX = '/__simulator';

/** Request bodies above this are refused with 413 before parsing; real upstreams cap bodies too. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface CreateSimulatorOptions {
  name: SimulatorName;
  routes: readonly Route[];
  hooks: SimulatorHooks;
  store: SimulatorStore;
  /** knobs at start and after a reset */
  knobs?: Partial<KnobsState>;
  /** seeds the fault ratio PRNG. @default 1 */
  faultSeed?: number;
  /** simulator-specific admin routes; their paths must start with {@link ADMIN_PREFIX} (e.g. `/__simulator/webhooks`) */
  adminRoutes?: readonly Route[];
  /** @default a JSON logger named `<name>-simulator`, as every Omnigraph process logs */
  logger?: Logger;
}

export interface SimulatorControl {
  counters(): CounterSnapshot;
  /** arrival times (epoch ms) of the requests counted under `key` since the last reset (see Counters.arrivals) */
  arrivals(key: string): number[];
  resetCounters(): void;
  setLatency(latency: Partial<LatencyConfig>): void;
  setRateLimit(rateLimit: RateLimitConfig | null): void;
  addFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  knobs(): KnobsState;
  /** data back to the seed, counters to zero, knobs back to their start values */
  reset(): void;
}

export interface Simulator {
  name: SimulatorName;
  server: Server;
  control: SimulatorControl;
  store: SimulatorStore;
  /** resolves to the base URL, e.g. `http://127.0.0.1:41234` */
  listen(port?: number, host?: string): Promise<string>;
  /** the base URL once listening */
  url(): string;
  close(): Promise<void>;
}

const defaultKnobs: KnobsState = { latency: { fixedMs: 0, jitterMs: 0 }, rateLimit: null, faults: [] };

export function createSimulator(options: CreateSimulatorOptions): Simulator {
  const { name, hooks, store } = options;
  const logger = options.logger ?? createLogger({ name: `${name}-simulator` });
  const initialKnobs: KnobsState = cloneKnobs({ ...defaultKnobs, ...options.knobs });
  const router = createRouter(options.routes);
  const adminRouter = createRouter([...createAdminRoutes(), ...(options.adminRoutes ?? [])]);
  const counters = createCounters();
  const faults = createFaultInjector(options.faultSeed ?? 1);
  const rateLimiter = createRateLimiter(initialKnobs.rateLimit);
  let latency: LatencyConfig = { ...initialKnobs.latency };
  faults.add(initialKnobs.faults);

  const control: SimulatorControl = {
    counters: () => counters.snapshot(),
    arrivals: (key) => counters.arrivals(key),
    resetCounters: () => counters.reset(),
    setLatency(next) {
      latency = { ...latency, ...next };
    },
    setRateLimit: (next) => rateLimiter.configure(next),
    addFaults: (rules) => faults.add(rules.map(validateFaultRule)),
    clearFaults: () => faults.clear(),
    knobs: () => ({ latency: { ...latency }, rateLimit: rateLimiter.config(), faults: faults.list() }),
    reset() {
      store.reset();
      counters.reset();
      faults.clear();
      faults.add(initialKnobs.faults);
      latency = { ...initialKnobs.latency };
      rateLimiter.configure(initialKnobs.rateLimit);
    },
  };

  function createAdminRoutes(): Route[] {
    return [
      {
        method: 'GET',
        path: ADMIN_PREFIX,
        handler: () => ({
          status: 200,
          body: { simulator: name, ...store.describe(), knobs: control.knobs(), admin: adminIndex },
        }),
      },
      { method: 'GET', path: `${ADMIN_PREFIX}/health`, handler: () => ({ status: 200, body: { status: 'ok' } }) },
      { method: 'GET', path: `${ADMIN_PREFIX}/counters`, handler: () => ({ status: 200, body: control.counters() }) },
      {
        method: 'DELETE',
        path: `${ADMIN_PREFIX}/counters`,
        handler: () => {
          control.resetCounters();
          return { status: 204 };
        },
      },
      { method: 'GET', path: `${ADMIN_PREFIX}/config`, handler: () => ({ status: 200, body: control.knobs() }) },
      {
        method: 'PATCH',
        path: `${ADMIN_PREFIX}/config`,
        handler: (req) => {
          const body = req.json();
          if (typeof body !== 'object' || body === null) return adminError(400, 'body must be a JSON object');
          const b = body as Record<string, unknown>;
          if (b['latency'] !== undefined) {
            const l = b['latency'] as Record<string, unknown>;
            for (const k of ['fixedMs', 'jitterMs']) {
              if (l[k] !== undefined && (typeof l[k] !== 'number' || (l[k] as number) < 0)) {
                return adminError(400, `latency.${k} must be a non-negative number`);
              }
            }
            control.setLatency(l as Partial<LatencyConfig>);
          }
          if (b['rateLimit'] !== undefined) {
            const r = b['rateLimit'] as RateLimitConfig | null;
            if (r !== null && (!(r.limit >= 1) || !(r.windowMs >= 1))) {
              return adminError(400, 'rateLimit needs limit ≥ 1 and windowMs ≥ 1, or null to switch it off');
            }
            control.setRateLimit(r);
          }
          if (b['faults'] !== undefined) {
            if (!Array.isArray(b['faults'])) return adminError(400, 'faults must be an array');
            control.clearFaults();
            control.addFaults(b['faults'] as FaultRule[]);
          }
          return { status: 200, body: control.knobs() };
        },
      },
      { method: 'GET', path: `${ADMIN_PREFIX}/faults`, handler: () => ({ status: 200, body: control.knobs().faults }) },
      {
        method: 'POST',
        path: `${ADMIN_PREFIX}/faults`,
        handler: (req) => {
          const body = req.json();
          control.addFaults((Array.isArray(body) ? body : [body]) as FaultRule[]);
          return { status: 201, body: control.knobs().faults };
        },
      },
      {
        method: 'DELETE',
        path: `${ADMIN_PREFIX}/faults`,
        handler: () => {
          control.clearFaults();
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: `${ADMIN_PREFIX}/reset`,
        handler: () => {
          control.reset();
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        path: `${ADMIN_PREFIX}/records`,
        handler: (req) => ({ status: 201, body: { loaded: store.loadRecords(req.json()) } }),
      },
    ];
  }

  const adminIndex = {
    [`GET ${ADMIN_PREFIX}`]: 'this page: dataset summary, credentials, demo customers, knobs',
    [`GET ${ADMIN_PREFIX}/health`]: 'liveness',
    [`GET|DELETE ${ADMIN_PREFIX}/counters`]: 'request counters per endpoint; DELETE resets them',
    [`GET|PATCH ${ADMIN_PREFIX}/config`]: '{ latency: {fixedMs, jitterMs}, rateLimit: {limit, windowMs, blockMs?} | null, faults: [...] }',
    [`GET|POST|DELETE ${ADMIN_PREFIX}/faults`]:
      'fault rules { kind: status|rate_limit|hang|reset|commit_then_reset|garbage, status?, ratio? | count?, match?, retryAfterSeconds? }',
    [`POST ${ADMIN_PREFIX}/reset`]: 'data back to the seed, counters to zero, knobs to start values',
    [`POST ${ADMIN_PREFIX}/records`]: "load extra records in the upstream's own wire format",
    ...Object.fromEntries((options.adminRoutes ?? []).map((r) => [`${r.method} ${r.path}`, r.name ?? 'simulator-specific'])),
  };

  const openSockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let rawBody: Buffer;
    try {
      rawBody = await readBody(req);
    } catch {
      send(res, { status: 413, body: { error: 'request body too large' } });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) {
      const match = adminRouter.match(method, path);
      const simReq = buildRequest(req, url, rawBody, match?.params ?? {}, () => undefined);
      if (!match) {
        send(res, adminError(404, `no admin route ${method} ${path}; see GET ${ADMIN_PREFIX}`));
        return;
      }
      try {
        send(res, await match.route.handler(simReq));
      } catch (error) {
        // Admin input errors (bad JSON, bad fault rule, unusable records) are the caller's to fix.
        send(res, adminError(400, error instanceof Error ? error.message : String(error)));
      }
      return;
    }

    const match: RouteMatch | null = router.match(method, path);
    const key = match?.name ?? `${method} (unmatched)`;
    counters.incrementRequest(key);
    const simReq = buildRequest(req, url, rawBody, match?.params ?? {}, (k) => counters.increment(k));

    const delayMs = latencyFor(latency);
    if (delayMs > 0) await sleep(delayMs);

    const fault = faults.decide(key, path);
    // commit_then_reset runs the request first; every other fault answers instead of it
    const afterCommit = fault?.rule.kind === 'commit_then_reset' ? fault : null;
    if (fault && !afterCommit) {
      // the route's pattern (`GET /crm/v3/objects/contacts/:id`), never the path, which can hold an e-mail
      logger.info(
        { route: key, fault: fault.rule.kind, ...(fault.rule.status === undefined ? {} : { status: fault.rule.status }) },
        'simulator fault injected',
      );
      const faulted = faultResponse(fault.rule, req, simReq);
      if (faulted) {
        // Headers an API sends on every answer (trace ids, rate-limit counters) are on its error answers too.
        hooks.decorate?.(faulted, null, simReq);
        send(res, faulted);
      }
      return;
    }

    const budget = rateLimiter.take(hooks.rateLimitKey?.(simReq) ?? 'global');
    if (budget && !budget.admitted) {
      const limited = hooks.rateLimitResponse(budget.info, simReq);
      hooks.decorate?.(limited, budget.info, simReq);
      send(res, limited);
      return;
    }

    let response: SimResponse;
    if (!match) {
      response = hooks.notFoundResponse(simReq);
    } else {
      try {
        response = await match.route.handler(simReq);
      } catch (error) {
        if (error instanceof InvalidJsonError) {
          response = hooks.errorResponse(400, simReq);
        } else {
          // A bug in a simulator must look like an upstream 500, not crash the process.
          logger.error({ err: error, route: match.name }, 'simulator handler failed');
          response = hooks.errorResponse(500, simReq);
        }
      }
    }
    if (afterCommit) {
      logger.info({ route: key, fault: afterCommit.rule.kind, status: response.status }, 'simulator fault injected after the request ran');
      req.socket.destroy();
      return;
    }
    hooks.decorate?.(response, budget?.info ?? null, simReq);
    send(res, response);
  }

  /** null when the fault answers nothing (hang, reset) */
  function faultResponse(rule: FaultRule, req: IncomingMessage, simReq: SimRequest): SimResponse | null {
    switch (rule.kind) {
      case 'hang':
        // Keep the socket open and answer nothing; close() destroys it.
        return null;
      case 'reset':
      case 'commit_then_reset':
        req.socket.destroy();
        return null;
      case 'garbage':
        return {
          status: 200,
          headers: { 'content-type': 'application/json; charset=UTF-8' },
          body: '{"results":[{"id":"1","properties":{"email":"trunc',
        };
      case 'rate_limit': {
        const cfg = rateLimiter.config();
        const now = Date.now();
        const retryAfterSeconds = rule.retryAfterSeconds ?? 1;
        return hooks.rateLimitResponse(
          {
            limit: cfg?.limit ?? 100,
            remaining: 0,
            windowMs: cfg?.windowMs ?? 10_000,
            resetAtMs: now + retryAfterSeconds * 1000,
            retryAfterSeconds,
            key: 'fault',
          },
          simReq,
        );
      }
      case 'status':
        return hooks.errorResponse(rule.status ?? 503, simReq);
    }
  }

  let baseUrl = '';
  return {
    name,
    server,
    control,
    store,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.address() as AddressInfo;
          const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          baseUrl = `http://${h}:${addr.port}`;
          resolve(baseUrl);
        });
      });
    },
    url() {
      if (!baseUrl) throw new Error(`${name} simulator is not listening`);
      return baseUrl;
    },
    close() {
      return new Promise((resolve) => {
        for (const s of openSockets) s.destroy();
        server.close(() => resolve());
      });
    },
  };
}

function adminError(status: number, message: string): SimResponse {
  return { status, body: { error: message } };
}

function buildRequest(req: IncomingMessage, url: URL, rawBody: Buffer, params: Record<string, string>, count: (key: string) => void): SimRequest {
  let parsed: { value: unknown } | undefined;
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    url,
    query: url.searchParams,
    headers: req.headers,
    params,
    rawBody,
    json() {
      if (parsed) return parsed.value;
      if (rawBody.length === 0) {
        parsed = { value: undefined };
        return undefined;
      }
      try {
        parsed = { value: JSON.parse(rawBody.toString('utf8')) };
      } catch (error) {
        throw new InvalidJsonError(error);
      }
      return parsed.value;
    },
    count,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const headers: Record<string, string | number | readonly string[]> = { ...response.headers };
  let payload: string | Buffer | undefined;
  if (response.body === undefined) {
    payload = undefined;
  } else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
    payload = response.body;
  } else {
    payload = JSON.stringify(response.body);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json; charset=UTF-8';
  }
  // An empty answer other than 204/304 says so with content-length 0 rather than an empty chunked body.
  if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
  else if (response.status !== 204 && response.status !== 304) headers['content-length'] = 0;
  res.writeHead(response.status, headers as Record<string, string | number | string[]>);
  res.end(payload);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
