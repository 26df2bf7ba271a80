/**
 * A WooCommerce simulator on port 0 over the shared dataset (scale 0.3: small, and the demo customers exist at every
 * scale), plus helpers to read its request counters. Not a test file: imported by the int tests.
 */
import { getDataset, type Dataset } from '@omnigraph/simulator-dataset';
import { createWooCommerceSimulator, DEFAULT_CREDENTIALS, type WooCommerceSimulator } from '@omnigraph/simulator-woocommerce';

export const TEST_SCALE = 0.3;

/** Counter keys of the simulator (route names) for the endpoints the adapter uses. */
export const ORDERS_LIST = 'GET /wp-json/wc/v3/orders';
export const ORDER_BY_ID = 'GET /wp-json/wc/v3/orders/:id';
export const PRODUCTS_LIST = 'GET /wp-json/wc/v3/products';

export interface WooCommerceTestBed {
  simulator: WooCommerceSimulator;
  dataset: Dataset;
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
  /** `GET /__simulator/counters`: upstream calls per counter key since the last reset (admin calls not counted) */
  counters(): Promise<Record<string, number>>;
  /** `DELETE /__simulator/counters` */
  resetCounters(): Promise<void>;
  close(): Promise<void>;
}

export async function startWooCommerceTestBed(): Promise<WooCommerceTestBed> {
  const dataset = getDataset({ scale: TEST_SCALE });
  const simulator = createWooCommerceSimulator({ dataset });
  const baseUrl = await simulator.listen(0, '127.0.0.1');
  return {
    simulator,
    dataset,
    baseUrl,
    consumerKey: DEFAULT_CREDENTIALS.consumerKey,
    consumerSecret: DEFAULT_CREDENTIALS.consumerSecret,
    async counters() {
      const res = await fetch(`${baseUrl}/__simulator/counters`);
      return ((await res.json()) as { endpoints: Record<string, number> }).endpoints;
    },
    async resetCounters() {
      await fetch(`${baseUrl}/__simulator/counters`, { method: 'DELETE' });
    },
    close: () => simulator.close(),
  };
}

/** The first `count` SKUs the shop lists (simple products and variations; variable parents have none). */
export function listedSkus(dataset: Dataset, count: number): string[] {
  const skus = dataset.eshopProducts.flatMap((p) => (p.sku === null ? [] : [p.sku]));
  if (skus.length < count) throw new Error(`the dataset lists only ${skus.length} SKUs`);
  return skus.slice(0, count);
}

/** Ids of `count` e-shop orders of the dataset. */
export function orderIds(dataset: Dataset, count: number): number[] {
  return dataset.eshopOrders.slice(0, count).map((o) => o.id);
}

export const DEMO = {
  anna: { eshopCustomerId: '2000', email: 'anna.kowalska@example.pl', orders: 6 },
  tomasz: { eshopCustomerId: '2001', email: 'tomasz.wisniewski@example.pl', orders: 262 },
  katarzyna: { eshopCustomerId: null, email: 'k.zielinska@example.pl', orders: 5 },
  ewa: { eshopCustomerId: null, email: 'ewa.dabrowska@example.pl', orders: 0 },
} as const;
