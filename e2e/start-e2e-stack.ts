import type { SimulatorName } from '@omnigraph/simulator-core';
import { startSimulatorStack, subgraphEnvFor, type SimulatorStack } from '@omnigraph/simulator-stack';
import { createGateway, loadGatewayConfig, type Gateway } from '@omnigraph/gateway';
import { loadCrmConfig, startCrmSubgraph } from '@omnigraph/subgraph-crm';
import { loadErpConfig, startErpSubgraph } from '@omnigraph/subgraph-erp';
import { loadEshopConfig, startEshopSubgraph } from '@omnigraph/subgraph-eshop';
import { loadMarketplaceConfig, startMarketplaceSubgraph } from '@omnigraph/subgraph-marketplace';

export interface E2eStack {
  simulators: SimulatorStack;
  gateway: Gateway;
  url: string;
  /** POST a GraphQL operation to the gateway */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
  /** upstream requests per simulator since the last reset */
  upstreamCalls(): Record<SimulatorName, number>;
  resetCounters(): void;
  close(): Promise<void>;
}

/**
 * Everything in process on free ports: the four simulators, the four subgraphs pointed at them exactly as `npm start`
 * points them (same env variables), and the gateway on the committed supergraph. Caches are in memory and new for
 * each stack, so upstream-call counts do not depend on an earlier run.
 */
export async function startE2eStack(options: { scale?: number } = {}): Promise<E2eStack> {
  const simulators = await startSimulatorStack({
    scale: options.scale ?? 0.3,
    // Budgets are tested per simulator; here they would only make counts depend on timing.
    knobs: { hubspot: { rateLimit: null }, allegro: { rateLimit: null } },
  });
  await fetch(`${simulators.urls.hubspot}/__simulator/search-rate-limit`, { method: 'PUT', body: 'null' });
  const env: NodeJS.ProcessEnv = {
    ...Object.assign({}, ...simulators.all.map((s) => subgraphEnvFor(s, simulators.urls[s.name]))),
    ERP_PORT: '0',
    ESHOP_PORT: '0',
    CRM_PORT: '0',
    MARKETPLACE_PORT: '0',
  };
  const subgraphs = await Promise.all([
    startErpSubgraph(loadErpConfig(env)),
    startEshopSubgraph(loadEshopConfig(env)),
    startCrmSubgraph(loadCrmConfig(env)),
    startMarketplaceSubgraph(loadMarketplaceConfig(env)),
  ]);
  const [erp, eshop, crm, marketplace] = subgraphs;
  const gateway = await createGateway(
    loadGatewayConfig({ GATEWAY_PORT: '0', ERP_URL: erp.url, ESHOP_URL: eshop.url, CRM_URL: crm.url, MARKETPLACE_URL: marketplace.url }),
  );
  const url = await gateway.listen();
  return {
    simulators,
    gateway,
    url,
    async query(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    upstreamCalls: () =>
      Object.fromEntries(simulators.all.map((s) => [s.name, s.control.counters().total])) as Record<SimulatorName, number>,
    resetCounters: () => simulators.all.forEach((s) => s.control.resetCounters()),
    async close() {
      await gateway.close();
      await Promise.all(subgraphs.map((s) => s.stop()));
      await simulators.close();
    },
  };
}
