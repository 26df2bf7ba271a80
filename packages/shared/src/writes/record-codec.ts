import { sha256 } from './fingerprint.ts';
import type { WriteRecord, WriteState } from './write-types.ts';

/**
 * What both stores keep per record: the record's JSON without its lease, and the lease beside it, so taking a record
 * over (or fencing a save) compares and changes two small fields instead of rewriting the record.
 */
export interface StoredLease {
  /** '' when nobody holds it */
  owner: string;
  /** epoch ms; 0 when nobody holds it */
  leaseUntil: number;
}

/** The record's id in a store: sha-256 of (scope, key), so neither a subject nor a client's key shows in key names. */
export function recordId(scope: string, idempotencyKey: string): string {
  return sha256(JSON.stringify([scope, idempotencyKey]));
}

export function encodeRecord(record: WriteRecord): string {
  const { owner: _owner, leaseUntil: _leaseUntil, ...rest } = record;
  return JSON.stringify(rest);
}

export function decodeRecord(data: string, lease: StoredLease): WriteRecord {
  const record = JSON.parse(data) as WriteRecord;
  if (lease.owner !== '') {
    record.owner = lease.owner;
    record.leaseUntil = lease.leaseUntil;
  }
  return record;
}

export function isFinal(state: WriteState): boolean {
  return state !== 'PENDING';
}

/**
 * When the recovery path should look at a record: a held one when its lease lapses (its owner may die), a released
 * PENDING one at `nextAttemptAt`; undefined for a final one (never due).
 */
export function dueAt(state: WriteState, leaseUntil: number, record: WriteRecord, now: number): number | undefined {
  if (isFinal(state)) return undefined;
  if (leaseUntil > 0) return leaseUntil;
  return record.nextAttemptAt ?? now;
}

export function assertOwner(owner: string): void {
  if (owner.length === 0) throw new TypeError('IdempotencyStore: owner must not be empty');
}
