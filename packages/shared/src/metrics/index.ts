/**
 * The process's Prometheus metrics (issue 9). One registry per process: a process serves it once, on its metrics
 * listener (see the service kit), and every instrument carries a `service` label, so `npm start` (every service in one
 * process) and a container per service (one each) expose the same series.
 */
export { metricsRegistry } from './registry.ts';
export { collectProcessMetrics } from './process-metrics.ts';
export { createLabelBound, isGraphQLName, OTHER_LABEL, type LabelBound } from './label-bound.ts';
export * from './instruments.ts';
