import { isAxiosError, type AxiosInstance } from 'axios';
import { z } from 'zod';
import { mapAxiosErrorToUpstreamError } from '@omnigraph/shared/errors';
import type { PolledChangeSource } from '@omnigraph/shared/freshness';
import type { Logger } from '@omnigraph/shared/logging';
import { coalesceContactEvents, mapHubSpotJournalEvent, type HubSpotJournalEvent } from './hubspot-change-events.ts';

/**
 * HubSpot's webhooks journal (API 2026-03) as a polled freshness source: the app's subscribed changes, in order,
 * kept 3 days, fetched with the app's token — no public endpoint, and it reports merges and GDPR deletions too.
 * - `GET /webhooks-journal/journal-local/2026-03/latest` → `{url, expiresAt, currentOffset}` (where a first start
 *   begins; 204 while empty), `…/earliest` (used while the journal was empty at start), `…/offset/{o}/next` → the
 *   entry after `o`, 204 when there is none yet, 404 when `o` expired.
 * - `url` is a pre-signed file (fetched WITHOUT the Authorization header) holding the entry's `journalEvents`.
 * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/journal-entries/guide
 */

export const HUBSPOT_JOURNAL_PATH = '/webhooks-journal/journal-local/2026-03';

const EntryDto = z.object({ url: z.string().url(), expiresAt: z.string().optional(), currentOffset: z.string().min(1) });
const JournalFileDto = z.object({
  journalEvents: z.array(z.looseObject({ action: z.string().optional() })).default([]),
});

export interface HubSpotJournalOptions {
  /** aimed at the HubSpot API base (https://api.hubapi.com) */
  http: AxiosInstance;
  /** a token with `developer.webhooks_journal.read` (an app's client-credentials token on real HubSpot) */
  accessToken: string;
  /** the account whose local journal to read (`installPortalId`); unset → the token's own */
  installPortalId?: number | undefined;
  logger: Logger;
  clock?: () => Date;
}

/** Cursor while the journal was empty at first start: read from the earliest entry once one exists. */
const FROM_START = '';

export function createHubSpotJournalSource(options: HubSpotJournalOptions): PolledChangeSource {
  const { http } = options;
  const clock = options.clock ?? (() => new Date());
  const headers = { Authorization: `Bearer ${options.accessToken}` };
  const params = options.installPortalId === undefined ? {} : { installPortalId: String(options.installPortalId) };

  /** one journal endpoint: the entry, or null for 204 (nothing (newer) yet) */
  async function entry(path: string): Promise<z.infer<typeof EntryDto> | null> {
    const res = await http.get<unknown>(`${HUBSPOT_JOURNAL_PATH}${path}`, { headers, params });
    if (res.status === 204 || res.data === '' || res.data === undefined) return null;
    return EntryDto.parse(res.data);
  }

  async function latestOffset(): Promise<string> {
    return (await entry('/latest'))?.currentOffset ?? FROM_START;
  }

  const mapError = (error: unknown) => mapAxiosErrorToUpstreamError(error, { serviceName: 'crm', operation: 'pollJournal' });

  return {
    name: 'hubspot-journal',
    async initialCursor() {
      try {
        return await latestOffset();
      } catch (error) {
        throw mapError(error);
      }
    },
    async poll(cursor) {
      let next: z.infer<typeof EntryDto> | null;
      try {
        next = await entry(cursor === FROM_START ? '/earliest' : `/offset/${encodeURIComponent(cursor)}/next`);
      } catch (error) {
        if (isAxiosError(error) && error.response?.status === 404 && cursor !== FROM_START) {
          // The offset expired (entries live 3 days): changes in between are lost to this source; the cache TTL
          // still bounds them. Start again from the newest entry.
          options.logger.error({ cursor }, 'hubspot journal offset expired; resuming at the latest entry');
          try {
            return { events: [], cursor: await latestOffset() };
          } catch (inner) {
            throw mapError(inner);
          }
        }
        throw mapError(error);
      }
      if (!next) return { events: [], cursor };
      let file: z.infer<typeof JournalFileDto>;
      try {
        // Pre-signed absolute URL (axios ignores the base URL for it); the bearer token is a per-call header of the
        // journal calls only, so it does not go to the file host.
        file = JournalFileDto.parse((await http.get<unknown>(next.url)).data);
      } catch (error) {
        throw mapError(error);
      }
      const now = clock();
      const events = coalesceContactEvents(file.journalEvents.map((e) => mapHubSpotJournalEvent(e as HubSpotJournalEvent, now)));
      return { events, cursor: next.currentOffset, more: true };
    },
  };
}
