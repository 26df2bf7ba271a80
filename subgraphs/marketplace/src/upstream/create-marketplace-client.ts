import type { AxiosInstance } from 'axios';
import type { ReadinessCheck } from '@omnigraph/shared/graphql-server';
import type { Logger } from '@omnigraph/shared/logging';
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
  clientId: string;
  clientSecret: string;
  /** ALLEGRO_REFRESH_TOKEN: seeds `tokenStore` (see allegro-token-provider.ts) */
  refreshToken: string;
  /** where the rotating grant lives (ALLEGRO_TOKEN_STORE). @default in-process memory */
  tokenStore?: AllegroTokenStore;
  logger?: Logger;
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
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    refreshToken: options.refreshToken,
    ...(options.tokenStore === undefined ? {} : { store: options.tokenStore }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const client = createAllegroClient({ http: options.apiHttp, tokens });
  return Object.assign(client, { readiness: createAllegroReadiness({ http: options.apiHttp, tokens }), tokens });
}
