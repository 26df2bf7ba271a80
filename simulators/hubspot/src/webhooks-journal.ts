import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { authed, type HubSpotContext } from './hubspot-context.ts';
import { OBJECT_TYPES } from './hubspot-properties.ts';
import { baseUrl } from './hubspot-wire.ts';
import type { StoreEvent } from './hubspot-store.ts';

/**
 * HubSpot's webhooks journal (2026-03): changes an app subscribed to, kept 3 days, polled instead of pushed, so no
 * public endpoint is needed. `GET …/earliest`, `…/latest` and `…/offset/{offset}/next` answer one entry
 * `{url, expiresAt, currentOffset}`; the entry's events are in a JSON file behind the pre-signed `url` (fetched
 * without the bearer token). `next` after the newest entry answers 204; an unknown or expired offset 404.
 * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide
 *
 * Simulator choices: every contact change is journaled (as if the app subscribed to contacts with CREATE, UPDATE,
 * DELETE, MERGE and GDPR_DELETE); one entry per changed record; the file is
 * `{offset, publishedAt, journalEvents:[…]}` with events `{subscriptionType, action, objectTypeId, objectId,
 * portalId, appId, occurredAt, propertyChanges?, primaryObjectId?, mergedObjectIds?}` [UNVERIFIED: HubSpot does not
 * publish the file's schema; field names follow its webhook payloads and subscription API].
 */

export const JOURNAL_PREFIXES = ['/webhooks-journal/journal-local/2026-03', '/webhooks-journal/journal/2026-03'] as const;
export const JOURNAL_FILE_PATH = '/__simulator/webhooks-journal/files';
/** pre-signed URLs of the real journal expire; the simulator states an hour */
const URL_TTL_MS = 60 * 60 * 1_000;

export interface JournalEvent {
  subscriptionType: 'OBJECT' | 'GDPR_PRIVACY_DELETION';
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'MERGE' | 'GDPR_DELETE';
  objectTypeId: string;
  objectId: number;
  portalId: number;
  appId: number;
  occurredAt: string;
  propertyChanges?: Record<string, string>;
  primaryObjectId?: number;
  mergedObjectIds?: number[];
}

interface Entry {
  offset: string;
  publishedAt: string;
  journalEvents: JournalEvent[];
}

export class WebhooksJournal {
  private entries: Entry[] = [];
  private byOffset = new Map<string, number>();
  private sequence = 0;

  private readonly ctx: () => { portalId: number; appId: number };

  constructor(ctx: () => { portalId: number; appId: number }) {
    this.ctx = ctx;
  }

  reset(): void {
    this.entries = [];
    this.byOffset.clear();
    this.sequence = 0;
  }

  record(event: StoreEvent): void {
    if (event.record.type !== 'contacts') return;
    const { portalId, appId } = this.ctx();
    const base = {
      objectTypeId: OBJECT_TYPES.contacts.objectTypeId,
      objectId: Number(event.record.id),
      portalId,
      appId,
      occurredAt: new Date(event.at).toISOString(),
    };
    let journalEvent: JournalEvent;
    switch (event.kind) {
      case 'creation':
      case 'propertyChange':
        journalEvent = {
          subscriptionType: 'OBJECT',
          action: event.kind === 'creation' ? 'CREATE' : 'UPDATE',
          ...base,
          propertyChanges: Object.fromEntries(event.changes),
        };
        break;
      case 'deletion':
        journalEvent = { subscriptionType: 'OBJECT', action: 'DELETE', ...base };
        break;
      case 'merge':
        journalEvent = {
          subscriptionType: 'OBJECT',
          action: 'MERGE',
          ...base,
          primaryObjectId: Number(event.record.id),
          mergedObjectIds: event.mergedIds.map(Number),
        };
        break;
      case 'gdprDeletion':
        journalEvent = { subscriptionType: 'GDPR_PRIVACY_DELETION', action: 'GDPR_DELETE', ...base };
        break;
    }
    this.sequence += 1;
    // UUID-shaped like the real offsets, deterministic so runs compare.
    const offset = `00000000-0000-4000-8000-${this.sequence.toString(16).padStart(12, '0')}`;
    this.byOffset.set(offset, this.entries.length);
    this.entries.push({ offset, publishedAt: new Date().toISOString(), journalEvents: [journalEvent] });
  }

  routes(hubspot: HubSpotContext): Route[] {
    const answer = (req: SimRequest, index: number): SimResponse => {
      const entry = this.entries[index];
      if (!entry) return { status: 204 };
      return {
        status: 200,
        body: {
          url: `${baseUrl(req)}${JOURNAL_FILE_PATH}/${entry.offset}.json?X-Amz-Expires=${URL_TTL_MS / 1_000}`,
          expiresAt: new Date(Date.now() + URL_TTL_MS).toISOString(),
          currentOffset: entry.offset,
        },
      };
    };
    return [
      ...JOURNAL_PREFIXES.flatMap((prefix): Route[] => [
        { method: 'GET', path: `${prefix}/earliest`, handler: authed(hubspot, (req) => answer(req, 0)) },
        { method: 'GET', path: `${prefix}/latest`, handler: authed(hubspot, (req) => answer(req, this.entries.length - 1)) },
        {
          method: 'GET',
          path: `${prefix}/offset/:offset/next`,
          handler: authed(hubspot, (req) => {
            const index = this.byOffset.get(req.params['offset'] ?? '');
            if (index === undefined) return hubspot.errors.error(404, `Offset ${req.params['offset']} not found or expired`, 'OBJECT_NOT_FOUND');
            return answer(req, index + 1);
          }),
        },
      ]),
    ];
  }

  /**
   * The pre-signed download, served on the admin side: like an S3 URL it needs no bearer token and does not count
   * against the HubSpot API budget or counters.
   */
  fileRoute(): Route {
    return {
      method: 'GET',
      path: `${JOURNAL_FILE_PATH}/:file`,
      handler: (req) => {
        const index = this.byOffset.get((req.params['file'] ?? '').replace(/\.json$/, ''));
        const entry = index === undefined ? undefined : this.entries[index];
        if (!entry) return { status: 404, body: { error: 'NoSuchKey' } };
        return { status: 200, body: entry };
      },
    };
  }
}
