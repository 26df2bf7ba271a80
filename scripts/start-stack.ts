/**
 * `npm start`: the whole stack in one process, for development and demos.
 *
 * For every system whose `<PRODUCT>_BASE_URL` is not set, its bundled simulator starts and the subgraph is pointed at
 * it with the simulator's credentials; a set `<PRODUCT>_BASE_URL` (with that system's real credentials) uses the real
 * system instead, with no other change. Then the four subgraphs and the gateway start, and the gateway URL, a
 * ready-to-paste query and the demo credentials are printed. Ctrl-C stops everything.
 */
import type { ApiKeyService } from '@omnigraph/auth';
import { bootAllegroSimulator } from '@omnigraph/simulator-allegro';
import type { SimulatorBoot, SimulatorName } from '@omnigraph/simulator-core';
import { bootHubSpotSimulator } from '@omnigraph/simulator-hubspot';
import { bootOdooSimulator } from '@omnigraph/simulator-odoo';
import { BASE_URL_VARIABLES, subgraphEnvFor } from '@omnigraph/simulator-stack';
import { bootWooCommerceSimulator } from '@omnigraph/simulator-woocommerce';
import { createGateway, EXAMPLE_QUERY, EXAMPLE_VARIABLES, loadGatewayConfig } from '@omnigraph/gateway';
import { ConfigError } from '@omnigraph/shared/config';
import { createLogger } from '@omnigraph/shared/logging';
import { startTracing, type Tracing } from '@omnigraph/shared/tracing';
import { freshSubgraphSecret, registerShopWebhooks, startSubgraphs } from './start-subgraphs.ts';

const DEMO_OWNER = 'omnigraph-demo';

interface Running {
  name: string;
  stop(): Promise<void>;
}

const started = Date.now();
const env: NodeJS.ProcessEnv = { ...process.env };
const running: Running[] = [];
const logger = createLogger({ name: 'omnigraph' });
let tracing: Tracing | undefined;

const simulators: { product: SimulatorName; boot: (env: NodeJS.ProcessEnv) => SimulatorBoot }[] = [
  { product: 'odoo', boot: bootOdooSimulator },
  { product: 'woocommerce', boot: bootWooCommerceSimulator },
  { product: 'hubspot', boot: bootHubSpotSimulator },
  { product: 'allegro', boot: bootAllegroSimulator },
];

async function main(): Promise<void> {
  // one process, one tracer provider: every role's spans carry `omnigraph.service`; OTEL_SERVICE_NAME names the whole
  tracing = startTracing({ role: 'omnigraph' });
  running.push({ name: 'tracing', stop: () => tracing!.shutdown() });
  const sources: string[] = [];
  for (const { product, boot: bootSimulator } of simulators) {
    const baseUrlVar = BASE_URL_VARIABLES[product];
    if (env[baseUrlVar]) {
      sources.push(`  ${product.padEnd(12)} ${env[baseUrlVar]} (${baseUrlVar})`);
      continue;
    }
    const boot = bootSimulator(env);
    const url = await boot.simulator.listen(boot.config.port, boot.config.host);
    running.push({ name: `${product} simulator`, stop: () => boot.simulator.close() });
    // Explicit credentials win, so a half-configured real system is never silently given simulator keys.
    for (const [k, v] of Object.entries(subgraphEnvFor(boot.simulator, url, env['HUBSPOT_SIMULATOR_TOKEN']))) env[k] ??= v;
    env[baseUrlVar] = url;
    sources.push(`  ${product.padEnd(12)} ${url} (bundled simulator; admin ${url}/__simulator)`);
  }

  // One secret shared by the subgraphs and the gateway (which reads the same `env`); random per run unless set, so
  // a local stack never runs on the published development secret.
  env['OMNIGRAPH_SUBGRAPH_SECRET'] ||= freshSubgraphSecret();
  // The bundled shop gets webhooks to the eshop subgraph (freshness); a real shop is registered by its admin
  // (docs/webhooks.md).
  const bundledShop = running.some((r) => r.name === 'woocommerce simulator');
  if (bundledShop) env['WOOCOMMERCE_WEBHOOK_SECRET'] ||= freshSubgraphSecret();
  const subgraphs = await startSubgraphs(env);
  running.push({ name: 'subgraphs', stop: () => subgraphs.stop() });
  if (bundledShop) await registerShopWebhooks(env, subgraphs.urls.eshop, env['WOOCOMMERCE_WEBHOOK_SECRET']!);

  const gateway = await createGateway(loadGatewayConfig({ ...env, ...subgraphs.gatewayEnv }));
  const gatewayUrl = await gateway.listen();
  running.push({ name: 'gateway', stop: () => gateway.close() });
  const demo = await issueDemoKeys(gateway.apiKeys);

  const body = JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' '), variables: JSON.parse(EXAMPLE_VARIABLES) });
  console.log(`
Omnigraph is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  GraphQL:   ${gatewayUrl}/graphql
  Explorer:  ${gatewayUrl}/          (works offline; the example below is prefilled)
  Health:    ${gatewayUrl}/healthz   ${gatewayUrl}/readyz

Upstream systems:
${sources.join('\n')}

Subgraphs: ${Object.entries(subgraphs.urls).map(([name, url]) => `${name} ${url}`).join(' · ')}

Try the call-center view of demo customer Anna Kowalska (phone +48 601 234 567):

curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' -H 'x-api-key: ${demo.callCenter}' -d '${body.replaceAll("'", "'\\''")}'

Demo API keys (new on every start; the previous demo keys are revoked; keys are stored in ${env['REDIS_URL'] ? 'Redis' : 'the key file'}):
  call center (internal, every scope):           ${demo.callCenter}
  comparison site (partner, catalog:read stock:read): ${demo.partner}
The partner key gets catalog and stock data; ask it for a customer and the answer is FORBIDDEN. More keys:
  npm run keys -- create --name <name> --owner <partnerId> --scopes catalog:read,stock:read --rate-limit 600

Other demo customers: phone 600-100-200 (Tomasz, 400+ orders), 0048 512 345 678 (Katarzyna, guest orders),
e-mail marek.lewandowski@example.pl (Allegro only). Ctrl-C stops everything.
`);
}

/** Fresh demo keys per start; the ones of earlier starts are revoked so they do not pile up as live credentials. */
async function issueDemoKeys(keys: ApiKeyService): Promise<{ callCenter: string; partner: string }> {
  for (const old of await keys.list(DEMO_OWNER)) if (old.revokedAt === undefined) await keys.revoke(old.keyId);
  const callCenter = await keys.createKey({
    name: 'demo: call center',
    ownerId: DEMO_OWNER,
    profile: 'internal',
    scopes: ['catalog:read', 'stock:read', 'customers:read', 'customers:pii', 'orders:read'],
    rateLimitPerMinute: 600,
  });
  const partner = await keys.createKey({
    name: 'demo: comparison site',
    ownerId: DEMO_OWNER,
    scopes: ['catalog:read', 'stock:read'],
    rateLimitPerMinute: 120,
  });
  return { callCenter: callCenter.key, partner: partner.key };
}

async function stop(): Promise<void> {
  for (const r of running.reverse()) await r.stop().catch(() => undefined);
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

main().catch(async (error: unknown) => {
  // the banner above is for humans; everything else, failures included, is a JSON line like every process writes
  // a configuration problem is told as it is (every problem, no stack trace); anything else with its stack
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'the stack failed to start');
  for (const r of running.reverse()) await r.stop().catch(() => undefined);
  process.exit(1);
});
