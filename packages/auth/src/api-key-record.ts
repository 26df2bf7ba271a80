import { z } from 'zod';

const isoDate = z.iso.datetime({ offset: true });

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
   * Safelist: when set, the key may run only these registered operations (names from `schema/operations/`), sent
   * either as their text or by `extensions.persistedQuery.sha256Hash`.
   */
  operations: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/))
    .min(1)
    .optional(),
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
 * change what the store (or its cache) holds. Every field is a primitive but the two lists, so this is what
 * structuredClone would give, at a small fraction of its cost (the cached store hands one out per request).
 */
export function copyApiKeyRecord(record: ApiKeyRecord): ApiKeyRecord {
  return {
    ...record,
    scopes: [...record.scopes],
    ...(record.operations === undefined ? {} : { operations: [...record.operations] }),
  };
}
