import { createClient } from 'redis';
import { resilientRedisOptions } from '../cache/redis-client-options.ts';
import { defineRedisScript, type ScriptClient } from '../limits/redis-script.ts';
import type { Logger } from '../logging/index.ts';
import { closeRedisClient } from '../redis/close-redis-client.ts';
import { createRedisStallGuard } from '../redis/stall-guard.ts';
import { WritesUnavailableError } from './errors.ts';
import { assertOwner, decodeRecord, dueAt, encodeRecord, recordId } from './record-codec.ts';
import type { ClaimOutcome, IdempotencyStore, WriteRecord } from './write-types.ts';

/** The slice of a node-redis v5 client the store uses; structural, so any client with these commands will do. */
export interface IdempotencyRedisClient extends ScriptClient {
  hmGet(key: string, fields: string[]): Promise<unknown>;
  ping(): Promise<unknown>;
  readonly isReady: boolean;
}

export interface RedisIdempotencyStoreOptions {
  /** Connects a client of its own (`resilientRedisOptions`), closed by `close()`. One of `redisUrl` and `client`. */
  redisUrl?: string | undefined;
  /** A client the caller created and owns (it is not closed by `close()`). */
  client?: IdempotencyRedisClient | undefined;
  /** Prepended to every key, e.g. `commands:writes:`. Required: services share one Redis. */
  prefix: string;
  /** How long a record is kept after its last save: ≥ 24 h (Stripe keeps keys 24 h; Omnigraph's default is 48 h). */
  ttlSeconds: number;
  /**
   * Longest wait for one store command. A paused or black-holed Redis answers nothing and reports no error: the
   * write is refused after this wait (and, until a PING answers again, at once) instead of hanging. @default 1000
   */
  commandTimeoutMs?: number | undefined;
  /** While Redis is suspect (after a timeout or a lost connection), how often a PING checks it. @default 1000 */
  probeIntervalMs?: number | undefined;
  /** CLIENT SETNAME of an own client. @default 'omnigraph-writes' */
  clientName?: string | undefined;
  /** One `warn` per outage, one `info` when Redis answers again. */
  logger?: Pick<Logger, 'warn' | 'info'> | undefined;
  /** epoch ms, for leases and due times; every replica's clock is compared, so keep them NTP-synced. @default Date.now */
  now?: () => number;
}

export interface RedisIdempotencyStore extends IdempotencyStore {
  /** Resolves true once the client is connected, false after `timeoutMs` (writes are refused until it connects). */
  whenReady(timeoutMs: number): Promise<boolean>;
}

// Each record is a hash: `data` (the record's JSON without its lease), `owner` and `lease` (epoch ms; '' and '' when
// released) and `state`, so fencing and taking over compare small fields and never re-encode the JSON in Lua (cjson
// would turn an empty array into an object). The sorted set `<prefix>due` holds every PENDING record's id, scored by
// when the recovery path should look at it: its lease's end while held (its owner may die), else `nextAttemptAt`.

// KEYS: record, due. ARGV: data, owner, leaseUntil, ttlMs, id
const CLAIM = defineRedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then
  local v = redis.call('HMGET', KEYS[1], 'data', 'owner', 'lease')
  return {0, v[1], v[2], v[3]}
