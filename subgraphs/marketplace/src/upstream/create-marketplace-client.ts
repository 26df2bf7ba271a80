import type { AxiosInstance } from 'axios';
import type { ReadinessCheck } from '@omnigraph/shared/graphql-server';
import type { Logger } from '@omnigraph/shared/logging';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import { createAllegroClient } from './allegro/allegro-client.ts';
import { createAllegroReadiness } from './allegro/allegro-readiness.ts';
import { createAllegroTokenProvider } from './allegro/allegro-token-provider.ts';
import type { AllegroTokenStore } from './allegro/allegro-token-store.ts';
import type { AllegroTokenProvider } from './allegro/allegro-token-provider.ts';
import type { MarketplaceClient } from './marketplace-client.ts';

export { createAllegroTokenStore, type AllegroTokenStoreOptions } from './allegro/create-allegro-token-store.ts';
export type { AllegroTokenStore } from './allegro/allegro-token-store.ts';

export interface CreateMarketplaceClientOptions {
  /** aimed at the Allegro API base URL */
  apiHttp: AxiosInstance;
  /** aimed at the Allegro token endpoint base URL (another host on real Allegro) */
  authHttp: AxiosInstance;
  /** one request (attempt) to either host, capped by the request's deadline (the token refresh is not) */
  timeoutMs: number;
  clientId: string;
  clientSecret: string;
  /** ALLEGRO_REFRESH_TOKEN: seeds `tokenStore` (see allegro-token-provider.ts) */
  refreshToken: string;
  /** where the rotating grant lives (ALLEGRO_TOKEN_STORE). @default in-process memory */
  tokenStore?: AllegroTokenStore;
  logger?: Logger;
  /** retries, breaker, bulkhead, budget, logger; each has a documented default in `@omnigraph/shared/upstream` */
  policies?: UpstreamPolicies;
}

/**
 * The role client plus its upstream's readiness (uncached: wrap it in `createCachedReadiness`) and its token
 * provider, which the order-events poller must share: Allegro rotates refresh tokens on every refresh.
 */
export type MarketplaceUpstream = MarketplaceClient & { readiness: ReadinessCheck; tokens: AllegroTokenProvider };

/** The marketplace adapter; Allegro is the only product today (a MARKETPLACE_PROVIDER switch goes here later). */
export function createMarketplaceClient(options: CreateMarketplaceClientOptions): MarketplaceUpstream {
  const tokens = createAllegroTokenProvider({
    http: options.authHttp,
    // its own breaker and bulkhead: the token endpoint is another host (allegro.pl) than the API (api.allegro.pl)
    upstream: createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: options.timeoutMs, ...options.policies }),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    refreshToken: options.refreshToken,
    ...(options.tokenStore === undefined ? {} : { store: options.tokenStore }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const upstream = createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  const client = createAllegroClient({ http: options.apiHttp, upstream, tokens });
  return Object.assign(client, { readiness: createAllegroReadiness({ http: options.apiHttp, tokens }), tokens });
}
