/**
 * `npm start`: the whole stack in one process, for development and demos.
 *
 * For every system whose `<PRODUCT>_BASE_URL` is not set, its bundled simulator starts and the subgraph is pointed at
 * it with the simulator's credentials; a set `<PRODUCT>_BASE_URL` (with that system's real credentials) uses the real
 * system instead, with no other change. The configuration of everything (simulators, five subgraphs, gateway) is
 * validated before any server starts, every problem reported at once. Then the simulators, the five subgraphs and
 * the gateway start, and the gateway URL, a ready-to-paste query and the demo credentials are printed. One metrics
 * listener serves the whole process (GATEWAY_METRICS_PORT). Ctrl-C drains (no delay: nothing routes here) and exits 0.
 */
import { bootAllegroSimulator } from '@omnigraph/simulator-allegro';
import { bootSimulators, type SimulatorBoot, type SimulatorName } from '@omnigraph/simulator-core';
import { bootHubSpotSimulator } from '@omnigraph/simulator-hubspot';
import { bootOdooSimulator } from '@omnigraph/simulator-odoo';
import { BASE_URL_VARIABLES, subgraphEnvFor } from '@omnigraph/simulator-stack';
import { bootWooCommerceSimulator } from '@omnigraph/simulator-woocommerce';
import { createGateway, EXAMPLE_QUERY, EXAMPLE_VARIABLES, loadGatewayConfig, type GatewayConfig } from '@omnigraph/gateway';
import { loadCommandsConfig } from '@omnigraph/subgraph-commands';
import { loadCrmConfig } from '@omnigraph/subgraph-crm';
import { loadErpConfig } from '@omnigraph/subgraph-erp';
import { loadEshopConfig } from '@omnigraph/subgraph-eshop';
import { loadMarketplaceConfig } from '@omnigraph/subgraph-marketplace';
import { loadPricingConfig } from '@omnigraph/subgraph-pricing';
import { ConfigError, type ConfigIssue, type Env } from '@omnigraph/shared/config';
import { createHttpDrain, runService, urlHost } from '@omnigraph/shared/service';
import { randomUUID } from 'node:crypto';
import { issueDemoKeys } from './demo-keys.ts';
import { freshSubgraphSecret, registerShopWebhooks, startSubgraphs } from './start-subgraphs.ts';
import { createLocalChangeBus } from '@omnigraph/shared/freshness';
import { flushLogs } from '@omnigraph/shared/logging';

const started = Date.now();

/** The write the banner shows: a courier order for Anna at the ERP list price, then how the write stands. */
const EXAMPLE_WRITE =
  'mutation ($key: String!) { placeOrder(idempotencyKey: $key, input: { customerId: "10000000001", ' +
  'lines: [{ sku: "SKU-PLT-18", quantity: 1 }], delivery: { method: COURIER } }) ' +
  '{ operation { state steps { step state upstreamId } } order { id number status totals { total { amount currency } } } } }';

const SIMULATORS: { product: SimulatorName; boot: (env: NodeJS.ProcessEnv) => SimulatorBoot }[] = [
  { product: 'odoo', boot: bootOdooSimulator },
  { product: 'woocommerce', boot: bootWooCommerceSimulator },
  { product: 'hubspot', boot: bootHubSpotSimulator },
  { product: 'allegro', boot: bootAllegroSimulator },
];

interface StackPlan {
  /** the env every part reads (simulator credentials filled in, the subgraph secret set) */
  env: NodeJS.ProcessEnv;
  /** the simulators to start (systems without a `<PRODUCT>_BASE_URL`), created and not listening yet */
  simulators: { product: SimulatorName; boot: SimulatorBoot }[];
  /** the real systems in use: product and base URL */
  realSystems: { product: SimulatorName; variable: string; url: string }[];
  gateway: GatewayConfig;
}

/**
 * Validates the configuration of the whole stack before anything listens: the simulators it will start, the five
 * subgraphs (pointed at where each simulator will listen) and the gateway. One ConfigError lists every problem.
 */
/** The variables a simulator gives its subgraph (see subgraphEnvFor), as placeholders while only validating. */
function placeholderSimulatorEnv(product: SimulatorName): Record<string, string> {
  const names: Record<SimulatorName, string[]> = {
    odoo: ['ODOO_DATABASE', 'ODOO_API_KEY'],
    woocommerce: ['WOOCOMMERCE_CONSUMER_KEY', 'WOOCOMMERCE_CONSUMER_SECRET'],
    hubspot: ['HUBSPOT_ACCESS_TOKEN'],
    allegro: ['ALLEGRO_CLIENT_ID', 'ALLEGRO_CLIENT_SECRET', 'ALLEGRO_REFRESH_TOKEN'],
  };
  return Object.fromEntries(names[product].map((name) => [name, 'simulator-placeholder']));
}

