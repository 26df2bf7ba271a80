import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { IdempotencyStore, WriteRecord } from './write-types.ts';

/** A store over a fresh key space (`prefix`), with leases and due times read from `now`. */
export type CreateStoreForContract = (options: { prefix: string; now: () => number }) => IdempotencyStore | Promise<IdempotencyStore>;

export function newRecord(overrides: Partial<WriteRecord> = {}): WriteRecord {
  return {
    scope: 'key-1',
    idempotencyKey: randomUUID(),
    operation: 'placeOrder',
    fingerprint: 'f'.repeat(64),
    input: { customerId: 'c-1', lines: [{ sku: 'A', quantity: 2 }], notes: [] },
    identity: { subject: 'key-1', kind: 'api-key', scopes: ['orders:write'], profile: 'internal' },
    state: 'PENDING',
    steps: [],
    runs: 0,
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * What every IdempotencyStore must do, run against memory and Redis so the two cannot drift. Time is a fake clock
 * (leases and due times); record expiry is the store's own (Redis TTLs), tested where it applies.
 */
export function defineIdempotencyStoreContract(name: string, createStore: CreateStoreForContract): void {
  const runId = randomUUID().slice(0, 8);
  let counter = 0;
  async function setup() {
    counter += 1;
    const clock = { at: 1_800_000_000_000 };
    const store = await createStore({ prefix: `contract-${runId}-${counter}:`, now: () => clock.at });
    return { store, clock };
  }

  describe(`${name} idempotency store (contract)`, () => {
    it('claims a new key once; a second claim gets the record as stored, with its lease', async () => {
      const { store, clock } = await setup();
      const record = newRecord();
      const first = await store.claim(record, 'A', 15_000);
      expect(first.claimed).toBe(true);
      expect(first.record).toMatchObject({ idempotencyKey: record.idempotencyKey, owner: 'A', leaseUntil: clock.at + 15_000 });
      const second = await store.claim({ ...record, fingerprint: 'other' }, 'B', 15_000);
      expect(second.claimed).toBe(false);
      expect(second.record).toEqual({ ...record, owner: 'A', leaseUntil: clock.at + 15_000 });
      await store.close();
    });

    it('keeps records apart by scope: one key in two key spaces is two writes', async () => {
      const { store } = await setup();
      const record = newRecord();
      expect((await store.claim(record, 'A', 15_000)).claimed).toBe(true);
      expect((await store.claim({ ...record, scope: 'key-2' }, 'A', 15_000)).claimed).toBe(true);
      expect(await store.get('key-2', record.idempotencyKey)).toMatchObject({ scope: 'key-2' });
      expect(await store.get('key-3', record.idempotencyKey)).toBeUndefined();
      await store.close();
    });

    it('of 50 simultaneous claims of one key exactly one wins, and all see its record', async () => {
      const { store } = await setup();
      const record = newRecord();
      const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claim({ ...record, runs: i }, `owner-${i}`, 15_000)));
      expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
      const winner = outcomes.find((o) => o.claimed)!.record;
      for (const o of outcomes) expect(o.record).toEqual(winner);
      await store.close();
    });

    it('stores what it is given, JSON for JSON (empty arrays, nested objects, unicode)', async () => {
      const { store } = await setup();
      const record = newRecord({
        input: { a: [], b: {}, c: 'Zażółć gęślą jaźń', d: [1, 2.5, null, true], e: { f: { g: [] } } },
        prepared: { price: '12.30', lines: [] },
        steps: [{ name: 'eshop.createOrder', state: 'DONE', upstreamId: '42', output: { id: 42, items: [] }, attempts: 1, updatedAt: 'x' }],
      });
      await store.claim(record, 'A', 15_000);
      await store.save(record, 'A', 15_000);
      const { owner: _o, leaseUntil: _l, ...stored } = (await store.get(record.scope, record.idempotencyKey))!;
      expect(stored).toEqual(record);
      await store.close();
    });

    it('fences saves: only the lease holder writes, renewing its lease; leaseMs 0 releases it', async () => {
      const { store, clock } = await setup();
      const record = newRecord();
      await store.claim(record, 'A', 15_000);
      expect(await store.save({ ...record, runs: 1 }, 'B', 15_000)).toBe(false);
      clock.at += 10_000;
      expect(await store.save({ ...record, runs: 1 }, 'A', 15_000)).toBe(true);
      expect(await store.get(record.scope, record.idempotencyKey)).toMatchObject({ runs: 1, owner: 'A', leaseUntil: clock.at + 15_000 });
      expect(await store.save({ ...record, runs: 2, nextAttemptAt: clock.at + 1_000 }, 'A', 0)).toBe(true);
      const released = (await store.get(record.scope, record.idempotencyKey))!;
      expect(released.owner).toBeUndefined();
      expect(released.leaseUntil).toBeUndefined();
      // released: nobody may save it until someone takes it over
      expect(await store.save({ ...record, runs: 3 }, 'A', 15_000)).toBe(false);
      expect(await store.save(newRecord(), 'A', 15_000)).toBe(false);
      await store.close();
    });

    it('takes over a PENDING record only when nobody holds it; the old owner is fenced out', async () => {
      const { store, clock } = await setup();
      const record = newRecord();
      await store.claim(record, 'A', 15_000);
      expect(await store.takeOver(record.scope, record.idempotencyKey, 'B', 15_000)).toBeUndefined();
      clock.at += 15_001;
      const taken = await store.takeOver(record.scope, record.idempotencyKey, 'B', 15_000);
      expect(taken).toMatchObject({ idempotencyKey: record.idempotencyKey, owner: 'B', leaseUntil: clock.at + 15_000 });
      expect(await store.takeOver(record.scope, record.idempotencyKey, 'C', 15_000)).toBeUndefined();
      expect(await store.save(record, 'A', 15_000)).toBe(false);
      expect(await store.save(record, 'B', 15_000)).toBe(true);
      expect(await store.takeOver(record.scope, 'missing', 'C', 15_000)).toBeUndefined();
      await store.close();
    });

    it('of 20 simultaneous takeovers exactly one wins', async () => {
      const { store } = await setup();
      const record = newRecord();
      await store.claim(record, 'A', 15_000);
      await store.save(record, 'A', 0);
      const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => store.takeOver(record.scope, record.idempotencyKey, `o-${i}`, 15_000)));
      expect(taken.filter((t) => t !== undefined)).toHaveLength(1);
      await store.close();
    });

    it('never hands out a final record', async () => {
      const { store, clock } = await setup();
      for (const state of ['SUCCEEDED', 'FAILED'] as const) {
        const record = newRecord();
        await store.claim(record, 'A', 15_000);
        await store.save({ ...record, state }, 'A', 0);
        clock.at += 60_000;
        expect(await store.takeOver(record.scope, record.idempotencyKey, 'B', 15_000)).toBeUndefined();
        expect(await store.get(record.scope, record.idempotencyKey)).toMatchObject({ state });
      }
      expect(await store.due(clock.at + 3_600_000, 10)).toEqual([]);
      await store.close();
    });

    it('release frees the key for its holder only', async () => {
      const { store } = await setup();
      const record = newRecord();
      await store.claim(record, 'A', 15_000);
      await store.release(record.scope, record.idempotencyKey, 'B');
      expect(await store.get(record.scope, record.idempotencyKey)).toBeDefined();
      await store.release(record.scope, record.idempotencyKey, 'A');
      expect(await store.get(record.scope, record.idempotencyKey)).toBeUndefined();
      expect((await store.claim(record, 'B', 15_000)).claimed).toBe(true);
      await expect(store.release(record.scope, 'missing', 'A')).resolves.toBeUndefined();
      expect(await store.due(Number.MAX_SAFE_INTEGER, 10)).toHaveLength(1);
      await store.close();
    });

    it('due: PENDING records nobody holds whose time has come, oldest first, at most `limit`', async () => {
      const { store, clock } = await setup();
      const t0 = clock.at;
      const later = newRecord({ idempotencyKey: 'later' });
      const soon = newRecord({ idempotencyKey: 'soon' });
      const held = newRecord({ idempotencyKey: 'held' });
      const crashed = newRecord({ idempotencyKey: 'crashed' });
      for (const r of [later, soon, held, crashed]) await store.claim(r, 'A', 15_000);
      await store.save({ ...later, nextAttemptAt: t0 + 4_000 }, 'A', 0);
      await store.save({ ...soon, nextAttemptAt: t0 + 2_000 }, 'A', 0);
      expect(await store.due(t0 + 1_000, 10)).toEqual([]);
      clock.at = t0 + 5_000;
      await store.save(held, 'A', 60_000); // renewed: alive
      expect(await store.due(clock.at, 10)).toEqual([
        { scope: 'key-1', idempotencyKey: 'soon' },
        { scope: 'key-1', idempotencyKey: 'later' },
      ]);
      expect(await store.due(clock.at, 1)).toEqual([{ scope: 'key-1', idempotencyKey: 'soon' }]);
      // the claim of `crashed` lapses: its owner died, the recovery path must find it
      clock.at = t0 + 20_000;
      expect(await store.due(clock.at, 10)).toEqual([
        { scope: 'key-1', idempotencyKey: 'soon' },
        { scope: 'key-1', idempotencyKey: 'later' },
        { scope: 'key-1', idempotencyKey: 'crashed' },
      ]);
      // taken over: held again, not due; done: never again
      await store.takeOver('key-1', 'soon', 'B', 15_000);
      await store.takeOver('key-1', 'later', 'B', 15_000);
      await store.save({ ...later, state: 'SUCCEEDED' }, 'B', 0);
      expect(await store.due(clock.at, 10)).toEqual([{ scope: 'key-1', idempotencyKey: 'crashed' }]);
      await store.close();
    });
  });
}
