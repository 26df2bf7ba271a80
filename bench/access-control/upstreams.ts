/**
 * The upstream half of the access-control benchmark, in one process: the four simulators and the four subgraphs,
 * wired as `e2e/start-e2e-stack.ts` wires them. The bench starts it pinned to CPU 0 and reads one JSON line from
 * stdout: the subgraph URLs and the SKUs the dataset holds (for the query's variables). It exits when the bench
 * closes its stdin, so a crashed bench cannot leave it behind.
 *
 * Env: OMNIGRAPH_SUBGRAPH_SECRET (required, shared with the gateways), BENCH_SCALE (dataset scale, default 1).
 */
import { getDataset } from '@omnigraph/simulator-dataset';
import { startSimulatorStack, subgraphEnvFor } from '@omnigraph/simulator-stack';
import { loadCrmConfig, startCrmSubgraph } from '@omnigraph/subgraph-crm';
import { loadErpConfig, startErpSubgraph } from '@omnigraph/subgraph-erp';
import { loadEshopConfig, startEshopSubgraph } from '@omnigraph/subgraph-eshop';
import { loadMarketplaceConfig, startMarketplaceSubgraph } from '@omnigraph/subgraph-marketplace';

export interface UpstreamsReady {
  subgraphUrls: { erp: string; eshop: string; crm: string; marketplace: string };
  skus: string[];
  customerId: string;
}

const secret = process.env['OMNIGRAPH_SUBGRAPH_SECRET'];
if (secret === undefined || secret === '') throw new Error('OMNIGRAPH_SUBGRAPH_SECRET is required');
const scale = Number(process.env['BENCH_SCALE'] ?? '1');

// Simulator budgets off: a 429 from a simulator would be a benchmark artefact, not gateway cost.
const simulators = await startSimulatorStack({ scale, knobs: { hubspot: { rateLimit: null }, allegro: { rateLimit: null } } });
await fetch(`${simulators.urls.hubspot}/__simulator/search-rate-limit`, { method: 'PUT', body: 'null' });
const env: NodeJS.ProcessEnv = {
  ...process.env,
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
const dataset = getDataset({ scale });

const ready: UpstreamsReady = {
  subgraphUrls: { erp: erp.url, eshop: eshop.url, crm: crm.url, marketplace: marketplace.url },
  skus: dataset.products.map((p) => p.sku),
  customerId: String(dataset.crmContacts[0]?.id ?? '1'),
};
process.stdout.write(`UPSTREAMS_READY ${JSON.stringify(ready)}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(subgraphs.map((s) => s.stop()));
  await simulators.close();
  process.exit(0);
}
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
