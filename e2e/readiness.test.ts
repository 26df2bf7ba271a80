import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

interface GatewayReadinessBody {
  status: string;
  subgraphs: Record<string, string>;
  upstreams: Record<string, string>;
}

/**
 * Subgraphs reuse a readiness answer for 5 s (one upstream probe per period, whoever asks), so a change shows within
 * that; polls until `accept` says yes about the gateway's answer.
 */
async function waitForReadiness(
  stack: E2eStack,
  accept: (body: GatewayReadinessBody) => boolean,
): Promise<{ status: number; body: GatewayReadinessBody; text: string }> {
  const until = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${stack.url}/readyz`);
    const text = await res.text();
    const body = JSON.parse(text) as GatewayReadinessBody;
    if (accept(body) || Date.now() > until) return { status: res.status, body, text };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// commands (the writes orchestrator) is ready while its idempotency store answers; pricing has no upstream of its own
const ALL_READY = { erp: 'ready', eshop: 'ready', crm: 'ready', marketplace: 'ready', commands: 'ready', pricing: 'ready' };

describe('readiness through the gateway: degraded upstreams stay in rotation, a missing subgraph does not', () => {
  let stack: E2eStack;
  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('names each subgraph, tells a stopped Allegro from a refused grant, and never leaks a URL', async () => {
    const ready = await waitForReadiness(stack, (b) => b.subgraphs['marketplace'] === 'ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', subgraphs: ALL_READY, upstreams: {} });

    // Allegro down: the gateway still serves (200), degraded, and says which source is unavailable.
    const allegro = stack.simulators.allegro;
    const port = Number(new URL(stack.simulators.urls.allegro).port);
    await allegro.close();
    const down = await waitForReadiness(stack, (b) => b.upstreams['marketplace'] === 'upstream_unavailable');
    expect(down.status).toBe(200);
    expect(down.body).toEqual({
      status: 'degraded',
      subgraphs: { ...ALL_READY, marketplace: 'degraded' },
      upstreams: { marketplace: 'upstream_unavailable' },
    });

    // Back: ready again without restarting anything.
    await allegro.listen(port, '127.0.0.1');
    expect((await waitForReadiness(stack, (b) => b.subgraphs['marketplace'] === 'ready')).body.status).toBe('ready');

    // Allegro now refuses our credentials: the access token is refused, and so is the refresh (as for a revoked app).
    allegro.control.addFaults([
      { kind: 'status', status: 401, match: 'GET /order/event-stats', count: 1 },
      { kind: 'status', status: 401, match: 'POST /auth/oauth/token', ratio: 1 },
    ]);
    const rejected = await waitForReadiness(stack, (b) => b.upstreams['marketplace'] === 'credentials_rejected');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual({
      status: 'degraded',
      subgraphs: { ...ALL_READY, marketplace: 'degraded' },
      upstreams: { marketplace: 'credentials_rejected' },
    });
    for (const answer of [ready, down, rejected]) expect(answer.text).not.toMatch(/https?:|127\.0\.0\.1|localhost|token/i);

    // The subgraph's own probe answers unsigned, with status words only, and stays 200: it still serves from cache.
    const own = await fetch(new URL('/readyz', stack.subgraphUrls.marketplace));
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ status: 'degraded', upstream: 'credentials_rejected', detail: 'token_refresh_refused' });
    allegro.control.clearFaults();
  }, 60_000);

  it('HubSpot answering 503 to everything: crm degraded, the gateway still ready (200)', async () => {
    const hubspot = stack.simulators.hubspot;
    hubspot.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    try {
      const failing = await waitForReadiness(stack, (b) => b.subgraphs['crm'] === 'degraded');
      expect(failing.status).toBe(200);
      expect(failing.body).toMatchObject({ status: 'degraded', subgraphs: { crm: 'degraded' }, upstreams: { crm: 'upstream_unavailable' } });
      const own = await fetch(new URL('/readyz', stack.subgraphUrls.crm));
      expect(own.status).toBe(200);
      expect(await own.json()).toEqual({ status: 'degraded', upstream: 'upstream_unavailable', detail: 'status_503' });
    } finally {
      hubspot.control.clearFaults();
    }
    expect((await waitForReadiness(stack, (b) => b.subgraphs['crm'] === 'ready')).body.subgraphs['crm']).toBe('ready');
  }, 40_000);

  it('a subgraph killed: the gateway is not ready (503) and names it', async () => {
    await stack.killSubgraph('eshop');
    const gone = await waitForReadiness(stack, (b) => b.subgraphs['eshop'] === 'unreachable');
    expect(gone.status).toBe(503);
    expect(gone.body).toMatchObject({ status: 'failing', subgraphs: { erp: 'ready', eshop: 'unreachable' } });
    expect(gone.text).not.toMatch(/https?:|127\.0\.0\.1|localhost/i);
    // The load balancer's probe asks about this process only: one missing subgraph must not take every gateway
    // replica out of rotation, or the other subgraphs' partial answers would become connection errors.
    const self = await fetch(`${stack.url}/readyz?scope=self`);
    expect(self.status).toBe(200);
    expect(await self.json()).toEqual({ status: 'ready' });
  });
});
