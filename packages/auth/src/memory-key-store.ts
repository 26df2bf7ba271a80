import { apiKeyRecordSchema, type ApiKeyRecord } from './api-key-record.ts';
import type { KeyStore } from './key-store.ts';
import { KeyConflictError, createListenerSet, createTouchThrottle, setOperations, sortByCreatedAt } from './key-store.ts';
import { addCounts, daysBetween, retentionStart, zeroUsage, type UsageCounts } from './usage.ts';

export interface MemoryKeyStoreOptions {
  touchIntervalMs?: number;
}

/** In-process store for tests and single-process development. Records are copied in and out so callers cannot mutate them. */
export function createMemoryKeyStore(options: MemoryKeyStoreOptions = {}): KeyStore {
  const byId = new Map<string, ApiKeyRecord>();
  const idByHash = new Map<string, string>();
  const listeners = createListenerSet();
  const touchDue = createTouchThrottle(options.touchIntervalMs);
  /** keyId → day → counts; usage outlives a deleted record, like the other stores' */
  const usage = new Map<string, Map<string, UsageCounts>>();
  const copy = (record: ApiKeyRecord | undefined) => (record === undefined ? undefined : structuredClone(record));

  return {
    async create(record) {
      if (byId.has(record.keyId) || idByHash.has(record.hash)) throw new KeyConflictError(record.keyId);
      byId.set(record.keyId, structuredClone(record));
      idByHash.set(record.hash, record.keyId);
    },
    async getByHash(hash) {
      const keyId = idByHash.get(hash);
      return keyId === undefined ? undefined : copy(byId.get(keyId));
    },
    async getById(keyId) {
      return copy(byId.get(keyId));
    },
    async list(ownerId) {
      const all = [...byId.values()].filter((r) => ownerId === undefined || r.ownerId === ownerId);
      return sortByCreatedAt(all.map((r) => structuredClone(r)));
    },
    async revoke(keyId, at) {
      const record = byId.get(keyId);
      if (record === undefined) return false;
      record.revokedAt ??= at.toISOString();
      listeners.emit({ kind: 'key', keyId, hash: record.hash });
      return true;
    },
    async markReplaced(keyId, change) {
      const record = byId.get(keyId);
      if (record === undefined) return false;
      record.replacedBy = change.replacedBy;
      record.expiresAt = change.expiresAt;
      listeners.emit({ kind: 'key', keyId, hash: record.hash });
      return true;
    },
    async updateOperations(keyId, change) {
      const record = byId.get(keyId);
      if (record === undefined) return undefined;
      const updated = structuredClone(record);
      setOperations(updated, change(structuredClone({ operations: record.operations, documents: record.documents })));
      // validated like the other stores do before writing: a bad change fails and leaves the key as it was
      byId.set(keyId, apiKeyRecordSchema.parse(updated));
      listeners.emit({ kind: 'key', keyId, hash: record.hash });
      return structuredClone({ operations: updated.operations, documents: updated.documents });
    },
    async touch(keyId, at) {
      const record = byId.get(keyId);
      if (record === undefined || !touchDue(keyId, at)) return;
      record.lastUsedAt = at.toISOString();
    },
    async delete(keyId) {
      const record = byId.get(keyId);
      if (record === undefined) return false;
      byId.delete(keyId);
      idByHash.delete(record.hash);
      listeners.emit({ kind: 'key', keyId, hash: record.hash });
      return true;
    },
    async addUsage(increments) {
      const oldest = retentionStart(new Date());
      for (const { keyId, day, ...counts } of increments) {
        if (day < oldest) continue;
        let days = usage.get(keyId);
        if (days === undefined) usage.set(keyId, (days = new Map()));
        addCounts(days.get(day) ?? days.set(day, zeroUsage()).get(day)!, counts);
      }
    },
    async usage(keyId, from, to) {
      const days = usage.get(keyId);
      if (days === undefined) return [];
      return daysBetween(from, to).flatMap((day) => {
        const counts = days.get(day);
        return counts === undefined ? [] : [{ day, ...counts }];
      });
    },
    async pruneUsage(before) {
      let dropped = 0;
      for (const [keyId, days] of usage) {
        for (const day of days.keys()) if (day < before && days.delete(day)) dropped++;
        if (days.size === 0) usage.delete(keyId);
      }
      return dropped;
    },
    onRevoked: listeners.add,
    async close() {
      listeners.clear();
    },
  };
}
