/**
 * Persisted documents as frontend teams build them (issue 14, ADR 0019): graphql-codegen's client preset builds the
 * persisted documents of the registered operations afresh (codegen.yml's own client configuration, into a temp
 * dir), and each runs against the gateway by id, in the forms standard clients send; the typed example client
 * (@omnigraph/client) runs one; unknown ids are refused; and an operation registered through the keys CLI works at
 * once on a running gateway, and is refused at once after retirement, with the Redis and with the file key store.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createFileKeyStore, type KeyStore } from '@omnigraph/auth';
import { runCli } from '@omnigraph/auth/cli';
import { CallCenterCustomerDocument, createOmnigraphClient } from '@omnigraph/client';
import { startRedisServer, type DisposableRedisServer } from '@omnigraph/shared/testing';
import { loadOperationRegistry } from '../gateway/src/edge/registered-operations.ts';
import { loadKeyVocabulary } from '../gateway/src/key-vocabulary.ts';
import { ALL_SCOPES, startE2eStack, type E2eStack } from './start-e2e-stack.ts';

const ROOT = new URL('../', import.meta.url);
const CLIENT_OUTPUT = 'clients/typescript/src/__generated__/';
const registry = loadOperationRegistry();
const work = await mkdtemp(join(tmpdir(), 'omnigraph-persisted-'));

/**
 * Runs the client preset as codegen.yml configures it for clients/typescript, over `documents`, into a temp dir;
 * `persistedDocuments` replaces the configured one when given (e.g. `true`: the preset's defaults, sha1 ids).
 */
async function buildPersistedDocuments(documents: string, persistedDocuments?: unknown): Promise<Record<string, string>> {
  const codegen = parseYaml(await readFile(new URL('codegen.yml', ROOT), 'utf8')) as { generates: Record<string, any> };
  const target = codegen.generates[CLIENT_OUTPUT];
  const out = join(await mkdtemp(join(work, 'preset-')), '/');
  await generate(
    {
      cwd: new URL('.', ROOT).pathname,
      silent: true,
      generates: {
        [out]: {
          ...target,
          documents,
          presetConfig: { ...target.presetConfig, ...(persistedDocuments === undefined ? {} : { persistedDocuments }) },
        },
      },
    },
    true,
  );
  return JSON.parse(await readFile(join(out, 'persisted-documents.json'), 'utf8')) as Record<string, string>;
}

