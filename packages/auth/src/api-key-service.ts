import type { Logger } from '@omnigraph/shared/logging';
import { generateApiKey, parseApiKey } from './api-key-format.ts';
import type { ApiKeyEnv, ApiKeyFormatOptions } from './api-key-format.ts';
import { apiKeyRecordSchema } from './api-key-record.ts';
import type { ApiKeyProfile, ApiKeyRecord } from './api-key-record.ts';
import { hashApiKey, hashesEqual } from './hash-api-key.ts';
import type { KeyStore } from './key-store.ts';
import { KeyConflictError } from './key-store.ts';
import { retentionStart, type UsageDay } from './usage.ts';

export type AuthFailureReason = 'MALFORMED' | 'UNKNOWN' | 'REVOKED' | 'EXPIRED';
export type AuthResult = { ok: true; record: ApiKeyRecord } | { ok: false; reason: AuthFailureReason };

export interface CreateKeyInput {
  name: string;
  ownerId: string;
  scopes: string[];
  /** @default 'partner' */
  profile?: ApiKeyProfile | undefined;
  rateLimitPerMinute: number;
  costPerMinute?: number | undefined;
  quotaPerDay?: number | undefined;
  operations?: string[] | undefined;
  expiresAt?: Date | undefined;
}

export interface ApiKeyServiceOptions {
  store: KeyStore;
  pepper: string;
  /** Environment of keys this service creates. @default 'live' */
  env?: ApiKeyEnv;
  format?: ApiKeyFormatOptions;
  /** Injectable clock: rotation overlaps and expiry are tested without waiting. @default () => new Date() */
  clock?: () => Date;
  /** Receives keyIds and reasons only, never keys. */
  logger?: Pick<Logger, 'info' | 'warn' | 'debug'>;
}

export interface ApiKeyService {
  /** The returned `key` is the only copy there will ever be: show it once, then drop it. */
  createKey(input: CreateKeyInput): Promise<{ key: string; record: ApiKeyRecord }>;
  authenticate(rawKey: unknown, now?: Date): Promise<AuthResult>;
  /** Issues a successor with the same grants; the old key keeps working for `overlapSeconds`, then expires. */
  rotate(keyId: string, options: { overlapSeconds: number }): Promise<{ key: string; record: ApiKeyRecord; previous: ApiKeyRecord }>;
  revoke(keyId: string): Promise<boolean>;
  list(ownerId?: string): Promise<ApiKeyRecord[]>;
  get(keyId: string): Promise<ApiKeyRecord | undefined>;
  /** Deletes a key for good (its usage stays until retention ends); false if unknown. */
  delete(keyId: string): Promise<boolean>;
  /** One key's usage per UTC day from `from` to `to` (`YYYY-MM-DD`, included). */
  usage(keyId: string, range: { from: string; to: string }): Promise<UsageDay[]>;
  /**
   * Deletes every revoked key and every key expired by now (a rotated key still in its overlap is kept), and the
   * usage of days past retention. Returns the deleted keyIds and how many key-days of usage went.
   */
  purge(): Promise<{ deleted: string[]; usageDaysDropped: number }>;
}

/** Whether a key can no longer authenticate at `now`: revoked, or past its expiry. */
export function isDeadKey(record: ApiKeyRecord, now: Date): boolean {
  return record.revokedAt !== undefined || (record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime());
}

export class ApiKeyNotFoundError extends Error {
  readonly keyId: string;

  constructor(keyId: string) {
    super(`No API key with id ${keyId}`);
    this.keyId = keyId;
    this.name = 'ApiKeyNotFoundError';
  }
}

export class ApiKeyStateError extends Error {
  readonly keyId: string;

  constructor(keyId: string, reason: string) {
    super(`API key ${keyId} cannot be rotated: ${reason}`);
    this.keyId = keyId;
    this.name = 'ApiKeyStateError';
  }
}

