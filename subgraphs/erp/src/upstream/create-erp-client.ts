import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import type { ErpClient } from './erp-client.ts';
import { createOdooClient } from './odoo/odoo-client.ts';
import type { PartnerPhoneField } from './odoo/odoo-lookup.ts';
import type { OdooProtocol } from './odoo/odoo-transport.ts';

export interface CreateErpClientOptions {
  /** Odoo server base URL */
  baseUrl: string;
  database: string;
  apiKey: string;
  /** ODOO_PROTOCOL. @default 'json2' */
  protocol?: OdooProtocol | undefined;
  /** ODOO_LOGIN (JSON-RPC only) */
  login?: string | undefined;
  /** one attempt (one HTTP request), capped by the request's deadline */
  timeoutMs: number;
  /** retries, breaker, bulkhead, budget, logger; each has a documented default in `@omnigraph/shared/upstream` */
  policies?: UpstreamPolicies;
  /** ERP_PARTNER_PHONE_FIELDS: where partners' phones are searched. @default ['phone'] */
  partnerPhoneFields?: readonly PartnerPhoneField[];
  /** ERP_COMPANY_ID: the company whose taxes count; unset: the API user's */
  companyId?: number | undefined;
}

/** The ERP adapter. Odoo is the only product today; another ERP would be chosen here by an `ERP_PROVIDER` value. */
export function createErpClient(options: CreateErpClientOptions): ErpClient {
  const http = createHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const upstream = createUpstream({ serviceName: 'erp', product: 'odoo', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  return createOdooClient({
    http,
    upstream,
    database: options.database,
    apiKey: options.apiKey,
    protocol: options.protocol,
    login: options.login,
    ...(options.partnerPhoneFields ? { partnerPhoneFields: options.partnerPhoneFields } : {}),
    companyId: options.companyId,
  });
}
