/**
 * Configuration and listen errors of the real process mains (issue 9, item 10): every problem in one message naming
 * the variables, no stack trace, exit 1 before anything listens; a port in use names its variable; `npm start`
 * validates the whole stack before it starts any server.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnEntry, type SpawnedEntry } from '@omnigraph/shared/testing';

const root = new URL('../', import.meta.url).pathname;
const children: SpawnedEntry[] = [];
afterAll(() => {
  for (const child of children) child.kill();
});

function run(entry: string, env: Record<string, string>): SpawnedEntry {
  const { REDIS_URL: _redis, ...rest } = process.env;
  const child = spawnEntry(entry, { cwd: root, env: { ...rest, GATEWAY_METRICS_PORT: 'off', ERP_METRICS_PORT: 'off', ...env } });
  children.push(child);
  return child;
}

/** A stack trace line (`    at fn (file:line:col)`) or a serialized `stack` field. */
const STACK_TRACE = /^\s+at .+:\d+|"stack":/m;

describe('configuration errors of the process mains', () => {
  it.concurrent('gateway: two bad variables → one message naming both, exit 1, no stack trace, nothing listening', async () => {
    const gateway = run('gateway/src/index.ts', { GATEWAY_PORT: 'abc', GATEWAY_SHUTDOWN_GRACE_MS: '-5' });
    const exit = await gateway.exited;
    expect(exit.code).toBe(1);
    const lines = gateway.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as { msg: string; issues: { path: string }[] };
    expect(record.msg).toMatch(/GATEWAY_PORT: .*; GATEWAY_SHUTDOWN_GRACE_MS: /);
    expect(record.issues.map((i) => i.path)).toEqual(['GATEWAY_PORT', 'GATEWAY_SHUTDOWN_GRACE_MS']);
    expect(gateway.output()).not.toMatch(STACK_TRACE);
    expect(gateway.output()).not.toMatch(/listening/);
  });

  it.concurrent("the process-wide HEAP_GROWING_PERCENT is reported with the role's own variables", async () => {
    const gateway = run('gateway/src/index.ts', { GATEWAY_PORT: 'abc', HEAP_GROWING_PERCENT: 'lots' });
    expect((await gateway.exited).code).toBe(1);
    const record = JSON.parse(gateway.output().trim()) as { issues: { path: string }[] };
    expect(record.issues.map((i) => i.path)).toEqual(['GATEWAY_PORT', 'HEAP_GROWING_PERCENT']);
    const erp = run('subgraphs/erp/src/index.ts', {
      HEAP_GROWING_PERCENT: '1.5',
      ODOO_BASE_URL: 'http://127.0.0.1:1',
      ODOO_API_KEY: 'k',
      ODOO_DATABASE: 'db',
    });
    expect((await erp.exited).code).toBe(1);
    expect(JSON.parse(erp.output().trim())).toMatchObject({ issues: [{ path: 'HEAP_GROWING_PERCENT' }] });
  });

  it.concurrent('a subgraph: every problem at once (a bad port, a missing upstream URL and key)', async () => {
    const erp = run('subgraphs/erp/src/index.ts', { ERP_PORT: 'abc', ODOO_BASE_URL: '', ODOO_API_KEY: '', ODOO_DATABASE: 'db' });
    expect((await erp.exited).code).toBe(1);
    const record = JSON.parse(erp.output().trim()) as { issues: { path: string }[] };
    expect(record.issues.map((i) => i.path).sort()).toEqual(['ERP_PORT', 'ODOO_API_KEY', 'ODOO_BASE_URL']);
    expect(erp.output()).not.toMatch(STACK_TRACE);
  });

  it.concurrent('a port in use names its variable', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const gateway = run('gateway/src/index.ts', { GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1' });
      expect((await gateway.exited).code).toBe(1);
      expect(gateway.output()).toContain(`"msg":"GATEWAY_PORT=${port}: port already in use (on 127.0.0.1)"`);
      expect(gateway.output()).not.toMatch(STACK_TRACE);
    } finally {
      taken.close();
    }
  });

  it.concurrent(
    'npm start: a bad gateway variable and a bad simulator variable stop it before any server starts',
    async () => {
      const stack = run('scripts/start-stack.ts', {
        GATEWAY_PORT: 'abc',
        HUBSPOT_SIMULATOR_LATENCY_MS: '-1',
        SIMULATOR_SCALE: '0.1',
        ODOO_SIMULATOR_PORT: '0',
        WOOCOMMERCE_SIMULATOR_PORT: '0',
        HUBSPOT_SIMULATOR_PORT: '0',
        ALLEGRO_SIMULATOR_PORT: '0',
      });
      expect((await stack.exited).code).toBe(1);
      const output = stack.output();
      const record = JSON.parse(output.trim()) as { msg: string; issues: { path: string }[] };
      expect(record.issues.map((i) => i.path).sort()).toEqual(['GATEWAY_PORT', 'HUBSPOT_SIMULATOR_LATENCY_MS']);
      // one line: nothing started, so nothing else logged (no simulator, subgraph or gateway listening)
      expect(output.trim().split('\n')).toHaveLength(1);
      expect(output).not.toMatch(STACK_TRACE);
      // the whole stack's modules load before the check: 2.5 s idle, but on a 2-core runner busy with the rest of the
      // suite it once passed 40 s (six subgraphs, four simulators); the check is about what it prints, not how fast
    },
    120_000,
  );
});
