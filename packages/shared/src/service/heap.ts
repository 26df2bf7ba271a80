import { setFlagsFromString } from 'node:v8';
import type { ConfigIssue, Env } from '../config/index.ts';

/**
 * How far V8 lets the old generation grow past what its last full collection kept, in percent
 * (docs/adr/0016-heap-sizing.md). On a large host V8 sizes a process's heap for throughput: the old generation grows
 * to several times what is live before it is collected, so a gateway with ~95 MB of live objects sat at 450–650 MB
 * RSS under 50 connections and a subgraph drifted up over a soak. V8 reads the flag at every full collection, so each
 * process applies it at boot (V8 refuses it in `NODE_OPTIONS`). `HEAP_GROWING_PERCENT=0` leaves V8's own heuristics.
 *
 * The young generation (128 MB on such a host) is the other half of the RSS. Capping it
 * (`NODE_OPTIONS=--max-semi-space-size=16`, read only at start) brings every process under 250 MB but costs the
 * gateway about 30 % more CPU per request, so it is an operator's choice for memory-bound deployments, not a default.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 30;

const MESSAGE = 'must be a whole number of percent, 0–1000 (0 = V8 decides)';

/** `HEAP_GROWING_PERCENT` of `env`, or the problem with it (reported with the rest of the configuration's). */
export function heapGrowingPercentOf(env: Env): { percent: number } | { issue: ConfigIssue } {
  const raw = env['HEAP_GROWING_PERCENT']?.trim();
  if (raw === undefined || raw === '') return { percent: DEFAULT_HEAP_GROWING_PERCENT };
  if (!/^\d+$/.test(raw) || Number(raw) > 1000) return { issue: { path: 'HEAP_GROWING_PERCENT', message: MESSAGE } };
  return { percent: Number(raw) };
}

/** Applies a valid `HEAP_GROWING_PERCENT` to this process, once, at boot. */
export function applyHeapGrowing(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
