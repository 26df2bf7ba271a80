import type { ApiKeyRecord, PersistedDocumentRecord } from './api-key-record.ts';
import type { UsageDay, UsageIncrement } from './usage.ts';

/**
 * A change that can end or shorten a key's life. Caches must drop the key on it. `all` means "changes may have been
 * missed" (e.g. the Redis subscriber reconnected), so a cache must drop everything.
 */
export type KeyInvalidation = { kind: 'key'; keyId: string; hash: string } | { kind: 'all' };
export type KeyInvalidationListener = (event: KeyInvalidation) => void;

/** A key's run-time operations (ADR 0019): its safelist of built-in names and its registered documents. */
export interface KeyOperations {
  operations?: string[] | undefined;
  documents?: PersistedDocumentRecord[] | undefined;
}

export interface KeyStore {
  /** Stores a new record. Rejects with KeyConflictError when its keyId or hash is taken. */
  create(record: ApiKeyRecord): Promise<void>;
  getByHash(hash: string): Promise<ApiKeyRecord | undefined>;
  getById(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** All records, or one owner's; sorted by createdAt. */
  list(ownerId?: string): Promise<ApiKeyRecord[]>;
  /** Sets revokedAt (the first revocation wins) and notifies every listener, on every replica. False if unknown. */
  revoke(keyId: string, at: Date): Promise<boolean>;
  /**
   * Marks a key as replaced by a rotation and sets its (shortened) expiry. Notifies listeners like `revoke`, because
   * a cached copy with the old expiry would otherwise outlive the overlap. False if unknown.
   */
  markReplaced(keyId: string, change: { replacedBy: string; expiresAt: string }): Promise<boolean>;
  /**
   * Replaces a key's operations with what `change` makes of the current ones, atomically (two operators registering
   * at once both land), and notifies listeners like `revoke`, so every replica's cache drops the key and the next
   * request runs with the new safelist. `change` may run more than once (Redis retries on a concurrent write).
   * Returns the new operations, or undefined if the key is unknown.
   */
  updateOperations(keyId: string, change: (current: KeyOperations) => KeyOperations): Promise<KeyOperations | undefined>;
  /**
   * Records last use. Throttled per key (one write per `touchIntervalMs`), because a write per request would turn
   * every authenticated read into a storage write.
   */
  touch(keyId: string, at: Date): Promise<void>;
  /**
   * Deletes a key's record for good (`keys purge`: expired and revoked keys) and tells listeners like `revoke`. Its
   * usage stays until retention ends, so a purged key can still be billed. False if unknown.
   */
  delete(keyId: string): Promise<boolean>;
  /**
   * Adds each increment to its key's UTC day; increments, never overwrites, so every replica's flushes add up. Kept
   * for USAGE_RETENTION_DAYS. Called by the usage meter in batches, off the request path.
   */
  addUsage(increments: readonly UsageIncrement[]): Promise<void>;
  /** One key's usage per UTC day from `from` to `to` (both `YYYY-MM-DD`, included), days without usage left out. */
  usage(keyId: string, from: string, to: string): Promise<UsageDay[]>;
  /** Drops usage of days before `before` (`YYYY-MM-DD`); returns how many key-days went. Redis expires them itself. */
  pruneUsage(before: string): Promise<number>;
  /** Called on every revoke/markReplaced, including those made by other processes where the store can tell. */
  onRevoked(listener: KeyInvalidationListener): () => void;
  close(): Promise<void>;
}

export class KeyConflictError extends Error {
  readonly keyId: string;

  constructor(keyId: string) {
    super(`An API key with id ${keyId} (or the same hash) already exists`);
    this.keyId = keyId;
    this.name = 'KeyConflictError';
  }
}

export const DEFAULT_TOUCH_INTERVAL_MS = 60_000;

/** Per-process throttle for `touch`: answers whether this keyId's last-used time is due for a write. */
export function createTouchThrottle(intervalMs: number = DEFAULT_TOUCH_INTERVAL_MS) {
  const lastWritten = new Map<string, number>();
  return (keyId: string, at: Date): boolean => {
    const previous = lastWritten.get(keyId);
    const t = at.getTime();
    if (previous !== undefined && t - previous < intervalMs) return false;
    // Bounded: a process serving many keys must not grow this map for ever.
    if (lastWritten.size >= 100_000) lastWritten.clear();
    lastWritten.set(keyId, t);
    return true;
  };
}

/** A tiny listener registry shared by the store implementations. */
export function createListenerSet() {
  const listeners = new Set<KeyInvalidationListener>();
  return {
    add(listener: KeyInvalidationListener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(event: KeyInvalidation) {
      for (const listener of listeners) {
        // One throwing listener must not stop the others from dropping a revoked key.
        try {
          listener(event);
        } catch {
          /* listeners report their own failures */
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}

export function sortByCreatedAt(records: ApiKeyRecord[]): ApiKeyRecord[] {
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.keyId.localeCompare(b.keyId));
}

/** Sets (or, when undefined, removes) a record's operations and documents in place. */
export function setOperations(record: ApiKeyRecord, next: KeyOperations): void {
  if (next.operations === undefined) delete record.operations;
  else record.operations = [...next.operations];
  if (next.documents === undefined || next.documents.length === 0) delete record.documents;
  else record.documents = next.documents.map((d) => ({ ...d }));
}
