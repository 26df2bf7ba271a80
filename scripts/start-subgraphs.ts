/**
 * Starting the six subgraphs (the four over their systems, and over them commands, the writes orchestrator, and
 * pricing, the price-consistency reader), shared by `npm start`, the end-to-end stack and the benchmarks, so all three wire
 * them the same way (same env variables, same secret) and none can drift.
 */
import { randomBytes } from 'node:crypto';
import type { SubgraphName } from '@omnigraph/gateway';
import type { OnChange } from '@omnigraph/shared/freshness';
import type { DrainOptions, DrainResult } from '@omnigraph/shared/service';
import { startSimulatorStack, subgraphEnvFor, type SimulatorStack } from '@omnigraph/simulator-stack';
import { loadCommandsConfig, startCommandsSubgraph } from '@omnigraph/subgraph-commands';
import { loadCrmConfig, startCrmSubgraph } from '@omnigraph/subgraph-crm';
import { loadErpConfig, startErpSubgraph } from '@omnigraph/subgraph-erp';
import { loadEshopConfig, registerWooCommerceWebhooks, startEshopSubgraph, WOOCOMMERCE_WEBHOOK_PATH } from '@omnigraph/subgraph-eshop';
import { loadMarketplaceConfig, startMarketplaceSubgraph } from '@omnigraph/subgraph-marketplace';
import { loadPricingConfig, startPricingSubgraph } from '@omnigraph/subgraph-pricing';

export interface RunningSubgraphs {
  urls: Record<SubgraphName, string>;
  /** stops one subgraph (its port then refuses connections, as a crashed process's would); idempotent */
  stopOne(name: SubgraphName): Promise<void>;
  /** ERP_URL, ESHOP_URL, CRM_URL, MARKETPLACE_URL, COMMANDS_URL, PRICING_URL for the gateway's config */
  gatewayEnv: Record<string, string>;
  /** drains the six at once (readiness 503, in-flight requests finish); the cut requests add up */
  drain(options: DrainOptions): Promise<DrainResult>;
  stop(): Promise<void>;
}

export interface StartSubgraphsOptions {
  /**
   * Observes the upstream change events of all four subgraphs (freshness), each called after that subgraph has dropped
   * the cache entries the change makes wrong; it never replaces the invalidation.
   */
  onChange?: OnChange;
}

/**
 * The six subgraphs from one env (upstream URLs and credentials, ports, OMNIGRAPH_SUBGRAPH_SECRET). commands and pricing
 * start after the other four, since they call them at their URLs (which may be free ports chosen only now).
 */
