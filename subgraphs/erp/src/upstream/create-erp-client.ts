import { createHttpClient } from '@omnigraph/shared/http';
import { createUpstream, type UpstreamPolicies } from '@omnigraph/shared/upstream';
import type { ErpClient } from './erp-client.ts';
import { createOdooClient } from './odoo/odoo-client.ts';
import type { PartnerPhoneField } from './odoo/odoo-lookup.ts';
import { createOdooTransport, type OdooProtocol, type OdooTransport } from './odoo/odoo-transport.ts';

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
  /**
   * The process's Odoo connection (createOdooConnection), shared with the change feeds so that the process keeps one
   * socket pool and logs in once over JSON-RPC; unset: one of its own from the options above.
   */
  transport?: OdooTransport | undefined;
}

export type OdooConnectionOptions = Pick<CreateErpClientOptions, 'baseUrl' | 'database' | 'apiKey' | 'protocol' | 'login' | 'timeoutMs'>;

/** HTTP client (keep-alive, timeout) and protocol for one Odoo server: one per process. */
export function createOdooConnection(options: OdooConnectionOptions): OdooTransport {
  return createOdooTransport({
    http: createHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs }),
    protocol: options.protocol,
    database: options.database,
    apiKey: options.apiKey,
    login: options.login,
  });
}

/** The ERP adapter. Odoo is the only product today; another ERP would be chosen here by an `ERP_PROVIDER` value. */
export function createErpClient(options: CreateErpClientOptions): ErpClient {
  const upstream = createUpstream({ serviceName: 'erp', product: 'odoo', attemptTimeoutMs: options.timeoutMs, ...options.policies });
  return createOdooClient({
    transport: options.transport ?? createOdooConnection(options),
    upstream,
    protocol: options.protocol,
    ...(options.partnerPhoneFields ? { partnerPhoneFields: options.partnerPhoneFields } : {}),
    companyId: options.companyId,
  });
}
