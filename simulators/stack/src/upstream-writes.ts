import type { SimulatorStack } from './start-simulator-stack.ts';

/**
 * POSTs that only read: HubSpot's search and batch read (the batch routes are counted under the template
 * `batch/:action`; the write steps create notes one by one, never by batch).
 */
const READ_POST = /\/search$|\/batch\/(read|:action)$/;
/** Odoo methods that change data, counted per `model.method` (reads and writes share one JSON-2 / JSON-RPC route). */
const ODOO_WRITE = /create|write|unlink|action_|button_|copy/;

/**
 * The requests since the last counter reset that write (or may write) upstream, per `<simulator> <endpoint>`: what
 * "0 upstream writes" and "exactly 1 upstream create" are counted on (issue 11).
 */
export function countUpstreamWrites(stack: Pick<SimulatorStack, 'all' | 'odoo'>): Record<string, number> {
  const writes: Record<string, number> = {};
  for (const sim of stack.all) {
    for (const [endpoint, count] of Object.entries(sim.control.counters().endpoints)) {
      const [method, path = ''] = endpoint.split(' ');
      const isWrite = sim === stack.odoo ? ODOO_WRITE.test(path) : method !== 'GET' && method !== 'HEAD' && !READ_POST.test(path);
      if (isWrite && count > 0) writes[`${sim.name} ${endpoint}`] = count;
    }
  }
  return writes;
}
