import type { AxiosInstance } from 'axios';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import { createAllegroClient } from './allegro/allegro-client.ts';
import { createAllegroTokenProvider } from './allegro/allegro-token-provider.ts';
import type { MarketplaceClient } from './marketplace-client.ts';

export interface CreateMarketplaceClientOptions {
  /** aimed at the Allegro API base URL */
  apiHttp: AxiosInstance;
  /** aimed at the Allegro token endpoint base URL (another host on real Allegro) */
  authHttp: AxiosInstance;
  /** one request (attempt) to either host, capped by the request's deadline (the token refresh is not) */
  timeoutMs: number;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** retries, breaker, bulkhead, budget, logger; each has a documented default in `@omnigraph/shared/upstream` */
  policies?: UpstreamPolicies;
}

/** The marketplace adapter; Allegro is the only product today (a MARKETPLACE_PROVIDER switch goes here later). */
export function createMarketplaceClient(options: CreateMarketplaceClientOptions): MarketplaceClient {
  const tokens = createAllegroTokenProvider({
    http: options.authHttp,
    // its own breaker and bulkhead: the token endpoint is another host (allegro.pl) than the API (api.allegro.pl)
    upstream: createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: options.timeoutMs, ...options.policies }),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    refreshToken: options.refreshToken,
  });
  const upstream = createUpstream({ serviceName: 'marketplace', product: 'allegro', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  return createAllegroClient({ http: options.apiHttp, upstream, tokens });
}
