import type { RequestIdentity } from '../identity/index.ts';

/*
 * The contract of idempotent, resumable writes (ADR 0011): the record the idempotency store keeps per
 * (caller, idempotency key), and the store's operations. The commands subgraph is the one user; the store lives here
 * with the other shared infrastructure (Redis, caches) so it is tested once, against Redis and in memory.
 */

/** PENDING: running, or an upstream answer was lost and the recovery path completes it; the others are final. */
export type WriteState = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** UNKNOWN: sent, answer lost; the next attempt of the step looks its document up by tag before writing again. */
export type WriteStepState = 'PENDING' | 'UNKNOWN' | 'DONE' | 'FAILED';

export interface WriteStepRecord {
  /** `<system>.<action>`, e.g. `eshop.createOrder`, `erp.reservePickup` */
  name: string;
  state: WriteStepState;
  /** the upstream document once known (WooCommerce order id, ERP picking name, HubSpot note id…) */
  upstreamId?: string;
  /** what the step answered, handed to the later steps and to the result on resume */
  output?: unknown;
  /** how many times the step was sent */
  attempts: number;
  /** the last failure's error code (UNKNOWN and FAILED steps) */
  errorCode?: string;
  updatedAt: string;
}

/** A final error, replayed as it was first answered (Stripe replays failures too). */
export interface WriteError {
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
}

export interface WriteRecord {
  /** whose key space: the caller's `RequestIdentity.subject` (API key id, JWT sub) */
  scope: string;
  idempotencyKey: string;
  /** the mutation: placeOrder, registerReturn, addCustomerNote */
  operation: string;
  /** sha-256 of the canonical JSON of (operation, input): same key + other fingerprint → IDEMPOTENCY_KEY_REUSED */
  fingerprint: string;
  /** the validated input, so the recovery path can resume without the client (kept only as long as the record) */
  input: unknown;
  /**
   * what `prepare` decided before the first step (prices, billing, eligibility), so a resumed write sends exactly what
   * the first run would have, even if a price changed meanwhile
   */
  prepared?: unknown;
  /** the caller, so the recovery path signs its subgraph calls as the caller did */
  identity: RequestIdentity;
  state: WriteState;
  steps: WriteStepRecord[];
  /** SUCCEEDED (and PENDING, as far as known): the payload answered, replayed to every retry */
  result?: unknown;
  /** FAILED: the error answered, replayed to every retry */
  error?: WriteError;
  /** the process running it now and until when (epoch ms); a lapsed lease may be taken over */
  owner?: string;
  leaseUntil?: number;
  /** PENDING with no owner: when the recovery path should try again (epoch ms) */
  nextAttemptAt?: number;
  /** attempts of the whole write so far (first request, client retries, recovery runs) */
  runs: number;
  /** epoch ms of the first unknown outcome (a step's answer lost), for `omnigraph_write_unknown_resolution_seconds` */
  unknownSince?: number;
  createdAt: string;
  updatedAt: string;
}

/** Idempotency keys are kept at least this long after their last save (Stripe: 24 h; IETF draft: the server's choice). */
export const MIN_IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** Omnigraph's default: a retry the next day, even after a weekend night's outage, still replays. */
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 48 * 3600;

export type ClaimOutcome = { claimed: true; record: WriteRecord } | { claimed: false; record: WriteRecord };

/**
 * Where write records live: Redis (shared by every replica; `COMMANDS_` prefix) or memory (`npm start` without
 * REDIS_URL). Every method either does what it says or throws `WritesUnavailableError` (code WRITES_UNAVAILABLE):
 * an unreachable store refuses writes, it never falls back to memory (fail closed).
 */
