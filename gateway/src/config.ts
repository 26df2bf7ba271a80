import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { authConfigIssues, authEnvSchema, JWT_CONFIG_KEYS, loadJwtAuthConfig } from '@omnigraph/auth';
import type { AuthConfig, JwtAuthConfig } from '@omnigraph/auth';
import { ConfigError, configIssuesOf, type ConfigIssue } from '@omnigraph/shared/config';
import { subgraphSecretCheck, subgraphSecretEnvShape } from '@omnigraph/shared/identity';
import { DEFAULT_METRICS_PORTS, listenPortEnv, serviceEnvShape, serviceSettingsOf, type ServiceSettings } from '@omnigraph/shared/service';
import { tracingEnvShape } from '@omnigraph/shared/tracing';
import { loadOperationRegistry } from './edge/registered-operations.ts';
import {
  DEFAULT_CUSTOMER_TOKEN_TTL_SECONDS,
  MAX_CUSTOMER_TOKEN_TTL_SECONDS,
  MIN_CUSTOMER_TOKEN_SECRET_LENGTH,
} from './customer-tokens/customer-token.ts';

/** A comma-separated list; blanks around and between the commas ignored, empty means none. */
const commaList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

export const SUBGRAPH_NAMES = ['erp', 'eshop', 'crm', 'marketplace', 'commands', 'pricing'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Where each subgraph listens by default, when the gateway and subgraphs run on one machine. */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  erp: 4001,
  eshop: 4002,
  crm: 4003,
  marketplace: 4004,
  commands: 4005,
  pricing: 4006,
};

