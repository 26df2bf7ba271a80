import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type OdooSimulator } from '@omnigraph/simulator-odoo';
import { parseErpConfig } from '../src/config.ts';
import { createErpClient } from '../src/upstream/create-erp-client.ts';
import type { ErpClient } from '../src/upstream/erp-client.ts';
import { saleOrderRefQuery } from '../src/upstream/erp-lookup-loaders.ts';
import { DEFAULT_CHANNEL_ORDER_REFS, parseChannelOrderRules } from '../src/order-references.ts';
import { odooCredentials, readWireProducts, startOdoo, type WireProduct } from './odoo-test-support.ts';

/**
 * The legacy wire format (Odoo ≤ 18: `POST /jsonrpc` `common.authenticate` + `object.execute_kw`, errors as HTTP 200
 * envelopes) against the simulator, which serves both: every read gives what JSON-2 gives, and errors map alike.
 */
let sim: OdooSimulator;
let baseUrl: string;
let json2: ErpClient;
let jsonrpc: ErpClient;
let wire: WireProduct[];
const rpc = (over: { apiKey?: string; login?: string } = {}) =>
  createErpClient({
    baseUrl,
    ...odooCredentials,
    protocol: 'jsonrpc',
    login: DEFAULT_CREDENTIALS.login,
    timeoutMs: 2_000,
    policies: { retry: { maxRetries: 0 } },
    ...over,
  });

beforeAll(async () => {
  ({ sim, baseUrl } = await startOdoo());
  json2 = createErpClient({ baseUrl, ...odooCredentials, timeoutMs: 2_000 });
  jsonrpc = rpc();
  wire = await readWireProducts(sim, baseUrl, 30);
});
afterAll(() => sim.close());
beforeEach(() => sim.control.resetCounters());

describe('ErpClient over JSON-RPC (ODOO_PROTOCOL=jsonrpc)', () => {
  it('reads products, stock, locations, pricing and deliveries exactly as over JSON-2, through /jsonrpc only', async () => {
    const skus = wire.map((p) => p.default_code);
    const rules = parseChannelOrderRules(DEFAULT_CHANNEL_ORDER_REFS);
    if (!Array.isArray(rules)) throw new Error(rules.error);
    const query = saleOrderRefQuery(['eshop:1', 'eshop:2', 'eshop:3', 'eshop:15228'], rules);
    const read = (client: ErpClient) =>
      Promise.all([
        client.getProductsBySkus({ skus }),
        client.getStockBySkus({ skus }),
        client.listLocations(),
        client.getPartnerPricing({ partnerIds: [100, 101] }),
        client.findSaleOrderDeliveries({ query }),
      ]);
    const viaJson2 = await read(json2);
    sim.control.resetCounters();
    const viaRpc = await read(jsonrpc);
    expect(viaRpc).toEqual(viaJson2);
    expect(viaRpc[0]).toHaveLength(skus.length);
    const { endpoints } = sim.control.counters();
    expect(Object.keys(endpoints).filter((k) => k.startsWith('POST '))).toEqual(['POST /jsonrpc']);
  });

  it('maps a refused login to UPSTREAM_REJECTED and an Odoo error envelope (HTTP 200) like JSON-2 maps its status', async () => {
    await expect(rpc({ apiKey: 'not-the-key' }).getProductsBySkus({ skus: ['X'] })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_REJECTED', serviceName: 'erp' },
    });
    // a server error inside the envelope is the ERP being unavailable, not a bad answer
    sim.control.addFaults([{ kind: 'status', status: 503, count: 1, match: 'POST /jsonrpc' }]);
    await expect(rpc().getProductsBySkus({ skus: ['X'] })).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
  });

  it('needs ODOO_LOGIN with ODOO_PROTOCOL=jsonrpc', () => {
    const env = { ODOO_BASE_URL: 'http://odoo.invalid', ODOO_DATABASE: 'omnigraph', ODOO_API_KEY: 'key', ODOO_PROTOCOL: 'jsonrpc' };
    expect(() => parseErpConfig(env)).toThrow(/ODOO_LOGIN/);
    expect(parseErpConfig({ ...env, ODOO_LOGIN: 'bot' })).toMatchObject({ ODOO_PROTOCOL: 'jsonrpc', ODOO_LOGIN: 'bot' });
  });
});
