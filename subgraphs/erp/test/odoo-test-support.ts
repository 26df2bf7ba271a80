import { createOdooSimulator, DEFAULT_CREDENTIALS, type OdooSimulator } from '@omnigraph/simulator-odoo';

/** An Odoo simulator on a free port, small dataset (demo data exists at every scale). */
export async function startOdoo(): Promise<{ sim: OdooSimulator; baseUrl: string }> {
  const sim = createOdooSimulator({ scale: 0.3 });
  const baseUrl = await sim.listen(0, '127.0.0.1');
  return { sim, baseUrl };
}

export const odooCredentials = { database: DEFAULT_CREDENTIALS.database, apiKey: DEFAULT_CREDENTIALS.apiKey };

export interface WireProduct {
  id: number;
  default_code: string;
  lst_price: number;
  taxes_id: number[];
  /** the VAT percent of its taxes (read from account.tax by the test, not the adapter) */
  vatPercent: number;
}

/** Reads products straight off the wire (not through the adapter under test), then zeroes the counters. */
export async function readWireProducts(sim: OdooSimulator, baseUrl: string, limit: number): Promise<WireProduct[]> {
  const post = async <T>(path: string, body: object): Promise<T> => {
    const response = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: {
        Authorization: `bearer ${odooCredentials.apiKey}`,
        'Content-Type': 'application/json',
        'X-Odoo-Database': odooCredentials.database,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator answered ${response.status}`);
    return (await response.json()) as T;
  };
  const products = await post<Omit<WireProduct, 'vatPercent'>[]>('/json/2/product.product/search_read', {
    domain: [['default_code', '!=', false]],
    fields: ['default_code', 'lst_price', 'taxes_id'],
    limit,
    order: 'id asc',
  });
  const taxes = await post<{ id: number; amount: number }[]>('/json/2/account.tax/search_read', { domain: [], fields: ['amount'] });
  const rate = new Map(taxes.map((t) => [t.id, t.amount]));
  sim.control.resetCounters();
  return products.map((p) => ({ ...p, vatPercent: p.taxes_id.reduce((sum, id) => sum + (rate.get(id) ?? 0), 0) }));
}

/** The simulator's per-model counters (`product.product.search_read` …), without the route-level key. */
export function odooCalls(sim: OdooSimulator): Record<string, number> {
  const { endpoints } = sim.control.counters();
  return Object.fromEntries(Object.entries(endpoints).filter(([key]) => !key.startsWith('POST ')));
}
