import { createHash } from 'node:crypto';
import type { WriteRecord } from '@omnigraph/shared/writes';

/**
 * The tag the steps of one write put on what they write (WooCommerce meta, Odoo `origin`, HubSpot property…).
 * Not the client's key itself: keys are chosen per caller, so two callers may well pick the same one, and a key may be
 * used again once its record has expired; a step that looked up the client's key would then find (and answer) a
 * document of another caller or of an older write. The record's scope, key and creation time name exactly one write,
 * stay the same across every retry and recovery run of it, and say nothing about the caller (hashed).
 */
export function stepKey(record: Pick<WriteRecord, 'scope' | 'idempotencyKey' | 'createdAt'>): string {
  return `og1-${createHash('sha256').update(`${record.scope}\n${record.idempotencyKey}\n${record.createdAt}`).digest('base64url').slice(0, 32)}`;
}
