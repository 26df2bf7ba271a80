/**
 * Picks the CRM adapter. HubSpot is the only CRM today; another product (e.g. Salesforce) would be one more folder
 * under `upstream/` and one more branch here, with resolvers and loaders unchanged.
 */
import type { AxiosInstance } from 'axios';
import type { CrmClient } from './crm-client.ts';
import { createHubSpotClient } from './hubspot/hubspot-client.ts';

export interface CreateCrmClientOptions {
  http: AxiosInstance;
  accessToken: string;
}

export function createCrmClient(options: CreateCrmClientOptions): CrmClient {
  return createHubSpotClient(options);
}