const defaultSupergraphPath = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const GatewayEnvSchema = z
  .object({
    /** @default 4000 */
    GATEWAY_PORT: listenPortEnv(4000),
    /**
     * GATEWAY_HOST (@default 127.0.0.1; bind all interfaces, 0.0.0.0, explicitly in a container), GATEWAY_METRICS_HOST,
     * GATEWAY_METRICS_PORT (@default 9400; `off`), GATEWAY_SHUTDOWN_DELAY_MS, GATEWAY_SHUTDOWN_GRACE_MS: see serviceEnvShape
     */
    ...serviceEnvShape('GATEWAY', { metricsPort: DEFAULT_METRICS_PORTS.GATEWAY }),
    /** the composed supergraph, committed in the repository */
    GATEWAY_SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
    /**
     * Per subgraph fetch. @apollo/gateway has no timeout of its own; without one a hung subgraph holds the client's
     * request and a socket forever. @default 10000
     */
    GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /**
     * The whole-request deadline for partner keys: every subgraph fetch of the plan must end by then, and each
     * subgraph gets the deadline in the signed identity header, so no upstream call outlives the client's request.
     * @default 5000
     */
    GATEWAY_PARTNER_DEADLINE_MS: z.coerce.number().int().positive().default(5_000),
    /** Same for internal keys and OIDC users (call center, in-store): they prefer a late full answer. @default 10000 */
    GATEWAY_INTERNAL_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
    ERP_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.erp}/graphql`),
    ESHOP_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.eshop}/graphql`),
    CRM_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.crm}/graphql`),
    MARKETPLACE_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.marketplace}/graphql`),
    /** the writes orchestrator (ADR 0011) */
    COMMANDS_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.commands}/graphql`),
    /** the price-consistency subgraph (reads the erp, eshop and marketplace subgraphs) */
    PRICING_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.pricing}/graphql`),
    /**
     * How many gateway replicas share the rate limits. Only used while Redis is unreachable: each replica then
     * admits its share (limit / replicas) from memory. @default 1
     */
    GATEWAY_REPLICAS: z.coerce.number().int().positive().default(1),
    /** How long a rate-limit decision may wait for Redis before the local fallback decides. @default 100 */
    GATEWAY_RATE_LIMIT_TIMEOUT_MS: z.coerce.number().int().positive().default(100),
    /** Batched HTTP requests (a JSON array body) for internal keys; partners can never batch. @default false */
    GATEWAY_ALLOW_BATCHING: booleanFlag.default(false),
    /** Estimated query cost per minute for partner keys that set none (see gateway/src/limits). @default 5000000 */
    GATEWAY_PARTNER_COST_PER_MINUTE: z.coerce.number().int().positive().default(5_000_000),
    /** Same for internal keys and OIDC users. @default 50000000 */
    GATEWAY_INTERNAL_COST_PER_MINUTE: z.coerce.number().int().positive().default(50_000_000),
    /**
     * Requests in flight per partner key; more get 429 CONCURRENCY_LIMIT_EXCEEDED with Retry-After. 10 parallel
     * catalogue reads of up to 100 SKUs each is far above what a feed needs, and what a flooding key is admitted is
     * gateway CPU the call center shares (bench/results/resilience-flood.md). @default 10
     */
    GATEWAY_PARTNER_MAX_CONCURRENT: z.coerce.number().int().positive().default(10),
    /** Same for internal keys and OIDC users (per key or per user). @default 100 */
    GATEWAY_INTERNAL_MAX_CONCURRENT: z.coerce.number().int().positive().default(100),
    /**
     * Requests in flight in this process at which the gateway sheds load (503 OVERLOADED with Retry-After): partner
     * traffic from half of it, internal traffic at it. Size it at a few times what one process serves per second
     * times its latency (about 50 at the measured ~500 req/s and 100 ms). @default 200
     */
    GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(200),
    /**
     * How long a 429 CONCURRENCY_LIMIT_EXCEEDED or 503 OVERLOADED is held before it is sent, so a flooding client's
     * connections each get about one refusal per delay instead of thousands per second; 0 sends them at once.
     * @default 1000
     */
    GATEWAY_FLOOD_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(1_000),
    /** Event-loop lag (mean timer delay over the last 0.5 s) above which partner requests are shed. @default 100 */
    GATEWAY_SHED_BULK_LAG_MS: z.coerce.number().int().positive().default(100),
    /** Event-loop lag above which internal requests are shed too. @default 300 */
    GATEWAY_SHED_INTERACTIVE_LAG_MS: z.coerce.number().int().positive().default(300),
    /**
     * Longest wait for an API-key lookup in Redis. The first lookup that waits this long marks Redis suspect: the
     * next ones are served from recently seen keys at once, until a background PING answers. @default 250
     */
    GATEWAY_KEY_LOOKUP_TIMEOUT_MS: z.coerce.number().int().positive().default(250),
    /** How long a found API key is served from memory; revocations still arrive within milliseconds. @default 5000 */
    GATEWAY_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5_000),
    /**
     * Browser origins allowed to call the gateway (CORS), comma-separated and exact, e.g.
     * `https://sklep.example.pl,https://tablet.example.pl`. Empty: no CORS headers (same-origin and non-browser
     * clients only). @default ''
     */
    GATEWAY_CORS_ORIGINS: commaList.pipe(
      z.array(z.url({ protocol: /^https?$/ }).refine((o) => new URL(o).origin === o, 'must be an origin: scheme://host[:port], no path')),
    ),
    /** pino level of the gateway's log. @default info */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Whose W3C `traceparent` the gateway continues: `all` callers, `internal` ones only (internal API keys and OIDC
     * users, never partners), or `none`. An untrusted caller's trace context starts a new trace and is kept only as a
     * link (docs/observability.md). @default internal
     */
    GATEWAY_TRACEPARENT_TRUST: z.enum(['all', 'internal', 'none']).default('internal'),
    /**
     * HMAC key of customer-bound tokens (ADR 0009), at least 32 characters, the same on every replica and different
     * from OMNIGRAPH_SUBGRAPH_SECRET. Unset: customer tokens are off (`POST /customer-tokens` answers 404 and every
     * `ogc_…` credential is refused). `npm start` generates one. @default unset
     */
    GATEWAY_CUSTOMER_TOKEN_SECRET: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(MIN_CUSTOMER_TOKEN_SECRET_LENGTH, `must be at least ${MIN_CUSTOMER_TOKEN_SECRET_LENGTH} characters`).optional(),
    ),
    /** Lifetime of a customer-bound token, at most 900 (15 minutes). @default 600 */
    GATEWAY_CUSTOMER_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(30)
      .max(MAX_CUSTOMER_TOKEN_TTL_SECONDS)
      .default(DEFAULT_CUSTOMER_TOKEN_TTL_SECONDS),
    /**
     * The audience this gateway mints customer tokens for and accepts: set it per deployment (staging, production),
     * so a token of one is refused by the other even if they shared the secret. @default omnigraph
     */
    GATEWAY_CUSTOMER_TOKEN_AUDIENCE: z.string().min(1).max(200).default('omnigraph'),
    /**
     * Registered operations (`schema/operations/`) bound tokens are pinned to, comma-separated, as a partner key's
     * `--operations`: set it when the shop's pages send only registered operations. Empty: any `me { … }`. @default ''
     */
    GATEWAY_CUSTOMER_TOKEN_OPERATIONS: commaList,
    /** Requests per minute of one customer with bound tokens (all their tokens together). @default 120 */
    GATEWAY_CUSTOMER_TOKEN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
    /**
     * How long the gateway keeps whole answers of queries that read only catalogue, stock and price fields (no personal
     * data; ADR 0015), for every caller allowed to run them. At most the shortest freshness of the data behind them
     * (the stock and offer micro-caches, 5 s); change events drop an answer earlier. 0 turns the cache off.
     * @default 5
     */
    GATEWAY_RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().min(0).max(300).default(5),
    /** Bytes of answers the response cache holds, least recently used out first. @default 33554432 (32 MiB) */
    GATEWAY_RESPONSE_CACHE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(32 * 1024 * 1024),
    ...tracingEnvShape,
    ...subgraphSecretEnvShape,
  })
  .check(subgraphSecretCheck);

