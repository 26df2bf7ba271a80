import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv } from '@omnigraph/shared/config';

export const SUBGRAPH_NAMES = ['erp', 'eshop', 'crm', 'marketplace'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Where each subgraph listens by default, when the gateway and subgraphs run on one machine. */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { erp: 4001, eshop: 4002, crm: 4003, marketplace: 4004 };

const defaultSupergraphPath = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

const GatewayEnvSchema = z.object({
  /** @default 4000 */
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  /** @default 127.0.0.1 — bind all interfaces (0.0.0.0) explicitly in a container */
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  /** the composed supergraph, committed in the repository */
  GATEWAY_SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
  /**
   * Per subgraph fetch. @apollo/gateway has no timeout of its own; without one a hung subgraph holds the client's
   * request and a socket forever. @default 10000
   */
  GATEWAY_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  ERP_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.erp}/graphql`),
  ESHOP_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.eshop}/graphql`),
  CRM_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.crm}/graphql`),
  MARKETPLACE_URL: z.url().default(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.marketplace}/graphql`),
});

/** Every variable the gateway reads, for the `.env.example` check. */
export const GATEWAY_CONFIG_KEYS = Object.keys(GatewayEnvSchema.shape);

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  subgraphTimeoutMs: number;
  subgraphUrls: Record<SubgraphName, string>;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const e = parseEnv('gateway', GatewayEnvSchema, env);
  return {
    port: e.GATEWAY_PORT,
    host: e.GATEWAY_HOST,
    supergraphPath: e.GATEWAY_SUPERGRAPH_PATH,
    subgraphTimeoutMs: e.GATEWAY_SUBGRAPH_TIMEOUT_MS,
    subgraphUrls: { erp: e.ERP_URL, eshop: e.ESHOP_URL, crm: e.CRM_URL, marketplace: e.MARKETPLACE_URL },
  };
}
