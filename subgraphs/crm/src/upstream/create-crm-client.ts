/**
 * Picks the CRM adapter. HubSpot is the only CRM today; another product (e.g. Salesforce) would be one more folder
 * under `upstream/` and one more branch here, with resolvers and loaders unchanged.
 */
import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import type { CrmClient } from './crm-client.ts';
import { createHubSpotClient } from './hubspot/hubspot-client.ts';

export interface CreateCrmClientOptions {
  /** HubSpot API base URL */
  baseUrl: string;
  accessToken: string;
  /** one request (attempt), capped by the request's deadline */
  timeoutMs: number;
  /** retries, breaker, bulkhead, budget, logger; each has a documented default in `@omnigraph/shared/upstream` */
  policies?: UpstreamPolicies;
}

export function createCrmClient(options: CreateCrmClientOptions): CrmClient {
  const http = createHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const upstream = createUpstream({ serviceName: 'crm', product: 'hubspot', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  return createHubSpotClient({ http, upstream, accessToken: options.accessToken });
}
