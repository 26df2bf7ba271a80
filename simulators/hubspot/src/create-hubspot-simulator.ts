import {
  createRateLimiter,
  createSimulator,
  type KnobsState,
  type RateLimitConfig,
  type RateLimitInfo,
  type SimRequest,
  type SimResponse,
  type Simulator,
} from '@omnigraph/simulator-core';
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import { DEFAULT_CREDENTIALS, HUBSPOT_DEFAULT_DAILY_LIMIT, HUBSPOT_DEFAULT_RATE_LIMIT, HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT } from './config.ts';
import type { HubSpotContext, HubSpotCredentials } from './hubspot-context.ts';
import { HubSpotErrors } from './hubspot-errors.ts';
import { HubSpotStore } from './hubspot-store.ts';
import type { PortalVariant } from './hubspot-properties.ts';
import { bearerToken } from './hubspot-wire.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { associationRoutes } from './routes/association-routes.ts';
import { batchRoutes } from './routes/batch-routes.ts';
import { ownerRoutes, propertyRoutes } from './routes/metadata-routes.ts';
import { mergeRoutes } from './routes/merge-routes.ts';
import { objectRoutes } from './routes/object-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { WebhooksJournal } from './webhooks-journal.ts';
import { DEFAULT_RETRY_DELAYS_MS, DEFAULT_SUBSCRIPTIONS, WebhookDispatcher, type WebhookSettings } from './webhook-dispatcher.ts';

/** The object APIs are served under the legacy v3 prefix and the date-versioned 2026-03 one, with the same bodies. */
export const OBJECT_PREFIXES = ['/crm/v3/objects', '/crm/objects/2026-03'] as const;
export const PROPERTY_PREFIXES = ['/crm/v3/properties', '/crm/properties/2026-03'] as const;

export interface CreateHubSpotSimulatorOptions {
  seed?: number;
  scale?: number;
  /** the dataset's PII canary marker (see DatasetOptions.piiCanary); ignored when `dataset` is given */
  piiCanary?: string;
  /** a ready dataset (otherwise `getDataset({ seed, scale })`) */
  dataset?: Dataset;
  credentials?: Partial<HubSpotCredentials>;
  /** core knobs; the general budget defaults to HubSpot's 190 requests / 10 s */
  knobs?: Partial<KnobsState>;
  faultSeed?: number;
  /** the search budget; default 5 per second per token, null switches it off */
  searchRateLimit?: RateLimitConfig | null;
  dailyLimit?: number;
  /** how long a new contact or note stays invisible to search (the real index trails writes); default 0 */
  searchIndexLagMs?: number;
  webhooks?: Partial<WebhookSettings>;
  /** how the portal defined our custom contact properties (see PortalVariant); @default 'standard' */
  portalVariant?: PortalVariant;
}

export const GENERAL_POLICY_GROUP = (portalId: number) => `publicapi:private-app:${portalId}`;

function isSearch(req: SimRequest): boolean {
  return req.method === 'POST' && req.path.replace(/\/$/, '').endsWith('/search');
}

