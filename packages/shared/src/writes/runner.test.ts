import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { UpstreamError, type UpstreamErrorCode } from '../errors/upstream-error.ts';
import { metricsRegistry } from '../metrics/registry.ts';
import { requireRedisInCi, sharedRedisUrl } from '../testing/redis-prerequisites.ts';
import { deleteKeysWithPrefix } from '../testing/redis-keys.ts';
import { createWriteRunner, type WriteRunnerOptions } from './runner.ts';
import { createMemoryIdempotencyStore } from './store-memory.ts';
import { createRedisIdempotencyStore } from './store-redis.ts';
import type { ExecuteRequest, IdempotencyStore, WriteOperation, WriteRecord } from './write-types.ts';

requireRedisInCi('the write runner across two replicas sharing Redis', { sharedRedis: true });

type Fault = 'commit_then_unavailable' | 'timeout_before_commit' | 'circuit_open' | 'reject';

/**
 * An upstream whose documents carry the idempotency tag, and whose create looks the tag up first, as every real step
 * does (WooCommerce meta_data, Odoo origin, HubSpot property). `faults` are taken one per request.
 */
function fakeUpstream(system: 'eshop' | 'erp') {
  const documents = new Map<string, { id: string; body: unknown }>();
  const counters = { requests: 0, creates: 0 };
  const faults: Fault[] = [];
  const fail = (code: UpstreamErrorCode) => new UpstreamError({ code, serviceName: system, operation: 'create' });
  return {
    counters,
    faults,
    documents,
    /** a request that never answers (a hung upstream), until `release()` */
    hang: undefined as Promise<void> | undefined,
    async create(tag: string, body: unknown): Promise<{ id: string; created: boolean }> {
      counters.requests += 1;
      const fault = faults.shift();
      if (fault === 'circuit_open') throw fail('UPSTREAM_CIRCUIT_OPEN');
      if (this.hang) await this.hang;
      await sleep(5);
      const existing = documents.get(tag);
      if (existing) return { id: existing.id, created: false };
      if (fault === 'reject') throw fail('UPSTREAM_REJECTED');
      if (fault === 'timeout_before_commit') throw fail('UPSTREAM_TIMEOUT');
      const document = { id: `${system}-${documents.size + 1}`, body };
      documents.set(tag, document);
      counters.creates += 1;
      if (fault === 'commit_then_unavailable') throw fail('UPSTREAM_UNAVAILABLE');
      return { id: document.id, created: true };
    },
  };
}

interface OrderInput {
  customerId: string;
  sku: string;
  quantity: number;
}

/** Two steps, like placeOrder with a store pickup: the e-shop order, then the ERP reservation linked to it. */
function placeOrder(
  eshop: ReturnType<typeof fakeUpstream>,
  erp: ReturnType<typeof fakeUpstream>,
  checks: { refuse?: () => GraphQLError | undefined } = {},
) {
  const operation: WriteOperation<OrderInput, { unitPrice: string }, { orderId: string; reservation: string }> = {
    name: 'placeOrder',
    async prepare(input) {
      const refusal = checks.refuse?.();
      if (refusal) throw refusal;
      return { unitPrice: input.sku === 'A' ? '10.00' : '20.00' };
    },
    async run(input, prepared, ctx) {
      const key = ctx.record.idempotencyKey;
      const order = await ctx.step(
        'eshop.createOrder',
        () => eshop.create(key, { ...input, ...prepared }),
        (o) => o.id,
      );
      const reservation = await ctx.step(
        'erp.reservePickup',
        () => erp.create(key, { order: order.id }),
        (r) => r.id,
      );
      return { orderId: order.id, reservation: reservation.id };
    },
  };
  return operation;
}

function captureLogger() {
  const lines: Array<{ level: 'info' | 'warn' | 'error'; fields: Record<string, unknown>; message: string }> = [];
  const at = (level: 'info' | 'warn' | 'error') => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } as unknown as WriteRunnerOptions['logger'] };
}

const identity = { subject: 'call-center', kind: 'api-key', scopes: ['orders:write'], profile: 'internal' } as const;

function request(input: OrderInput, idempotencyKey = randomUUID()): ExecuteRequest<OrderInput> {
  return { scope: identity.subject, idempotencyKey, input, identity: { ...identity, scopes: [...identity.scopes] } };
}

