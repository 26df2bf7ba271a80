import type { AxiosInstance } from 'axios';
import { createAllegroClient } from './allegro/allegro-client.ts';
import { createAllegroTokenProvider } from './allegro/allegro-token-provider.ts';
import type { AllegroTokenProvider } from './allegro/allegro-token-provider.ts';
import type { MarketplaceClient } from './marketplace-client.ts';

export interface CreateMarketplaceClientOptions {
  /** aimed at the Allegro API base URL */
  apiHttp: AxiosInstance;
  /** aimed at the Allegro token endpoint base URL (another host on real Allegro) */
  authHttp: AxiosInstance;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /**
   * A token provider to share (the freshness source polls with the same tokens): Allegro rotates refresh tokens, so
   * two providers in one process would retire each other's. @default a new one from the credentials above
   */
  tokens?: AllegroTokenProvider;
}

/** The marketplace adapter; Allegro is the only product today (a MARKETPLACE_PROVIDER switch goes here later). */
export function createMarketplaceClient(options: CreateMarketplaceClientOptions): MarketplaceClient {
  const tokens = options.tokens ?? createAllegroTokenProvider({
    http: options.authHttp,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    refreshToken: options.refreshToken,
  });
  return createAllegroClient({ http: options.apiHttp, tokens });
}