export function createApiKeyService(options: ApiKeyServiceOptions): ApiKeyService {
  const { store, pepper, format } = options;
  const env = options.env ?? 'live';
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger;

  async function issue(fields: Omit<ApiKeyRecord, 'keyId' | 'hash' | 'createdAt'>): Promise<{ key: string; record: ApiKeyRecord }> {
    // keyIds are 8 random characters (≈ 47 bits); a collision is rare but must become a retry, not an overwrite.
    for (let attempt = 0; ; attempt++) {
      const key = generateApiKey(env, format);
      const parsed = parseApiKey(key, format);
      if (!parsed.ok) throw new Error('generateApiKey produced a key parseApiKey refuses');
      const record = apiKeyRecordSchema.parse({
        ...fields,
        keyId: parsed.keyId,
        hash: hashApiKey(pepper, key),
        createdAt: clock().toISOString(),
      });
      try {
        await store.create(record);
        return { key, record };
      } catch (error) {
        if (!(error instanceof KeyConflictError) || attempt >= 4) throw error;
      }
    }
  }

  return {
    async createKey(input) {
      const { key, record } = await issue({
        name: input.name,
        ownerId: input.ownerId,
        scopes: input.scopes,
        profile: input.profile ?? 'partner',
        rateLimitPerMinute: input.rateLimitPerMinute,
        ...(input.costPerMinute === undefined ? {} : { costPerMinute: input.costPerMinute }),
        ...(input.quotaPerDay === undefined ? {} : { quotaPerDay: input.quotaPerDay }),
        ...(input.operations === undefined ? {} : { operations: input.operations }),
        ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt.toISOString() }),
      });
      logger?.info({ keyId: record.keyId, ownerId: record.ownerId }, 'api key created');
      return { key, record };
    },

    async authenticate(rawKey, now = clock()) {
      const parsed = parseApiKey(rawKey, format);
      if (!parsed.ok) {
        // Never log the input: a malformed key is often a real key with a typo.
        logger?.debug({ reason: 'MALFORMED', detail: parsed.reason }, 'api key refused');
        return { ok: false, reason: 'MALFORMED' };
      }
      const hash = hashApiKey(pepper, parsed.key);
      const record = await store.getByHash(hash);
      const refuse = (reason: AuthFailureReason): AuthResult => {
        logger?.debug({ reason, keyId: parsed.keyId }, 'api key refused');
        return { ok: false, reason };
      };
      if (record === undefined || !hashesEqual(record.hash, hash)) return refuse('UNKNOWN');
      if (record.revokedAt !== undefined) return refuse('REVOKED');
      if (record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now.getTime()) return refuse('EXPIRED');
      // Last-used bookkeeping must never fail or slow an otherwise valid request.
      store.touch(record.keyId, now).catch((error: unknown) => {
        logger?.warn({ keyId: record.keyId, err: error }, 'api key last-used update failed');
      });
      return { ok: true, record };
    },

    async rotate(keyId, { overlapSeconds }) {
      if (!Number.isFinite(overlapSeconds) || overlapSeconds < 0) throw new RangeError('overlapSeconds must be ≥ 0');
      const previous = await store.getById(keyId);
      if (previous === undefined) throw new ApiKeyNotFoundError(keyId);
      if (previous.revokedAt !== undefined) throw new ApiKeyStateError(keyId, 'it is revoked');
      if (previous.replacedBy !== undefined) throw new ApiKeyStateError(keyId, `it was already replaced by ${previous.replacedBy}`);
      const now = clock();
      if (previous.expiresAt !== undefined && Date.parse(previous.expiresAt) <= now.getTime()) {
        throw new ApiKeyStateError(keyId, 'it has expired');
      }
      const { key, record } = await issue({
        name: previous.name,
        ownerId: previous.ownerId,
        scopes: previous.scopes,
        profile: previous.profile,
        rateLimitPerMinute: previous.rateLimitPerMinute,
        ...(previous.costPerMinute === undefined ? {} : { costPerMinute: previous.costPerMinute }),
        ...(previous.quotaPerDay === undefined ? {} : { quotaPerDay: previous.quotaPerDay }),
        ...(previous.operations === undefined ? {} : { operations: previous.operations }),
        ...(previous.expiresAt === undefined ? {} : { expiresAt: previous.expiresAt }),
      });
      // Never extend the old key: if it already expires before the overlap ends, keep that earlier date.
      const overlapEnd = now.getTime() + overlapSeconds * 1000;
      const oldExpiry = previous.expiresAt === undefined ? overlapEnd : Math.min(overlapEnd, Date.parse(previous.expiresAt));
      const expiresAt = new Date(oldExpiry).toISOString();
      await store.markReplaced(keyId, { replacedBy: record.keyId, expiresAt });
      logger?.info({ keyId: record.keyId, previousKeyId: keyId, previousExpiresAt: expiresAt }, 'api key rotated');
      return { key, record, previous: { ...previous, replacedBy: record.keyId, expiresAt } };
    },

    async revoke(keyId) {
      const revoked = await store.revoke(keyId, clock());
      logger?.info({ keyId, found: revoked }, 'api key revoked');
      return revoked;
    },

    list: (ownerId) => store.list(ownerId),
    get: (keyId) => store.getById(keyId),
    async delete(keyId) {
      const deleted = await store.delete(keyId);
      logger?.info({ keyId, found: deleted }, 'api key deleted');
      return deleted;
    },
    usage: (keyId, { from, to }) => store.usage(keyId, from, to),

    async purge() {
      const now = clock();
      const deleted: string[] = [];
      for (const record of await store.list()) {
        if (isDeadKey(record, now) && (await store.delete(record.keyId))) deleted.push(record.keyId);
      }
      const usageDaysDropped = await store.pruneUsage(retentionStart(now));
      logger?.info({ deleted, usageDaysDropped }, 'api keys purged');
      return { deleted, usageDaysDropped };
    },
  };
}
