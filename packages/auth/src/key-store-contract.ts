import { afterEach, describe, expect, it } from 'vitest';
import { generateApiKey, keyIdOf } from './api-key-format.ts';
import type { ApiKeyRecord } from './api-key-record.ts';
import { hashApiKey } from './hash-api-key.ts';
import type { KeyInvalidation, KeyStore } from './key-store.ts';
import { KeyConflictError } from './key-store.ts';
import { retentionStart, utcDay } from './usage.ts';

export const TEST_PEPPER = 'test-pepper-0123456789abcdefghijklmnop';

/** A valid record for a fresh key (the key itself is returned for tests that authenticate with it). */
export function makeRecord(overrides: Partial<ApiKeyRecord> = {}): { key: string; record: ApiKeyRecord } {
  const key = generateApiKey('test');
  return {
    key,
    record: {
      keyId: keyIdOf(key),
      hash: hashApiKey(TEST_PEPPER, key),
      name: 'Test partner',
      ownerId: 'partner-test',
      scopes: ['catalog:read'],
      profile: 'partner',
      rateLimitPerMinute: 60,
      createdAt: new Date().toISOString(),
      ...overrides,
    },
  };
}

/**
 * One behavioural contract for every KeyStore. `open` returns a store over an empty namespace; `openSibling` (when
 * given) a second store over the same data, as another process or replica would see it.
 */