function setup(options: { store?: IdempotencyStore; clock?: { at: number }; runner?: Partial<WriteRunnerOptions> } = {}) {
  const clock = options.clock;
  const now = clock ? () => clock.at : Date.now;
  const store = options.store ?? createMemoryIdempotencyStore({ ttlSeconds: 48 * 3600, now });
  const eshop = fakeUpstream('eshop');
  const erp = fakeUpstream('erp');
  const { lines, logger } = captureLogger();
  const runner = createWriteRunner({ store, logger, now, immediateRetryDelayMs: 1, ...options.runner });
  return { store, eshop, erp, runner, lines, logger, now, operation: placeOrder(eshop, erp) };
}

/** A counter's value, or a histogram's observation count. */
async function counterValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = metric?.values.find(
    (v) =>
      [undefined, name, `${name}_count`].includes((v as { metricName?: string }).metricName) &&
      Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l),
  );
  return value?.value ?? 0;
}

const order: OrderInput = { customerId: 'Jan Kowalski', sku: 'A', quantity: 2 };

describe('createWriteRunner', () => {
  it('runs a write once and replays its result to a retry without sending anything', async () => {
    const { runner, eshop, erp, operation, lines } = setup();
    const replayedBefore = await counterValue('omnigraph_writes_total', { operation: 'placeOrder', outcome: 'replayed' });
    const req = request(order);
    const first = await runner.execute(operation, req);
    expect(first).toMatchObject({ state: 'SUCCEEDED', result: { orderId: 'eshop-1', reservation: 'erp-1' }, runs: 1 });
    expect(first.owner).toBeUndefined();
    expect(first.steps.map((s) => [s.name, s.state, s.upstreamId, s.attempts])).toEqual([
      ['eshop.createOrder', 'DONE', 'eshop-1', 1],
      ['erp.reservePickup', 'DONE', 'erp-1', 1],
    ]);
    // same input, fields in another order: same fingerprint
    const replay = await runner.execute(operation, { ...req, input: { quantity: 2, sku: 'A', customerId: 'Jan Kowalski' } });
    expect(replay.result).toEqual(first.result);
    expect(eshop.counters.requests).toBe(1);
    expect(erp.counters.requests).toBe(1);
    expect(await counterValue('omnigraph_writes_total', { operation: 'placeOrder', outcome: 'replayed' })).toBeGreaterThan(replayedBefore);

    const audits = lines.filter((l) => l.fields['audit'] === 'write');
    expect(audits.map((l) => [l.fields['outcome'], l.fields['replay']])).toEqual([
      ['succeeded', false],
      ['replayed', true],
    ]);
    expect(audits[0]!.fields).toMatchObject({
      subject: 'call-center',
      kind: 'api-key',
      profile: 'internal',
      operation: 'placeOrder',
      idempotencyKey: req.idempotencyKey,
      state: 'SUCCEEDED',
      steps: [
        { step: 'eshop.createOrder', state: 'DONE', upstreamId: 'eshop-1' },
        { step: 'erp.reservePickup', state: 'DONE', upstreamId: 'erp-1' },
      ],
    });
    expect(typeof audits[0]!.fields['durationMs']).toBe('number');
    // ids only: the input (customer, lines) never reaches the audit log
    expect(JSON.stringify(audits)).not.toContain('Kowalski');
  });

  it('refuses the same key with another payload (IDEMPOTENCY_KEY_REUSED), also while the first still runs', async () => {
    const { runner, eshop, operation } = setup();
    const req = request(order);
    let open!: () => void;
    eshop.hang = new Promise<void>((resolve) => (open = resolve));
    const running = runner.execute(operation, req);
    await sleep(20);
    const started = performance.now();
    await expect(runner.execute(operation, { ...req, input: { ...order, quantity: 3 } })).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(performance.now() - started).toBeLessThan(200);
    open();
    eshop.hang = undefined;
    await running;
    await expect(runner.execute({ ...operation, name: 'registerReturn' }, req)).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(eshop.counters.requests).toBe(1);
  });

  it('replays a refusal as first answered, without sending again', async () => {
    const { runner, eshop, erp, operation } = setup();
    eshop.faults.push('reject');
    const req = request(order);
    const first = await runner.execute(operation, req);
    expect(first).toMatchObject({ state: 'FAILED', error: { code: 'UPSTREAM_REJECTED', message: 'The eshop service rejected the request.' } });
    expect(first.error!.extensions).toMatchObject({ serviceName: 'eshop', upstream: { operation: 'create' } });
    const again = await runner.execute(operation, req);
    expect(again.error).toEqual(first.error);
    expect(eshop.counters.requests).toBe(1);
    expect(erp.counters.requests).toBe(0);
  });

  it('a refusal by prepare releases the key: nothing is stored, the key may be used again', async () => {
    const eshop = fakeUpstream('eshop');
    const erp = fakeUpstream('erp');
    let refuse = true;
    const operation = placeOrder(eshop, erp, {
      refuse: () => (refuse ? new GraphQLError('No such SKU.', { extensions: { code: 'UNKNOWN_PRODUCT', argumentName: 'input' } }) : undefined),
    });
    const { runner, store } = setup();
    const req = request({ ...order, sku: 'NOPE' });
    await expect(runner.execute(operation, req)).rejects.toMatchObject({ extensions: { code: 'UNKNOWN_PRODUCT' } });
    expect(await store.get(req.scope, req.idempotencyKey)).toBeUndefined();
    refuse = false;
    const fixed = await runner.execute(operation, { ...req, input: order });
    expect(fixed.state).toBe('SUCCEEDED');
    expect(eshop.counters.requests).toBe(1);
  });

  it('an upstream not asked (open breaker) on the first step releases the key and answers its error', async () => {
    const { runner, store, eshop, operation } = setup();
    eshop.faults.push('circuit_open');
    const req = request(order);
    await expect(runner.execute(operation, req)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_CIRCUIT_OPEN' } });
    expect(await store.get(req.scope, req.idempotencyKey)).toBeUndefined();
    expect((await runner.execute(operation, req)).state).toBe('SUCCEEDED');
    expect(eshop.counters.creates).toBe(1);
  });

  it('re-sends a step whose answer was lost within the request: its lookup finds the document, one effect', async () => {
    const { runner, eshop, operation } = setup();
    eshop.faults.push('commit_then_unavailable');
    const record = await runner.execute(operation, request(order));
    expect(record.state).toBe('SUCCEEDED');
    expect(record.steps[0]).toMatchObject({ state: 'DONE', attempts: 2, upstreamId: 'eshop-1' });
    expect(eshop.counters).toEqual({ requests: 2, creates: 1 });
  });

  it('an unknown outcome left PENDING is completed by recoverDue: exactly one effect, DONE steps not re-sent', async () => {
    const clock = { at: 1_800_000_000_000 };
    const { runner, eshop, erp, operation, store } = setup({ clock, runner: { immediateRetries: 0 } });
    const resolution = await counterValue('omnigraph_write_unknown_resolution_seconds', { operation: 'placeOrder' });
    // the order commits, its answer is lost; the erp step is never reached
    eshop.faults.push('commit_then_unavailable');
    const req = request(order);
    const pending = await runner.execute(operation, req);
    expect(pending).toMatchObject({
      state: 'PENDING',
      runs: 1,
      steps: [{ name: 'eshop.createOrder', state: 'UNKNOWN', attempts: 1, errorCode: 'UPSTREAM_UNAVAILABLE' }],
    });
    expect(pending.owner).toBeUndefined();
    expect(pending.nextAttemptAt).toBeGreaterThan(clock.at);
    expect(eshop.counters.creates).toBe(1);

    const operations = new Map([[operation.name, operation as WriteOperation<unknown, unknown, unknown>]]);
    expect(await runner.recoverDue(operations)).toBe(0); // not due yet
    clock.at = pending.nextAttemptAt! + 1;
    expect(await runner.recoverDue(operations)).toBe(1);
    const done = (await store.get(req.scope, req.idempotencyKey))!;
    expect(done).toMatchObject({ state: 'SUCCEEDED', runs: 2, result: { orderId: 'eshop-1', reservation: 'erp-1' } });
    expect(eshop.counters).toEqual({ requests: 2, creates: 1 });
    expect(erp.counters).toEqual({ requests: 1, creates: 1 });
    expect(await runner.recoverDue(operations)).toBe(0);
    // the client's retry gets the completed write
    expect((await runner.execute(operation, req)).result).toEqual(done.result);
    expect(await counterValue('omnigraph_write_unknown_resolution_seconds', { operation: 'placeOrder' })).toBeGreaterThan(resolution);
  });

  it('a step refused after an earlier one is done stays PENDING (logged), and after maxRuns is FAILED and flagged', async () => {
    const clock = { at: 1_800_000_000_000 };
    const { runner, eshop, erp, operation, lines } = setup({ clock, runner: { maxRuns: 2 } });
    erp.faults.push('reject', 'reject');
    const req = request(order);
    const first = await runner.execute(operation, req);
    expect(first.state).toBe('PENDING');
    expect(first.steps.map((s) => s.state)).toEqual(['DONE', 'FAILED']);
    expect(lines.some((l) => l.level === 'warn' && l.fields['halfDone'] === true)).toBe(true);
    clock.at = first.nextAttemptAt! + 1;
    const operations = new Map([[operation.name, operation as WriteOperation<unknown, unknown, unknown>]]);
    expect(await runner.recoverDue(operations)).toBe(1);
    const last = (await runner.get(req.scope, req.idempotencyKey))!;
    expect(last).toMatchObject({ state: 'FAILED', runs: 2, error: { code: 'UPSTREAM_REJECTED' } });
    expect(lines.some((l) => l.level === 'error' && l.fields['needsAttention'] === true)).toBe(true);
    expect(eshop.counters.requests).toBe(1);
    expect(erp.counters.requests).toBe(2);
  });

  it('when the owner dies mid-write, another replica takes over after the lease and sends only what is not DONE', async () => {
    const clock = { at: 1_800_000_000_000 };
    const shared = createMemoryIdempotencyStore({ ttlSeconds: 48 * 3600, now: () => clock.at });
    // The dying replica: its store stops answering (a dead process renews nothing), and its erp request never ends.
    let dead = false;
    const dyingStore: IdempotencyStore = new Proxy(shared, {
      get:
        (target, name: keyof IdempotencyStore) =>
        (...args: unknown[]) =>
          dead ? new Promise(() => {}) : (target[name] as (...a: unknown[]) => unknown)(...args),
    });
    const a = setup({ store: dyingStore, clock, runner: { owner: 'replica-a' } });
    a.erp.hang = new Promise(() => {});
    const req = request(order);
    void a.runner.execute(a.operation, req);
    while (a.erp.counters.requests === 0) await sleep(5);
    dead = true;
    expect(a.eshop.counters.creates).toBe(1);

    const b = setup({ store: shared, clock, runner: { owner: 'replica-b' } });
    const operation = placeOrder(a.eshop, b.erp);
    const operations = new Map([[operation.name, operation as WriteOperation<unknown, unknown, unknown>]]);
    expect(await b.runner.recoverDue(operations)).toBe(0); // its lease is alive
    clock.at += 15_001;
    expect(await b.runner.recoverDue(operations)).toBe(1);
    const record = (await shared.get(req.scope, req.idempotencyKey))!;
    expect(record).toMatchObject({ state: 'SUCCEEDED', runs: 2, result: { orderId: 'eshop-1', reservation: 'erp-1' } });
    expect(a.eshop.counters.requests).toBe(1); // DONE: never re-sent
    expect(b.erp.counters.requests).toBe(1);
  });

  it('a client retry takes over a write whose owner died, like the recovery path', async () => {
    const clock = { at: 1_800_000_000_000 };
    const { runner, store, eshop, erp, operation } = setup({ clock });
    const req = request(order);
    // what a replica that died right after its first step leaves behind
    const claim = await store.claim(
      {
        scope: req.scope,
        idempotencyKey: req.idempotencyKey,
        operation: 'placeOrder',
        fingerprint: (await import('./fingerprint.ts')).fingerprintOf('placeOrder', order),
        input: order,
        prepared: { unitPrice: '10.00' },
        identity: req.identity,
        state: 'PENDING',
        steps: [
          { name: 'eshop.createOrder', state: 'DONE', upstreamId: 'eshop-9', output: { id: 'eshop-9', created: true }, attempts: 1, updatedAt: 'x' },
        ],
        runs: 1,
        createdAt: 'x',
        updatedAt: 'x',
      },
      'dead-replica',
      15_000,
    );
    expect(claim.claimed).toBe(true);
    clock.at += 15_001;
    const record = await runner.execute(operation, req);
    expect(record).toMatchObject({ state: 'SUCCEEDED', result: { orderId: 'eshop-9', reservation: 'erp-1' } });
    expect(eshop.counters.requests).toBe(0);
    expect(erp.counters.requests).toBe(1);
  });

  it('the recovery path releases a claim whose owner died before sending anything (its client was told nothing was written)', async () => {
    const clock = { at: 1_800_000_000_000 };
    const { runner, store, operation } = setup({ clock });
    const req = request(order);
    await store.claim({ ...(await import('./store-contract.ts')).newRecord(), scope: req.scope, idempotencyKey: req.idempotencyKey }, 'dead', 15_000);
    clock.at += 15_001;
    expect(await runner.recoverDue(new Map([[operation.name, operation as WriteOperation<unknown, unknown, unknown>]]))).toBe(0);
    expect(await store.get(req.scope, req.idempotencyKey)).toBeUndefined();
  });

  it('a concurrent request waits for the first and replays it; past waitMs it gets IDEMPOTENCY_KEY_IN_PROGRESS', async () => {
    const { runner, eshop, operation } = setup({ runner: { waitMs: 150 } });
    let open!: () => void;
    eshop.hang = new Promise<void>((resolve) => (open = resolve));
    const req = request(order);
    const first = runner.execute(operation, req);
    await sleep(20);
    const started = performance.now();
    const error = await runner.execute(operation, req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_PROGRESS', retryAfterSeconds: expect.any(Number) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const waiting = runner.execute(operation, req);
    await sleep(30);
    open();
    const [a, b] = await Promise.all([first, waiting]);
    expect(b.result).toEqual(a.result);
    expect(eshop.counters.requests).toBe(1);
  });

  it('renews its lease while a step outlasts it, so a concurrent request waits instead of taking over', async () => {
    const store = createMemoryIdempotencyStore({ ttlSeconds: 48 * 3600 });
    const a = setup({ store, runner: { leaseMs: 60 } });
    const b = createWriteRunner({ store, logger: a.logger, leaseMs: 60, waitMs: 2_000 });
    let open!: () => void;
    a.eshop.hang = new Promise<void>((resolve) => (open = resolve));
    const req = request(order);
    const first = a.runner.execute(a.operation, req);
    await sleep(20);
    const second = b.execute(a.operation, req);
    await sleep(300); // five leases
    open();
    const [x, y] = await Promise.all([first, second]);
    expect(y).toEqual(x);
    expect(a.eshop.counters.requests).toBe(1);
  });

  it('a replica that lost its lease (stalled past it, taken over) writes nothing more and answers the result of the winner', async () => {
    const clock = { at: 1_800_000_000_000 };
    const shared = createMemoryIdempotencyStore({ ttlSeconds: 48 * 3600, now: () => clock.at });
    let resume!: () => void;
    const stall: { gate?: Promise<void> } = {};
    const stallingStore: IdempotencyStore = new Proxy(shared, {
      get:
        (target, name: keyof IdempotencyStore) =>
        async (...args: unknown[]) => {
          if (stall.gate) await stall.gate;
          return (target[name] as (...a: unknown[]) => unknown)(...args);
        },
    });
    const a = setup({ store: stallingStore, clock, runner: { owner: 'replica-a' } });
    let openErp!: () => void;
    a.erp.hang = new Promise<void>((resolve) => (openErp = resolve));
    const req = request(order);
    const first = a.runner.execute(a.operation, req);
    while (a.erp.counters.requests === 0) await sleep(5);
    stall.gate = new Promise<void>((resolve) => (resume = resolve));

    clock.at += 15_001;
    const b = createWriteRunner({ store: shared, logger: a.logger, owner: 'replica-b', now: () => clock.at });
    const otherErp = fakeUpstream('erp');
    otherErp.documents.set(req.idempotencyKey, { id: 'erp-7', body: {} }); // what A's stalled request wrote
    const operation = placeOrder(a.eshop, otherErp);
    expect(await b.recoverDue(new Map([[operation.name, operation as WriteOperation<unknown, unknown, unknown>]]))).toBe(1);
    const won = (await shared.get(req.scope, req.idempotencyKey))!;
    expect(won).toMatchObject({ state: 'SUCCEEDED', result: { orderId: 'eshop-1', reservation: 'erp-7' } });

    a.erp.hang = undefined;
    openErp();
    resume();
    const answered = await first;
    expect(answered).toEqual(won);
    expect(await shared.get(req.scope, req.idempotencyKey)).toEqual(won);
    expect(a.eshop.counters.requests).toBe(1);
  });

  it('startRecovery completes PENDING writes in the background; stop() waits for the pass', async () => {
    const { runner, eshop, erp, operation, store } = setup({ runner: { immediateRetries: 0, backoffBaseMs: 10 } });
    eshop.faults.push('timeout_before_commit');
    const req = request(order);
    expect((await runner.execute(operation, req)).state).toBe('PENDING');
    const recovery = runner.startRecovery(new Map([[operation.name, operation as WriteOperation<unknown, unknown, unknown>]]), 20);
    const deadline = Date.now() + 5_000;
    while ((await store.get(req.scope, req.idempotencyKey))?.state !== 'SUCCEEDED' && Date.now() < deadline) await sleep(10);
    await recovery.stop();
    expect((await store.get(req.scope, req.idempotencyKey))?.state).toBe('SUCCEEDED');
    expect(eshop.counters).toEqual({ requests: 2, creates: 1 });
    expect(erp.counters.requests).toBe(1);
  });

  it('100 concurrent identical requests over two runners sharing a store: one send, 100 identical answers', async () => {
    const store = createMemoryIdempotencyStore({ ttlSeconds: 48 * 3600 });
    await raceOverTwoRunners(store, store);
  });
});

async function raceOverTwoRunners(storeA: IdempotencyStore, storeB: IdempotencyStore) {
  const eshop = fakeUpstream('eshop');
  const erp = fakeUpstream('erp');
  const operation = placeOrder(eshop, erp);
  const { logger } = captureLogger();
  const a = createWriteRunner({ store: storeA, logger, owner: 'replica-a' });
  const b = createWriteRunner({ store: storeB, logger, owner: 'replica-b' });
  const req = request(order);
  const records = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? a : b).execute(operation, req)));
  expect(eshop.counters.requests).toBe(1);
  expect(erp.counters.requests).toBe(1);
  const answers = new Set(records.map((r) => JSON.stringify([r.state, r.result, r.steps])));
  expect(answers.size).toBe(1);
  expect(records[0]).toMatchObject({ state: 'SUCCEEDED', result: { orderId: 'eshop-1', reservation: 'erp-1' } });
}