function planStack(processEnv: Env): StackPlan {
  const env: NodeJS.ProcessEnv = { ...processEnv };
  const issues: ConfigIssue[] = [];
  const collect = (load: () => void): void => {
    try {
      load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...error.issues);
    }
  };
  const wanted = SIMULATORS.filter(({ product }) => !env[BASE_URL_VARIABLES[product]]);
  const realSystems = SIMULATORS.filter(({ product }) => env[BASE_URL_VARIABLES[product]]).map(({ product }) => ({
    product,
    variable: BASE_URL_VARIABLES[product],
    url: env[BASE_URL_VARIABLES[product]]!,
  }));
  const simulators: StackPlan['simulators'] = [];
  for (const { product, boot } of wanted) {
    let booted: SimulatorBoot | undefined;
    collect(() => ([booted] = bootSimulators([() => boot(env)])));
    // Where it will listen (its port may be 0: the URL is final once it listens, see start); explicit credentials
    // win, so a half-configured real system is never silently given simulator keys.
    const url = booted === undefined ? 'http://127.0.0.1:1' : `http://${urlHost(booted.config.host)}:${booted.config.port || 1}`;
    // A simulator whose own config is wrong still stands in for its system, so its subgraph's checks report the
    // subgraph's problems, not the credentials the simulator would have given it.
    const provided = booted === undefined ? placeholderSimulatorEnv(product) : subgraphEnvFor(booted.simulator, url, env['HUBSPOT_SIMULATOR_TOKEN']);
    for (const [k, v] of Object.entries(provided)) env[k] ??= v;
    env[BASE_URL_VARIABLES[product]] = url;
    if (booted !== undefined) simulators.push({ product, boot: booted });
  }
  // One secret shared by the subgraphs and the gateway; random per run unless set, so a local stack never runs on
  // the published development secret.
  env['OMNIGRAPH_SUBGRAPH_SECRET'] ||= freshSubgraphSecret();
  // The bundled shop gets webhooks to the eshop subgraph (freshness); a real shop is registered by its admin
  // (docs/webhooks.md).
  if (simulators.some((s) => s.product === 'woocommerce')) env['WOOCOMMERCE_WEBHOOK_SECRET'] ||= freshSubgraphSecret();
  // customer-bound tokens (ADR 0009) on, with a key of this run only; tokens of an earlier run are refused
  env['GATEWAY_CUSTOMER_TOKEN_SECRET'] ||= freshSubgraphSecret();
  for (const load of [loadErpConfig, loadEshopConfig, loadCrmConfig, loadMarketplaceConfig, loadCommandsConfig, loadPricingConfig])
    collect(() => load(env));
  let gateway: GatewayConfig | undefined;
  collect(() => (gateway = loadGatewayConfig(env)));
  const unique = [...new Map(issues.map((i) => [`${i.path}\u0000${i.message}`, i])).values()];
  if (unique.length > 0 || gateway === undefined) throw new ConfigError('npm start', unique);
  return { env, simulators, realSystems, gateway };
}

