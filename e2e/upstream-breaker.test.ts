import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * HubSpot failing: once the crm subgraph's breaker is open (5 consecutive failed attempts, CRM_BREAKER_FAILURES),
 * queries are answered at once with UPSTREAM_CIRCUIT_OPEN and HubSpot sees one probe per 5 s
 * (CRM_BREAKER_HALF_OPEN_MS) at most; once HubSpot answers again, the next probe closes the breaker.
 */
const HALF_OPEN_MS = 5_000;
let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: 0.1 });
}, 60_000);
afterAll(() => stack?.close());

// a new e-mail per query, so no cache answers in HubSpot's place
let n = 0;
const lookup = () =>
  stack.query(
    /* GraphQL */ `
      query ($email: String!) {
        findCustomers(email: $email) {
          id
        }
      }
    `,
    { email: `nobody${(n += 1)}@example.pl` },
  );
const codesOf = (body: unknown) => ((body as { errors?: { extensions: { code: string } }[] }).errors ?? []).map((e) => e.extensions.code);

describe('circuit breaker through the whole stack', () => {
  it('200 lookups while HubSpot fails cost at most one probe per 5 s; it recovers at the next probe', async () => {
    const hubspot = stack.simulators.hubspot;
    hubspot.control.addFaults([{ kind: 'status', status: 503, ratio: 1 }]);
    try {
      for (let i = 0; i < 3; i += 1) await lookup();
      hubspot.control.resetCounters();
      const started = Date.now();
      const codes: string[] = [];
      for (let batch = 0; batch < 20; batch += 1) {
        const answers = await Promise.all(Array.from({ length: 10 }, lookup));
        for (const { body } of answers) codes.push(...codesOf(body));
      }
      const elapsedMs = Date.now() - started;
      const calls = hubspot.control.counters().total;
      console.log(`breaker: 200 lookups in ${elapsedMs} ms while HubSpot failed cost ${calls} HubSpot calls`);
      expect(calls).toBeLessThanOrEqual(1 + Math.floor(elapsedMs / HALF_OPEN_MS));
      expect(codes.filter((c) => c === 'UPSTREAM_CIRCUIT_OPEN').length).toBeGreaterThanOrEqual(200 - calls);
    } finally {
      hubspot.control.clearFaults();
    }
    const back = Date.now();
    let recoveredAfterMs = -1;
    while (Date.now() - back < HALF_OPEN_MS + 3_000) {
      const { body } = await lookup();
      if (codesOf(body).length === 0) {
        recoveredAfterMs = Date.now() - back;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`breaker: answers again ${recoveredAfterMs} ms after HubSpot came back`);
    expect(recoveredAfterMs).toBeGreaterThanOrEqual(0);
    expect(recoveredAfterMs).toBeLessThanOrEqual(HALF_OPEN_MS + 1_000);
  }, 60_000);
});
