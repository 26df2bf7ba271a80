import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { inCi, requireRedisInCi } from '../testing/redis-prerequisites.ts';
import { isRedisServerAvailable, startRedisServer, type DisposableRedisServer } from '../testing/start-redis-server.ts';
import { findFreePort } from '../testing/start-test-http-server.ts';
import { createWriteRunner } from './runner.ts';
import { createRedisIdempotencyStore, type RedisIdempotencyStore } from './store-redis.ts';
import type { WriteOperation } from './write-types.ts';

requireRedisInCi('the idempotency store failing closed when Redis is down', { redisServerBinary: true });

const identity = { subject: 'call-center', kind: 'api-key', scopes: ['notes:write'], profile: 'internal' } as const;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined } as never;

/** One step that counts what reaches the "upstream". */
function addNote() {
  const sent = { count: 0 };
  const operation: WriteOperation<{ text: string }, null, { noteId: string }> = {
    name: 'addCustomerNote',
    prepare: async () => null,
    run: async (_input, _prepared, ctx) =>
      ctx.step(
        'crm.createNote',
        async () => ({ noteId: `n-${++sent.count}` }),
        (o) => o.noteId,
      ),
  };
  return { operation, sent };
}

const write = (key = randomUUID()) => ({
  scope: identity.subject,
  idempotencyKey: key,
  input: { text: 'hello' },
  identity: { ...identity, scopes: [...identity.scopes] },
});

async function refusedWithin(promise: Promise<unknown>): Promise<number> {
  const started = performance.now();
  await expect(promise).rejects.toMatchObject({ extensions: { code: 'WRITES_UNAVAILABLE' } });
  return performance.now() - started;
}

// A private redis-server, paused and killed on purpose; the shared Redis is never touched.
describe.skipIf(!inCi && !isRedisServerAvailable())('Redis idempotency store during an outage (fail closed)', () => {
  let server: DisposableRedisServer | undefined;
  const stores: RedisIdempotencyStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await server?.kill();
  });

  function newStore(url: string) {
    const store = createRedisIdempotencyStore({
      redisUrl: url,
      prefix: 'commands:writes:',
      ttlSeconds: 48 * 3600,
      commandTimeoutMs: 1_000,
      probeIntervalMs: 200,
    });
    stores.push(store);
    return store;
  }

  it('a paused Redis (CLIENT PAUSE) refuses writes within the command timeout, sends nothing, and writes resume after', async () => {
    server = await startRedisServer();
    const store = newStore(server.url);
    expect(await store.whenReady(5_000)).toBe(true);
    const { operation, sent } = addNote();
    const runner = createWriteRunner({ store, logger: quiet });
    expect((await runner.execute(operation, write())).state).toBe('SUCCEEDED');
    expect(sent.count).toBe(1);

    const admin = createClient({ url: server.url });
    await admin.connect();
    await admin.sendCommand(['CLIENT', 'PAUSE', '2000', 'ALL']);
    expect(await refusedWithin(runner.execute(operation, write()))).toBeLessThan(1_500);
    // the outage is known now: refused at once, reads of records too
    expect(await refusedWithin(runner.execute(operation, write()))).toBeLessThan(100);
    expect(await refusedWithin(runner.get(identity.subject, 'any'))).toBeLessThan(100);
    expect(sent.count).toBe(1);

    const deadline = Date.now() + 8_000;
    let record;
    while (record === undefined && Date.now() < deadline) {
      record = await runner.execute(operation, write()).catch(() => undefined);
      if (record === undefined) await sleep(100);
    }
    expect(record?.state).toBe('SUCCEEDED');
    expect(sent.count).toBe(2);
    await admin.close();
  });

  it('a stopped Redis refuses writes at once, and sends nothing', async () => {
    const own = await startRedisServer();
    const store = newStore(own.url);
    expect(await store.whenReady(5_000)).toBe(true);
    const { operation, sent } = addNote();
    const runner = createWriteRunner({ store, logger: quiet });
    await own.kill();
    await sleep(50);
    expect(await refusedWithin(runner.execute(operation, write()))).toBeLessThan(1_500);
    expect(await refusedWithin(runner.execute(operation, write()))).toBeLessThan(1_500);
    expect(sent.count).toBe(0);
  });

  it('Redis lost after a step was sent: the request answers PENDING (never "nothing was written"), the step sent once', async () => {
    const own = await startRedisServer();
    const store = newStore(own.url);
    expect(await store.whenReady(5_000)).toBe(true);
    let sent = 0;
    const operation: WriteOperation<{ text: string }, null, { noteId: string }> = {
      name: 'addCustomerNote',
      prepare: async () => null,
      run: async (_input, _prepared, ctx) =>
        ctx.step('crm.createNote', async () => {
          sent += 1;
          await own.kill();
          return { noteId: 'n-1' };
        }),
    };
    const record = await createWriteRunner({ store, logger: quiet }).execute(operation, write());
    expect(record.state).toBe('PENDING');
    expect(record.steps[0]).toMatchObject({ name: 'crm.createNote', attempts: 1 });
    expect(sent).toBe(1);
  });

  it('a Redis that is not there at start-up refuses writes (no fallback to memory)', async () => {
    const store = newStore(`redis://127.0.0.1:${await findFreePort()}`);
    expect(await store.whenReady(200)).toBe(false);
    const { operation, sent } = addNote();
    const runner = createWriteRunner({ store, logger: quiet });
    expect(await refusedWithin(runner.execute(operation, write()))).toBeLessThan(1_500);
    expect(sent.count).toBe(0);
  });
});
