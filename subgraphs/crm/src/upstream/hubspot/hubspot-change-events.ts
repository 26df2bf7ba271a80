import { uniqueIds, type ChangeEvent } from '@omnigraph/shared/freshness';

/**
 * HubSpot changes (webhook v3 events and webhooks-journal events) as ChangeEvents. Only contacts (object type 0-1)
 * are cached by the CRM subgraph; other objects are ignored. Merges and GDPR deletions are the changes that must
 * drop links and cached personal data, so they get kinds of their own.
 */

export const CONTACT_OBJECT_TYPE_ID = '0-1';

/** One event of a webhook POST (a JSON array of these), as HubSpot sends it (upstream-apis.md A.3.5). */
export interface HubSpotWebhookEvent {
  subscriptionType?: string;
  objectTypeId?: string;
  objectId?: number | string;
  occurredAt?: number;
  primaryObjectId?: number | string;
  mergedObjectIds?: Array<number | string>;
}

/** One event of a journal file: `action` + `subscriptionType` of the journal's subscription API. */
export interface HubSpotJournalEvent {
  subscriptionType?: string;
  action?: string;
  objectTypeId?: string;
  objectId?: number | string;
  occurredAt?: string | number;
  primaryObjectId?: number | string;
  mergedObjectIds?: Array<number | string>;
}

type Verb = 'changed' | 'deleted' | 'gdpr-deleted' | 'merged' | null;

function iso(at: string | number | undefined, fallback: Date): string {
  if (at === undefined) return fallback.toISOString();
  const d = new Date(typeof at === 'number' ? at : /^\d+$/.test(at) ? Number(at) : at);
  return Number.isNaN(d.getTime()) ? fallback.toISOString() : d.toISOString();
}

function toEvent(
  verb: Verb,
  e: { objectId?: number | string; primaryObjectId?: number | string; mergedObjectIds?: Array<number | string> },
  at: string,
  cause: string,
): ChangeEvent | null {
  const id = e.objectId === undefined ? undefined : String(e.objectId);
  switch (verb) {
    case 'changed':
      return id ? { system: 'hubspot', kind: 'contact', ids: [id], at, cause } : null;
    case 'deleted':
    case 'gdpr-deleted':
      return id ? { system: 'hubspot', kind: 'contact-deleted', ids: [id], at, cause, ...(verb === 'gdpr-deleted' ? { gdpr: true } : {}) } : null;
    case 'merged': {
      const surviving = String(e.primaryObjectId ?? e.objectId ?? '');
      const mergedIds = uniqueIds(e.mergedObjectIds ?? []).filter((m) => m !== surviving);
      if (surviving === '') return null;
      return { system: 'hubspot', kind: 'contact-merged', ids: [surviving, ...mergedIds], at, cause, merge: { survivingId: surviving, mergedIds } };
    }
    default:
      return null;
  }
}

/** `contact.propertyChange` … or the generic `object.*` with objectTypeId 0-1. */
export function mapHubSpotWebhookEvent(e: HubSpotWebhookEvent, receivedAt: Date): ChangeEvent | null {
  const type = e.subscriptionType ?? '';
  const [object, what] = type.split('.', 2);
  if (object !== 'contact' && !(object === 'object' && e.objectTypeId === CONTACT_OBJECT_TYPE_ID)) return null;
  const verb: Verb =
    what === 'deletion'
      ? 'deleted'
      : what === 'privacyDeletion'
        ? 'gdpr-deleted'
        : what === 'merge'
          ? 'merged'
          : what === 'creation' || what === 'propertyChange' || what === 'restore' || what === 'associationChange'
            ? 'changed'
            : null;
  return toEvent(verb, e, iso(e.occurredAt, receivedAt), `hubspot:webhook:${type}`);
}

export function mapHubSpotJournalEvent(e: HubSpotJournalEvent, receivedAt: Date): ChangeEvent | null {
  const action = (e.action ?? '').toUpperCase();
  const gdpr = action === 'GDPR_DELETE' || e.subscriptionType === 'GDPR_PRIVACY_DELETION';
  if (!gdpr && String(e.objectTypeId ?? '') !== CONTACT_OBJECT_TYPE_ID) return null;
  const verb: Verb = gdpr
    ? 'gdpr-deleted'
    : action === 'DELETE'
      ? 'deleted'
      : action === 'MERGE'
        ? 'merged'
        : action === 'CREATE' || action === 'UPDATE' || action === 'RESTORE' || action.startsWith('ASSOCIATION_')
          ? 'changed'
          : null;
  return toEvent(verb, e, iso(e.occurredAt, receivedAt), `hubspot:journal:${gdpr ? 'GDPR_DELETE' : action}`);
}

/**
 * Many events of one delivery or journal entry → fewer ChangeEvents: plain changes and deletions are joined per kind
 * (one invalidation pass each), merges and GDPR deletions stay one event each.
 */
export function coalesceContactEvents(events: Array<ChangeEvent | null>): ChangeEvent[] {
  const out: ChangeEvent[] = [];
  const joined = new Map<string, ChangeEvent>();
  for (const e of events) {
    if (!e) continue;
    if (e.kind === 'contact-merged' || e.gdpr) {
      out.push(e);
      continue;
    }
    // One pass per kind: a creation arrives with a propertyChange per property set, all for the same contact.
    const key = e.kind;
    const existing = joined.get(key);
    if (existing) {
      existing.ids = uniqueIds([...existing.ids, ...e.ids]);
      if (e.at > existing.at) existing.at = e.at;
    } else {
      const copy = { ...e, ids: [...e.ids] };
      joined.set(key, copy);
      out.push(copy);
    }
  }
  return out;
}