/** Every variable the gateway reads (its own, the API-key store's and OIDC's), for the `.env.example` check. */
export const GATEWAY_CONFIG_KEYS = [...new Set([...Object.keys(GatewayEnvSchema.shape), ...Object.keys(authEnvSchema.shape), ...JWT_CONFIG_KEYS])];

export interface GatewayConfig {
  port: number;
  host: string;
  /** metrics listener and shutdown (drain delay and grace) of the gateway process */
  service: ServiceSettings;
  supergraphPath: string;
  subgraphTimeoutMs: number;
  /** whole-request deadline per profile (the gateway's own service calls use the internal one) */
  deadlineMs: { partner: number; internal: number };
  subgraphUrls: Record<SubgraphName, string>;
  /** shared with the subgraphs: signs the identity header */
  subgraphSecret: string;
  auth: AuthConfig;
  /** undefined: OIDC off, API keys only */
  jwt: JwtAuthConfig | undefined;
  replicas: number;
  /** ADR 0015: ttlSeconds 0 = off */
  responseCache: { ttlSeconds: number; maxBytes: number };
  rateLimitTimeoutMs: number;
  allowBatching: boolean;
  partnerCostPerMinute: number;
  internalCostPerMinute: number;
  keyCacheTtlMs: number;
  keyLookupTimeoutMs: number;
  partnerMaxConcurrent: number;
  internalMaxConcurrent: number;
  maxInFlight: number;
  /** flood refusals (over the concurrency cap, shed) are held this long before they are sent */
  floodRefusalDelayMs: number;
  shedBulkLagMs: number;
  shedInteractiveLagMs: number;
  corsOrigins: ReadonlySet<string>;
  logLevel: z.output<typeof GatewayEnvSchema>['LOG_LEVEL'];
  traceparentTrust: 'all' | 'internal' | 'none';
  /** customer-bound tokens (ADR 0009); `secret` undefined: off */
  customerTokens: { secret: string | undefined; audience: string; ttlSeconds: number; rateLimitPerMinute: number; operations?: string[] };
}

