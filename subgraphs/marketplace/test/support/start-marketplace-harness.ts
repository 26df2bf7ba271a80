import type { AxiosInstance } from 'axios';
import { createMemoryCache, type Cache } from '@omnigraph/shared/cache';
import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import { createAllegroSimulator, type AllegroSimulator, type CreateAllegroSimulatorOptions } from '@omnigraph/simulator-allegro';
import { createMarketplaceServer, type MarketplaceServer } from '../../src/create-marketplace-server.ts';
import { createAllegroClient } from '../../src/upstream/allegro/allegro-client.ts';
import { createAllegroTokenProvider, type AllegroTokenProvider } from '../../src/upstream/allegro/allegro-token-provider.ts';
import type { MarketplaceClient } from '../../src/upstream/marketplace-client.ts';

/** Counter keys of the Allegro simulator (route `METHOD path`). */
export const COUNTER = {
  token: 'POST /auth/oauth/token',
  listForms: 'GET /order/checkout-forms',
  getForm: 'GET /order/checkout-forms/:id',
  offers: 'GET /sale/offers',
} as const;

export interface MarketplaceHarness {
  sim: AllegroSimulator;
  baseUrl: string;
  apiHttp: AxiosInstance;
  tokens: AllegroTokenProvider;
  client: MarketplaceClient;
  cache: Cache;
  marketplace: MarketplaceServer;
  /** simulator counter for one key (0 when never called) */
  count(key: string): number;
  close(): Promise<void>;
}

export interface HarnessOptions {
  simulator?: CreateAllegroSimulatorOptions;
  timeoutMs?: number;
  /** the shared upstream-call policies (as index.ts passes them from config); defaults otherwise */
  policies?: UpstreamPolicies;
  maxConcurrentReads?: number;
  cacheTtlSeconds?: number;
  /** MARKETPLACE_OFFER_CACHE_TTL_SECONDS. @default 5 */
  offerCacheTtlSeconds?: number;
  /** MARKETPLACE_MAX_STALE_ORDERS_SECONDS. @default 3600 */
  maxStaleOrderSeconds?: number;
  /** @default a memory cache */
  cache?: Cache;
}

/**
 * The Allegro simulator on a free port plus the real adapter and subgraph aimed at it: the same wiring as
 * index.ts, with a memory cache. Scale 0.3 keeps start-up fast; the demo customers exist at every scale.
 */
export async function startMarketplaceHarness(options: HarnessOptions = {}): Promise<MarketplaceHarness> {
  const sim = createAllegroSimulator({ scale: 0.3, ...options.simulator });
  const baseUrl = await sim.listen(0, '127.0.0.1');
  const timeoutMs = options.timeoutMs ?? 5_000;
  const apiHttp = createHttpClient({ baseUrl, timeoutMs });
  const authHttp = createHttpClient({ baseUrl, timeoutMs });
  const { credentials } = sim.allegro;
  const upstream = () => createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: timeoutMs, ...options.policies });
  const tokens = createAllegroTokenProvider({
    http: authHttp,
    upstream: upstream(),
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    refreshToken: credentials.refreshToken,
  });
  const client = createAllegroClient({ http: apiHttp, upstream: upstream(), tokens });
  const cache = options.cache ?? createMemoryCache();
  const marketplace = createMarketplaceServer({
    client,
    cache,
    cacheTtlSeconds: options.cacheTtlSeconds ?? 60,
    ...(options.offerCacheTtlSeconds === undefined ? {} : { offerCacheTtlSeconds: options.offerCacheTtlSeconds }),
    ...(options.maxStaleOrderSeconds === undefined ? {} : { maxStaleOrderSeconds: options.maxStaleOrderSeconds }),
    maxConcurrentReads: options.maxConcurrentReads ?? 8,
  });
  return {
    sim,
    baseUrl,
    apiHttp,
    tokens,
    client,
    cache,
    marketplace,
    count: (key) => sim.control.counters().endpoints[key] ?? 0,
    close: async () => {
      // executeOperation starts the server lazily; stop() refuses a server that never started.
      await marketplace.server.start().catch(() => undefined);
      await marketplace.server.stop();
      await sim.close();
    },
  };
}