export async function startSubgraphs(env: NodeJS.ProcessEnv, options: StartSubgraphsOptions = {}): Promise<RunningSubgraphs> {
  const freshness = options.onChange ? { onChange: options.onChange } : {};
  const [erp, eshop, crm, marketplace] = await Promise.all([
    startErpSubgraph(loadErpConfig(env), freshness),
    startEshopSubgraph(loadEshopConfig(env), freshness),
    startCrmSubgraph(loadCrmConfig(env), freshness),
    startMarketplaceSubgraph(loadMarketplaceConfig(env), freshness),
  ]);
  const calledUrls = { ERP_URL: erp.url, ESHOP_URL: eshop.url, CRM_URL: crm.url, MARKETPLACE_URL: marketplace.url };
  const [commands, pricing] = await Promise.allSettled([
    startCommandsSubgraph(loadCommandsConfig({ ...env, ...calledUrls })),
    startPricingSubgraph(loadPricingConfig({ ...env, ...calledUrls })),
  ]);
  if (commands.status === 'rejected' || pricing.status === 'rejected') {
    const started = [erp, eshop, crm, marketplace, ...[commands, pricing].flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))];
    await Promise.all(started.map((s) => s.stop()));
    throw commands.status === 'rejected' ? commands.reason : (pricing as PromiseRejectedResult).reason;
  }
  const running = { erp, eshop, crm, marketplace, commands: commands.value, pricing: pricing.value };
  const urls = {
    erp: erp.url,
    eshop: eshop.url,
    crm: crm.url,
    marketplace: marketplace.url,
    commands: running.commands.url,
    pricing: running.pricing.url,
  };
  const stopping = new Map<SubgraphName, Promise<void>>();
  const stopOne = (name: SubgraphName): Promise<void> => {
    let stopped = stopping.get(name);
    if (stopped === undefined) stopping.set(name, (stopped = running[name].stop()));
    return stopped;
  };
  return {
    urls,
    gatewayEnv: {
      ERP_URL: urls.erp,
      ESHOP_URL: urls.eshop,
      CRM_URL: urls.crm,
      MARKETPLACE_URL: urls.marketplace,
      COMMANDS_URL: urls.commands,
      PRICING_URL: urls.pricing,
    },
    stopOne,
    drain: async (drainOptions) => {
      const results = await Promise.all(Object.values(running).map((r) => r.drain(drainOptions)));
      const cut = results.reduce((sum, r) => sum + r.cut, 0);
      return { clean: cut === 0, cut, elapsedMs: Math.max(...results.map((r) => r.elapsedMs)) };
    },
    stop: async () => {
      // the orchestrator and the reader first: they call the others
      await Promise.all([stopOne('commands'), stopOne('pricing')]);
      await Promise.all((Object.keys(running) as SubgraphName[]).map(stopOne));
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
 * and timings depend on the clock) and the six subgraphs on free ports in front of them: the upstream half of the
 * end-to-end stack and of the benchmarks.
 */
export async function startTestUpstreams(options: {
  scale: number;
  piiCanary?: string | undefined;
  /** extra subgraph variables (cache ages, timeouts) */
  subgraphEnv?: NodeJS.ProcessEnv | undefined;
  /**
   * Run the change pollers (Odoo, HubSpot journal, Allegro events). Off by default: their background calls would
   * add to the simulator counters that tests assert on. @default false
   */
  freshness?: boolean;
  onChange?: OnChange;
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
  const pollers = options.freshness === true ? 'true' : 'false';
  const webhookSecret = options.freshness === true ? freshSubgraphSecret() : undefined;
  const upstreamEnv: Record<string, string> = Object.assign({}, ...simulators.all.map((s) => subgraphEnvFor(s, simulators.urls[s.name])));
  const subgraphs = await startSubgraphs(
    {
      ...upstreamEnv,
      ...(webhookSecret ? { WOOCOMMERCE_WEBHOOK_SECRET: webhookSecret } : {}),
      ERP_PORT: '0',
      ESHOP_PORT: '0',
      CRM_PORT: '0',
      MARKETPLACE_PORT: '0',
      COMMANDS_PORT: '0',
      PRICING_PORT: '0',
      OMNIGRAPH_SUBGRAPH_SECRET: subgraphSecret,
      ERP_FRESHNESS_ENABLED: pollers,
      CRM_FRESHNESS_ENABLED: pollers,
      MARKETPLACE_FRESHNESS_ENABLED: pollers,
      // Like the simulators' own rate limits above: the budgets are tested on their own (packages/shared/src/budget,
      // e2e/upstream-budget); elsewhere they would only make counts and timings depend on the clock.
      HUBSPOT_BUDGET_REQUESTS_PER_10S: 'off',
      HUBSPOT_BUDGET_SEARCHES_PER_SECOND: 'off',
      ALLEGRO_BUDGET_REQUESTS_PER_MINUTE: 'off',
      ALLEGRO_BUDGET_SHIPMENTS_PER_SECOND: 'off',
      ...(options.redisUrl === undefined ? {} : { REDIS_URL: options.redisUrl }),
      ...options.subgraphEnv,
    },
    options.onChange ? { onChange: options.onChange } : {},
  );
  if (webhookSecret) await registerShopWebhooks(upstreamEnv, subgraphs.urls.eshop, webhookSecret);
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

/**
 * Points the (simulated) shop's webhooks at the eshop subgraph, as a retailer does once in the WooCommerce admin.
 * `env` holds WOOCOMMERCE_BASE_URL and the read/write key of the simulator.
 */
export async function registerShopWebhooks(env: NodeJS.ProcessEnv, eshopUrl: string, secret: string): Promise<void> {
  await registerWooCommerceWebhooks({
    baseUrl: env['WOOCOMMERCE_BASE_URL']!,
    consumerKey: env['WOOCOMMERCE_CONSUMER_KEY']!,
    consumerSecret: env['WOOCOMMERCE_CONSUMER_SECRET']!,
    deliveryUrl: eshopUrl.replace(/\/graphql$/, WOOCOMMERCE_WEBHOOK_PATH),
    secret,
  });
}
