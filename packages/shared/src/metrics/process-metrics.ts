import { collectDefaultMetrics } from 'prom-client';
import { metricsRegistry } from './registry.ts';

let collecting: string | undefined;

/**
 * Node's own figures (event-loop lag, heap, GC, CPU, handles) as `omnigraph_process_*` / `omnigraph_nodejs_*`, labelled
 * with the service. Once per process: a second call (the stack of `npm start` boots several services in one process)
 * keeps the first service's label, because the figures are the process's, not a service's.
 */
export function collectProcessMetrics(service: string): void {
  if (collecting !== undefined) return;
  collecting = service;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'omnigraph_', labels: { service } });
}