const post = async (url: string, key: string, body: unknown) => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, data: json.data, errors: json.errors ?? [], code: json.errors?.[0]?.extensions?.code };
};

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the client preset’s persisted documents of the registered operations', () => {
  let stack: E2eStack;
  let built: Record<string, string>;
  let variables: Record<string, unknown>;

  beforeAll(async () => {
    [stack, built] = await Promise.all([startE2eStack({ scale: 0.05 }), buildPersistedDocuments('schema/operations/*.graphql')]);
    const sku = stack.dataset.products[0]!.sku;
    variables = { skus: [sku], city: 'Poznań', email: 'anna.kowalska@example.com', phone: '+48 601 234 567', text: sku };
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
  });

  it('are what clients/typescript commits, one per registered operation', async () => {
    const committed = JSON.parse(await readFile(new URL(`${CLIENT_OUTPUT}persisted-documents.json`, ROOT), 'utf8'));
    expect(built).toEqual(committed);
    expect(Object.keys(built)).toHaveLength(registry.all().length);
  });

  it('each runs by id for a key safelisted to them: documentId and Apollo’s persistedQuery form, sha256 and the preset’s default sha1', async () => {
    const key = await stack.createKey({
      name: 'preset frontend',
      scopes: ALL_SCOPES,
      profile: 'internal',
      operations: registry.all().map((o) => o.name),
    });
    const sha1 = await buildPersistedDocuments('schema/operations/*.graphql', true);
    expect(Object.keys(sha1).every((id) => /^[0-9a-f]{40}$/.test(id))).toBe(true);
    const requests = [
      ...Object.keys(built).flatMap((id) => [
        { documentId: id },
        { documentId: `sha256:${id}` },
        { extensions: { persistedQuery: { version: 1, sha256Hash: id } } },
      ]),
      ...Object.keys(sha1).map((id) => ({ documentId: id })),
    ];
    for (const request of requests) {
      const res = await post(stack.url, key, { ...request, variables });
      expect([res.status, res.errors], JSON.stringify(request)).toEqual([200, []]);
      expect(res.data, JSON.stringify(request)).toBeTruthy();
    }
    // GraphQL over HTTP GET, as a CDN-friendly client sends it
    const id = registry.byName('PartnerProductsBySku')!.documentIds[0]!;
    const search = new URLSearchParams({ documentId: id, variables: JSON.stringify(variables) });
    const viaGet = await fetch(`${stack.url}/graphql?${search}`, { headers: { 'x-api-key': key, 'apollo-require-preflight': 'true' } });
    expect(viaGet.status).toBe(200);
    expect(((await viaGet.json()) as any).data.products[0].sku).toBe((variables['skus'] as string[])[0]);
  });

  it('the typed example client runs one by id, with typed variables and result', async () => {
    const key = await stack.createKey({ name: 'typed client', scopes: ALL_SCOPES, profile: 'internal', operations: ['CallCenterCustomer'] });
    const client = createOmnigraphClient({ url: `${stack.url}/graphql`, apiKey: key });
    const result = await client.execute(CallCenterCustomerDocument, { phone: '+48 601 234 567' });
    expect([result.status, result.errors ?? []]).toEqual([200, []]);
    const customer = result.data?.findCustomers?.[0];
    expect(customer?.name).toBe('Anna Kowalska');
    expect(customer?.orders.edges.length).toBeGreaterThan(0);
  });

  it('an unregistered id is PERSISTED_QUERY_NOT_FOUND (nothing registers), a registered one off the safelist is not run', async () => {
    const key = await stack.createKey({ name: 'products only', scopes: ALL_SCOPES, operations: ['PartnerProductsBySku'] });
    const unknown = 'e'.repeat(64);
    for (const request of [
      { documentId: unknown },
      { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
      { documentId: 'not-an-id' },
    ]) {
      expect((await post(stack.url, key, request)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    // automatic persisted queries stay off: sending the text with an unknown id registers nothing
    const text = registry.byName('PartnerProductsBySku')!.presetText;
    expect((await post(stack.url, key, { query: text, extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } })).code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await post(stack.url, key, { documentId: unknown })).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const callCenter = registry.byName('CallCenterCustomer')!.documentIds[0]!;
    expect(await post(stack.url, key, { documentId: callCenter, variables })).toMatchObject({ status: 403, code: 'OPERATION_NOT_SAFELISTED' });
  });
});

describe.each([
  ['Redis', 'redis'],
  ['file', 'file'],
] as const)('operations registered through the keys CLI, %s key store', (_, kind) => {
  let stack: E2eStack;
  let redis: DisposableRedisServer | undefined;
  let cliEnv: Record<string, string>;
  let frontend: Record<string, string>;

  beforeAll(async () => {
    let keyStore: KeyStore | undefined;
    if (kind === 'redis') {
      redis = await startRedisServer();
      cliEnv = { REDIS_URL: redis.url };
    } else {
      const file = join(work, `keys-${Math.random().toString(36).slice(2)}.json`);
      keyStore = createFileKeyStore(file);
      cliEnv = { OMNIGRAPH_KEY_STORE_FILE: file };
    }
    // A frontend's own operation, built by the preset as its build would: not one of schema/operations/.
    const operations = join(work, `frontend-${kind}`);
    await mkdir(operations, { recursive: true });
    await writeFile(join(operations, 'StorefrontNames.graphql'), 'query StorefrontNames($skus: [ID!]!) { products(skus: $skus) { sku name } }\n');
    [stack, frontend] = await Promise.all([
      startE2eStack({
        scale: 0.05,
        ...(redis === undefined ? {} : { redisUrl: redis.url }),
        ...(keyStore === undefined ? {} : { keyStore }),
        // far longer than the test: only the store's invalidation can make a change visible in time
        gatewayEnv: { GATEWAY_KEY_CACHE_TTL_MS: '600000' },
      }),
      buildPersistedDocuments(join(operations, '*.graphql')),
    ]);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await redis?.kill();
  });

  /** `npm run keys -- …` as an operator runs it: its own store connection, the gateway's vocabulary. */
  const keys = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await runCli(argv, {
      env: { ...cliEnv, OMNIGRAPH_API_KEY_PEPPER: process.env['OMNIGRAPH_API_KEY_PEPPER'] ?? '' },
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      vocabulary: () => loadKeyVocabulary(),
    });
    return { code, out: out.join('\n') };
  };

  it('works at once on the running gateway after `operations add`, and is refused at once after `operations retire`', async () => {
    const { key, record } = await stack.gateway.apiKeys.createKey({
      name: 'storefront',
      ownerId: 'team-storefront',
      scopes: ['catalog:read', 'stock:read'],
      rateLimitPerMinute: 1_000_000,
      operations: ['PartnerProductsBySku'],
    });
    const [id, text] = Object.entries(frontend)[0]!;
    const sku = stack.dataset.products[0]!.sku;
    const byId = { documentId: id, variables: { skus: [sku] } };
    const byText = { query: text, variables: { skus: [sku] } };
    // the key is now in the gateway's cache, without the operation
    expect((await post(stack.url, key, byId)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(stack.url, key, byText)).code).toBe('OPERATION_NOT_SAFELISTED');

    const manifest = join(work, `persisted-documents-${kind}.json`);
    await writeFile(manifest, JSON.stringify(frontend));
    const added = await keys('operations', 'add', record.keyId, manifest);
    expect(added, added.out).toMatchObject({ code: 0 });
    // Redis pub/sub or the file watch: milliseconds, well inside the wait and far from the 10-minute cache TTL
    await vi.waitFor(async () => expect(await post(stack.url, key, byId)).toMatchObject({ status: 200, errors: [] }), {
      timeout: 3_000,
      interval: 20,
    });
    expect((await post(stack.url, key, byId)).data.products[0]).toMatchObject({ sku, name: expect.any(String) });
    expect(await post(stack.url, key, byText)).toMatchObject({ status: 200, errors: [] });
    // another key does not see it
    const other = await stack.createKey({ name: 'other', scopes: ['catalog:read'], operations: ['PartnerProductsBySku'] });
    expect((await post(stack.url, other, byId)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await keys('operations', 'list', record.keyId)).out).toContain(id);

    const retired = await keys('operations', 'retire', record.keyId, 'StorefrontNames');
    expect(retired, retired.out).toMatchObject({ code: 0 });
    await vi.waitFor(async () => expect((await post(stack.url, key, byId)).code).toBe('PERSISTED_QUERY_NOT_FOUND'), { timeout: 3_000, interval: 20 });
    expect((await post(stack.url, key, byText)).code).toBe('OPERATION_NOT_SAFELISTED');
    // the built-in on its safelist was never touched
    const builtIn = registry.byName('PartnerProductsBySku')!.documentIds[0]!;
    expect(await post(stack.url, key, { documentId: builtIn, variables: { skus: [sku] } })).toMatchObject({ status: 200, errors: [] });
  });
});
