/**
 * The upstream half of the access-control benchmark, in one process: the four simulators and the four subgraphs,
 * started by `startTestUpstreams` (scripts/start-subgraphs.ts) exactly as for the end-to-end stack. The bench starts
 * it pinned to CPU 0 and reads one JSON line from stdout: the subgraph URLs and the SKUs the dataset holds (for the query's variables). It exits when the bench
 * closes its stdin, so a crashed bench cannot leave it behind.
 *
 * Env: OMNIGRAPH_SUBGRAPH_SECRET (required, shared with the gateways), BENCH_SCALE (dataset scale, default 1).
 */
import { getDataset } from '@omnigraph/simulator-dataset';
import { startTestUpstreams } from '../../scripts/start-subgraphs.ts';
import { stopWithParent } from '../stop-with-parent.ts';

export interface UpstreamsReady {
  subgraphUrls: { erp: string; eshop: string; crm: string; marketplace: string };
  skus: string[];
  customerId: string;
}

const secret = process.env['OMNIGRAPH_SUBGRAPH_SECRET'];
if (secret === undefined || secret === '') throw new Error('OMNIGRAPH_SUBGRAPH_SECRET is required');
const scale = Number(process.env['BENCH_SCALE'] ?? '1');

// Simulator budgets off: a 429 from a simulator would be a benchmark artefact, not gateway cost.
const upstreams = await startTestUpstreams({ scale });
const dataset = getDataset({ scale });

const ready: UpstreamsReady = {
  subgraphUrls: upstreams.subgraphs.urls,
  skus: dataset.products.map((p) => p.sku),
  customerId: String(dataset.crmContacts[0]?.id ?? '1'),
};
process.stdout.write(`UPSTREAMS_READY ${JSON.stringify(ready)}\n`);

stopWithParent(() => upstreams.stop());
