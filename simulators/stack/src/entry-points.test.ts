import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnEntry, type SpawnedEntry } from '@omnigraph/shared/testing';

/**
 * The documented way to start one simulator alone (`npm run sim:<product>` runs exactly this entry point), driven
 * only by env: knobs and a records file read at start, a free port, credentials printed.
 */
const root = new URL('../../../', import.meta.url).pathname;
const children: SpawnedEntry[] = [];
afterAll(() => {
  for (const c of children) c.kill();
});

async function start(product: string, env: Record<string, string>): Promise<{ url: string; output: string; child: SpawnedEntry['child'] }> {
  const entry = spawnEntry(`simulators/${product}/src/index.ts`, { cwd: root, env: { ...process.env, SIMULATOR_SCALE: '0.1', ...env } });
  children.push(entry);
  // JSON lines, like every Omnigraph process; the one announcing the URL also lists the credentials
  const listening = await entry.waitFor(/^\{.*"msg":"simulator listening".*\}$/m).catch(async () => {
    const { code } = await entry.exited;
    throw Object.assign(new Error(`exited ${code}`), { output: entry.output(), code });
  });
  const line = JSON.parse(listening[0]) as { url: string };
  return { url: line.url, output: entry.output(), child: entry.child };
}

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') && line.endsWith('}'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('each simulator starts alone from its entry point', () => {
  const cases = [
    { product: 'odoo', prefix: 'ODOO', credential: 'odoo-simulator-api-key' },
    { product: 'woocommerce', prefix: 'WOOCOMMERCE', credential: 'ck_c999a3fe257dd3025f5a8f34cf76b6c89653f5ce' },
    { product: 'hubspot', prefix: 'HUBSPOT', credential: 'pat-eu1-5f0c2a7e-9b41-4d6a-8c3e-2a7d91b4e6f0' },
    { product: 'allegro', prefix: 'ALLEGRO', credential: 'omnigraph-simulator-client' },
  ];

  it.each(cases)('$product: listens, prints its credentials and applies knobs from env', async ({ product, prefix, credential }) => {
    const { url, output } = await start(product, {
      [`${prefix}_SIMULATOR_PORT`]: '0',
      [`${prefix}_SIMULATOR_LATENCY_MS`]: '7',
      [`${prefix}_SIMULATOR_FAULT_RATE`]: '0.25',
      [`${prefix}_SIMULATOR_FAULT_KIND`]: 'rate_limit',
      [`${prefix}_SIMULATOR_RATE_LIMIT`]: '42',
    });
    expect(output).toContain(credential);
    const knobs = await (await fetch(`${url}/__simulator/config`)).json();
    expect(knobs.latency).toEqual({ fixedMs: 7, jitterMs: 0 });
    expect(knobs.rateLimit).toMatchObject({ limit: 42 });
    expect(knobs.faults).toEqual([{ kind: 'rate_limit', status: 503, ratio: 0.25 }]);
  });

  it('loads extra records in the upstream format from <PRODUCT>_SIMULATOR_RECORDS_FILE at start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'omnigraph-records-')), 'hubspot.json');
    writeFileSync(
      file,
      JSON.stringify({
        contacts: [{ id: '99000000001', properties: { email: 'repro.case@example.pl', firstname: 'Repro', loyalty_points: '7' } }],
      }),
    );
    const { url, output } = await start('hubspot', { HUBSPOT_SIMULATOR_PORT: '0', HUBSPOT_SIMULATOR_RECORDS_FILE: file });
    expect(jsonLines(output).find((line) => line['msg'] === 'loaded extra records')).toMatchObject({ counts: { contacts: 1 } });
    const res = await fetch(`${url}/crm/v3/objects/contacts/repro.case@example.pl?idProperty=email&properties=loyalty_points`, {
      headers: { authorization: 'Bearer pat-eu1-5f0c2a7e-9b41-4d6a-8c3e-2a7d91b4e6f0' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).properties.loyalty_points).toBe('7');
  });

  it('on SIGTERM finishes the request in flight and exits 0', async () => {
    const { url, child } = await start('odoo', { ODOO_SIMULATOR_PORT: '0', ODOO_SIMULATOR_LATENCY_MS: '400' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const inFlight = fetch(`${url}/json/2/res.partner/search_count`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'bearer odoo-simulator-api-key', 'x-odoo-database': 'omnigraph' },
      body: JSON.stringify({ domain: [] }),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited).toBe(0);
  });

  it('refuses to start on invalid env and lists every problem at once', async () => {
    const failure = await start('allegro', {
      ALLEGRO_SIMULATOR_PORT: 'eighty',
      ALLEGRO_SIMULATOR_FAULT_RATE: '3',
      ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS: '-5',
    }).then(
      () => null,
      (e: { output: string; code: number }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.output).toMatch(/ALLEGRO_SIMULATOR_PORT/);
    expect(failure?.output).toMatch(/ALLEGRO_SIMULATOR_FAULT_RATE/);
    expect(failure?.output).toMatch(/ALLEGRO_SIMULATOR_TOKEN_TTL_SECONDS/);
  });
});
