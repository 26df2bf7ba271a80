import { getDataset } from '@omnigraph/simulator-dataset';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredOperationText } from '../gateway/src/edge/registered-operations.ts';
import { startE2eStack, type E2eStack } from './start-e2e-stack.ts';

/**
 * Issue 9, logs: one access-log line per request at the gateway (request id, operation, key and owner, status,
 * outcome, duration, cost, upstream calls, error codes), refusals included with the key they refused, and one line
 * per subgraph request under the same request id.
 */
const SCALE = 0.1;
const dataset = getDataset({ scale: SCALE });
const anna = dataset.demoCustomers.find((d) => d.key === 'anna-kowalska')!;

let stack: E2eStack;
beforeAll(async () => {
  stack = await startE2eStack({ scale: SCALE, gatewayEnv: { LOG_LEVEL: 'info' } });
});
afterAll(() => stack?.close());

const lines = () => stack.logLines().map((line) => JSON.parse(line) as Record<string, unknown>);
/** The gateway writes the line once the response is sent, so it may arrive just after the response. */
async function accessLine(requestId: string | null): Promise<Record<string, unknown> | undefined> {
  for (let i = 0; i < 50; i += 1) {
    const line = lines().find((l) => l['name'] === 'gateway' && l['msg'] === 'request' && l['requestId'] === requestId);
    if (line !== undefined) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return undefined;
}

describe('access log', () => {
  it('logs a served request with its key, owner, operation, upstream calls and the same request id on every subgraph line', async () => {
    stack.resetCounters();
    const { status, headers } = await stack.query(registeredOperationText('CallCenterCustomer'), { phone: anna.phone });
    expect(status).toBe(200);
    const requestId = headers.get('x-request-id');
    const line = (await accessLine(requestId))!;
    const upstream = Object.values(stack.upstreamCalls()).reduce((a, b) => a + b, 0);
    expect(line).toMatchObject({
      operationName: 'CallCenterCustomer',
      ownerId: 'omnigraph-e2e',
      profile: 'internal',
      status: 200,
      outcome: 'ok',
      errorCodes: [],
    });
    expect(line['keyId']).toMatch(/^\w+$/);
    expect(line['durationMs']).toBeGreaterThan(0);
    expect(line['cost']).toBeGreaterThan(0);
    // logical calls (a retry is one call) the subgraphs reported; the simulators count HTTP requests, token refresh included
    expect(line['upstreamCalls']).toBeGreaterThan(0);
    expect(line['upstreamCalls']).toBeLessThanOrEqual(upstream);
    const subgraphLines = lines().filter((l) => l['msg'] === 'subgraph request' && l['requestId'] === requestId);
    expect(new Set(subgraphLines.map((l) => l['name']))).toEqual(new Set(['erp', 'eshop', 'crm', 'marketplace']));
    expect(subgraphLines.reduce((sum, l) => sum + (l['upstreamCalls'] as number), 0)).toBe(line['upstreamCalls']);
  });

  it('logs a refusal with the key it refused, so a 403 can be traced to the partner', async () => {
    const partnerKey = await stack.createKey({ name: 'comparison site', ownerId: 'comparison-site', scopes: ['catalog:read'] });
    const { status, headers } = await stack.query(registeredOperationText('CallCenterCustomer'), { phone: anna.phone }, { key: partnerKey });
    expect(status).toBe(403);
    expect(await accessLine(headers.get('x-request-id'))).toMatchObject({
      ownerId: 'comparison-site',
      profile: 'partner',
      status: 403,
      outcome: 'refused',
      cost: 0,
      upstreamCalls: 0,
      errorCodes: ['FORBIDDEN'],
    });
  });

  it('logs an unauthenticated request without a key', async () => {
    const { status, headers } = await stack.query('{ __typename }', {}, { key: 'og_live_not-a-key' });
    expect(status).toBe(401);
    const line = (await accessLine(headers.get('x-request-id')))!;
    expect(line).toMatchObject({ status: 401, outcome: 'refused', errorCodes: ['UNAUTHENTICATED'] });
    expect(line).not.toHaveProperty('keyId');
  });
});
