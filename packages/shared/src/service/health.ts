import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logging/index.ts';
import { sendJson } from '../graphql-server/http-io.ts';

/**
 * What `/readyz` says, for the gateway and every subgraph alike:
 * - `ready` (200): serving, and every dependency answers;
 * - `degraded` (200): serving, but a dependency (an upstream system) fails, so some answers are partial or served
 *   from cache. Still 200 on purpose: every replica shares the upstream, so a 503 would take all of them out of
 *   rotation at once and turn a partial outage into a total one;
 * - `failing` (503): this process cannot answer usefully (the gateway: a subgraph does not answer);
 * - `draining` (503): shutting down; load balancers should stop sending traffic while in-flight requests finish.
 */
export const SERVICE_READINESS_STATUSES = ['ready', 'degraded', 'failing', 'draining'] as const;
export type ServiceReadinessStatus = (typeof SERVICE_READINESS_STATUSES)[number];

/**
 * A readiness answer: the status word, plus status words per dependency (`{ subgraphs: { crm: 'degraded' } }`). Only
 * words, never a URL, host or upstream text: the probes are unauthenticated.
 */
export interface ReadinessReport {
  status: Exclude<ServiceReadinessStatus, 'draining'>;
  [detail: string]: string | Readonly<Record<string, string>>;
}

export interface HealthProbes {
  /** true once the process drains: `/readyz` answers 503 `draining` at once, without asking `readiness` */
  draining(): boolean;
  /** without it `/readyz` answers `ready` while the process serves */
  readiness?: () => Promise<ReadinessReport>;
  logger: Logger;
}

export const readinessHttpStatus = (status: ServiceReadinessStatus): 200 | 503 => (status === 'ready' || status === 'degraded' ? 200 : 503);

/**
 * Answers `GET /healthz` (alive: the process serves HTTP) and `GET /readyz`; returns false for any other request.
 * Unauthenticated, never cached.
 */
export function answerHealthProbe(req: IncomingMessage, res: ServerResponse, probes: HealthProbes): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    sendJson(res, 200, { status: 'ok' }, NO_STORE);
    return true;
  }
  if (path !== '/readyz') return false;
  // `?scope=self`: this process only (serving, or draining), without asking its dependencies — the probe a load
  // balancer uses where a dependency shared by every replica must not take all of them out of rotation at once.
  const selfOnly = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('scope') === 'self';
  if (probes.draining() || probes.readiness === undefined || selfOnly) {
    const status = probes.draining() ? 'draining' : 'ready';
    sendJson(res, readinessHttpStatus(status), { status }, NO_STORE);
    return true;
  }
  probes
    .readiness()
    .catch((error: unknown): ReadinessReport => {
      probes.logger.error({ err: error }, 'readiness check failed');
      return { status: 'failing' };
    })
    .then((report) => {
      // a drain that started while the check ran wins: the answer must not say ready after SIGTERM
      const body = probes.draining() ? { status: 'draining' as const } : report;
      sendJson(res, readinessHttpStatus(body.status), body, NO_STORE);
    })
    .catch((error: unknown) => {
      probes.logger.error({ err: error }, 'readiness answer failed');
      if (!res.headersSent) sendJson(res, 503, { status: 'failing' }, NO_STORE);
    });
  return true;
}

const NO_STORE = { 'cache-control': 'no-store' };
