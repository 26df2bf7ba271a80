/**
 * The four simulators alone in one process, so the benchmark can read their RSS apart from the subgraphs' and the
 * gateway's. Rate budgets off, as in startTestUpstreams (a simulator 429 would be a benchmark artefact). Prints one
 * line `SIMULATORS_READY <json>`: the subgraphs' upstream env (URLs and credentials) and dataset facts the load needs.
 * Exits when the bench closes its stdin.
 *
 * Env: BENCH_SCALE (dataset scale, default 1).
 */
import { getDataset } from '@omnigraph/simulator-dataset';
import { startSimulatorStack, subgraphEnvFor } from '@omnigraph/simulator-stack';
import { stopWithParent } from '../stop-with-parent.ts';

export interface SimulatorsReady {
  subgraphEnv: Record<string, string>;
  skus: string[];
  /** phones of CRM contacts, to vary the call-center query's variables */
  phones: string[];
  /** each simulator's base URL, for its counters and latency knob under /__simulator */
  urls: Record<string, string>;
}

const scale = Number(process.env['BENCH_SCALE'] ?? '1');
const simulators = await startSimulatorStack({ scale, knobs: { hubspot: { rateLimit: null }, allegro: { rateLimit: null } } });
await fetch(`${simulators.urls.hubspot}/__simulator/search-rate-limit`, { method: 'PUT', body: 'null' });
const dataset = getDataset({ scale });
const ready: SimulatorsReady = {
  subgraphEnv: Object.assign({}, ...simulators.all.map((s) => subgraphEnvFor(s, simulators.urls[s.name]))),
  skus: dataset.products.map((p) => p.sku),
  phones: dataset.crmContacts.map((c) => c.phone).filter((p): p is string => p !== null),
  urls: simulators.urls,
};
process.stdout.write(`SIMULATORS_READY ${JSON.stringify(ready)}\n`);

stopWithParent(() => simulators.close());
