import { assertOwner, decodeRecord, dueAt, encodeRecord, recordId } from './record-codec.ts';
import type { ClaimOutcome, IdempotencyStore, WriteRecord, WriteState } from './write-types.ts';

export interface MemoryIdempotencyStoreOptions {
  /** How long a record is kept after its last save (≥ 24 h in production; the caller decides, 48 h by default). */
  ttlSeconds: number;
  /** epoch ms; injectable for tests @default Date.now */
  now?: () => number;
}

interface Entry {
  data: string;
  owner: string;
  leaseUntil: number;
  state: WriteState;
  /** when the recovery path should look at it; undefined when final */
  dueAt: number | undefined;
  expiresAt: number;
}

/**
 * The idempotency store of one process (`npm start` without REDIS_URL, and tests): the same contract as the Redis
 * store, records kept as JSON so a caller never holds a live reference to a stored record. Not shared between
 * replicas: a deployment with more than one replica needs Redis.
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions): IdempotencyStore {
  const now = options.now ?? Date.now;
  const ttlMs = Math.round(options.ttlSeconds * 1000);
  if (!(ttlMs > 0)) throw new RangeError('createMemoryIdempotencyStore: ttlSeconds must be positive');
  const entries = new Map<string, Entry>();

  function live(id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry !== undefined && entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  const read = (entry: Entry) => decodeRecord(entry.data, entry);

  return {
    async claim(record, owner, leaseMs): Promise<ClaimOutcome> {
      assertOwner(owner);
      const id = recordId(record.scope, record.idempotencyKey);
      const existing = live(id);
      if (existing !== undefined) return { claimed: false, record: read(existing) };
      const at = now();
      const entry: Entry = {
        data: encodeRecord(record),
        owner,
        leaseUntil: at + leaseMs,
        state: record.state,
        dueAt: at + leaseMs,
        expiresAt: at + ttlMs,
      };
      entries.set(id, entry);
      return { claimed: true, record: read(entry) };
    },
    async get(scope, idempotencyKey) {
      const entry = live(recordId(scope, idempotencyKey));
      return entry === undefined ? undefined : read(entry);
    },
    async save(record, owner, leaseMs) {
      assertOwner(owner);
      const id = recordId(record.scope, record.idempotencyKey);
      const entry = live(id);
      if (entry === undefined || entry.owner !== owner) return false;
      const at = now();
      const leaseUntil = leaseMs > 0 ? at + leaseMs : 0;
      entries.set(id, {
        data: encodeRecord(record),
        owner: leaseMs > 0 ? owner : '',
        leaseUntil,
        state: record.state,
        dueAt: dueAt(record.state, leaseUntil, record, at),
        expiresAt: at + ttlMs,
      });
      return true;
    },
    async takeOver(scope, idempotencyKey, owner, leaseMs) {
      assertOwner(owner);
      const entry = live(recordId(scope, idempotencyKey));
      const at = now();
      if (entry === undefined || entry.state !== 'PENDING' || (entry.owner !== '' && entry.leaseUntil > at)) return undefined;
      entry.owner = owner;
      entry.leaseUntil = at + leaseMs;
      entry.dueAt = entry.leaseUntil;
      entry.expiresAt = at + ttlMs;
      return read(entry);
    },
    async release(scope, idempotencyKey, owner) {
      const id = recordId(scope, idempotencyKey);
      if (live(id)?.owner === owner) entries.delete(id);
    },
    async due(at, limit) {
      const found: Array<{ at: number; record: WriteRecord }> = [];
      for (const id of [...entries.keys()]) {
        const entry = live(id);
        if (entry === undefined || entry.state !== 'PENDING' || entry.dueAt === undefined || entry.dueAt > at) continue;
        if (entry.owner !== '' && entry.leaseUntil > at) continue;
        found.push({ at: entry.dueAt, record: read(entry) });
      }
      found.sort((a, b) => a.at - b.at);
      return found.slice(0, Math.max(0, limit)).map(({ record }) => ({ scope: record.scope, idempotencyKey: record.idempotencyKey }));
    },
    async close() {
      entries.clear();
    },
  };
}
