import { createClient } from 'redis';
import { resilientRedisOptions } from '@omnigraph/shared/cache';
import { createRedisStallGuard } from '@omnigraph/shared/redis';
import { apiKeyRecordSchema } from './api-key-record.ts';
import type { ApiKeyRecord } from './api-key-record.ts';
import type { KeyOperations, KeyStore } from './key-store.ts';
import { KeyConflictError, createListenerSet, createTouchThrottle, setOperations, sortByCreatedAt } from './key-store.ts';
import { daysBetween, retentionStart, USAGE_FIELDS, USAGE_RETENTION_DAYS, type UsageDay } from './usage.ts';

export interface RedisKeyStoreOptions {
  redisUrl: string;
  /**
   * Prepended to every key and to the revocation channel. Bump the version when the record changes shape; tests
   * use a random prefix per run so they never touch real keys.
   * @default 'auth:v1:'
   */
  keyPrefix?: string;
  touchIntervalMs?: number;
  /** Connection failures (both connections). node-redis crashes the process on an unhandled 'error' event. */
  onError?: (error: unknown, context: { connection: 'commands' | 'subscriber' }) => void;
  /** How long creation waits for both connections before giving up. @default 2_000 */
  connectTimeoutMs?: number;
  /** CLIENT SETNAME of the two connections (`<name>` and `<name>:sub`), so operators can tell them apart. @default 'omnigraph-auth' */
  clientName?: string;
  /**
   * Longest wait for a key lookup. The first lookup that waits this long marks Redis suspect: the lookups after it
   * fail at once (the cached store in front then serves recently seen keys) until a background PING answers, so a
   * stalled Redis costs one timeout, not one per request. @default 250
   */
  lookupTimeoutMs?: number;
  /** How often a suspect Redis is probed. @default 1_000 */
  probeIntervalMs?: number;
  /** Told once when Redis becomes suspect and once when it answers again. */
  onStall?: (event: { state: 'suspect'; error: unknown } | { state: 'recovered'; outageMs: number }) => void;
}

// Atomic create: the existence checks and the writes must not interleave with another replica creating the same id.
const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
return 1`;

// Field updates touch only their own fields (HSET per field, never a whole-record rewrite), so a last-used write
// racing a revocation cannot undo it. The publish happens inside the script: if the write happened, so did the
// broadcast, even when this process dies right after.
const UPDATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local mode = ARGV[1]
local channel = ARGV[2]
for i = 3, #ARGV, 2 do
  if mode == 'nx' then redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
  else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
local keyId = cjson.decode(redis.call('HGET', KEYS[1], 'keyId'))
local hash = cjson.decode(redis.call('HGET', KEYS[1], 'hash'))
if channel ~= '' then redis.call('PUBLISH', channel, cjson.encode({ keyId = keyId, hash = hash })) end
return hash`;

const DELETE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local hash = cjson.decode(redis.call('HGET', KEYS[1], 'hash'))
local ownerId = cjson.decode(redis.call('HGET', KEYS[1], 'ownerId'))
redis.call('DEL', KEYS[1], ARGV[2] .. 'hash:' .. hash)
redis.call('SREM', ARGV[2] .. 'ids', ARGV[1])
redis.call('SREM', ARGV[2] .. 'owner:' .. ownerId, ARGV[1])
redis.call('PUBLISH', ARGV[2] .. 'revocations', cjson.encode({ keyId = ARGV[1], hash = hash }))
return hash`;

// A key's operations (ADR 0019) change by compare-and-set: the script writes only if both fields still hold what the
// caller read (ARGV[2], ARGV[3]; '' for absent), so two operators registering at once cannot lose one's change; the
// caller re-reads and retries. '' as a new value deletes the field. Published like a revocation, in the same script.
const OPERATIONS_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
local current = redis.call('HMGET', KEYS[1], 'operations', 'documents')
if (current[1] or '') ~= ARGV[2] or (current[2] or '') ~= ARGV[3] then return 0 end
local fields = { 'operations', 'documents' }
for i = 1, 2 do
  local value = ARGV[3 + i]
  if value == '' then redis.call('HDEL', KEYS[1], fields[i]) else redis.call('HSET', KEYS[1], fields[i], value) end
end
local keyId = cjson.decode(redis.call('HGET', KEYS[1], 'keyId'))
local hash = cjson.decode(redis.call('HGET', KEYS[1], 'hash'))
redis.call('PUBLISH', ARGV[1], cjson.encode({ keyId = keyId, hash = hash }))
return hash`;

const MAX_OPERATIONS_ATTEMPTS = 10;

const USAGE_TTL_SECONDS = USAGE_RETENTION_DAYS * 86_400;

function encode(record: ApiKeyRecord): string[] {
  return Object.entries(record).flatMap(([field, value]) => (value === undefined ? [] : [field, JSON.stringify(value)]));
}