end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'owner', ARGV[2], 'lease', ARGV[3], 'state', 'PENDING')
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[5])
return {1}`);

// KEYS: record, due. ARGV: data, owner, leaseUntil ('' releases), state, ttlMs, id, dueAt ('' when final)
const SAVE = defineRedisScript(`
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[2] then return 0 end
local owner = ARGV[2]
if ARGV[3] == '' then owner = '' end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'owner', owner, 'lease', ARGV[3], 'state', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if ARGV[7] == '' then redis.call('ZREM', KEYS[2], ARGV[6]) else redis.call('ZADD', KEYS[2], ARGV[7], ARGV[6]) end
return 1`);

// KEYS: record, due. ARGV: owner, leaseUntil, now, ttlMs, id
const TAKE_OVER = defineRedisScript(`
local v = redis.call('HMGET', KEYS[1], 'data', 'owner', 'lease', 'state')
if not v[1] or v[4] ~= 'PENDING' then return false end
local lease = tonumber(v[3])
if v[2] and v[2] ~= '' and lease and lease > tonumber(ARGV[3]) then return false end
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'lease', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[5])
return v[1]`);

// KEYS: record, due. ARGV: owner, id
const RELEASE = defineRedisScript(`
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
return 1`);

// KEYS: due. ARGV: now, limit, record key prefix. Cleans what it meets: ids whose record expired or became final,
// and re-scores held records to their lease's end. Atomic, so an id is never removed while its record is being created.
const DUE = defineRedisScript(`
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, limit * 4)
local out = {}
for _, id in ipairs(ids) do
  local v = redis.call('HMGET', ARGV[3] .. id, 'data', 'owner', 'lease', 'state')
  local lease = tonumber(v[3])
  if not v[1] or v[4] ~= 'PENDING' then
    redis.call('ZREM', KEYS[1], id)
  elseif v[2] and v[2] ~= '' and lease and lease > now then
    redis.call('ZADD', KEYS[1], lease, id)
  elseif #out < limit then
    out[#out + 1] = v[1]
  end
end
return out`);

/**
 * The idempotency store every replica shares (ADR 0011). Fail closed: a Redis error, a command that does not answer
 * within `commandTimeoutMs`, or a disconnected client throws `WritesUnavailableError`; there is no fallback to
 * memory, which would let two replicas run one write twice.
 */
export function createRedisIdempotencyStore(options: RedisIdempotencyStoreOptions): RedisIdempotencyStore {
  const { prefix } = options;
  if (prefix.length === 0) throw new Error('createRedisIdempotencyStore: prefix must not be empty (e.g. "commands:writes:")');
  const ttlMs = Math.round(options.ttlSeconds * 1000);
  if (!(ttlMs > 0)) throw new RangeError('createRedisIdempotencyStore: ttlSeconds must be positive');
  const now = options.now ?? Date.now;
  const logger = options.logger;

  let client: IdempotencyRedisClient;
  let ownClient: ReturnType<typeof createClient> | undefined;
  if (options.client !== undefined) {
    client = options.client;
  } else if (options.redisUrl !== undefined) {
    ownClient = createClient(resilientRedisOptions(options.redisUrl, options.clientName ?? 'omnigraph-writes'));
    // node-redis throws an unhandled 'error' event; reconnects report here too (the guard logs the outage once).
    ownClient.on('error', () => undefined);
    ownClient.connect().catch(() => undefined);
    client = ownClient as unknown as IdempotencyRedisClient;
  } else {
    throw new Error('createRedisIdempotencyStore: one of redisUrl and client is required');
  }

  const guard = createRedisStallGuard({
    timeoutMs: options.commandTimeoutMs ?? 1_000,
    probe: () => client.ping(),
    isReady: () => client.isReady,
    ...(options.probeIntervalMs === undefined ? {} : { probeIntervalMs: options.probeIntervalMs }),
    onSuspect: (error) => logger?.warn({ err: error }, 'idempotency store (Redis) unreachable: writes are refused until it answers'),
    onRecovered: (outageMs) => logger?.info({ outageMs }, 'idempotency store (Redis) answers again: writes accepted'),
  });

  async function redis<R>(command: () => Promise<R>): Promise<R> {
    try {
      return await guard.run(command);
    } catch (error) {
      throw new WritesUnavailableError(error);
    }
  }

  const dueKey = `${prefix}due`;
  const recordPrefix = `${prefix}record:`;
  const keysOf = (scope: string, idempotencyKey: string) => {
    const id = recordId(scope, idempotencyKey);
    return { id, keys: [recordPrefix + id, dueKey] };
  };
  const lease = (owner: unknown, until: unknown) => ({
    owner: typeof owner === 'string' ? owner : '',
    leaseUntil: typeof until === 'string' && until !== '' ? Number(until) : 0,
  });

  return {
    async claim(record, owner, leaseMs): Promise<ClaimOutcome> {
      assertOwner(owner);
      const { id, keys } = keysOf(record.scope, record.idempotencyKey);
      const leaseUntil = now() + leaseMs;
      const data = encodeRecord(record);
      const reply = (await redis(() => CLAIM.run(client, keys, [data, owner, String(leaseUntil), String(ttlMs), id]))) as unknown[];
      if (reply[0] === 1) return { claimed: true, record: decodeRecord(data, { owner, leaseUntil }) };
      return { claimed: false, record: decodeRecord(String(reply[1]), lease(reply[2], reply[3])) };
    },
    async get(scope, idempotencyKey) {
      const { keys } = keysOf(scope, idempotencyKey);
      const [data, owner, until] = (await redis(() => client.hmGet(keys[0]!, ['data', 'owner', 'lease']))) as Array<string | null>;
      return typeof data === 'string' ? decodeRecord(data, lease(owner, until)) : undefined;
    },
    async save(record, owner, leaseMs) {
      assertOwner(owner);
      const { id, keys } = keysOf(record.scope, record.idempotencyKey);
      const at = now();
      const leaseUntil = leaseMs > 0 ? at + leaseMs : 0;
      const due = dueAt(record.state, leaseUntil, record, at);
      const data = encodeRecord(record);
      const args = [data, owner, leaseUntil > 0 ? String(leaseUntil) : '', record.state, String(ttlMs), id, due === undefined ? '' : String(due)];
      return (await redis(() => SAVE.run(client, keys, args))) === 1;
    },
    async takeOver(scope, idempotencyKey, owner, leaseMs) {
      assertOwner(owner);
      const { id, keys } = keysOf(scope, idempotencyKey);
      const at = now();
      const leaseUntil = at + leaseMs;
      const data = await redis(() => TAKE_OVER.run(client, keys, [owner, String(leaseUntil), String(at), String(ttlMs), id]));
      return typeof data === 'string' ? decodeRecord(data, { owner, leaseUntil }) : undefined;
    },
    async release(scope, idempotencyKey, owner) {
      const { id, keys } = keysOf(scope, idempotencyKey);
      await redis(() => RELEASE.run(client, keys, [owner, id]));
    },
    async due(at, limit) {
      if (limit <= 0) return [];
      const found = (await redis(() => DUE.run(client, [dueKey], [String(at), String(limit), recordPrefix]))) as string[];
      return found.map((data) => {
        const { scope, idempotencyKey } = JSON.parse(data) as WriteRecord;
        return { scope, idempotencyKey };
      });
    },
    async whenReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!client.isReady && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return client.isReady;
    },
    async close() {
      guard.close();
      if (ownClient !== undefined) await closeRedisClient(ownClient);
    },
  };
}
