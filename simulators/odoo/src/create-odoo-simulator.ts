import { createSimulator, type KnobsState, type Simulator } from '@omnigraph/simulator-core';
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import { injectedError, notFound, rateLimited } from './odoo-responses.ts';
import { DEFAULT_CREDENTIALS, OdooStore, type OdooCredentials } from './odoo-store.ts';
import { json2Routes } from './routes/json2-routes.ts';
import { jsonRpcRoutes } from './routes/jsonrpc-routes.ts';

export interface CreateOdooSimulatorOptions {
  seed?: number;
  scale?: number;
  /** the dataset's PII canary marker (see DatasetOptions.piiCanary); ignored when `dataset` is given */
  piiCanary?: string;
  /** a dataset to serve instead of `getDataset({ seed, scale })` */
  dataset?: Dataset;
  credentials?: Partial<OdooCredentials>;
  knobs?: Partial<KnobsState>;
  faultSeed?: number;
}

export interface OdooSimulator extends Simulator {
  odoo: { store: OdooStore; credentials: OdooCredentials };
}

/** An Odoo 19 server speaking both external APIs (legacy `/jsonrpc` and JSON-2), not listening yet. */
export function createOdooSimulator(options: CreateOdooSimulatorOptions = {}): OdooSimulator {
  const credentials: OdooCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const loadDataset = () => options.dataset ?? getDataset({ seed: options.seed, scale: options.scale, piiCanary: options.piiCanary });
  const store = new OdooStore(loadDataset, credentials);
  const simulator = createSimulator({
    name: 'odoo',
    routes: [...jsonRpcRoutes(store), ...json2Routes(store)],
    store,
    // Odoo has no rate limit of its own: a budget, when configured, stands for a reverse proxy in front of it.
    knobs: { rateLimit: null, ...options.knobs },
    faultSeed: options.faultSeed,
    hooks: {
      errorResponse: (status, req) => injectedError(status, req),
      rateLimitResponse: (info) => rateLimited(info.retryAfterSeconds),
      notFoundResponse: (req) => notFound(req),
    },
  });
  return Object.assign(simulator, { odoo: { store, credentials } });
}
