import { randomUUID } from 'node:crypto';
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { apiKeyRecordSchema, type ApiKeyRecord } from './api-key-record.ts';
import type { KeyStore } from './key-store.ts';
import { addCounts, daysBetween, retentionStart, usageCountsSchema, zeroUsage } from './usage.ts';
import { KeyConflictError, createListenerSet, createTouchThrottle, setOperations, sortByCreatedAt, type KeyOperations } from './key-store.ts';

/** `usage`: keyId → UTC day → counts; optional, so key files written before metering existed still read. */
const fileSchema = z.object({
  version: z.literal(1),
  keys: z.array(apiKeyRecordSchema),
  usage: z.record(z.string(), z.record(z.string(), usageCountsSchema)).optional(),
});
type KeyFile = z.infer<typeof fileSchema>;

export interface FileKeyStoreOptions {
  touchIntervalMs?: number;
  /** How long to wait for another process's lock before failing. @default 5_000 */
  lockTimeoutMs?: number;
  /**
   * Watch the file once someone listens for invalidations (a gateway's key cache does, the CLI does not), so a key
   * changed by another process (the keys CLI revoking a key or registering operations) reaches this one at once
   * rather than when its cache entry expires. @default true
   */
  watch?: boolean;
}

const STALE_LOCK_MS = 30_000;

/**
 * One JSON file for single-node setups without Redis. Every call checks the file, and a listener for invalidations
 * starts a watch on it, so a CLI revocation or operations change reaches a running gateway's key cache at once. Writes go to a temp file that is then
 * renamed over the original, so a crash mid-write never leaves a truncated key file. Read-modify-write cycles hold a
 * lock file, because a gateway's `touch` racing a CLI `revoke` would otherwise write the un-revoked record back.
 */
