import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What the marketplace subgraph keeps about its Allegro seller grant, shared by every replica (Redis) or every run of
 * one process (file): Allegro retires a refresh token the moment it answers a refresh with a new one, so the newest
 * refresh token must outlive the process that received it. The access token is shared too, so N replicas make one
 * token call per 12 h, not N.
 */
export const AllegroTokenRecordSchema = z.object({
  /** the only refresh token Allegro still accepts (as far as we know) */
  refreshToken: z.string().min(1),
  /** absent right after seeding (no access token yet) */
  accessToken: z.string().min(1).optional(),
  /** epoch ms `accessToken` was issued; with `expiresAt` it gives the lifetime the refresh margin is taken from */
  issuedAt: z.number().int().nonnegative().optional(),
  /** epoch ms when `accessToken` expires (issue time + `expires_in`); 0 without one */
  expiresAt: z.number().int().nonnegative(),
  /**
   * Fingerprints of the ALLEGRO_REFRESH_TOKEN values already applied, newest last: a configured token seeds the store
   * once; a value not seen before (the operator set a new one) replaces the stored grant.
   */
  seeds: z.array(z.string()).max(32),
  /**
   * Allegro refused `refreshToken` (invalid_grant: retired, expired or revoked). Every replica then fails fast without
   * asking Allegro again until an operator provides a new ALLEGRO_REFRESH_TOKEN.
   */
  rejected: z.boolean().optional(),
  /** epoch ms of the last write, for operators */
  updatedAt: z.number().int().nonnegative(),
});
export type AllegroTokenRecord = z.infer<typeof AllegroTokenRecordSchema>;

/** The record's persistence plus the lock that lets one refresher (of all processes sharing it) run at a time. */
export interface AllegroTokenStore {
  readonly kind: 'redis' | 'file' | 'memory';
  /** null when nothing was ever stored. Throws {@link TokenStoreUnavailableError} when the store cannot be read. */
  read(): Promise<AllegroTokenRecord | null>;
  write(record: AllegroTokenRecord): Promise<void>;
  /**
   * Runs `critical` as the only refresher among the processes sharing this store; callers re-read the record inside,
   * because the previous holder has usually refreshed already. Throws {@link TokenStoreUnavailableError} when the lock
   * cannot be had (store down, or held past the wait limit).
   */
  withRefreshLock<T>(critical: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The store could not be read, written or locked: no refresh may run, since its result could not be kept. */
export class TokenStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenStoreUnavailableError';
  }
}

/** How many applied seeds a record remembers: enough for every token an operator plausibly rolls back over. */
export const MAX_REMEMBERED_SEEDS = 16;

/**
 * A short one-way fingerprint of a configured refresh token: the record remembers which seeds it applied without
 * keeping a second copy of a secret (the current refresh token is stored anyway, that one cannot be avoided).
 */
export function fingerprintOfSeed(refreshToken: string): string {
  return createHash('sha256').update(refreshToken).digest('base64url').slice(0, 22);
}

/** An in-process store: unit tests, and the bundled simulator (which forgets its grants on restart anyway). */
export function createMemoryAllegroTokenStore(): AllegroTokenStore {
  let record: AllegroTokenRecord | null = null;
  const lock = createInProcessLock();
  return {
    kind: 'memory',
    read: async () => (record === null ? null : { ...record, seeds: [...record.seeds] }),
    write: async (next) => {
      record = AllegroTokenRecordSchema.parse(next);
    },
    withRefreshLock: lock,
    close: async () => {},
  };
}

/** Serializes critical sections of one process (a promise chain); the file and memory stores' lock. */
export function createInProcessLock(): <T>(critical: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(critical: () => Promise<T>): Promise<T> => {
    const next = queue.then(critical, critical);
    queue = next.catch(() => undefined);
    return next;
  };
}
