import { mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCachedKeyStore } from './cached-key-store.ts';
import { createFileKeyStore } from './file-key-store.ts';
import { defineKeyStoreContract, makeRecord } from './key-store-contract.ts';
import type { KeyInvalidation } from './key-store.ts';
import { utcDay } from './usage.ts';

const root = await mkdtemp(join(tmpdir(), 'omnigraph-auth-'));
let n = 0;
const pathFor = new WeakMap<object, string>();

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

defineKeyStoreContract(
  'file',
  async () => {
    const path = join(root, `keys-${n++}.json`);
    const store = createFileKeyStore(path);
    pathFor.set(store, path);
    return store;
  },
  async (first) => createFileKeyStore(pathFor.get(first) ?? ''),
);

describe('createFileKeyStore', () => {
  it('tells its listeners at once when another process changes what a key may do, not when it only records use', async () => {
    const path = join(root, 'watched', 'keys.json');
    const cli = createFileKeyStore(path);
    const { record } = makeRecord({ operations: ['A'] });
    await cli.create(record);
    const gateway = createFileKeyStore(path);
    const events: KeyInvalidation[] = [];
    gateway.onRevoked((event) => events.push(event));
    await cli.touch(record.keyId, new Date());
    await cli.addUsage([{ keyId: record.keyId, day: utcDay(new Date()), requests: 1, cost: 1, upstreamCalls: 0, errors: 0 }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
    await cli.updateOperations(record.keyId, () => ({ operations: ['A', 'B'] }));
    await vi.waitFor(() => expect(events).toEqual([{ kind: 'key', keyId: record.keyId, hash: record.hash }]), { timeout: 2_000 });
    await cli.revoke(record.keyId, new Date());
    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 2_000 });
    await Promise.all([cli.close(), gateway.close()]);
  });

  it('writes a versioned JSON file readable only by its owner, with no temp files left behind', async () => {
    const path = join(root, 'format', 'keys.json');
    const store = createFileKeyStore(path);
    const { key, record } = makeRecord();
    await store.create(record);
    await store.revoke(record.keyId, new Date());
    const text = await readFile(path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, keys: [{ keyId: record.keyId, hash: record.hash }] });
    expect(text).not.toContain(key);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(root, 'format'))).toEqual(['keys.json']);
    await store.close();
  });

  it('keeps every write when two processes (two store instances) write at once', async () => {
    const path = join(root, 'concurrent.json');
    const a = createFileKeyStore(path);
    const b = createFileKeyStore(path);
    const records = Array.from({ length: 20 }, () => makeRecord().record);
    await Promise.all(records.map((r, i) => (i % 2 === 0 ? a : b).create(r)));
    expect(await a.list()).toHaveLength(20);
  });

  it('refuses a corrupt file instead of treating it as empty (which would let create overwrite it)', async () => {
    const path = join(root, 'corrupt.json');
    await writeFile(path, '{"version":1,"keys":[{"keyId":"x"}]}');
    const store = createFileKeyStore(path);
    await expect(store.list()).rejects.toThrow();
    await expect(store.create(makeRecord().record)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"keys":[{"keyId":"x"}]}');
  });

  it('answers a lookup without waiting on the event loop, so a saturated gateway never takes it for a store outage', async () => {
    const path = join(root, 'busy.json');
    const writer = createFileKeyStore(path);
    const { record } = makeRecord();
    await writer.create(record);
    let t = 0;
    const stale: string[] = [];
    // as the gateway builds it: the cached store's lookup timeout is meant for a Redis that answers nothing
    const keys = createCachedKeyStore(createFileKeyStore(path), {
      ttlMs: 1_000,
      lookupTimeoutMs: 50,
      now: () => t,
      onStaleServed: (id) => stale.push(id),
    });
    expect(await keys.getByHash(record.hash)).toEqual(record);
    for (let i = 1; i <= 3; i += 1) {
      // the usage meter rewrites the file every second, so each lookup past the TTL reads a changed file
      await writer.addUsage([{ keyId: record.keyId, day: new Date().toISOString().slice(0, 10), requests: 1, cost: 1, upstreamCalls: 0, errors: 0 }]);
      t = i * 2_000;
      const lookup = keys.getByHash(record.hash);
      // a saturated event loop: the next turn comes later than the lookup timeout
      const busyUntil = performance.now() + 80;
      while (performance.now() < busyUntil) {
        // spinning, as request handling does under load
      }
      expect(await lookup).toEqual(record);
    }
    expect(stale).toEqual([]);
  });

  it('breaks a stale lock left by a killed process', async () => {
    const path = join(root, 'stale.json');
    await writeFile(`${path}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);
    const store = createFileKeyStore(path, { lockTimeoutMs: 500 });
    await store.create(makeRecord().record);
    expect(await store.list()).toHaveLength(1);
  });

  it('times out on a live lock held by someone else', async () => {
    const path = join(root, 'locked.json');
    await writeFile(`${path}.lock`, '');
    const store = createFileKeyStore(path, { lockTimeoutMs: 100 });
    await expect(store.create(makeRecord().record)).rejects.toThrow(/lock/);
    await rm(`${path}.lock`);
  });
});
