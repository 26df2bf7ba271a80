/**
 * Starting the four subgraphs, shared by `npm start`, the end-to-end stack and the benchmarks, so all three wire
 * them the same way (same env variables, same secret) and none can drift.
 */
import { randomBytes } from 'node:crypto';
import type { SubgraphName } from '@omnigraph/gateway';
import { startSimulatorStack, subgraphEnvFor, type SimulatorStack } from '@omnigraph/simulator-stack';
import { loadCrmConfig, startCrmSubgraph } from '@omnigraph/subgraph-crm';
import { loadErpConfig, startErpSubgraph } from '@omnigraph/subgraph-erp';
import { loadEshopConfig, startEshopSubgraph } from '@omnigraph/subgraph-eshop';
import { loadMarketplaceConfig, startMarketplaceSubgraph } from '@omnigraph/subgraph-marketplace';

export interface RunningSubgraphs {
  urls: Record<SubgraphName, string>;
  /** ERP_URL, ESHOP_URL, CRM_URL, MARKETPLACE_URL for the gateway's config */
  gatewayEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** The four subgraphs from one env (upstream URLs and credentials, ports, OMNIGRAPH_SUBGRAPH_SECRET). */
export async function startSubgraphs(env: NodeJS.ProcessEnv): Promise<RunningSubgraphs> {
  const [erp, eshop, crm, marketplace] = await Promise.all([
    startErpSubgraph(loadErpConfig(env)),
    startEshopSubgraph(loadEshopConfig(env)),
    startCrmSubgraph(loadCrmConfig(env)),
    startMarketplaceSubgraph(loadMarketplaceConfig(env)),
  ]);
  const urls = { erp: erp.url, eshop: eshop.url, crm: crm.url, marketplace: marketplace.url };
  return {
    urls,
    gatewayEnv: { ERP_URL: urls.erp, ESHOP_URL: urls.eshop, CRM_URL: urls.crm, MARKETPLACE_URL: urls.marketplace },
    stop: async () => {
      await Promise.all([erp, eshop, crm, marketplace].map((s) => s.stop()));
    },
  };
}

/** A random secret per run, so a local stack or a test never leans on the published development secret. */
export const freshSubgraphSecret = (): string => randomBytes(32).toString('base64url');

export interface TestUpstreams {
  simulators: SimulatorStack;
  subgraphs: RunningSubgraphs;
  subgraphSecret: string;
  stop(): Promise<void>;
}

/**
 * The four simulators with their rate budgets off (budgets are tested per simulator; elsewhere they only make counts
 * and timings depend on the clock) and the four subgraphs on free ports in front of them: the upstream half of the
 * end-to-end stack and of the benchmarks.
 */
export async function startTestUpstreams(options: {
  scale: number;
  piiCanary?: string | undefined;
  /** the subgraphs' caches in this Redis instead of memory */
  redisUrl?: string | undefined;
}): Promise<TestUpstreams> {
  const simulators = await startSimulatorStack({
    scale: options.scale,
    ...(options.piiCanary === undefined ? {} : { piiCanary: options.piiCanary }),
    knobs: { hubspot: { rateLimit: null }, allegro: { rateLimit: null } },
  });
  await fetch(`${simulators.urls.hubspot}/__simulator/search-rate-limit`, { method: 'PUT', body: 'null' });
  const subgraphSecret = process.env['OMNIGRAPH_SUBGRAPH_SECRET'] || freshSubgraphSecret();
  const subgraphs = await startSubgraphs({
    ...Object.assign({}, ...simulators.all.map((s) => subgraphEnvFor(s, simulators.urls[s.name]))),
    ERP_PORT: '0',
    ESHOP_PORT: '0',
    CRM_PORT: '0',
    MARKETPLACE_PORT: '0',
    OMNIGRAPH_SUBGRAPH_SECRET: subgraphSecret,
    ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
  });
  return {
    simulators,
    subgraphs,
    subgraphSecret,
    stop: async () => {
      await subgraphs.stop();
      await simulators.close();
    },
  };
}
