/**
 * @omnigraph/simulator-dataset: the one dataset behind the Odoo, WooCommerce, HubSpot
 * and Allegro simulators.
 *
 * Treat every object you get from here as read-only. getDataset() hands the same
 * instance to all simulators in a process, so a simulator that mutated a product or an
 * order would silently change what the other three serve. Copy before you modify, e.g.
 * `{ ...order, status: 'completed' }` or `structuredClone(order)`.
 */
import type { Dataset, DatasetOptions } from './dataset-types.ts';
import { DEFAULT_SEED, generateDataset } from './generate-dataset.ts';

export type * from './dataset-types.ts';
export { DEFAULT_SEED, generateDataset } from './generate-dataset.ts';
export { GENERATED_AT } from './clock.ts';
export { LOYALTY_THRESHOLDS, loyaltyTierForPoints } from './generate-crm.ts';
export { formatPln, grossFromNet, isExactGross, netFromGross, parsePln, vatFromGross } from './money.ts';
export { PHONE_STYLES, formatPhoneAsTyped, isPolishLandline, isPolishMobile, toPhoneDigits, type PhoneStyle } from './phone.ts';
export { isValidEan13, isValidNip } from './identifiers.ts';
export { asciiFold, slugify } from './polish-data.ts';
export { hashSeed } from './random.ts';
export { PII_CANARY_PATTERN } from './pii-canary.ts';

const cache = new Map<string, Dataset>();

/**
 * The dataset for these options, generated once per process and shared by every
 * caller with the same seed, scale and PII canary. Read-only: see the module comment.
 */
export function getDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  const piiCanary = options.piiCanary;
  const key = `${seed}:${scale}:${piiCanary ?? ''}`;
  let dataset = cache.get(key);
  if (!dataset) {
    dataset = generateDataset({ seed, scale, ...(piiCanary !== undefined ? { piiCanary } : {}) });
    cache.set(key, dataset);
  }
  return dataset;
}

/** Drops cached datasets, e.g. between test files that generate large scales. */
export function clearDatasetCache(): void {
  cache.clear();
}
