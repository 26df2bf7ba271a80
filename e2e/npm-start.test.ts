/**
 * `npm start` as a user runs it (scripts/start-stack.ts in a real child process): everything starts, the banner says
 * where the one metrics listener of the process is, its demo storefront key mints a customer-bound token, and Ctrl-C
 * (SIGINT) drains and exits 0.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnEntry, type SpawnedEntry } from '@omnigraph/shared/testing';

const root = new URL('../', import.meta.url).pathname;
let stack: SpawnedEntry | undefined;
afterAll(() => stack?.kill());

describe('npm start', () => {
  it('prints the metrics listener, serves, and exits 0 on Ctrl-C', async () => {
    const { REDIS_URL: _redis, ...env } = process.env;
    const ports = Object.fromEntries(
      [
        'GATEWAY',
        'ERP',
        'ESHOP',
        'CRM',
        'MARKETPLACE',
        'COMMANDS',
        'PRICING',
        'ODOO_SIMULATOR',
        'WOOCOMMERCE_SIMULATOR',
        'HUBSPOT_SIMULATOR',
        'ALLEGRO_SIMULATOR',
      ].map((role) => [`${role}_PORT`, '0']),
    );
    stack = spawnEntry('scripts/start-stack.ts', {
      cwd: root,
      env: {
        ...env,
        ...ports,
        GATEWAY_METRICS_PORT: '0',
        SIMULATOR_SCALE: '0.1',
        OMNIGRAPH_KEY_STORE_FILE: join(mkdtempSync(join(tmpdir(), 'omnigraph-start-')), 'keys.json'),
      },
    });
    await stack.waitFor(/Omnigraph is running/, 60_000);
    const gateway = (await stack.waitFor(/GraphQL: +(http:\/\/[\d.:]+)\/graphql/))[1]!;
    const metrics = (await stack.waitFor(/Metrics: +(http:\/\/[\d.:]+\/metrics)/))[1]!;
    expect((await fetch(metrics)).status).toBe(200);
    // metrics are not on the public port
    expect((await fetch(`${gateway}/metrics`)).status).toBe(404);
    expect((await fetch(`${gateway}/readyz`)).status).toBe(200);
    // the banner's storefront key mints a customer-bound token (a per-run secret), which reads Anna's own account
    const storefront = (await stack.waitFor(/storefront back end \(internal, customer-tokens:issue only\): +(omg_\S+)/))[1]!;
    const minted = await fetch(`${gateway}/customer-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${storefront}` },
      body: JSON.stringify({ customerId: '10000000001' }),
    });
    const { token } = (await minted.json()) as { token: string };
    const me = await fetch(`${gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(await me.json()).toMatchObject({ data: { me: { name: 'Anna Kowalska' } } });

    const signalledAt = performance.now();
    stack.child.kill('SIGINT');
    const exit = await stack.exited;
    expect(exit.code).toBe(0);
    // no drain delay for npm start: it stops at once
    expect(exit.at - signalledAt).toBeLessThan(5_000);
    expect(stack.output()).toMatch(/"msg":"stopped"/);
  }, 90_000);
});
