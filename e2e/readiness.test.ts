import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

interface GatewayReadinessBody {
  status: string;
  subgraphs: Record<string, string>;
}

/**
 * Subgraphs reuse a readiness answer for 5 s (one upstream probe per period, whoever asks), so a change shows within
 * that; polls until `marketplace` reports `expected`.
 */
async function waitForMarketplace(stack: E2eStack, expected: string): Promise<{ status: number; body: GatewayReadinessBody; text: string }> {
  const until = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${stack.url}/readyz`);
    const text = await res.text();
    const body = JSON.parse(text) as GatewayReadinessBody;
    if (body.subgraphs['marketplace'] === expected || Date.now() > until) return { status: res.status, body, text };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('readiness through the gateway: credentials rejected vs upstream down', () => {
  let stack: E2eStack;
  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('names each subgraph, tells a stopped Allegro from a refused grant, and never leaks a URL', async () => {
    const ready = await waitForMarketplace(stack, 'ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', subgraphs: { erp: 'ready', eshop: 'ready', crm: 'ready', marketplace: 'ready' } });

    // Allegro down: the gateway still serves (200), degraded, and says which source is unavailable.
    const allegro = stack.simulators.allegro;
    const port = Number(new URL(stack.simulators.urls.allegro).port);
    await allegro.close();
    const down = await waitForMarketplace(stack, 'upstream_unavailable');
    expect(down.status).toBe(200);
    expect(down.body).toEqual({
      status: 'degraded',
      subgraphs: { erp: 'ready', eshop: 'ready', crm: 'ready', marketplace: 'upstream_unavailable' },
    });

    // Back: ready again without restarting anything.
    await allegro.listen(port, '127.0.0.1');
    expect((await waitForMarketplace(stack, 'ready')).body.status).toBe('ready');

    // Allegro now refuses our credentials: the access token is refused, and so is the refresh (as for a revoked app).
    allegro.control.addFaults([
      { kind: 'status', status: 401, match: 'GET /order/event-stats', count: 1 },
      { kind: 'status', status: 401, match: 'POST /auth/oauth/token', ratio: 1 },
    ]);
    const rejected = await waitForMarketplace(stack, 'credentials_rejected');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toEqual({
      status: 'degraded',
      subgraphs: { erp: 'ready', eshop: 'ready', crm: 'ready', marketplace: 'credentials_rejected' },
    });
    for (const answer of [ready, down, rejected]) expect(answer.text).not.toMatch(/https?:|127\.0\.0\.1|localhost|token/i);

    // The subgraph's own probe answers unsigned, with the status word only.
    const own = await fetch(new URL('/readyz', stack.subgraphUrls.marketplace));
    expect(own.status).toBe(503);
    expect(await own.json()).toEqual({ status: 'credentials_rejected', detail: 'token_refresh_refused' });
    allegro.control.clearFaults();
  });
});