export function createHubSpotSimulator(options: CreateHubSpotSimulatorOptions = {}): Simulator {
  const credentials: HubSpotCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const dataset = options.dataset ?? getDataset({ seed: options.seed, scale: options.scale, piiCanary: options.piiCanary });
  const initialSearch = options.searchRateLimit === undefined ? HUBSPOT_DEFAULT_SEARCH_RATE_LIMIT : options.searchRateLimit;
  const dailyLimit = options.dailyLimit ?? HUBSPOT_DEFAULT_DAILY_LIMIT;
  const errors = new HubSpotErrors(dataset.seed);
  const searchLimiter = createRateLimiter(initialSearch);
  /** requests used today per token (the simulator's "day" lasts until a reset) */
  const dailyUsed = new Map<string, number>();

  const webhooks = new WebhookDispatcher(
    {
      targetUrl: null,
      appSecret: credentials.appSecret,
      subscriptions: [...DEFAULT_SUBSCRIPTIONS],
      maxConcurrentRequests: 10,
      retryDelaysMs: [...DEFAULT_RETRY_DELAYS_MS],
      timeoutMs: 5_000,
      ...options.webhooks,
    },
    credentials,
  );

  const store = new HubSpotStore({
    dataset: () => dataset,
    portalVariant: options.portalVariant,
    credentials: () => ({
      authorization: `Bearer ${credentials.token}`,
      token: credentials.token,
      portalId: credentials.portalId,
      appId: credentials.appId,
      appSecret: credentials.appSecret,
      webhooks: { targetUrl: webhooks.current().targetUrl, subscriptions: webhooks.current().subscriptions },
      searchRateLimit: searchLimiter.config(),
      dailyLimit,
    }),
  });
  const initialSearchIndexLagMs = options.searchIndexLagMs ?? 0;
  store.searchIndexLagMs = initialSearchIndexLagMs;
  const journal = new WebhooksJournal(() => ({ portalId: credentials.portalId, appId: credentials.appId }));
  store.listener = (event) => {
    webhooks.handle(event);
    journal.record(event);
  };
  store.onReset(() => {
    errors.reset();
    searchLimiter.configure(initialSearch);
    store.searchIndexLagMs = initialSearchIndexLagMs;
    dailyUsed.clear();
    webhooks.reset();
    journal.reset();
  });

  const ctx: HubSpotContext = { store, errors, credentials, searchLimiter };

  function rateLimitHeaders(info: RateLimitInfo, token: string): Record<string, string> {
    return {
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(info.windowMs),
      'X-HubSpot-RateLimit-Max': String(info.limit),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, info.remaining)),
      'X-HubSpot-RateLimit-Daily': String(dailyLimit),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyLimit - (dailyUsed.get(token) ?? 0))),
    };
  }

  const simulator = createSimulator({
    name: 'hubspot',
    knobs: { rateLimit: HUBSPOT_DEFAULT_RATE_LIMIT, ...options.knobs },
    faultSeed: options.faultSeed ?? 1,
    store,
    routes: [
      ...OBJECT_PREFIXES.flatMap((prefix) => [
        ...mergeRoutes(ctx, prefix),
        ...searchRoutes(ctx, prefix),
        ...batchRoutes(ctx, prefix),
        ...objectRoutes(ctx, prefix),
      ]),
      ...PROPERTY_PREFIXES.flatMap((prefix) => propertyRoutes(ctx, prefix)),
      ...ownerRoutes(ctx),
      ...associationRoutes(ctx),
      ...journal.routes(ctx),
    ],
    adminRoutes: [...adminRoutes(webhooks, searchLimiter, initialSearch, store), journal.fileRoute()],
    hooks: {
      errorResponse: (status) => errors.forStatus(status),
      notFoundResponse: () => errors.resourceNotFound(),
      rateLimitKey: (req) => bearerToken(req) ?? 'anonymous',
      rateLimitResponse(info, req): SimResponse {
        const correlationId = errors.correlationId();
        const token = bearerToken(req) ?? 'anonymous';
        return {
          status: 429,
          headers: {
            ...rateLimitHeaders({ ...info, remaining: 0 }, token),
            'Retry-After': String(info.retryAfterSeconds),
            'x-hubspot-correlation-id': correlationId,
          },
          body: {
            status: 'error',
            message: 'You have reached your ten_secondly_rolling limit.',
            errorType: 'RATE_LIMIT',
            correlationId,
            policyName: 'TEN_SECONDLY_ROLLING',
            groupName: GENERAL_POLICY_GROUP(credentials.portalId),
          },
        };
      },
      decorate(res, info, req) {
        const token = bearerToken(req);
        if (token !== credentials.token || res.status === 401) return;
        if (res.status !== 429) dailyUsed.set(token, (dailyUsed.get(token) ?? 0) + 1);
        // Search answers count against the daily budget but carry no rate-limit headers.
        if (isSearch(req)) return;
        const headers = info
          ? rateLimitHeaders(info, token)
          : {
              'X-HubSpot-RateLimit-Daily': String(dailyLimit),
              'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, dailyLimit - (dailyUsed.get(token) ?? 0))),
            };
        res.headers = { ...res.headers, ...headers };
      },
    },
  });

  return {
    ...simulator,
    async close() {
      webhooks.stop();
      await simulator.close();
    },
  };
}