/** Reads and checks the whole gateway configuration; throws one ConfigError naming every problem. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const issues: ConfigIssue[] = [];
  const own = GatewayEnvSchema.safeParse(env);
  if (!own.success) issues.push(...configIssuesOf(own.error));
  const auth = authConfigIssues(env);
  issues.push(...auth.issues);
  let jwt: JwtAuthConfig | undefined;
  try {
    jwt = loadJwtAuthConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues);
  }
  if (
    own.success &&
    own.data.GATEWAY_CUSTOMER_TOKEN_SECRET !== undefined &&
    own.data.GATEWAY_CUSTOMER_TOKEN_SECRET === own.data.OMNIGRAPH_SUBGRAPH_SECRET
  ) {
    // one leaked secret must not give both: signing identities for the subgraphs and tokens for the gateway
    issues.push({ path: 'GATEWAY_CUSTOMER_TOKEN_SECRET', message: 'must differ from OMNIGRAPH_SUBGRAPH_SECRET' });
  }
  if (own.success && own.data.GATEWAY_CUSTOMER_TOKEN_OPERATIONS.length > 0) {
    const registry = loadOperationRegistry();
    const unknown = own.data.GATEWAY_CUSTOMER_TOKEN_OPERATIONS.filter((name) => registry.byName(name) === undefined);
    if (unknown.length > 0)
      issues.push({ path: 'GATEWAY_CUSTOMER_TOKEN_OPERATIONS', message: `not registered in schema/operations: ${unknown.join(', ')}` });
  }
  if (!own.success || auth.config === undefined || issues.length > 0) throw new ConfigError('gateway', issues);
  const e = own.data;
  return {
    port: e.GATEWAY_PORT,
    host: e.GATEWAY_HOST,
    service: serviceSettingsOf('GATEWAY', e),
    supergraphPath: e.GATEWAY_SUPERGRAPH_PATH,
    subgraphTimeoutMs: e.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    deadlineMs: { partner: e.GATEWAY_PARTNER_DEADLINE_MS, internal: e.GATEWAY_INTERNAL_DEADLINE_MS },
    subgraphUrls: {
      erp: e.ERP_URL,
      eshop: e.ESHOP_URL,
      crm: e.CRM_URL,
      marketplace: e.MARKETPLACE_URL,
      commands: e.COMMANDS_URL,
      pricing: e.PRICING_URL,
    },
    subgraphSecret: e.OMNIGRAPH_SUBGRAPH_SECRET,
    auth: auth.config,
    jwt,
    replicas: e.GATEWAY_REPLICAS,
    responseCache: { ttlSeconds: e.GATEWAY_RESPONSE_CACHE_TTL_SECONDS, maxBytes: e.GATEWAY_RESPONSE_CACHE_MAX_BYTES },
    rateLimitTimeoutMs: e.GATEWAY_RATE_LIMIT_TIMEOUT_MS,
    allowBatching: e.GATEWAY_ALLOW_BATCHING,
    partnerCostPerMinute: e.GATEWAY_PARTNER_COST_PER_MINUTE,
    internalCostPerMinute: e.GATEWAY_INTERNAL_COST_PER_MINUTE,
    keyCacheTtlMs: e.GATEWAY_KEY_CACHE_TTL_MS,
    keyLookupTimeoutMs: e.GATEWAY_KEY_LOOKUP_TIMEOUT_MS,
    partnerMaxConcurrent: e.GATEWAY_PARTNER_MAX_CONCURRENT,
    internalMaxConcurrent: e.GATEWAY_INTERNAL_MAX_CONCURRENT,
    maxInFlight: e.GATEWAY_MAX_IN_FLIGHT,
    floodRefusalDelayMs: e.GATEWAY_FLOOD_REFUSAL_DELAY_MS,
    shedBulkLagMs: e.GATEWAY_SHED_BULK_LAG_MS,
    shedInteractiveLagMs: e.GATEWAY_SHED_INTERACTIVE_LAG_MS,
    corsOrigins: new Set(e.GATEWAY_CORS_ORIGINS),
    logLevel: e.LOG_LEVEL,
    traceparentTrust: e.GATEWAY_TRACEPARENT_TRUST,
    customerTokens: {
      secret: e.GATEWAY_CUSTOMER_TOKEN_SECRET,
      audience: e.GATEWAY_CUSTOMER_TOKEN_AUDIENCE,
      ttlSeconds: e.GATEWAY_CUSTOMER_TOKEN_TTL_SECONDS,
      rateLimitPerMinute: e.GATEWAY_CUSTOMER_TOKEN_RATE_LIMIT_PER_MINUTE,
      ...(e.GATEWAY_CUSTOMER_TOKEN_OPERATIONS.length === 0 ? {} : { operations: e.GATEWAY_CUSTOMER_TOKEN_OPERATIONS }),
    },
  };
}
