import { setFlagsFromString } from 'node:v8';
import type { ConfigIssue, Env } from '../config/index.ts';

/**
 * How far V8 lets the old generation grow past what its last full collection kept, in percent
 * (docs/adr/0016-heap-sizing.md). On a large host V8 sizes a process's heap for throughput: the old generation grows
 * to several times what is live before it is collected, and the young generation to 128 MB, so a gateway with ~95 MB
 * of live objects sits at 450–650 MB RSS under 50 connections. A memory-bound deployment trades CPU for memory:
 * `HEAP_GROWING_PERCENT=30` (gateway ~530 → ~340 MB, about 20 % more gateway CPU per request), and with
 * `NODE_OPTIONS=--max-semi-space-size=16` as well every process under 250 MB (about a third more gateway CPU).
 *
 * V8 reads the flag at every full collection, so each process applies it at boot (V8 refuses it in `NODE_OPTIONS`).
 * The default, 0, leaves V8's own heuristics: CPU per request is what the gateway is judged and scaled by.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 0;

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
