/**
 * The HubSpot CRM v3 adapter behind {@link CrmClient}: the only module of this subgraph that talks HTTP to HubSpot.
 * Every request goes through the shared upstream-call helper (deadline, retries, breaker, bulkhead, budget), which
 * validates the answer with the zod DTOs and maps every failure once.
 *
 * Docs: https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts (objects, batch read) and
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/search-the-crm (search, its 5 requests/s budget).
 */
import type { AxiosInstance } from 'axios';
import type { Upstream } from '@omnigraph/shared/upstream';
import { CRM_MAX_BATCH_SIZE, type CrmClient, type CrmContact, type CrmContactKey } from '../crm-client.ts';
import {
  HUBSPOT_CONTACT_PROPERTIES,
  HubSpotBatchReadResponseDto,
  HubSpotContactDto,
  HubSpotSearchResponseDto,
  type HubSpotContactDto as HubSpotContact,
} from './hubspot-dtos.ts';
import { mapHubSpotContactDtoToCrmContact } from './hubspot-mappers.ts';

export interface HubSpotClientOptions {
  /** from `createHttpClient` (`@omnigraph/shared/http`), aimed at `HUBSPOT_BASE_URL` */
  http: AxiosInstance;
  /** private-app (or service-key) token, sent as `Authorization: Bearer <token>` */
  accessToken: string;
  /** the shared upstream-call helper for HubSpot (deadline, retries, breaker, bulkhead, budget) */
  upstream: Upstream;
}

/**
 * Budget buckets (see `@omnigraph/shared/budget`): CRM search has its own 5 requests/s per portal and also counts
 * against the general 190 / 10 s; everything else spends the general one only.
 */
export const HUBSPOT_SEARCH_BUCKETS = ['hubspot:search', 'hubspot:all'] as const;
export const HUBSPOT_GENERAL_BUCKETS = ['hubspot:all'] as const;

const CONTACTS_PATH = '/crm/v3/objects/contacts';
/** Search pages hold at most 200 records; we never ask for more than one page. */
const MAX_SEARCH_LIMIT = 200;

/** The HubSpot property behind each identity we batch-read by (`idProperty`; omitted for the record id). */
const ID_PROPERTY: Readonly<Record<CrmContactKey, string | null>> = {
  id: null,
  email: 'email',
  // a unique custom property: see upstream-apis.md §3.8; Allegro buyers are never matched by their relay e-mail
  allegroBuyerLogin: 'allegro_buyer_login',
};

/** The value a returned record holds for the identity it was asked by, normalised as that identity compares. */
function identityOf(key: CrmContactKey, dto: HubSpotContact): string | null {
  switch (key) {
    case 'id':
      return dto.id;
    case 'email':
      // HubSpot stores and compares e-mails case-insensitively
      return dto.properties.email?.toLowerCase() ?? null;
    case 'allegroBuyerLogin':
      return dto.properties.allegro_buyer_login ?? null;
  }
}

function normaliseIdentity(key: CrmContactKey, value: string): string {
  return key === 'email' ? value.trim().toLowerCase() : value;
}

