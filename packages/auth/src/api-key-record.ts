import { z } from 'zod';

const isoDate = z.iso.datetime({ offset: true });

const operationNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

/** The longest document text a key may register: far above any real operation, far below a store record's limits. */
export const MAX_PERSISTED_DOCUMENT_CHARS = 100_000;

/** One operation registered for a key at run time: the client preset's id (sha256 or sha1 hex) and text. */
export const persistedDocumentRecordSchema = z.object({
  id: z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/),
  name: operationNameSchema,
  text: z.string().min(1).max(MAX_PERSISTED_DOCUMENT_CHARS),
  registeredAt: isoDate,
});

export type PersistedDocumentRecord = z.output<typeof persistedDocumentRecordSchema>;

/** `area:action`, e.g. `catalog:read`, `customers:pii`: the names the schema's scope directive will use. */
export const scopeSchema = z.string().regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, 'must look like area:action');

/**
 * What is stored per key. Deliberately no field for the raw key: it is shown once at creation and exists afterwards
 * only as `hash`, so a leaked store cannot be replayed against the gateway.
 */
export const apiKeyRecordSchema = z.object({
  keyId: z.string().regex(/^[0-9A-Za-z]{8}$/),
  /** HMAC-SHA256(pepper, key), hex. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(200),
  /** The partner (or internal team) the key belongs to. */
  ownerId: z.string().min(1).max(200),
  scopes: z.array(scopeSchema).min(1),
  /**
   * Which edge limits apply: `partner` (introspection off, safe operation limits) or `internal` (own teams, e.g. the
   * call-center UI: introspection on, larger limits). Records written before profiles existed read as `partner`.
   */
  profile: z.enum(['partner', 'internal']).default('partner'),
  rateLimitPerMinute: z.number().int().positive(),
  /** Estimated query cost per minute (see gateway/src/limits); unset = the gateway's default for the profile. */
  costPerMinute: z.number().int().positive().optional(),
  quotaPerDay: z.number().int().positive().optional(),
  /**
   * Safelist: when set, the key may run only these registered operations (names from `schema/operations/`) and its
   * own `documents`, sent as their text or by id. Empty (every built-in retired) still restricts the key: to its
   * documents, or to nothing. Unset: any operation its scopes allow.
   */
  operations: z.array(operationNameSchema).optional(),
  /**
   * Operations registered for this key at run time (`npm run keys -- operations add`, ADR 0019): persisted documents
   * of graphql-codegen's client preset, each under its id. On a safelisted key they join the safelist; on any key a
   * client may send their id instead of the text. Several ids may share a name (two versions of a frontend's
   * operation during a rollout).
   */
  documents: z.array(persistedDocumentRecordSchema).optional(),
  expiresAt: isoDate.optional(),
  createdAt: isoDate,
  lastUsedAt: isoDate.optional(),
  revokedAt: isoDate.optional(),
  /** keyId of the key that replaced this one in a rotation. */
  replacedBy: z.string().optional(),
});

export type ApiKeyRecord = z.output<typeof apiKeyRecordSchema>;
export type ApiKeyProfile = ApiKeyRecord['profile'];

/**
 * A copy of a record that shares nothing mutable with it: a store hands out copies, so a caller changing one cannot
 * change what the store (or its cache) holds. Every field is a primitive but the three lists (documents: of flat objects), so this is what
 * structuredClone would give, at a small fraction of its cost (the cached store hands one out per request).
 */
export function copyApiKeyRecord(record: ApiKeyRecord): ApiKeyRecord {
  return {
    ...record,
    scopes: [...record.scopes],
    ...(record.operations === undefined ? {} : { operations: [...record.operations] }),
    ...(record.documents === undefined ? {} : { documents: record.documents.map((d) => ({ ...d })) }),
  };
}
