import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/index.ts';
import { writeOutcomes, writeUnknownResolution } from '../metrics/instruments.ts';
import { classifyStepError, type StepErrorKind } from './classify-step-error.ts';
import { errorCodeOf, idempotencyKeyInProgress, idempotencyKeyReused, toWriteError, WritesUnavailableError } from './errors.ts';
import { fingerprintOf, validateIdempotencyKey } from './fingerprint.ts';
import type { ExecuteRequest, IdempotencyStore, WriteOperation, WriteRecord, WriteRunner, WriteStepContext, WriteStepRecord } from './write-types.ts';

export interface WriteRunnerOptions {
  store: IdempotencyStore;
  /** This process's name in leases; unique per runner. @default `<hostname>:<pid>:<random>` */
  owner?: string;
  /** The `service` label of the metrics. @default 'commands' */
  service?: string;
  /**
   * How long a run holds its record without renewing it. A run renews it at every step and every third of it while a
   * step runs, so only a dead process lets it lapse; then another replica (or the recovery path) takes over.
   * @default 15_000
   */
  leaseMs?: number;
  /** How long a concurrent request with the same key waits for the first before IDEMPOTENCY_KEY_IN_PROGRESS. @default 8_000 */
  waitMs?: number;
  /**
   * How often a waiting request first reads the record (jittered up to twice this); each wait is half again as long,
   * up to 250 ms, so a hundred waiters on one slow write do not flood the store. @default 25
   */
  pollMs?: number;
  /** Re-sends, within the request, of a step whose outcome is unknown. @default 2 */
  immediateRetries?: number;
  /** Pause before such a re-send (jittered ±50 %). @default 100 */
  immediateRetryDelayMs?: number;
  /** The recovery path's first wait after an unknown outcome, doubled per run. @default 1_000 */
  backoffBaseMs?: number;
  /** @default 60_000 */
  backoffMaxMs?: number;
  /** Runs after which a write whose steps keep failing is FAILED and logged as needing attention. @default 20 */
  maxRuns?: number;
  /** Audit lines (info), half-done and recovery warnings, writes needing attention (error). */
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** epoch ms @default Date.now */
  now?: () => number;
}

type Outcome = 'succeeded' | 'failed' | 'pending' | 'replayed' | 'refused' | 'in_progress' | 'reused' | 'unavailable';

/** The store said the lease is someone else's now (it lapsed and was taken over): this run must stop writing. */
class LeaseLostError extends Error {
  constructor() {
    super('The lease of this write was lost to another process');
    this.name = 'LeaseLostError';
  }
}

/** prepare refused the write, or its first step was not sent: the key was released, the error goes to the client. */
class RefusedBeforeWriting extends Error {
  readonly refusal: unknown;

  constructor(refusal: unknown) {
    super('refused before anything was written');
    this.refusal = refusal;
  }
}

interface Run {
  record: WriteRecord;
  /** a step was sent by this run: a store failure now cannot be answered with "nothing was written" */
  sent: boolean;
  lost: boolean;
  /** saves of one run, one after the other (a lease renewal must not overtake a step's save) */
  chain: Promise<unknown>;
  /** how the last step failed, so run()'s rethrown error is not classified again */
  halt?: { error: unknown; kind: StepErrorKind };
}

interface AuditedRequest {
  idempotencyKey: string;
  identity: WriteRecord['identity'];
  operation: string;
}

interface Trace {
  record?: WriteRecord;
  replay: boolean;
  recovery: boolean;
}

type Mode = 'request' | 'recovery';

/**
 * Runs writes exactly once per (caller, idempotency key), with the semantics of Stripe's idempotent requests and the
 * IETF Idempotency-Key draft (ADR 0011): see `WriteRunner`. Every step is persisted before it is sent (so a crash
 * leaves a record saying it may have been) and after it ends; a DONE step is never sent again.
 */