void runService({
  name: 'stack',
  load: planStack,
  // one metrics listener for the process (GATEWAY_METRICS_*); no drain delay: no load balancer routes to a laptop
  settings: (plan) => ({ ...plan.gateway.service, shutdown: { ...plan.gateway.service.shutdown, delayMs: 0 } }),
  start: async ({ env, simulators, realSystems, gateway: planned }, { register, metricsUrl }) => {
    const sources = realSystems.map(({ product, variable, url }) => `  ${product.padEnd(12)} ${url} (${variable})`);
    for (const { product, boot } of simulators) {
      const drain = createHttpDrain(boot.simulator.server);
      register({ name: `${product} simulator`, drain: drain.drain, close: () => boot.simulator.close() });
      const url = await boot.simulator.listen(boot.config.port, boot.config.host);
      Object.assign(env, subgraphEnvFor(boot.simulator, url, env['HUBSPOT_SIMULATOR_TOKEN']), { [BASE_URL_VARIABLES[product]]: url });
      sources.push(`  ${product.padEnd(12)} ${url} (bundled simulator; admin ${url}/__simulator)`);
    }
    // the subgraphs' change events reach the gateway's response cache in this process (ADR 0015)
    const changes = createLocalChangeBus();
    const subgraphs = await startSubgraphs(env, { onChange: changes.emit });
    register({ name: 'subgraphs', drain: subgraphs.drain, close: () => subgraphs.stop() });
    if (simulators.some((s) => s.product === 'woocommerce')) {
      await registerShopWebhooks(env, subgraphs.urls.eshop, env['WOOCOMMERCE_WEBHOOK_SECRET']!);
    }
    const gateway = await createGateway(loadGatewayConfig({ ...env, ...subgraphs.gatewayEnv }), { changes: changes.subscribe });
    register({ name: 'gateway', drain: gateway.drain, close: () => gateway.close() });
    const gatewayUrl = await gateway.listen();
    const demo = await issueDemoKeys(gateway.apiKeys);
    printBanner({
      gatewayUrl,
      metricsUrl,
      sources,
      subgraphUrls: subgraphs.urls,
      demo,
      keysInRedis: Boolean(env['REDIS_URL']),
      customerTokenTtlSeconds: planned.customerTokens.ttlSeconds,
    });
  },
});

function printBanner(b: {
  gatewayUrl: string;
  metricsUrl: string | undefined;
  sources: string[];
  subgraphUrls: Record<string, string>;
  demo: { callCenter: string; partner: string; storefront: string };
  keysInRedis: boolean;
  customerTokenTtlSeconds: number;
}): void {
  const { gatewayUrl, demo } = b;
  const body = JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' '), variables: JSON.parse(EXAMPLE_VARIABLES) });
  const write = JSON.stringify({ query: EXAMPLE_WRITE, variables: { key: randomUUID() } });
  // the start-up lines still in the log buffer first, so the banner is the last thing on the screen
  flushLogs();
  console.log(`
Omnigraph is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  GraphQL:   ${gatewayUrl}/graphql
  Explorer:  ${gatewayUrl}/          (GraphiQL, works offline: put { "x-api-key": "<the call-center key below>" } in its Headers tab)
  Health:    ${gatewayUrl}/healthz   ${gatewayUrl}/readyz
  Metrics:   ${b.metricsUrl ?? 'off (GATEWAY_METRICS_PORT=off)'}   (every service of this process; not on the GraphQL port)

Upstream systems:
${b.sources.join('\n')}

Subgraphs: ${Object.entries(b.subgraphUrls)
    .map(([name, url]) => `${name} ${url}`)
    .join(' · ')}

Try the call-center view of demo customer Anna Kowalska (phone +48 601 234 567):

curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' -H 'x-api-key: ${demo.callCenter}' -d '${body.replaceAll("'", "'\\''")}'

Act for her (ADR 0011): place a courier order, exactly once. Send it again with the same idempotency key and the
same order comes back, nothing is written twice; a new order needs a new key:

curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' -H 'x-api-key: ${demo.callCenter}' -d '${write.replaceAll("'", "'\\''")}'

Demo API keys (new on every start; the previous demo keys are deleted; keys are stored in ${b.keysInRedis ? 'Redis' : 'the key file'}):
  call center (internal, every scope):           ${demo.callCenter}
  comparison site (partner, catalog:read stock:read): ${demo.partner}
  storefront back end (internal, customer-tokens:issue only): ${demo.storefront}
The partner key gets catalog and stock data; ask it for a customer and the answer is FORBIDDEN. More keys:
  npm run keys -- create --name <name> --owner <partnerId> --scopes catalog:read,stock:read --rate-limit 600

A shop's "my account" page: its back end mints a token bound to the signed-in customer (Anna, CRM id 10000000001),
valid ${b.customerTokenTtlSeconds / 60} minutes, that reads only her own me { … }:

TOKEN=$(curl -s -X POST ${gatewayUrl}/customer-tokens -H 'content-type: application/json' -H 'authorization: Bearer ${demo.storefront}' -d '{"customerId":"10000000001"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ me { name loyalty { tier } orders(first: 5) { edges { node { id placedAt } } } } }"}'

Other demo customers: phone 600-100-200 (Tomasz, 400+ orders), 0048 512 345 678 (Katarzyna, guest orders),
e-mail marek.lewandowski@example.pl (Allegro only). Ctrl-C stops everything.
`);
}
