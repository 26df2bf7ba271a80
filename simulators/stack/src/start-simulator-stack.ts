import type { KnobsState, Simulator, SimulatorName } from '@omnigraph/simulator-core';
import { createAllegroSimulator, type AllegroSimulator } from '@omnigraph/simulator-allegro';
import { getDataset } from '@omnigraph/simulator-dataset';
import { createHubSpotSimulator } from '@omnigraph/simulator-hubspot';
import { createOdooSimulator, type OdooSimulator } from '@omnigraph/simulator-odoo';
import { createWooCommerceSimulator, type WooCommerceSimulator } from '@omnigraph/simulator-woocommerce';

export interface SimulatorStackOptions {
  /** @default the dataset's default seed */
  seed?: number;
  /** @default 1 */
  scale?: number;
  /** PII canary marker in every person's data (see DatasetOptions.piiCanary); the env knob is SIMULATOR_PII_CANARY */
  piiCanary?: string;
  /** start-up knobs per simulator, e.g. `{ hubspot: { rateLimit: null } }` */
  knobs?: Partial<Record<SimulatorName, Partial<KnobsState>>>;
  /** @default '127.0.0.1' */
  host?: string;
  /** fixed ports; port 0 (a free port) where not given */
  ports?: Partial<Record<SimulatorName, number>>;
}

export interface SimulatorStack {
  odoo: OdooSimulator;
  woocommerce: WooCommerceSimulator;
  hubspot: Simulator;
  allegro: AllegroSimulator;
  urls: Record<SimulatorName, string>;
  /** all four, for loops over counters, resets and faults */
  all: Simulator[];
  close(): Promise<void>;
}

/**
 * Starts the four simulators over one shared dataset, in process, listening (port 0 by default): the bed for
 * integration tests and benchmarks. Entry points that read env use the `boot*Simulator(env)` functions instead.
 */
export async function startSimulatorStack(options: SimulatorStackOptions = {}): Promise<SimulatorStack> {
  const dataset = getDataset({ seed: options.seed, scale: options.scale, piiCanary: options.piiCanary });
  const knobs = options.knobs ?? {};
  const odoo = createOdooSimulator({ dataset, knobs: knobs.odoo ?? {} });
  const woocommerce = createWooCommerceSimulator({ dataset, knobs: knobs.woocommerce ?? {} });
  const hubspot = createHubSpotSimulator({ dataset, knobs: knobs.hubspot ?? {} });
  const allegro = createAllegroSimulator({ dataset, knobs: knobs.allegro ?? {} });
  const all: Simulator[] = [odoo, woocommerce, hubspot, allegro];
  const host = options.host ?? '127.0.0.1';
  const listened = await Promise.all(all.map((s) => s.listen(options.ports?.[s.name] ?? 0, host)));
  const urls = Object.fromEntries(all.map((s, i) => [s.name, listened[i]!])) as Record<SimulatorName, string>;
  return {
    odoo,
    woocommerce,
    hubspot,
    allegro,
    urls,
    all,
    close: async () => {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}
