/**
 * Picks the CRM adapter. HubSpot is the only CRM today; another product (e.g. Salesforce) would be one more folder
 * under `upstream/` and one more branch here, with resolvers and loaders unchanged.
 */
import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import type { CrmClient } from './crm-client.ts';
import { createHubSpotClient } from './hubspot/hubspot-client.ts';
import { loyaltyTierValuesWith, type HubSpotMappingOptions } from './hubspot/hubspot-mappers.ts';
import type { CrmLoyaltyTier } from './crm-client.ts';

export interface CreateCrmClientOptions {
  /** HubSpot API base URL */
  baseUrl: string;
  accessToken: string;
  /** one request (attempt), capped by the request's deadline */
  timeoutMs: number;
  /** retries, breaker, bulkhead, budget, logger; each has a documented default in `@omnigraph/shared/upstream` */
  policies?: UpstreamPolicies;
  /** CRM_NUMBER_LOCALE: how the portal writes numbers it keeps as text; unset = HubSpot number properties */
  numberLocale?: 'pl' | 'en' | undefined;
  /** CRM_LOYALTY_TIER_VALUES: the portal's own `loyalty_tier` option values */
  loyaltyTierValues?: ReadonlyMap<string, CrmLoyaltyTier> | undefined;
  /** where values read as their fallback are told; a once-per-record warning log by default */
  onUnreadable?: HubSpotMappingOptions['onUnreadable'];
}

export function createCrmClient(options: CreateCrmClientOptions): CrmClient {
  const http = createHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const upstream = createUpstream({ serviceName: 'crm', product: 'hubspot', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  const mapping: HubSpotMappingOptions = {
    numberLocale: options.numberLocale ?? null,
    ...(options.loyaltyTierValues === undefined ? {} : { loyaltyTierValues: loyaltyTierValuesWith(options.loyaltyTierValues) }),
    onUnreadable: options.onUnreadable,
  };
  return createHubSpotClient({ http, upstream, accessToken: options.accessToken, mapping });
}