describe.skipIf(!sharedRedisUrl)('createWriteRunner over the shared Redis (REDIS_URL)', () => {
  const prefix = `omnigraph-test:${randomUUID()}:writes:`;
  const stores: IdempotencyStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    const redis = createClient({ url: sharedRedisUrl! });
    await redis.connect();
    await deleteKeysWithPrefix(redis, prefix);
    await redis.close();
  });

  it('100 concurrent identical requests over two replicas (two Redis clients): one send, 100 identical answers', async () => {
    const [a, b] = [0, 1].map(() => createRedisIdempotencyStore({ redisUrl: sharedRedisUrl!, prefix, ttlSeconds: 48 * 3600 }));
    stores.push(a!, b!);
    expect(await a!.whenReady(5_000)).toBe(true);
    expect(await b!.whenReady(5_000)).toBe(true);
    await raceOverTwoRunners(a!, b!);
  });

  it('stores the write so a retry through the other replica replays it', async () => {
    const [a, b] = [0, 1].map(() => createRedisIdempotencyStore({ redisUrl: sharedRedisUrl!, prefix, ttlSeconds: 48 * 3600 }));
    stores.push(a!, b!);
    await a!.whenReady(5_000);
    await b!.whenReady(5_000);
    const eshop = fakeUpstream('eshop');
    const erp = fakeUpstream('erp');
    const operation = placeOrder(eshop, erp);
    const { logger } = captureLogger();
    const req = request(order);
    const first: WriteRecord = await createWriteRunner({ store: a!, logger }).execute(operation, req);
    const second = await createWriteRunner({ store: b!, logger }).execute(operation, req);
    expect(second).toEqual(first);
    expect(eshop.counters.requests).toBe(1);
  });
});
