import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseApiKey } from './api-key-format.ts';
import { runCli } from './cli.ts';
import type { CliIo, KeyVocabulary } from './cli.ts';
import { hashApiKey } from './hash-api-key.ts';
import { createFileKeyStore } from './file-key-store.ts';
import { createMemoryKeyStore } from './memory-key-store.ts';
import { utcDay } from './usage.ts';

const root = await mkdtemp(join(tmpdir(), 'omnigraph-auth-cli-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const PEPPER = 'cli-test-pepper-0123456789abcdefghijkl';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const BUILT_IN_TEXT = 'query PartnerProductsBySku($skus: [ID!]!) { products(skus: $skus) { sku } }';

const VOCABULARY: KeyVocabulary = {
  scopes: ['catalog:read', 'customers:pii', 'customers:read', 'stock:read'],
  operations: ['PartnerProductsBySku', 'CallCenterCustomer', 'CustomerOrders'],
  // stands in for the gateway's check (gateway/src/edge/persisted-documents.ts, tested there): hash and name only
  checkDocument: (id, text) => {
    const name = /^query (\w+)/.exec(text)?.[1];
    const bare = id.replace(/^sha256:/, '').toLowerCase();
    if (name === undefined || bare !== sha256(text)) return { ok: false, issues: [`${id}: rejected`] };
    return { ok: true, id: bare, name, builtIn: text === BUILT_IN_TEXT };
  },
  unreadableFields: (text, scopes) => (text.includes(' ean ') && !scopes.includes('stock:read') ? ['Product.ean (needs stock:read)'] : []),
};

function harness(env: Record<string, string> = {}, options: { clock?: () => Date } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const file = join(root, `keys-${Math.random().toString(36).slice(2)}.json`);
  const io: CliIo = {
    env: { OMNIGRAPH_KEY_STORE_FILE: file, OMNIGRAPH_API_KEY_PEPPER: PEPPER, ...env },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    vocabulary: () => VOCABULARY,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
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
      'create',
      '--name',
      'Ceneo',
      '--owner',
      'partner-ceneo',
      '--scopes',
      'catalog:read,stock:read',
      '--rate-limit',
      '600',
      '--quota',
      '100000',
      '--expires',
      '2099-01-01',
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
      'create',
      '--name',
      'Call center UI',
      '--owner',
      'team-cc',
      '--scopes',
      'customers:read,customers:pii',
      '--rate-limit',
      '3000',
      '--profile',
      'internal',
      '--cost-per-minute',
      '5000000',
      '--operations',
      'CallCenterCustomer,CustomerOrders',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('  profile:    internal');
    expect(created.out).toContain('  operations: CallCenterCustomer,CustomerOrders (safelist)');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
    expect(stored.keys[0]).toMatchObject({ profile: 'internal', costPerMinute: 5_000_000, operations: ['CallCenterCustomer', 'CustomerOrders'] });

    const bad = await run(
      'create',
      '--name',
      'x',
      '--owner',
      'y',
      '--scopes',
      'catalog:read',
      '--rate-limit',
      '1',
      '--profile',
      'admin',
      '--cost-per-minute',
      '0',
      '--operations',
      'not-a-name',
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
    expect(listed.out[0]).toMatch(
      /^KEY ID\s+NAME\s+OWNER\s+SCOPES\s+PROFILE\s+REQ\/MIN\s+COST\/MIN\s+QUOTA\/DAY\s+SAFELIST\s+STATUS\s+CREATED\s+LAST USED\s+EXPIRES\s+REVOKED$/,
    );
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
      'REDIS_URL',
      'OMNIGRAPH_API_KEY_PEPPER: is required in production',
      'name: --name is required',
      'owner: --owner is required',
      'must look like area:action',
      'rate-limit: --rate-limit must be a positive integer',
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

  it('refuses scopes the graph does not declare and operations that are not registered, naming the valid ones', async () => {
    const { run } = harness();
    const refused = await run(
      'create',
      '--name',
      'x',
      '--owner',
      'p',
      '--scopes',
      'catalog:reed,stock:read',
      '--rate-limit',
      '10',
      '--operations',
      'NoSuchOp,PartnerProductsBySku',
    );
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toContain('unknown scope catalog:reed; valid scopes: catalog:read, customers:pii, customers:read, stock:read');
    expect(refused.err.join('\n')).toContain(
      'not a registered operation: NoSuchOp; registered: PartnerProductsBySku, CallCenterCustomer, CustomerOrders',
    );
    expect((await run('list', '--json')).out).toEqual(['[]']);
    const ok = await run(
      'create',
      '--name',
      'x',
      '--owner',
      'p',
      '--scopes',
      'stock:read',
      '--rate-limit',
      '10',
      '--operations',
      'CallCenterCustomer',
    );
    expect(ok.code).toBe(0);
  });

  it('list and show print profile, limits, quota and safelist, as text and as --json, never the hash', async () => {
    const { run } = harness();
    const created = await run(
      'create',
      '--name',
      'Ceneo',
      '--owner',
      'partner-ceneo',
      '--scopes',
      'catalog:read',
      '--rate-limit',
      '600',
      '--cost-per-minute',
      '5000',
      '--quota',
      '100000',
      '--operations',
      'PartnerProductsBySku',
    );
    const keyId = keyOf(created.out).slice(9, 17);
    const listed = await run('list');
    expect(listed.out[0]).toMatch(/PROFILE\s+REQ\/MIN\s+COST\/MIN\s+QUOTA\/DAY\s+SAFELIST/);
    expect(listed.out[1]).toMatch(new RegExp(`${keyId}.*partner\\s+600\\s+5000\\s+100000\\s+PartnerProductsBySku\\s+active`));
    const json = JSON.parse((await run('list', '--json')).out.join(''));
    expect(json).toEqual([
      expect.objectContaining({
        keyId,
        profile: 'partner',
        rateLimitPerMinute: 600,
        costPerMinute: 5000,
        quotaPerDay: 100000,
        operations: ['PartnerProductsBySku'],
        status: 'active',
      }),
    ]);
    expect(json[0]).not.toHaveProperty('hash');
    const shown = await run('show', keyId);
    expect(shown.out.join('\n')).toMatch(/quota\/day:\s+100000/);
    expect(shown.out.join('\n')).toMatch(/safelist:\s+PartnerProductsBySku/);
    expect(shown.out.join('\n')).toMatch(/profile:\s+partner/);
    const shownJson = JSON.parse((await run('show', keyId, '--json')).out.join(''));
    expect(shownJson).toMatchObject({ keyId, quotaPerDay: 100000 });
    expect(shownJson).not.toHaveProperty('hash');
    expect((await run('show', 'zzzzzzzz')).code).toBe(1);
  });

  it("usage prints a key's days and total, as a table or --json, and refuses bad ranges", async () => {
    const { run, file } = harness({}, { clock: () => new Date('2026-12-06T12:00:00.000Z') });
    const seed = createFileKeyStore(file);
    await seed.addUsage([
      // within retention of the real clock the store uses
      { keyId: 'AAAAAAAA', day: utcDay(new Date()), requests: 5, cost: 40, upstreamCalls: 9, errors: 1 },
    ]);
    await seed.close();
    const today = utcDay(new Date());
    const json = JSON.parse((await run('usage', 'AAAAAAAA', '--from', today, '--to', today, '--json')).out.join(''));
    expect(json).toEqual({
      keyId: 'AAAAAAAA',
      from: today,
      to: today,
      days: [{ day: today, requests: 5, cost: 40, upstreamCalls: 9, errors: 1 }],
      total: { requests: 5, cost: 40, upstreamCalls: 9, errors: 1 },
    });
    const table = await run('usage', 'AAAAAAAA', '--from', today, '--to', today);
    expect(table.code).toBe(0);
    expect(table.out.at(-1)).toMatch(/^TOTAL\s+5\s+40\s+9\s+1$/);
    // default range: the last 30 days up to the clock's day
    expect(JSON.parse((await run('usage', 'AAAAAAAA', '--json')).out.join(''))).toMatchObject({ from: '2026-11-07', to: '2026-12-06' });
    for (const bad of [
      ['--from', '2026-13-01'],
      ['--from', '2026-12-07', '--to', '2026-12-06'],
      ['--from', '2020-01-01', '--to', '2026-01-01'],
    ]) {
      const refused = await run('usage', 'AAAAAAAA', ...bad);
      expect(refused.code, bad.join(' ')).toBe(2);
    }
  });

  it('purge deletes revoked and expired keys (not active or rotating ones) and usage past retention', async () => {
    let now = new Date();
    const { run, file } = harness({}, { clock: () => now });
    const create = async (...extra: string[]) => {
      const out = (await run('create', '--name', 'k', '--owner', 'p', '--scopes', 'catalog:read', '--rate-limit', '10', ...extra)).out;
      return keyOf(out).slice(9, 17);
    };
    const active = await create();
    const revoked = await create();
    const expiring = await create('--expires', new Date(now.getTime() + 60_000).toISOString());
    const rotated = await create();
    expect((await run('revoke', revoked)).code).toBe(0);
    expect((await run('rotate', rotated, '--overlap', '3600')).code).toBe(0);
    // usage of the revoked key today, and a day past retention written straight into the file
    const store = createFileKeyStore(file);
    await store.addUsage([{ keyId: revoked, day: utcDay(new Date()), requests: 1, cost: 1, upstreamCalls: 1, errors: 0 }]);
    await store.close();
    const data = JSON.parse(await readFile(file, 'utf8'));
    data.usage[active] = { '2020-01-01': { requests: 1, cost: 1, upstreamCalls: 0, errors: 0 } };
    await writeFile(file, JSON.stringify(data));

    now = new Date(now.getTime() + 120_000);
    const purged = await run('purge', '--json');
    expect(purged.code).toBe(0);
    expect(JSON.parse(purged.out.join(''))).toEqual({ deleted: expect.arrayContaining([revoked, expiring]), usageDaysDropped: 1 });
    expect(JSON.parse(purged.out.join('')).deleted).toHaveLength(2);
    const left = JSON.parse((await run('list', '--json')).out.join('')).map((r: { keyId: string }) => r.keyId);
    expect(left).toContain(active);
    expect(left).toContain(rotated); // still within its overlap
    expect(left).toHaveLength(3); // and the rotation's successor
    // the purged key's usage stays for billing until retention ends
    const today = utcDay(new Date());
    expect(JSON.parse((await run('usage', revoked, '--from', today, '--to', today, '--json')).out.join('')).total.requests).toBe(1);
    expect((await run('purge')).out).toEqual(['No revoked or expired keys.']);
  });

  describe('operations (run-time registered persisted documents, ADR 0019)', () => {
    const storefront = 'query StorefrontNames($skus: [ID!]!) { products(skus: $skus) { name sku } }';
    const storefrontV2 = 'query StorefrontNames($skus: [ID!]!) { products(skus: $skus) { ean name sku } }';
    const manifest = async (documents: Record<string, string>) => {
      const path = join(root, `persisted-${Math.random().toString(36).slice(2)}.json`);
      await writeFile(path, JSON.stringify(documents));
      return path;
    };
    const safelistedKey = async (run: ReturnType<typeof harness>['run']) => {
      const created = await run(
        'create',
        '--name',
        'shop',
        '--owner',
        'p',
        '--scopes',
        'catalog:read',
        '--rate-limit',
        '60',
        '--operations',
        'CustomerOrders',
      );
      return /^Created API key (\w+):$/.exec(created.out[0] ?? '')![1]!;
    };
    const storedKey = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, any>[] }).keys[0]!;

    it('add registers a file’s documents (built-ins by name), is idempotent, and list shows them', async () => {
      const { run, file } = harness();
      const keyId = await safelistedKey(run);
      const path = await manifest({ [sha256(storefront)]: storefront, [sha256(storefrontV2)]: storefrontV2, [sha256(BUILT_IN_TEXT)]: BUILT_IN_TEXT });
      const added = await run('operations', 'add', keyId, path);
      expect(added.code, added.all).toBe(0);
      expect(added.out).toEqual([
        `Registered for ${keyId} (in effect at once):`,
        `  StorefrontNames ${sha256(storefront)}`,
        `  StorefrontNames ${sha256(storefrontV2)}`,
        '  PartnerProductsBySku (built-in)',
        'Note: with scopes catalog:read, StorefrontNames will not get Product.ean (needs stock:read).',
      ]);
      const stored = await storedKey(file);
      expect(stored['operations']).toEqual(['CustomerOrders', 'PartnerProductsBySku']);
      expect(stored['documents'].map((d: { id: string; name: string; text: string }) => [d.id, d.name, d.text])).toEqual([
        [sha256(storefront), 'StorefrontNames', storefront],
        [sha256(storefrontV2), 'StorefrontNames', storefrontV2],
      ]);
      expect((await run('operations', 'add', keyId, path)).out).toEqual([`Nothing new for ${keyId}: every document was already registered.`]);
      expect((await run('list')).out.join('\n')).toContain('CustomerOrders,PartnerProductsBySku +2 documents');
      const listed = JSON.parse((await run('operations', 'list', keyId, '--json')).out[0]!);
      expect(listed).toMatchObject({ keyId, safelist: true });
      expect(listed.operations.map((o: { name: string; id?: string }) => o.id ?? o.name)).toEqual([
        'CustomerOrders',
        'PartnerProductsBySku',
        sha256(storefront),
        sha256(storefrontV2),
      ]);
    });

    it('add refuses the whole file when one document fails the check, and stores nothing', async () => {
      const { run, file } = harness();
      const keyId = await safelistedKey(run);
      const before = await readFile(file, 'utf8');
      const refused = await run('operations', 'add', keyId, await manifest({ [sha256(storefront)]: storefront, ['0'.repeat(64)]: storefrontV2 }));
      expect(refused.code).toBe(2);
      expect(refused.err).toEqual(['Invalid input:', `  - arguments.documents: ${'0'.repeat(64)}: rejected`]);
      expect(await readFile(file, 'utf8')).toBe(before);
      for (const [content, issue] of [
        ['not json', /cannot read/],
        ['["a"]', /not a persisted-documents.json/],
        ['{}', /holds no documents/],
      ] as const) {
        const path = join(root, `bad-${Math.random().toString(36).slice(2)}.json`);
        await writeFile(path, content);
        expect((await run('operations', 'add', keyId, path)).all).toMatch(issue);
      }
    });

    it('retire removes a built-in by name, every version of a document by name, or one by id (prefixed or not)', async () => {
      const { run, file } = harness();
      const keyId = await safelistedKey(run);
      await run('operations', 'add', keyId, await manifest({ [sha256(storefront)]: storefront, [sha256(storefrontV2)]: storefrontV2 }));
      const byId = await run('operations', 'retire', keyId, `sha256:${sha256(storefront).toUpperCase()}`);
      expect(byId.out).toEqual([`Retired from ${keyId} (in effect at once):`, `  StorefrontNames ${sha256(storefront)}`]);
      expect((await storedKey(file))['documents'].map((d: { id: string }) => d.id)).toEqual([sha256(storefrontV2)]);
      expect((await run('operations', 'retire', keyId, 'StorefrontNames')).code).toBe(0);
      const builtIn = await run('operations', 'retire', keyId, 'CustomerOrders');
      expect(builtIn.out).toContain(`Note: ${keyId}'s safelist is now empty: it can run no operation.`);
      const stored = await storedKey(file);
      expect([stored['operations'], stored['documents']]).toEqual([[], undefined]);
      const unknown = await run('operations', 'retire', keyId, 'Nope');
      expect([unknown.code, unknown.err]).toEqual([1, [`Key ${keyId} has no operation named or with id Nope.`]]);
    });

    it('refuses missing or malformed arguments, unknown keys, and documents it cannot check', async () => {
      const { run } = harness();
      expect((await run('operations')).all).toMatch(/operations needs one of: add, retire, list/);
      expect((await run('operations', 'add', 'ABCDEFGH')).all).toMatch(/operations add needs a <persisted-documents.json>/);
      expect((await run('operations', 'retire', 'short')).all).toMatch(/<keyId> must be 8 base62 characters/);
      expect(await run('operations', 'list', 'ABCDEFGH')).toMatchObject({ code: 1, err: ['No API key with id ABCDEFGH.'] });
      const noVocabulary = await runCli(['operations', 'add', 'ABCDEFGH', await manifest({ [sha256(storefront)]: storefront })], {
        env: { OMNIGRAPH_API_KEY_PEPPER: PEPPER, OMNIGRAPH_KEY_STORE_FILE: join(root, 'never-opened.json') },
        out: () => {},
        err: (line) => expect(line).not.toMatch(/Registered/),
      });
      expect(noVocabulary).toBe(2);
    });
  });
});
