import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseApiKey } from './api-key-format.ts';
import { runCli } from './cli.ts';
import type { CliIo } from './cli.ts';
import { hashApiKey } from './hash-api-key.ts';
import { createMemoryKeyStore } from './memory-key-store.ts';

const root = await mkdtemp(join(tmpdir(), 'omnigraph-auth-cli-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const PEPPER = 'cli-test-pepper-0123456789abcdefghijkl';

function harness(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const file = join(root, `keys-${Math.random().toString(36).slice(2)}.json`);
  const io: CliIo = {
    env: { OMNIGRAPH_KEY_STORE_FILE: file, OMNIGRAPH_API_KEY_PEPPER: PEPPER, ...env },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  };
  const run = async (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    const code = await runCli(argv, io);
    return { code, out: [...out], err: [...err], all: [...out, ...err].join('\n') };
  };
  return { run, file };
}

const keyOf = (lines: string[]) => {
  const line = lines.find((l) => l.startsWith('key: '));
  return line?.slice('key: '.length) ?? '';
};

describe('keys CLI', () => {
  it('create prints the key exactly once, on its own line, and stores only its hash', async () => {
    const { run, file } = harness();
    const created = await run(
      'create', '--name', 'Ceneo', '--owner', 'partner-ceneo', '--scopes', 'catalog:read,stock:read',
      '--rate-limit', '600', '--quota', '100000', '--expires', '2099-01-01',
    );
    expect(created.code).toBe(0);
    expect(created.err).toEqual([]);
    const key = keyOf(created.out);
    const parsed = parseApiKey(key);
    expect(parsed.ok).toBe(true);
    expect(created.out.filter((l) => l.includes(key))).toEqual([`key: ${key}`]);
    expect(created.out.join('\n')).toContain('scopes:     catalog:read,stock:read');
    const stored = await readFile(file, 'utf8');
    expect(stored).not.toContain(key);
    expect(stored).toContain(hashApiKey(PEPPER, key));
  });

  it('create takes the profile, cost budget and safelist, and refuses bad values with every problem listed', async () => {
    const { run, file } = harness();
    const created = await run(
      'create', '--name', 'Call center UI', '--owner', 'team-cc', '--scopes', 'customers:read,customers:pii',
      '--rate-limit', '3000', '--profile', 'internal', '--cost-per-minute', '5000000', '--operations', 'CallCenterCustomer,CustomerOrders',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('  profile:    internal');
    expect(created.out).toContain('  operations: CallCenterCustomer,CustomerOrders (safelist)');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
    expect(stored.keys[0]).toMatchObject({ profile: 'internal', costPerMinute: 5_000_000, operations: ['CallCenterCustomer', 'CustomerOrders'] });

    const bad = await run(
      'create', '--name', 'x', '--owner', 'y', '--scopes', 'catalog:read', '--rate-limit', '1',
      '--profile', 'admin', '--cost-per-minute', '0', '--operations', 'not-a-name',
    );
    expect(bad.code).toBe(2);
    expect(bad.all).toMatch(/--profile must be partner or internal/);
    expect(bad.all).toMatch(/--cost-per-minute must be a positive integer/);
    expect(bad.all).toMatch(/--operations takes operation names/);
  });

  it('list, rotate and revoke never print a key or a hash except the one-time rotate line', async () => {
    const { run } = harness();
    const created = await run('create', '--name', 'Ceneo', '--owner', 'partner-ceneo', '--scopes', 'catalog:read', '--rate-limit', '600');
    const key = keyOf(created.out);
    const keyId = key.slice(9, 17);
    const hash = hashApiKey(PEPPER, key);
    await run('create', '--name', 'Skapiec', '--owner', 'partner-skapiec', '--scopes', 'catalog:read', '--rate-limit', '60');

    const listed = await run('list');
    expect(listed.code).toBe(0);
    expect(listed.out[0]).toMatch(/^KEY ID\s+NAME\s+OWNER\s+SCOPES\s+STATUS\s+CREATED\s+LAST USED\s+EXPIRES\s+REVOKED$/);
    expect(listed.out).toHaveLength(3);
    expect(listed.all).toContain(keyId);
    const owned = await run('list', '--owner', 'partner-ceneo');
    expect(owned.out).toHaveLength(2);
    expect(owned.all).not.toContain('Skapiec');

    const rotated = await run('rotate', keyId, '--overlap', '3600');
    expect(rotated.code).toBe(0);
    const newKey = keyOf(rotated.out);
    expect(parseApiKey(newKey).ok).toBe(true);
    expect(rotated.out.filter((l) => l.includes(newKey))).toEqual([`key: ${newKey}`]);
    expect(rotated.all).toContain(`${keyId} keeps working until`);

    const revoked = await run('revoke', keyId);
    expect(revoked).toMatchObject({ code: 0, out: [`Revoked ${keyId}.`] });
    const after = await run('list');
    expect(after.all).toMatch(new RegExp(`${keyId}.*revoked`));

    for (const output of [listed, owned, revoked, after, await run('list', '--owner', 'nobody')]) {
      for (const secret of [key, newKey, hash, hashApiKey(PEPPER, newKey), key.slice(17), newKey.slice(17)]) {
        expect(output.all).not.toContain(secret);
      }
    }
    expect(rotated.all).not.toContain(key);
  });

  it('reports every argument and environment problem at once, before opening any store', async () => {
    let opened = 0;
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['create', '--scopes', 'Catalog,stock:read', '--rate-limit', '0', '--expires', '2001-01-01'], {
      env: { NODE_ENV: 'production', REDIS_URL: 'http://not-redis', OMNIGRAPH_API_KEY_PEPPER: '' },
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      openStore: async () => {
        opened++;
        return createMemoryKeyStore();
      },
    });
    expect(code).toBe(2);
    expect(opened).toBe(0);
    const text = err.join('\n');
    for (const expected of [
      'REDIS_URL', 'OMNIGRAPH_API_KEY_PEPPER: is required in production', 'name: --name is required',
      'owner: --owner is required', 'must look like area:action', 'rate-limit: --rate-limit must be a positive integer',
      '--expires must be in the future',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('refuses a short pepper without echoing it', async () => {
    const { run } = harness({ OMNIGRAPH_API_KEY_PEPPER: 'short-secret-value' });
    const result = await run('list');
    expect(result.code).toBe(2);
    expect(result.all).toContain('OMNIGRAPH_API_KEY_PEPPER: must be at least 32 characters');
    expect(result.all).not.toContain('short-secret-value');
  });

  it('fails cleanly on unknown ids, commands and options', async () => {
    const { run } = harness();
    expect(await run('revoke', 'nope1234')).toMatchObject({ code: 1, err: ['No API key with id nope1234.'] });
    expect((await run('rotate', 'nope1234', '--overlap', '10')).err).toEqual(['Error: No API key with id nope1234']);
    expect((await run('rotate', 'nope1234')).all).toContain('--overlap <seconds> is required');
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('list', '--bogus')).code).toBe(2);
    expect((await run('--help')).code).toBe(0);
  });

  it('creates test keys when OMNIGRAPH_API_KEY_ENV=test', async () => {
    const { run } = harness({ OMNIGRAPH_API_KEY_ENV: 'test' });
    const created = await run('create', '--name', 'Dev', '--owner', 'internal', '--scopes', 'catalog:read', '--rate-limit', '10');
    expect(keyOf(created.out).startsWith('omg_test_')).toBe(true);
  });
});