export interface IdempotencyStore {
  /** Atomically creates `record` owned by `owner` for `leaseMs`, unless (scope, key) exists: then returns that one. */
  claim(record: WriteRecord, owner: string, leaseMs: number): Promise<ClaimOutcome>;
  get(scope: string, idempotencyKey: string): Promise<WriteRecord | undefined>;
  /**
   * Stores `record` if `owner` still holds its lease (fencing: a process whose lease lapsed and was taken over can no
   * longer write), renewing the lease for `leaseMs` (0: release it). False when the lease was lost.
   */
  save(record: WriteRecord, owner: string, leaseMs: number): Promise<boolean>;
  /** Takes over a PENDING record nobody holds (no owner, or a lapsed lease); undefined otherwise. */
  takeOver(scope: string, idempotencyKey: string, owner: string, leaseMs: number): Promise<WriteRecord | undefined>;
  /** Forgets a claim whose write never started (its validation failed): the key is free again, as with Stripe. */
  release(scope: string, idempotencyKey: string, owner: string): Promise<void>;
  /** PENDING records nobody holds whose `nextAttemptAt` has passed, oldest first: the recovery path's queue. */
  due(now: number, limit: number): Promise<Array<{ scope: string; idempotencyKey: string }>>;
  /** Resolves true once the store answers (a Redis connection is up), false after `timeoutMs`; memory: true at once. */
  whenReady?(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** What a write operation's steps run with. */
export interface WriteStepContext {
  readonly record: WriteRecord;
  /**
   * Runs step `name` unless an earlier run of this write finished it (then its saved output, without sending). A step
   * must be idempotent by its tag (it looks its document up before writing), so one whose answer was lost
   * (timeout, reset, 5xx) is simply sent again: immediately a few times within the request's deadline, later by the
   * recovery path. `upstreamIdOf` names the document for `WriteStep.upstreamId` and the audit log.
   * The step is saved before it is sent (attempts + 1: a crash leaves a record saying it may have been sent) and after
   * it ends. Names are unique within an operation; `send`'s answer must be JSON (it is stored, and a resumed run gets
   * the stored copy: the first run gets the same JSON copy, so both runs see the same thing).
   */
  step<T>(name: string, send: () => Promise<T>, upstreamIdOf?: (output: T) => string | undefined): Promise<T>;
}

/** One mutation as the runner executes it. */
export interface WriteOperation<Input, Prepared, Result> {
  /** placeOrder, registerReturn, addCustomerNote */
  name: string;
  /**
   * Reads and business checks before anything is written (prices, stock, eligibility). Throwing refuses the write
   * with that error and releases the key (nothing was written, the client may fix the input and retry with it).
   * Its answer is stored as `prepared` and handed to every run.
   */
  prepare(input: Input, identity: RequestIdentity): Promise<Prepared>;
  /** the steps, in order, each through `ctx.step`; its answer is the result replayed to every retry */
  run(input: Input, prepared: Prepared, ctx: WriteStepContext, identity: RequestIdentity): Promise<Result>;
}

/** A request to run (or replay) one write. */
export interface ExecuteRequest<Input> {
  /** the caller's key space: `identity.subject` */
  scope: string;
  idempotencyKey: string;
  /** validated and normalised JSON: its canonical JSON is the fingerprint, and what `prepare` and `run` are given */
  input: Input;
  identity: RequestIdentity;
}

export interface WriteRunner {
  /**
   * Runs the write, or replays / joins the one already recorded for (scope, key). Resolves with the record as this
   * request leaves it: SUCCEEDED (`result`), FAILED (`error`, replayed as first answered), or PENDING (an upstream
   * answer was lost; the recovery path completes it). A FAILED record is resolved, not thrown, the first time and
   * on every replay alike: throw `writeErrorToGraphQLError(record.error)` to answer it.
   * Throws GraphQLErrors IDEMPOTENCY_KEY_REUSED,
   * IDEMPOTENCY_KEY_IN_PROGRESS (after waiting for the running request), WRITES_UNAVAILABLE, and `prepare`'s own
   * refusals (the key is then released).
   */
  execute<I, P, R>(operation: WriteOperation<I, P, R>, request: ExecuteRequest<I>): Promise<WriteRecord>;
  /** the record of (scope, key), for the `writeOperation` query; throws WRITES_UNAVAILABLE when the store is down */
  get(scope: string, idempotencyKey: string): Promise<WriteRecord | undefined>;
  /** One recovery pass: takes over due PENDING records and resumes them. Resolves with how many it resumed. */
  recoverDue(operations: ReadonlyMap<string, WriteOperation<unknown, unknown, unknown>>, limit?: number): Promise<number>;
  /** `recoverDue` every `intervalMs` (unref'd timer) until `stop()`, which waits for a pass in progress. */
  startRecovery(operations: ReadonlyMap<string, WriteOperation<unknown, unknown, unknown>>, intervalMs: number): { stop(): Promise<void> };
}
