import { Registry } from 'prom-client';

/** The process's one registry: every instrument of `instruments.ts` and the process metrics register here. */
export const metricsRegistry = new Registry();