export function createFileKeyStore(path: string, options: FileKeyStoreOptions = {}): KeyStore {
  const listeners = createListenerSet();
  const touchDue = createTouchThrottle(options.touchIntervalMs);
  const lockPath = `${path}.lock`;
  const lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
  // In-process queue: the lock file excludes other processes, this keeps our own calls from contending for it.
  let queue: Promise<unknown> = Promise.resolve();

  let parsed: { version: string; data: KeyFile } | undefined;

  /**
   * The file as it is now, read-only. Synchronous on purpose: a key lookup is a stat of a local file, plus a read when
   * it changed (the usage meter rewrites it every second), and the parse was already synchronous. Read asynchronously,
   * the lookup needed several event-loop turns (open, stat, read, close), and on a saturated gateway those came later
   * than the cached store's lookup timeout, which then served keys stale as if the store were down. Keyed by inode
   * (a write is a rename), size and times, so a change by the CLI or another process is seen at the next call.
   */
  function current(): KeyFile {
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined) return { version: 1, keys: [] };
    const version = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    if (parsed?.version !== version) parsed = { version, data: fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) };
    return parsed.data;
  }

  /** A copy to change and save. */
  async function load(): Promise<KeyFile> {
    return structuredClone(current());
  }

  async function save(data: KeyFile): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    // 0600: the file holds hashes and partner metadata; other local users have no business reading it.
    await writeFile(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, path);
  }

  async function acquireLock(): Promise<void> {
    const deadline = Date.now() + lockTimeoutMs;
    await mkdir(dirname(path), { recursive: true });
    for (;;) {
      try {
        const handle = await open(lockPath, 'wx');
        await handle.close();
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        // A process killed while holding the lock must not block every later run for ever.
        const age = await stat(lockPath).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        if (age > STALE_LOCK_MS) await rm(lockPath, { force: true });
        else if (Date.now() > deadline) throw new Error(`Timed out waiting for the key file lock ${lockPath}`, { cause: error });
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
  }

  function serialized<R>(run: () => Promise<R>): Promise<R> {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  }

  function mutate<R>(change: (data: KeyFile) => { result: R; dirty: boolean }): Promise<R> {
    return serialized(async () => {
      await acquireLock();
      try {
        const data = await load();
        const { result, dirty } = change(data);
        if (dirty) await save(data);
        return result;
      } finally {
        await rm(lockPath, { force: true });
      }
    });
  }

  const find = (data: KeyFile, keyId: string) => data.keys.find((r) => r.keyId === keyId);

  // What each key looked like at the last look, without its last-used time: the usage meter and `touch` rewrite the
  // file every second or so, and only a change to what a key may do is worth dropping cached copies for.
  const fingerprint = (record: ApiKeyRecord) => JSON.stringify({ ...record, lastUsedAt: undefined });
  let watcher: FSWatcher | undefined;
  let seen = new Map<string, { hash: string; fingerprint: string }>();
  const snapshot = () => new Map(current().keys.map((r) => [r.keyId, { hash: r.hash, fingerprint: fingerprint(r) }]));
  function announceChanges() {
    let now: Map<string, { hash: string; fingerprint: string }>;
    try {
      now = snapshot();
    } catch {
      // unreadable for a moment (a hand edit in progress): whatever changed, caches must ask again
      listeners.emit({ kind: 'all' });
      return;
    }
    for (const [keyId, before] of seen) {
      if (now.get(keyId)?.fingerprint !== before.fingerprint) listeners.emit({ kind: 'key', keyId, hash: before.hash });
    }
    seen = now;
  }
  function startWatching() {
    if (watcher !== undefined || options.watch === false) return;
    try {
      seen = snapshot();
      // the directory, not the file: every write replaces the file (rename), which would end a watch on it
      watcher = watch(dirname(path), { persistent: false }, (_event, name) => {
        if (name === null || name === basename(path)) announceChanges();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      // no watch (the directory does not exist yet, or the platform cannot): the cache's TTL still bounds staleness
      watcher = undefined;
    }
  }

  return {
    create(record) {
      const valid = apiKeyRecordSchema.parse(record);
      return mutate((data) => {
        if (data.keys.some((r) => r.keyId === valid.keyId || r.hash === valid.hash)) {
          throw new KeyConflictError(valid.keyId);
        }
        data.keys.push(valid);
        return { result: undefined, dirty: true };
      });
    },
    async getByHash(hash) {
      return structuredClone(current().keys.find((r) => r.hash === hash));
    },
    async getById(keyId) {
      return structuredClone(find(current(), keyId));
    },
    async list(ownerId) {
      return sortByCreatedAt(structuredClone(current().keys.filter((r) => ownerId === undefined || r.ownerId === ownerId)));
    },
    async revoke(keyId, at) {
      const hash = await mutate((data) => {
        const record = find(data, keyId);
        if (record === undefined) return { result: undefined, dirty: false };
        record.revokedAt ??= at.toISOString();
        return { result: record.hash, dirty: true };
      });
      if (hash === undefined) return false;
      listeners.emit({ kind: 'key', keyId, hash });
      return true;
    },
    async markReplaced(keyId, change) {
      const hash = await mutate((data) => {
        const record = find(data, keyId);
        if (record === undefined) return { result: undefined, dirty: false };
        record.replacedBy = change.replacedBy;
        record.expiresAt = change.expiresAt;
        return { result: record.hash, dirty: true };
      });
      if (hash === undefined) return false;
      listeners.emit({ kind: 'key', keyId, hash });
      return true;
    },
    async updateOperations(keyId, change) {
      const updated = await mutate<{ hash: string; next: KeyOperations } | undefined>((data) => {
        const record = find(data, keyId);
        if (record === undefined) return { result: undefined, dirty: false };
        const next = change(structuredClone({ operations: record.operations, documents: record.documents }));
        setOperations(record, next);
        // validated before it is written: a bad change must fail here, not make the whole key file unreadable
        apiKeyRecordSchema.parse(record);
        return { result: { hash: record.hash, next: structuredClone({ operations: record.operations, documents: record.documents }) }, dirty: true };
      });
      if (updated === undefined) return undefined;
      listeners.emit({ kind: 'key', keyId, hash: updated.hash });
      return updated.next;
    },
    async touch(keyId, at) {
      if (!touchDue(keyId, at)) return;
      await mutate((data) => {
        const record = find(data, keyId);
        if (record === undefined) return { result: undefined, dirty: false };
        record.lastUsedAt = at.toISOString();
        return { result: undefined, dirty: true };
      });
    },
    async delete(keyId) {
      const hash = await mutate((data) => {
        const record = find(data, keyId);
        if (record === undefined) return { result: undefined, dirty: false };
        data.keys = data.keys.filter((r) => r.keyId !== keyId);
        return { result: record.hash, dirty: true };
      });
      if (hash === undefined) return false;
      listeners.emit({ kind: 'key', keyId, hash });
      return true;
    },
    async addUsage(increments) {
      if (increments.length === 0) return;
      const oldest = retentionStart(new Date());
      await mutate((data) => {
        const usage = (data.usage ??= {});
        for (const { keyId, day, ...counts } of increments) {
          if (day < oldest) continue;
          const days = (usage[keyId] ??= {});
          days[day] = addCounts(days[day] ?? zeroUsage(), counts);
        }
        return { result: undefined, dirty: true };
      });
    },
    async usage(keyId, from, to) {
      const days = current().usage?.[keyId];
      if (days === undefined) return [];
      return daysBetween(from, to).flatMap((day) => {
        const counts = days[day];
        return counts === undefined ? [] : [{ day, ...counts }];
      });
    },
    async pruneUsage(before) {
      return mutate((data) => {
        let dropped = 0;
        for (const [keyId, days] of Object.entries(data.usage ?? {})) {
          for (const day of Object.keys(days)) {
            if (day < before) {
              delete days[day];
              dropped++;
            }
          }
          if (Object.keys(days).length === 0) delete data.usage![keyId];
        }
        return { result: dropped, dirty: dropped > 0 };
      });
    },
    onRevoked(listener) {
      startWatching();
      return listeners.add(listener);
    },
    async close() {
      await queue;
      watcher?.close();
      watcher = undefined;
      listeners.clear();
    },
  };
}