export function createHubSpotClient({ http, accessToken, upstream }: HubSpotClientOptions): CrmClient {
  const headers = { Authorization: `Bearer ${accessToken}` };

  /** `POST …/contacts/search`: a read, so idempotent although it is a POST. */
  function search(operation: string, body: Record<string, unknown>): Promise<CrmContact[]> {
    return upstream.call({
      operation,
      idempotent: true,
      // a 429 from the search budget (5/s, policy SECONDLY) blocks searches, not batch reads
      buckets: HUBSPOT_SEARCH_BUCKETS,
      send: (signal) => http.post(`${CONTACTS_PATH}/search`, body, { headers, signal }),
      parse: (res) => HubSpotSearchResponseDto.parse(res.data).results.map(mapHubSpotContactDtoToCrmContact),
    });
  }

  return {
    /** `POST /crm/v3/objects/contacts/batch/read` (≤ 100 inputs); a 207 lists the ids nobody holds. */
    async getContactsByKey({ key, values }) {
      if (values.length === 0) return [];
      if (values.length > CRM_MAX_BATCH_SIZE) {
        throw new RangeError(`getContactsByKey takes at most ${CRM_MAX_BATCH_SIZE} values, got ${values.length}`);
      }
      const wanted = values.map((v) => normaliseIdentity(key, v));
      // HubSpot record ids are numeric and a non-numeric one fails the whole batch (400), so one bad id in a
      // representation must not cost every other entity of the batch: it is simply nobody.
      const asked = [...new Set(key === 'id' ? wanted.filter((v) => /^\d+$/.test(v)) : wanted)];
      if (asked.length === 0) return wanted.map(() => null);
      const idProperty = ID_PROPERTY[key];
      const body = {
        ...(idProperty === null ? {} : { idProperty }),
        inputs: asked.map((id) => ({ id })),
        properties: HUBSPOT_CONTACT_PROPERTIES,
        propertiesWithHistory: [],
      };
      const results: HubSpotContact[] = await upstream.call({
        operation: 'getContactsByKey',
        // batch read is a read behind a POST: idempotent
        idempotent: true,
        buckets: HUBSPOT_GENERAL_BUCKETS,
        send: (signal) => http.post(`${CONTACTS_PATH}/batch/read`, body, { headers, params: { archived: false }, signal }),
        parse: (res) => HubSpotBatchReadResponseDto.parse(res.data).results,
      });
      const byIdentity = new Map<string, CrmContact>();
      for (const dto of results) {
        const identity = identityOf(key, dto);
        if (identity !== null) byIdentity.set(identity, mapHubSpotContactDtoToCrmContact(dto));
      }
      return wanted.map((v) => byIdentity.get(v) ?? null);
    },

    /** `GET /crm/v3/objects/contacts/{email}?idProperty=email`; HubSpot answers a bare 404 for an unknown e-mail. */
    async getContactByEmail({ email }) {
      return upstream.call<CrmContact | null>({
        operation: 'getContactByEmail',
        idempotent: true,
        buckets: HUBSPOT_GENERAL_BUCKETS,
        send: (signal) =>
          http.get(`${CONTACTS_PATH}/${encodeURIComponent(email.trim().toLowerCase())}`, {
            headers,
            params: { idProperty: 'email', properties: HUBSPOT_CONTACT_PROPERTIES.join(',') },
            signal,
          }),
        parse: (res) => mapHubSpotContactDtoToCrmContact(HubSpotContactDto.parse(res.data)),
        onStatus: { 404: () => null },
      });
    },

    /**
     * `POST /crm/v3/objects/contacts/search` on HubSpot's digits-only copies of phone and mobile phone (the national
     * number for Polish contacts): two OR'ed filter groups, one request.
     */
    async findContactsByPhone({ nationalNumber, limit }) {
      return search('findContactsByPhone', {
        filterGroups: [
          { filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'EQ', value: nationalNumber }] },
          { filters: [{ propertyName: 'hs_searchable_calculated_mobile_number', operator: 'EQ', value: nationalNumber }] },
        ],
        properties: HUBSPOT_CONTACT_PROPERTIES,
        limit: Math.min(limit, MAX_SEARCH_LIMIT),
      });
    },

    /**
     * `POST /crm/v3/objects/contacts/search`, every word a whole token of the first or the last name. Filter groups
     * are OR'ed and filters inside a group AND'ed, so "every word in either name" is one group per assignment of
     * words to names: 2 groups for one word, 4 for two (HubSpot allows 5). We use filters rather than `query`,
     * whose matching (prefixes, over e-mails and phones too) HubSpot does not document precisely.
     */
    async findContactsByName({ words, limit }) {
      let groups: { propertyName: string; operator: string; value: string }[][] = [[]];
      for (const word of words) {
        groups = groups.flatMap((filters) =>
          ['firstname', 'lastname'].map((propertyName) => [...filters, { propertyName, operator: 'CONTAINS_TOKEN', value: word }]),
        );
      }
      return search('findContactsByName', {
        filterGroups: groups.map((filters) => ({ filters })),
        properties: HUBSPOT_CONTACT_PROPERTIES,
        limit: Math.min(limit, MAX_SEARCH_LIMIT),
      });
    },
  };
}