function decode(fields: Record<string, string>): ApiKeyRecord | undefined {
  if (Object.keys(fields).length === 0) return undefined;
  const raw = Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, JSON.parse(value) as unknown]));
  return apiKeyRecordSchema.parse(raw);
}

/**
 * Redis store shared by every gateway replica. Layout under the prefix: `key:<keyId>` (hash, one field per record
 * attribute, including a key's run-time registered operations in `operations` and `documents`, ADR 0019),
 * `hash:<hmac>` → keyId, `ids` and `owner:<ownerId>` (sets of keyIds), channel `revocations`, and usage
 * under `usage:<keyId>:<YYYY-MM-DD>` (a hash of counters, HINCRBY, expiring after USAGE_RETENTION_DAYS).
 * A second connection subscribes to the channel so every replica's caches hear about revocations within
 * milliseconds. Multi-key scripts assume a single Redis (not Cluster), as the rest of Omnigraph does.
 */
export async function createRedisKeyStore(options: RedisKeyStoreOptions): Promise<KeyStore> {
  const prefix = options.keyPrefix ?? 'auth:v1:';
  if (prefix.length === 0) throw new Error('createRedisKeyStore: keyPrefix must not be empty');
  const channel = `${prefix}revocations`;
  const onError = options.onError ?? (() => {});
  const listeners = createListenerSet();
  const touchDue = createTouchThrottle(options.touchIntervalMs);

  const clientName = options.clientName ?? 'omnigraph-auth';
  // Fail at once while disconnected: an authentication must not hang for the length of a Redis outage.
  const redis = createClient(resilientRedisOptions(options.redisUrl, clientName));
  redis.on('error', (error: unknown) => onError(error, { connection: 'commands' }));
  const subscriber = redis.duplicate({ name: `${clientName}:sub` });
  subscriber.on('error', (error: unknown) => onError(error, { connection: 'subscriber' }));
  let subscriberReadyBefore = false;
  subscriber.on('ready', () => {
    // After a reconnect we may have missed revocations published while we were away: caches must start over.
    if (subscriberReadyBefore) listeners.emit({ kind: 'all' });
    subscriberReadyBefore = true;
  });

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis key store: no connection within ${options.connectTimeoutMs ?? 2_000} ms`)),
      options.connectTimeoutMs ?? 2_000,
    );
  });
  try {
    await Promise.race([
      (async () => {
        await redis.connect();
        await subscriber.connect();
        await subscriber.subscribe(channel, (message) => {
          try {
            const parsed = JSON.parse(message) as { keyId?: unknown; hash?: unknown };
            if (typeof parsed.keyId === 'string' && typeof parsed.hash === 'string') {
              listeners.emit({ kind: 'key', keyId: parsed.keyId, hash: parsed.hash });
            }
          } catch {
            // A message we cannot read still tells us something changed: drop everything rather than guess.
            listeners.emit({ kind: 'all' });
          }
        });
      })(),
      timeout,
    ]);
  } catch (error) {
    if (redis.isOpen) redis.destroy();
    if (subscriber.isOpen) subscriber.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const guard = createRedisStallGuard({
    timeoutMs: options.lookupTimeoutMs ?? 250,
    probe: () => redis.ping(),
    isReady: () => redis.isReady,
    ...(options.probeIntervalMs === undefined ? {} : { probeIntervalMs: options.probeIntervalMs }),
    onSuspect: (error) => options.onStall?.({ state: 'suspect', error }),
    onRecovered: (outageMs) => options.onStall?.({ state: 'recovered', outageMs }),
  });

  const recordKey = (keyId: string) => `${prefix}key:${keyId}`;
  const hashKey = (hash: string) => `${prefix}hash:${hash}`;
  const idsKey = `${prefix}ids`;
  const ownerKey = (ownerId: string) => `${prefix}owner:${ownerId}`;
  const usageKey = (keyId: string, day: string) => `${prefix}usage:${keyId}:${day}`;

  async function getById(keyId: string): Promise<ApiKeyRecord | undefined> {
    return decode(await redis.hGetAll(recordKey(keyId)));
  }

  async function update(keyId: string, mode: 'nx' | 'set', publish: boolean, fields: Record<string, string>) {
    const args = [mode, publish ? channel : '', ...Object.entries(fields).flatMap(([f, v]) => [f, JSON.stringify(v)])];
    const hash = await redis.eval(UPDATE_SCRIPT, { keys: [recordKey(keyId)], arguments: args });
    return typeof hash === 'string' ? hash : undefined;
  }

  return {
    async create(record) {
      const valid = apiKeyRecordSchema.parse(record);
      const created = await redis.eval(CREATE_SCRIPT, {
        keys: [recordKey(valid.keyId), hashKey(valid.hash), idsKey, ownerKey(valid.ownerId)],
        arguments: [valid.keyId, ...encode(valid)],
      });
      if (created !== 1) throw new KeyConflictError(valid.keyId);
    },
    // The request path: guarded. Management calls (create, revoke, list) are not: they should wait, or fail loudly.
    async getByHash(hash) {
      return guard.run(async () => {
        const keyId = await redis.get(hashKey(hash));
        return keyId === null ? undefined : getById(keyId);
      });
    },
    getById,
    async list(ownerId) {
      const ids = await redis.sMembers(ownerId === undefined ? idsKey : ownerKey(ownerId));
      const records = await Promise.all(ids.map(getById));
      return sortByCreatedAt(records.filter((r): r is ApiKeyRecord => r !== undefined));
    },
    async revoke(keyId, at) {
      const hash = await update(keyId, 'nx', true, { revokedAt: at.toISOString() });
      if (hash === undefined) return false;
      // Local listeners first and synchronously: this replica must refuse the key before revoke() even returns.
      listeners.emit({ kind: 'key', keyId, hash });
      return true;
    },
    async markReplaced(keyId, change) {
      const hash = await update(keyId, 'set', true, { replacedBy: change.replacedBy, expiresAt: change.expiresAt });
      if (hash === undefined) return false;
      listeners.emit({ kind: 'key', keyId, hash });
      return true;
    },
    async updateOperations(keyId, change) {
      for (let attempt = 0; attempt < MAX_OPERATIONS_ATTEMPTS; attempt++) {
        // one read: the record to change, and its two fields as stored, which the script compares before writing
        const fields = await redis.hGetAll(recordKey(keyId));
        const record = decode(fields);
        if (record === undefined) return undefined;
        setOperations(record, change({ operations: record.operations, documents: record.documents }));
        // validated before it is written: a bad change must fail here, not make the key unreadable on every replica
        const valid = apiKeyRecordSchema.parse(record);
        const next: KeyOperations = { operations: valid.operations, documents: valid.documents };
        const result = await redis.eval(OPERATIONS_SCRIPT, {
          keys: [recordKey(keyId)],
          arguments: [
            channel,
            fields['operations'] ?? '',
            fields['documents'] ?? '',
            next.operations === undefined ? '' : JSON.stringify(next.operations),
            next.documents === undefined ? '' : JSON.stringify(next.documents),
          ],
        });
        if (result === null) return undefined;
        if (typeof result === 'string') {
          listeners.emit({ kind: 'key', keyId, hash: result });
          return next;
        }
        // 0: someone else changed the key's operations between our read and our write; read again
      }
      throw new Error(`The operations of key ${keyId} kept changing under us; try again`);
    },
    async touch(keyId, at) {
      // Nothing to write to a suspect Redis: a last-used time may be a minute late, a queued write would pile up.
      if (guard.suspect || !touchDue(keyId, at)) return;
      await update(keyId, 'set', false, { lastUsedAt: at.toISOString() });
    },
    async delete(keyId) {
      // the key's prefix is passed in (not derived in Lua), the script touches only this store's keys
      const hash = await redis.eval(DELETE_SCRIPT, { keys: [recordKey(keyId)], arguments: [keyId, prefix] });
      if (typeof hash !== 'string') return false;
      listeners.emit({ kind: 'key', keyId, hash });
      return true;
    },
    async addUsage(increments) {
      const oldest = retentionStart(new Date());
      const current = increments.filter((increment) => increment.day >= oldest);
      if (current.length === 0) return;
      // one round trip for the whole batch: a pipeline, not a transaction (each HINCRBY stands on its own)
      const pipeline = redis.multi();
      for (const increment of current) {
        const key = usageKey(increment.keyId, increment.day);
        for (const field of USAGE_FIELDS) {
          const value = increment[field];
          if (value === 0) continue;
          if (Number.isInteger(value)) pipeline.hIncrBy(key, field, value);
          else pipeline.hIncrByFloat(key, field, value);
        }
        pipeline.expire(key, USAGE_TTL_SECONDS);
      }
      await pipeline.execAsPipeline();
    },
    async usage(keyId, from, to) {
      const days = daysBetween(from, to);
      if (days.length === 0) return [];
      const pipeline = redis.multi();
      for (const day of days) pipeline.hGetAll(usageKey(keyId, day));
      const replies = (await pipeline.execAsPipeline()) as unknown as Record<string, string>[];
      const result: UsageDay[] = [];
      days.forEach((day, i) => {
        const fields = replies[i] ?? {};
        if (Object.keys(fields).length === 0) return;
        result.push({
          day,
          requests: Number(fields['requests'] ?? 0),
          cost: Number(fields['cost'] ?? 0),
          upstreamCalls: Number(fields['upstreamCalls'] ?? 0),
          errors: Number(fields['errors'] ?? 0),
        });
      });
      return result;
    },
    async pruneUsage() {
      // every day's hash expires by itself (EXPIRE at each write)
      return 0;
    },
    onRevoked: listeners.add,
    async close() {
      guard.close();
      listeners.clear();
      await Promise.allSettled([subscriber.isOpen ? subscriber.close() : undefined, redis.isOpen ? redis.close() : undefined]);
    },
  };
}
