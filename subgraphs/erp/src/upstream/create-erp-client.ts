import { createHttpClient } from '@omnigraph/shared/http';
import type { ErpClient } from './erp-client.ts';
import { createOdooClient } from './odoo/odoo-client.ts';

export interface CreateErpClientOptions {
  /** Odoo server base URL */
  baseUrl: string;
  database: string;
  apiKey: string;
  timeoutMs: number;
}

/** The ERP adapter. Odoo is the only product today; another ERP would be chosen here by an `ERP_PROVIDER` value. */
export function createErpClient(options: CreateErpClientOptions): ErpClient {
  const http = createHttpClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  return createOdooClient({ http, database: options.database, apiKey: options.apiKey });
}