export function createWriteRunner(options: WriteRunnerOptions): WriteRunner {
  const { store, logger } = options;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const service = options.service ?? 'commands';
  const leaseMs = options.leaseMs ?? 15_000;
  const waitMs = options.waitMs ?? 8_000;
  const pollMs = options.pollMs ?? 25;
  const MAX_POLL_MS = Math.max(pollMs, 250);
  const immediateRetries = options.immediateRetries ?? 2;
  const immediateRetryDelayMs = options.immediateRetryDelayMs ?? 100;
  const backoffBaseMs = options.backoffBaseMs ?? 1_000;
  const backoffMaxMs = options.backoffMaxMs ?? 60_000;
  const maxRuns = options.maxRuns ?? 20;
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();

  function backoff(runs: number): number {
    const base = Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.max(0, runs - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  async function persist(run: Run, lease: number): Promise<void> {
    run.record.updatedAt = iso();
    const saved = run.chain.then(() => store.save(run.record, owner, lease));
    run.chain = saved.catch(() => undefined);
    if (!(await saved)) {
      run.lost = true;
      throw new LeaseLostError();
    }
  }

  function releaseLease(record: WriteRecord): void {
    delete record.owner;
    delete record.leaseUntil;
  }

  function context(run: Run): WriteStepContext {
    return {
      get record() {
        return run.record;
      },
      async step<T>(name: string, send: () => Promise<T>, upstreamIdOf?: (output: T) => string | undefined): Promise<T> {
        const { record } = run;
        let step: WriteStepRecord | undefined = record.steps.find((s) => s.name === name);
        if (step?.state === 'DONE') return step.output as T;
        if (step === undefined) {
          step = { name, state: 'PENDING', attempts: 0, updatedAt: iso() };
          record.steps.push(step);
        }
        for (let retry = 0; ; retry++) {
          // Written ahead: if this process dies while the step is out, the record says it may have been sent.
          step.attempts += 1;
          step.updatedAt = iso();
          await persist(run, leaseMs);
          run.sent = true;
          let output: T;
          try {
            output = await renewingLease(run, send);
          } catch (error) {
            const kind = classifyStepError(error);
            run.halt = { error, kind };
            step.errorCode = errorCodeOf(error) ?? 'INTERNAL_SERVER_ERROR';
            step.updatedAt = iso();
            if (kind === 'not-sent') {
              step.attempts -= 1;
            } else if (kind === 'refused') {
              step.state = 'FAILED';
            } else {
              step.state = 'UNKNOWN';
              record.unknownSince ??= now();
              if (retry < immediateRetries) {
                await sleep(immediateRetryDelayMs * (0.5 + Math.random()));
                continue;
              }
            }
            throw error;
          }
          delete run.halt;
          // What a resumed run would read back from the store, so the first run and a resumed one see the same.
          const stored = output === undefined ? undefined : (JSON.parse(JSON.stringify(output)) as T);
          step.state = 'DONE';
          step.output = stored;
          delete step.errorCode;
          let upstreamId: string | undefined;
          try {
            upstreamId = upstreamIdOf?.(output);
          } catch {
            upstreamId = undefined;
          }
          if (upstreamId !== undefined) step.upstreamId = upstreamId;
          step.updatedAt = iso();
          await persist(run, leaseMs);
          return stored as T;
        }
      },
    };
  }

  // A step slower than the lease (a slow upstream) must not let another replica take the record over and send it too.
  async function renewingLease<T>(run: Run, send: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void persist(run, leaseMs).catch(() => undefined), Math.max(10, Math.floor(leaseMs / 3)));
    timer.unref();
    try {
      return await send();
    } finally {
      clearInterval(timer);
    }
  }

  /** Runs a record this process holds (claimed or taken over) to the end of this run. */
  async function runHeld<I, P, R>(
    operation: WriteOperation<I, P, R>,
    record: WriteRecord,
    trace: Trace,
    mode: Mode,
  ): Promise<WriteRecord | undefined> {
    const run: Run = { record, sent: false, lost: false, chain: Promise.resolve() };
    trace.record = record;
    record.runs += 1;
    try {
      if (!record.steps.some((step) => step.attempts > 0)) {
        if (mode === 'recovery') {
          // Nothing was sent: its client was told nothing was written (or lost its connection and will retry).
          await store.release(record.scope, record.idempotencyKey, owner);
          logger.info({ operation: record.operation, idempotencyKey: record.idempotencyKey }, 'write recovery: nothing was sent; key released');
          return undefined;
        }
        let prepared: P;
        try {
          prepared = await operation.prepare(record.input as I, record.identity);
        } catch (error) {
          await releaseQuietly(record);
          throw new RefusedBeforeWriting(error);
        }
        record.prepared = prepared === undefined ? undefined : JSON.parse(JSON.stringify(prepared));
        await persist(run, leaseMs);
      }
      let result: R;
      try {
        result = await operation.run(record.input as I, record.prepared as P, context(run), record.identity);
        if (run.lost) throw new LeaseLostError();
      } catch (error) {
        if (error instanceof LeaseLostError || error instanceof WritesUnavailableError) throw error;
        return await halted(run, error);
      }
      record.state = 'SUCCEEDED';
      record.result = result === undefined ? undefined : JSON.parse(JSON.stringify(result));
      delete record.error;
      delete record.nextAttemptAt;
      releaseLease(record);
      await persist(run, 0);
      if (record.unknownSince !== undefined) {
        writeUnknownResolution.observe({ service, operation: record.operation }, Math.max(0, now() - record.unknownSince) / 1000);
      }
      return record;
    } catch (error) {
      if (error instanceof WritesUnavailableError && run.sent) {
        // A step went out: "nothing was written" would be false. The record in the store says PENDING with the step
        // written ahead; once the store answers, the recovery path (or the client's retry) completes it.
        logger.error(
          { err: error, operation: record.operation, idempotencyKey: record.idempotencyKey },
          'write store failed after a step was sent; left to recovery',
        );
        const pending: WriteRecord = { ...record, state: 'PENDING' };
        delete pending.result;
        releaseLease(pending);
        trace.record = pending;
        return pending;
      }
      throw error;
    }
  }

  async function releaseQuietly(record: WriteRecord): Promise<void> {
    try {
      await store.release(record.scope, record.idempotencyKey, owner);
    } catch (error) {
      // The claim lapses with its lease; nothing was sent, so the recovery path releases it then.
      logger.warn({ err: error, operation: record.operation, idempotencyKey: record.idempotencyKey }, 'could not release an idempotency key');
    }
  }

  /** The run threw: a step refused, was not sent, or its outcome is unknown. Decides what the record becomes. */
  async function halted(run: Run, error: unknown): Promise<WriteRecord> {
    const { record } = run;
    const kind = run.halt !== undefined && run.halt.error === error ? run.halt.kind : classifyStepError(error);
    const anyDone = record.steps.some((step) => step.state === 'DONE');
    const anySent = record.steps.some((step) => step.attempts > 0);
    if (kind === 'not-sent' && !anySent) {
      await releaseQuietly(record);
      throw new RefusedBeforeWriting(error);
    }
    if ((kind === 'refused' && !anyDone) || record.runs >= maxRuns) {
      record.state = 'FAILED';
      record.error = toWriteError(error);
      delete record.nextAttemptAt;
      if (kind !== 'refused' || anyDone) {
        logger.error(
          {
            operation: record.operation,
            idempotencyKey: record.idempotencyKey,
            runs: record.runs,
            code: record.error.code,
            steps: stepSummary(record),
            needsAttention: true,
          },
          'write gave up after its last run: it may be half-done upstream and needs attention',
        );
      }
    } else {
      record.nextAttemptAt = now() + backoff(record.runs);
      if (kind === 'refused') {
        logger.warn(
          {
            operation: record.operation,
            idempotencyKey: record.idempotencyKey,
            code: errorCodeOf(error),
            steps: stepSummary(record),
            halfDone: true,
          },
          'write step refused after an earlier step was done: left PENDING for the recovery path',
        );
      }
    }
    releaseLease(record);
    await persist(run, 0);
    return record;
  }

  async function execute<I, P, R>(operation: WriteOperation<I, P, R>, request: ExecuteRequest<I>): Promise<WriteRecord> {
    const started = performance.now();
    const trace: Trace = { replay: false, recovery: false };
    validateIdempotencyKey(request.idempotencyKey);
    const fingerprint = fingerprintOf(operation.name, request.input);
    const waitUntil = started + waitMs;
    const audited: AuditedRequest = { idempotencyKey: request.idempotencyKey, identity: request.identity, operation: operation.name };
    try {
      for (;;) {
        const createdAt = iso();
        const fresh: WriteRecord = {
          scope: request.scope,
          idempotencyKey: request.idempotencyKey,
          operation: operation.name,
          fingerprint,
          input: request.input,
          identity: request.identity,
          state: 'PENDING',
          steps: [],
          runs: 0,
          createdAt,
          updatedAt: createdAt,
        };
        const claim = await store.claim(fresh, owner, leaseMs);
        const record = claim.claimed
          ? await runHeldOrJoin(operation, claim.record, fingerprint, waitUntil, trace)
          : await join(operation, claim.record, fingerprint, waitUntil, trace);
        // undefined: the key was released meanwhile (the first request's prepare refused it): claim it afresh
        if (record !== undefined) {
          finish(trace.replay ? 'replayed' : outcomeOf(record), trace, audited, started);
          return record;
        }
      }
    } catch (error) {
      const refusal = error instanceof RefusedBeforeWriting ? error.refusal : error;
      finish(outcomeOfError(error), trace, audited, started, errorCodeOf(refusal));
      throw refusal;
    }
  }

  /** Runs a held record; undefined when its lease was lost meanwhile (then the caller re-reads and joins). */
  async function runHeldOrLoseLease<I, P, R>(operation: WriteOperation<I, P, R>, record: WriteRecord, trace: Trace) {
    try {
      return await runHeld(operation, record, trace, 'request');
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
      logger.warn({ operation: record.operation, idempotencyKey: record.idempotencyKey }, 'write lease lost to another process: joining its run');
      return undefined;
    }
  }

  async function runHeldOrJoin<I, P, R>(
    operation: WriteOperation<I, P, R>,
    record: WriteRecord,
    fingerprint: string,
    waitUntil: number,
    trace: Trace,
  ) {
    const done = await runHeldOrLoseLease(operation, record, trace);
    if (done !== undefined) return done;
    return join(operation, await store.get(record.scope, record.idempotencyKey), fingerprint, waitUntil, trace);
  }

  /** The key is taken: replay it, wait for its run, or take it over when its owner is gone. */
  async function join<I, P, R>(
    operation: WriteOperation<I, P, R>,
    first: WriteRecord | undefined,
    fingerprint: string,
    waitUntil: number,
    trace: Trace,
  ) {
    let current = first;
    let pollDelay = pollMs;
    for (;;) {
      if (current === undefined) return undefined;
      trace.record = current;
      if (current.fingerprint !== fingerprint || current.operation !== operation.name) throw idempotencyKeyReused();
      if (current.state !== 'PENDING') {
        trace.replay = true;
        return current;
      }
      const leaseLeft = (current.leaseUntil ?? 0) - now();
      if (current.owner === undefined || leaseLeft <= 0) {
        const taken = await store.takeOver(current.scope, current.idempotencyKey, owner, leaseMs);
        if (taken !== undefined) {
          trace.replay = false;
          const record = await runHeldOrLoseLease(operation, taken, trace);
          if (record !== undefined) return record;
        }
      } else if (performance.now() >= waitUntil) {
        // The first request is alive (it renews its lease) and ends within its own deadline: ask again soon.
        throw idempotencyKeyInProgress(1);
      } else {
        await sleep(pollDelay * (1 + Math.random()));
        pollDelay = Math.min(MAX_POLL_MS, pollDelay * 1.5);
      }
      current = await store.get(current.scope, current.idempotencyKey);
    }
  }

  function outcomeOf(record: WriteRecord): Outcome {
    return record.state === 'SUCCEEDED' ? 'succeeded' : record.state === 'FAILED' ? 'failed' : 'pending';
  }

  function outcomeOfError(error: unknown): Outcome {
    if (error instanceof RefusedBeforeWriting) return 'refused';
    switch (errorCodeOf(error)) {
      case 'WRITES_UNAVAILABLE':
        return 'unavailable';
      case 'IDEMPOTENCY_KEY_REUSED':
        return 'reused';
      case 'IDEMPOTENCY_KEY_IN_PROGRESS':
        return 'in_progress';
      default:
        // a lease lost in the middle of a run, or a bug: the write is in the store's hands, this request has no answer
        return 'unavailable';
    }
  }

  /** The metric and the audit line: ids only, never the input (names, addresses). */
  function finish(outcome: Outcome, trace: Trace, request: AuditedRequest, started: number, code?: string): void {
    // A refused or reused request has no record of its own: the one in the store (if any) is another write's.
    const record = outcome === 'refused' || outcome === 'reused' || outcome === 'unavailable' ? undefined : trace.record;
    const operation = request.operation;
    writeOutcomes.inc({ service, operation, outcome });
    const { identity } = request;
    logger.info(
      {
        audit: 'write',
        subject: identity.subject,
        kind: identity.kind,
        profile: identity.profile,
        operation,
        idempotencyKey: request.idempotencyKey,
        outcome,
        state: record?.state,
        replay: trace.replay,
        ...(trace.recovery ? { recovery: true } : {}),
        runs: record?.runs,
        steps: record === undefined ? [] : stepSummary(record),
        ...(code !== undefined ? { code } : record?.error !== undefined ? { code: record.error.code } : {}),
        durationMs: Math.round(performance.now() - started),
      },
      'write audit',
    );
  }

  async function recoverDue(operations: ReadonlyMap<string, WriteOperation<unknown, unknown, unknown>>, limit = 20): Promise<number> {
    const due = await store.due(now(), limit);
    let resumed = 0;
    for (const { scope, idempotencyKey } of due) {
      const started = performance.now();
      const record = await store.takeOver(scope, idempotencyKey, owner, leaseMs);
      if (record === undefined) continue; // another replica won it
      const operation = operations.get(record.operation);
      if (operation === undefined) {
        logger.error({ operation: record.operation, idempotencyKey }, 'write recovery: no such operation in this process; left for another');
        record.nextAttemptAt = now() + backoffMaxMs;
        releaseLease(record);
        await store.save(record, owner, 0);
        continue;
      }
      const trace: Trace = { replay: false, recovery: true };
      const request = { idempotencyKey, identity: record.identity, operation: record.operation };
      try {
        const result = await runHeld(operation, record, trace, 'recovery');
        if (result === undefined) continue;
        resumed += 1;
        finish(outcomeOf(result), trace, request, started);
      } catch (error) {
        if (error instanceof WritesUnavailableError) throw error;
        // A lost lease: another replica runs it now. A bug in the operation: the next pass tries again.
        logger.warn({ err: error, operation: record.operation, idempotencyKey }, 'write recovery run stopped');
        finish(outcomeOfError(error), trace, request, started, errorCodeOf(error));
      }
    }
    return resumed;
  }

  return {
    execute,
    get: (scope, idempotencyKey) => store.get(scope, idempotencyKey),
    recoverDue,
    startRecovery(operations, intervalMs) {
      let pass: Promise<unknown> = Promise.resolve();
      let stopped = false;
      let running = false;
      const timer = setInterval(() => {
        if (running || stopped) return;
        running = true;
        pass = recoverDue(operations)
          .catch((error: unknown) => logger.warn({ err: error }, 'write recovery pass failed'))
          .finally(() => (running = false));
      }, intervalMs);
      timer.unref();
      return {
        async stop() {
          stopped = true;
          clearInterval(timer);
          await pass;
        },
      };
    },
  };
}

function stepSummary(record: WriteRecord): Array<{ step: string; state: string; upstreamId?: string }> {
  return record.steps.map((step) => ({
    step: step.name,
    state: step.state,
    ...(step.upstreamId !== undefined ? { upstreamId: step.upstreamId } : {}),
  }));
}