export function defineKeyStoreContract(name: string, open: () => Promise<KeyStore>, openSibling?: (first: KeyStore) => Promise<KeyStore>): void {
  describe(`KeyStore contract: ${name}`, () => {
    const opened: KeyStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('stores a record and finds it by hash and by id; unknown lookups are undefined', async () => {
      const store = await fresh();
      const { record } = makeRecord({ quotaPerDay: 1_000, expiresAt: '2030-01-01T00:00:00.000Z', scopes: ['catalog:read', 'stock:read'] });
      await store.create(record);
      expect(await store.getByHash(record.hash)).toEqual(record);
      expect(await store.getById(record.keyId)).toEqual(record);
      expect(await store.getByHash('0'.repeat(64))).toBeUndefined();
      expect(await store.getById('zzzzzzzz')).toBeUndefined();
    });

    it('refuses a second record with the same keyId or the same hash', async () => {
      const store = await fresh();
      const { record } = makeRecord();
      await store.create(record);
      await expect(store.create({ ...makeRecord().record, keyId: record.keyId })).rejects.toBeInstanceOf(KeyConflictError);
      await expect(store.create({ ...makeRecord().record, hash: record.hash })).rejects.toBeInstanceOf(KeyConflictError);
      expect(await store.list()).toHaveLength(1);
    });

    it('lists all records or one owner’s, oldest first', async () => {
      const store = await fresh();
      const a = makeRecord({ ownerId: 'p-a', createdAt: '2026-01-01T00:00:00.000Z' }).record;
      const b = makeRecord({ ownerId: 'p-b', createdAt: '2026-01-02T00:00:00.000Z' }).record;
      const c = makeRecord({ ownerId: 'p-a', createdAt: '2026-01-03T00:00:00.000Z' }).record;
      for (const r of [c, a, b]) await store.create(r);
      expect((await store.list()).map((r) => r.keyId)).toEqual([a.keyId, b.keyId, c.keyId]);
      expect((await store.list('p-a')).map((r) => r.keyId)).toEqual([a.keyId, c.keyId]);
      expect(await store.list('nobody')).toEqual([]);
    });

    it('revokes once (the first time wins), tells listeners, and reports unknown ids', async () => {
      const store = await fresh();
      const { record } = makeRecord();
      await store.create(record);
      const events: KeyInvalidation[] = [];
      const unsubscribe = store.onRevoked((e) => events.push(e));
      const first = new Date('2026-05-01T10:00:00.000Z');
      expect(await store.revoke(record.keyId, first)).toBe(true);
      expect(await store.revoke(record.keyId, new Date('2026-05-02T10:00:00.000Z'))).toBe(true);
      expect((await store.getByHash(record.hash))?.revokedAt).toBe(first.toISOString());
      expect(events[0]).toEqual({ kind: 'key', keyId: record.keyId, hash: record.hash });
      unsubscribe();
      const count = events.length;
      expect(await store.revoke('unknown1', first)).toBe(false);
      const other = makeRecord().record;
      await store.create(other);
      await store.revoke(other.keyId, first);
      expect(events.length).toBe(count);
    });

    it('marks a key replaced with a new expiry and tells listeners', async () => {
      const store = await fresh();
      const { record } = makeRecord();
      await store.create(record);
      const events: KeyInvalidation[] = [];
      store.onRevoked((e) => events.push(e));
      expect(await store.markReplaced(record.keyId, { replacedBy: 'newKey01', expiresAt: '2026-06-01T00:00:00.000Z' })).toBe(true);
      const after = await store.getById(record.keyId);
      expect(after?.replacedBy).toBe('newKey01');
      expect(after?.expiresAt).toBe('2026-06-01T00:00:00.000Z');
      expect(events).toContainEqual({ kind: 'key', keyId: record.keyId, hash: record.hash });
      expect(await store.markReplaced('unknown1', { replacedBy: 'x', expiresAt: '2026-06-01T00:00:00.000Z' })).toBe(false);
    });

    it('updates a key’s operations and documents, tells listeners, and reports unknown ids', async () => {
      const store = await fresh();
      const { record } = makeRecord({ operations: ['PartnerProductsBySku'] });
      await store.create(record);
      const events: KeyInvalidation[] = [];
      store.onRevoked((e) => events.push(e));
      const document = { id: 'a'.repeat(64), name: 'StoreFront', text: 'query StoreFront { __typename }', registeredAt: '2026-06-01T00:00:00.000Z' };
      const next = await store.updateOperations(record.keyId, (current) => ({
        operations: [...(current.operations ?? []), 'PartnerStoresWithStock'],
        documents: [...(current.documents ?? []), document],
      }));
      expect(next).toEqual({ operations: ['PartnerProductsBySku', 'PartnerStoresWithStock'], documents: [document] });
      expect(events).toContainEqual({ kind: 'key', keyId: record.keyId, hash: record.hash });
      const after = await store.getByHash(record.hash);
      expect(after?.operations).toEqual(['PartnerProductsBySku', 'PartnerStoresWithStock']);
      expect(after?.documents).toEqual([document]);
      // retiring everything leaves a safelisted key with an empty safelist (it runs nothing), never an unrestricted one
      await store.updateOperations(record.keyId, () => ({ operations: [], documents: [] }));
      const emptied = await store.getById(record.keyId);
      expect(emptied?.operations).toEqual([]);
      expect(emptied?.documents).toBeUndefined();
      expect(await store.updateOperations('unknown1', (c) => c)).toBeUndefined();
    });

    it('never loses one of two concurrent operation changes, and writes no invalid record', async () => {
      const store = await fresh();
      const { record } = makeRecord({ operations: [] });
      await store.create(record);
      const names = ['OpA', 'OpB', 'OpC', 'OpD'];
      await Promise.all(names.map((name) => store.updateOperations(record.keyId, (c) => ({ ...c, operations: [...(c.operations ?? []), name] }))));
      expect([...((await store.getById(record.keyId))?.operations ?? [])].sort()).toEqual(names);
      await expect(store.updateOperations(record.keyId, (c) => ({ ...c, operations: ['not a name'] }))).rejects.toThrow();
      expect([...((await store.getById(record.keyId))?.operations ?? [])].sort()).toEqual(names);
    });

    it('throttles last-used writes per key', async () => {
      const store = await fresh();
      const { record } = makeRecord();
      await store.create(record);
      const t0 = new Date('2026-05-01T10:00:00.000Z');
      await store.touch(record.keyId, t0);
      expect((await store.getById(record.keyId))?.lastUsedAt).toBe(t0.toISOString());
      await store.touch(record.keyId, new Date(t0.getTime() + 30_000));
      expect((await store.getById(record.keyId))?.lastUsedAt).toBe(t0.toISOString());
      const t2 = new Date(t0.getTime() + 61_000);
      await store.touch(record.keyId, t2);
      expect((await store.getById(record.keyId))?.lastUsedAt).toBe(t2.toISOString());
      await expect(store.touch('unknown1', t2)).resolves.toBeUndefined();
      expect(await store.getById('unknown1')).toBeUndefined();
    });

    it('never loses a revocation to a concurrent last-used write', async () => {
      const store = await fresh();
      const records = Array.from({ length: 10 }, () => makeRecord().record);
      for (const r of records) await store.create(r);
      const at = new Date();
      await Promise.all(
        records.flatMap((r) => [store.touch(r.keyId, at), store.revoke(r.keyId, at), store.touch(r.keyId, new Date(at.getTime() + 120_000))]),
      );
      for (const r of records) expect((await store.getById(r.keyId))?.revokedAt).toBe(at.toISOString());
    });

    if (openSibling !== undefined) {
      it('shares data with a second instance over the same storage', async () => {
        const store = await fresh();
        const sibling = await openSibling(store);
        opened.push(sibling);
        const { record } = makeRecord();
        await store.create(record);
        expect(await sibling.getByHash(record.hash)).toEqual(record);
        await sibling.revoke(record.keyId, new Date());
        expect((await store.getByHash(record.hash))?.revokedAt).toBeDefined();
      });
    }

    it('deletes a key (record, hash lookup, owner listing) and tells listeners; unknown ids are false', async () => {
      const store = await fresh();
      const { record } = makeRecord({ ownerId: 'partner-delete' });
      const { record: kept } = makeRecord({ ownerId: 'partner-delete' });
      await store.create(record);
      await store.create(kept);
      const events: KeyInvalidation[] = [];
      store.onRevoked((e) => events.push(e));
      expect(await store.delete(record.keyId)).toBe(true);
      expect(await store.getById(record.keyId)).toBeUndefined();
      expect(await store.getByHash(record.hash)).toBeUndefined();
      expect((await store.list('partner-delete')).map((r) => r.keyId)).toEqual([kept.keyId]);
      expect(events[0]).toEqual({ kind: 'key', keyId: record.keyId, hash: record.hash });
      expect(await store.delete(record.keyId)).toBe(false);
      // the id and hash are free again
      await store.create(record);
    });

    it('adds usage per key and UTC day (increments add up), reads a range, and keeps it after the key is deleted', async () => {
      const store = await fresh();
      const { record } = makeRecord();
      const { record: other } = makeRecord();
      await store.create(record);
      const today = utcDay(new Date());
      const yesterday = utcDay(new Date(Date.now() - 86_400_000));
      await store.addUsage([
        { keyId: record.keyId, day: today, requests: 3, cost: 12, upstreamCalls: 5, errors: 1 },
        { keyId: record.keyId, day: yesterday, requests: 1, cost: 2, upstreamCalls: 0, errors: 0 },
        { keyId: other.keyId, day: today, requests: 7, cost: 0, upstreamCalls: 0, errors: 7 },
      ]);
      await store.addUsage([{ keyId: record.keyId, day: today, requests: 2, cost: 3, upstreamCalls: 1, errors: 0 }]);
      expect(await store.usage(record.keyId, yesterday, today)).toEqual([
        { day: yesterday, requests: 1, cost: 2, upstreamCalls: 0, errors: 0 },
        { day: today, requests: 5, cost: 15, upstreamCalls: 6, errors: 1 },
      ]);
      expect(await store.usage(record.keyId, today, today)).toEqual([{ day: today, requests: 5, cost: 15, upstreamCalls: 6, errors: 1 }]);
      expect(await store.usage(record.keyId, '2001-01-01', '2001-01-31')).toEqual([]);
      expect(await store.usage('zzzzzzzz', yesterday, today)).toEqual([]);
      await store.delete(record.keyId);
      expect(await store.usage(record.keyId, today, today)).toHaveLength(1);
    });

    it('never keeps usage past retention', async () => {
      const store = await fresh();
      const { record } = makeRecord();
      const old = retentionStart(new Date(Date.now() - 5 * 86_400_000));
      const today = utcDay(new Date());
      await store.addUsage([
        { keyId: record.keyId, day: old, requests: 1, cost: 1, upstreamCalls: 1, errors: 0 },
        { keyId: record.keyId, day: today, requests: 1, cost: 1, upstreamCalls: 1, errors: 0 },
      ]);
      await store.pruneUsage(retentionStart(new Date()));
      expect(await store.usage(record.keyId, old, old)).toEqual([]);
      expect((await store.usage(record.keyId, today, today)).map((d) => d.day)).toEqual([today]);
    });

    if (openSibling !== undefined) {
      it('adds up usage written by two instances over the same storage', async () => {
        const store = await fresh();
        const sibling = await openSibling(store);
        opened.push(sibling);
        const day = utcDay(new Date());
        await Promise.all([
          store.addUsage([{ keyId: 'AAAAAAAA', day, requests: 2, cost: 4, upstreamCalls: 1, errors: 0 }]),
          sibling.addUsage([{ keyId: 'AAAAAAAA', day, requests: 3, cost: 1, upstreamCalls: 2, errors: 1 }]),
        ]);
        expect(await store.usage('AAAAAAAA', day, day)).toEqual([{ day, requests: 5, cost: 5, upstreamCalls: 3, errors: 1 }]);
      });
    }

    it('does not persist anything that looks like a raw key', async () => {
      const store = await fresh();
      const { key, record } = makeRecord();
      await store.create(record);
      expect(JSON.stringify(await store.list())).not.toContain(key);
    });
  });
}

/** Counts calls into a store, to prove what the cache saves and what bypasses it. */
export function countCalls(store: KeyStore): { store: KeyStore; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(property)] = (calls[String(property)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}
