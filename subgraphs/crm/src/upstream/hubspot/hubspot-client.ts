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
import { foldText, POLISH_LETTER_VARIANTS } from '@omnigraph/shared/lookup';
import { notFound } from '@omnigraph/shared/errors';
import { CRM_MAX_BATCH_SIZE, CRM_MAX_IN_VALUES, type CrmClient, type CrmContact, type CrmContactKey, type CrmNote } from '../crm-client.ts';
import {
  HUBSPOT_CONTACT_PROPERTIES,
  HUBSPOT_NOTE_PROPERTIES,
  HubSpotAssociationBatchReadResponseDto,
  HubSpotBatchReadResponseDto,
  HubSpotContactDto,
  HubSpotNoteBatchReadResponseDto,
  HubSpotNoteDto,
  HubSpotNoteSearchResponseDto,
  HubSpotSearchResponseDto,
  type HubSpotContactDto as HubSpotContact,
} from './hubspot-dtos.ts';
import {
  DEFAULT_HUBSPOT_MAPPING,
  mapHubSpotContactDtoToCrmContact,
  mapHubSpotNoteDtoToCrmNote,
  mapTextToHubSpotNoteHtml,
  type HubSpotMappingOptions,
} from './hubspot-mappers.ts';
import { readHubSpotEmail, readHubSpotId, readHubSpotMultiValue, readHubSpotText } from './hubspot-values.ts';

export interface HubSpotClientOptions {
  /** from `createHttpClient` (`@omnigraph/shared/http`), aimed at `HUBSPOT_BASE_URL` */
  http: AxiosInstance;
  /** private-app (or service-key) token, sent as `Authorization: Bearer <token>` */
  accessToken: string;
  /** the shared upstream-call helper for HubSpot (deadline, retries, breaker, bulkhead, budget) */
  upstream: Upstream;
  /** how property values are read (CRM_NUMBER_LOCALE, CRM_LOYALTY_TIER_VALUES) and where unreadable ones are told */
  mapping?: HubSpotMappingOptions | undefined;
}

/**
 * Budget buckets (see `@omnigraph/shared/budget`): CRM search has its own 5 requests/s per portal and also counts
 * against the general 190 / 10 s; everything else spends the general one only.
 */
export const HUBSPOT_SEARCH_BUCKETS = ['hubspot:search', 'hubspot:all'] as const;
export const HUBSPOT_GENERAL_BUCKETS = ['hubspot:all'] as const;

const CONTACTS_PATH = '/crm/v3/objects/contacts';
const NOTES_PATH = '/crm/v3/objects/notes';
/** HUBSPOT_DEFINED association type "note to contact" (https://developers.hubspot.com/docs/api-reference/latest/crm/associations/guide). */
export const HUBSPOT_NOTE_TO_CONTACT_TYPE_ID = 202;
/**
 * Pages of one contact's note associations we follow (500 ids each): a contact with more than 5 000 notes is a data
 * problem; the rest are left out of `Customer.notes` rather than costing unbounded calls.
 */
const MAX_ASSOCIATION_PAGES = 10;
/** Search pages hold at most 200 records; we never ask for more than one page. */
const MAX_SEARCH_LIMIT = 200;

/** The HubSpot property behind each identity we batch-read by (`idProperty`; omitted for the record id). */
const ID_PROPERTY: Readonly<Record<CrmContactKey, string | null>> = {
  id: null,
  email: 'email',
  // unique custom properties: see upstream-apis.md §3.8; Allegro buyers are never matched by their relay e-mail
  allegroBuyerLogin: 'allegro_buyer_login',
  allegroBuyerId: 'allegro_buyer_id',
  eshopCustomerId: 'woocommerce_customer_id',
  erpPartnerId: 'odoo_partner_id',
};

/** A property read as an identity: its value when readable, otherwise none (the record then matches nothing by it). */
function readable(read: { kind: string; value?: string }): string[] {
  return read.kind === 'value' && read.value !== undefined ? [read.value] : [];
}

/**
 * Every value a returned record answers for the identity it was asked by, normalised as that identity compares:
 * - by id, its own id and the ids merged into it (`hs_merged_object_ids`): HubSpot answers a read by a merged contact's
 *   id with the surviving record, whose id differs ("Updated merge functionality for contacts and companies",
 *   https://developers.hubspot.com/changelog/updated-merge-functionality-for-contacts-and-companies);
 * - by e-mail, its primary and additional addresses, trimmed and lower-case (HubSpot compares them case-insensitively);
 * - by a channel id, the id read as HubSpot's number properties write it ("2317.0" is 2317).
 */
function identitiesOf(key: CrmContactKey, dto: HubSpotContact): { own: string[]; aliases: string[] } {
  const p = dto.properties;
  switch (key) {
    case 'id':
      return { own: [dto.id], aliases: readHubSpotMultiValue(p.hs_merged_object_ids) };
    case 'email':
      return { own: readable(readHubSpotEmail(p.email)), aliases: readHubSpotMultiValue(p.hs_additional_emails).map((e) => e.toLowerCase()) };
    case 'allegroBuyerLogin': {
      const login = readHubSpotText(p.allegro_buyer_login);
      return { own: login === null ? [] : [login], aliases: [] };
    }
    case 'allegroBuyerId':
      return { own: readable(readHubSpotId(p.allegro_buyer_id)), aliases: [] };
    case 'eshopCustomerId':
      return { own: readable(readHubSpotId(p.woocommerce_customer_id)), aliases: [] };
    case 'erpPartnerId':
      return { own: readable(readHubSpotId(p.odoo_partner_id)), aliases: [] };
  }
}

function normaliseIdentity(key: CrmContactKey, value: string): string {
  return key === 'email' ? value.trim().toLowerCase() : value.trim();
}

/** Keys whose values are numeric: a value that is not cannot exist, and HubSpot refuses a batch holding one (400). */
const NUMERIC_KEYS: ReadonlySet<CrmContactKey> = new Set(['id', 'eshopCustomerId', 'erpPartnerId']);

/**
 * The most search pages one diacritics-insensitive name or company search reads (200 contacts each, one request of
 * the 5/s search budget each). See {@link coarseTokenPattern} for why a search may return more than it finds.
 */
export const HUBSPOT_MAX_COARSE_SEARCH_PAGES = 3;

/**
 * A CONTAINS_TOKEN pattern that matches every spelling of a folded word with or without Polish letters: each letter
 * that may carry a diacritic in Polish (a c e l n o s z, see POLISH_LETTER_VARIANTS) becomes `*`. HubSpot does not
 * document whether its search folds diacritics, so we do not rely on it either way: the pattern is a superset (any
 * sequence stands where one letter may be `ś` or `s`), and the caller keeps only the contacts whose folded name really
 * holds the word. Overmatching is the cost: "wisniewski" → `wi*i*w*ki` lets through a few other names, while a word
 * made only of such letters ("ola" → `*`) matches every token, so the search returns anyone with that property and
 * the exact matches are only those among the first {@link HUBSPOT_MAX_COARSE_SEARCH_PAGES} pages. Null for such a
 * word: it adds nothing to a filter and is checked by the exact filter alone.
 */
export function coarseTokenPattern(foldedWord: string): string | null {
  const pattern = [...foldedWord].map((c) => ((POLISH_LETTER_VARIANTS[c]?.length ?? 1) > 1 || c === '*' ? '*' : c)).join('');
  const collapsed = pattern.replace(/\*+/g, '*');
  return collapsed.replaceAll('*', '') === '' ? null : collapsed;
}

/** The folded whole words of a name or company as HubSpot tokenises text: split on whitespace and punctuation. */
export function foldedWords(value: string | null): string[] {
  return value === null
    ? []
    : foldText(value)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== '');
}

/** HubSpot's answer to an association whose target does not exist (or is of the wrong type). */
function isInvalidAssociation(body: unknown): boolean {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.startsWith('One or more associations are invalid');
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

export function createHubSpotClient({ http, accessToken, upstream, mapping = DEFAULT_HUBSPOT_MAPPING }: HubSpotClientOptions): CrmClient {
  const headers = { Authorization: `Bearer ${accessToken}` };
  const toContact = (dto: HubSpotContact) => mapHubSpotContactDtoToCrmContact(dto, mapping);
  /** Archived contacts (HubSpot's recycle bin; merged-away ones too) are nobody here, whatever answered them. */
  const live = (dtos: readonly HubSpotContact[]) => dtos.filter((dto) => dto.archived !== true);

  /** `POST …/contacts/search`: a read, so idempotent although it is a POST. */
  function searchPage(operation: string, body: Record<string, unknown>): Promise<{ contacts: CrmContact[]; after: string | null }> {
    return upstream.call({
      operation,
      idempotent: true,
      // a 429 from the search budget (5/s, policy SECONDLY) blocks searches, not batch reads
      buckets: HUBSPOT_SEARCH_BUCKETS,
      send: (signal) => http.post(`${CONTACTS_PATH}/search`, body, { headers, signal }),
      parse: (res) => {
        const page = HubSpotSearchResponseDto.parse(res.data);
        return { contacts: live(page.results).map(toContact), after: page.paging?.next?.after ?? null };
      },
    });
  }

  async function search(operation: string, body: Record<string, unknown>): Promise<CrmContact[]> {
    return (await searchPage(operation, body)).contacts;
  }

  /**
   * A coarse search (a superset of what is wanted) filtered exactly here: pages of 200 until `limit` contacts passed
   * `keep` or {@link HUBSPOT_MAX_COARSE_SEARCH_PAGES} pages were read.
   */
  async function coarseSearch(
    operation: string,
    filterGroups: { filters: Record<string, unknown>[] }[],
    keep: (contact: CrmContact) => boolean,
    limit: number,
  ): Promise<CrmContact[]> {
    const found: CrmContact[] = [];
    let after: string | null = null;
    for (let page = 0; page < HUBSPOT_MAX_COARSE_SEARCH_PAGES; page++) {
      const body: Record<string, unknown> = {
        filterGroups,
        properties: HUBSPOT_CONTACT_PROPERTIES,
        // id order, so pages do not shift while we read them
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        limit: MAX_SEARCH_LIMIT,
        ...(after === null ? {} : { after }),
      };
      const result = await searchPage(operation, body);
      found.push(...result.contacts.filter(keep));
      after = result.after;
      if (found.length >= limit || after === null) break;
    }
    return found.slice(0, limit);
  }

  /**
   * IN-filter searches, one request per chunk of values; contacts found by several chunks once. One page each (200):
   * an e-mail or a phone belongs to a few contacts, so a chunk's answer fits; a crowded postal code may be cut, which
   * only drops suggestions (candidates), never a link.
   */
  async function searchIn(
    operation: string,
    values: readonly string[],
    chunkSize: number,
    groupsOf: (chunk: string[]) => { filters: Record<string, unknown>[] }[],
    limit: number,
  ): Promise<CrmContact[]> {
    const unique = [...new Set(values)];
    const pages = await Promise.all(
      chunks(unique, chunkSize).map((chunk) =>
        search(operation, { filterGroups: groupsOf(chunk), properties: HUBSPOT_CONTACT_PROPERTIES, limit: Math.min(limit, MAX_SEARCH_LIMIT) }),
      ),
    );
    const byId = new Map<string, CrmContact>();
    for (const contact of pages.flat()) byId.set(contact.id, contact);
    return [...byId.values()];
  }

  /** One `POST /crm/v4/associations/contacts/notes/batch/read` (≤ 100 inputs, each with its own `after`). */
  function associationPage(inputs: { id: string; after?: string }[]) {
    return upstream.call({
      operation: 'getNoteIdsOfContacts',
      // a read behind a POST: idempotent
      idempotent: true,
      buckets: HUBSPOT_GENERAL_BUCKETS,
      send: (signal) => http.post('/crm/v4/associations/contacts/notes/batch/read', { inputs }, { headers, signal }),
      parse: (res) => HubSpotAssociationBatchReadResponseDto.parse(res.data).results,
    });
  }

  return {
    /**
     * v4 batch association read: contacts without notes come back as 207 errors (NO_ASSOCIATIONS_FOUND), i.e. [];
     * a contact with more than 500 notes is followed page by page (each next page one more batch call for all the
     * contacts that still have one).
     */
    async getNoteIdsOfContacts({ contactIds }) {
      if (contactIds.length > CRM_MAX_BATCH_SIZE) {
        throw new RangeError(`getNoteIdsOfContacts takes at most ${CRM_MAX_BATCH_SIZE} ids, got ${contactIds.length}`);
      }
      const found = new Map<string, string[]>();
      // a non-numeric id cannot exist, and one in the batch would fail it for all
      let pending: { id: string; after?: string }[] = [...new Set(contactIds.filter((id) => /^\d{1,19}$/.test(id)))].map((id) => ({ id }));
      for (let page = 0; page < MAX_ASSOCIATION_PAGES && pending.length > 0; page++) {
        const results = await associationPage(pending);
        pending = [];
        for (const result of results) {
          const ids = found.get(result.from.id) ?? [];
          ids.push(...result.to.map((to) => to.toObjectId));
          found.set(result.from.id, ids);
          const after = result.paging?.next?.after;
          if (after !== undefined) pending.push({ id: result.from.id, after });
        }
      }
      return contactIds.map((id) => [...new Set(found.get(id) ?? [])]);
    },

    /** `POST /crm/v3/objects/notes/batch/read`; a 207 lists the ids that no longer exist. */
    async getNotesById({ ids }) {
      if (ids.length > CRM_MAX_BATCH_SIZE) throw new RangeError(`getNotesById takes at most ${CRM_MAX_BATCH_SIZE} ids, got ${ids.length}`);
      const asked = [...new Set(ids.filter((id) => /^\d{1,19}$/.test(id)))];
      if (asked.length === 0) return ids.map(() => null);
      const body = { inputs: asked.map((id) => ({ id })), properties: HUBSPOT_NOTE_PROPERTIES, propertiesWithHistory: [] };
      const notes: CrmNote[] = await upstream.call({
        operation: 'getNotesById',
        idempotent: true,
        buckets: HUBSPOT_GENERAL_BUCKETS,
        send: (signal) => http.post(`${NOTES_PATH}/batch/read`, body, { headers, params: { archived: false }, signal }),
        parse: (res) => HubSpotNoteBatchReadResponseDto.parse(res.data).results.map(mapHubSpotNoteDtoToCrmNote),
      });
      const byId = new Map(notes.map((note) => [note.id, note]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** `POST /crm/v3/objects/notes/search`, EQ on the custom `omnigraph_idempotency_key`; one page (a key tags one note). */
    async findNotesByIdempotencyKey({ idempotencyKey }) {
      const body = {
        filterGroups: [{ filters: [{ propertyName: 'omnigraph_idempotency_key', operator: 'EQ', value: idempotencyKey }] }],
        properties: HUBSPOT_NOTE_PROPERTIES,
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        limit: 10,
      };
      return upstream.call({
        operation: 'findNotesByIdempotencyKey',
        idempotent: true,
        buckets: HUBSPOT_SEARCH_BUCKETS,
        send: (signal) => http.post(`${NOTES_PATH}/search`, body, { headers, signal }),
        parse: (res) => HubSpotNoteSearchResponseDto.parse(res.data).results.map(mapHubSpotNoteDtoToCrmNote),
      });
    },

    /**
     * `POST /crm/v3/objects/notes` with the note→contact association (type 202) in the same request, so a note never
     * exists without its contact. HubSpot refuses an association to a contact that does not exist with a 400 "One or
     * more associations are invalid": NOT_FOUND here (nothing was created); any other 400 is our bug (UPSTREAM_REJECTED).
     */
    async createNote({ contactId, body, timestamp, idempotencyKey }) {
      const request = {
        properties: { hs_timestamp: timestamp, hs_note_body: mapTextToHubSpotNoteHtml(body), omnigraph_idempotency_key: idempotencyKey },
        associations: [
          {
            to: { id: contactId },
            types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: HUBSPOT_NOTE_TO_CONTACT_TYPE_ID }],
          },
        ],
      };
      const created = await upstream.call<CrmNote | null>({
        operation: 'createNote',
        // a write: never retried by the helper; the step looks its tag up before sending again
        idempotent: false,
        buckets: HUBSPOT_GENERAL_BUCKETS,
        send: (signal) => http.post(NOTES_PATH, request, { headers, signal }),
        parse: (res) => mapHubSpotNoteDtoToCrmNote(HubSpotNoteDto.parse(res.data)),
        onStatus: { 400: (res) => (isInvalidAssociation(res.data) ? null : undefined) },
      });
      if (created === null) throw notFound(`Customer ${contactId} not found.`);
      return created;
    },

    /** `POST /crm/v3/objects/contacts/batch/read` (≤ 100 inputs); a 207 lists the ids nobody holds. */
    async getContactsByKey({ key, values }) {
      if (values.length === 0) return [];
      if (values.length > CRM_MAX_BATCH_SIZE) {
        throw new RangeError(`getContactsByKey takes at most ${CRM_MAX_BATCH_SIZE} values, got ${values.length}`);
      }
      const wanted = values.map((v) => normaliseIdentity(key, v));
      // HubSpot record ids are numeric and a non-numeric one fails the whole batch (400), so one bad id in a
      // representation must not cost every other entity of the batch: it is simply nobody.
      const asked = [...new Set(NUMERIC_KEYS.has(key) ? wanted.filter((v) => /^\d{1,19}$/.test(v)) : wanted)];
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
        parse: (res) => live(HubSpotBatchReadResponseDto.parse(res.data).results),
      });
      const byIdentity = new Map<string, CrmContact>();
      const contacts = results.map((dto) => ({ dto, contact: toContact(dto) }));
      // merged ids and additional e-mails first, each contact's own value last: an alias never hides its holder
      for (const { dto, contact } of contacts) for (const identity of identitiesOf(key, dto).aliases) byIdentity.set(identity, contact);
      for (const { dto, contact } of contacts) for (const identity of identitiesOf(key, dto).own) byIdentity.set(identity, contact);
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
        parse: (res) => {
          const dto = HubSpotContactDto.parse(res.data);
          return dto.archived === true ? null : toContact(dto);
        },
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
     * `POST /crm/v3/objects/contacts/search` with `hs_additional_emails` — a multiple-checkbox property, whose IN / EQ
     * filters match a contact holding the value among its `;`-separated values ("Search the CRM",
     * https://developers.hubspot.com/docs/api-reference/latest/crm/search-the-crm) — OR'ed with the primary `email`.
     * HubSpot wants string values of IN lower-case.
     */
    async findContactsByEmails({ emails, limit }) {
      const wanted = emails.map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
      if (wanted.length === 0) return [];
      return searchIn(
        'findContactsByEmails',
        wanted,
        CRM_MAX_IN_VALUES,
        (chunk) => [
          { filters: [{ propertyName: 'email', operator: 'IN', values: chunk }] },
          { filters: [{ propertyName: 'hs_additional_emails', operator: 'IN', values: chunk }] },
        ],
        // each address belongs to few contacts: room for all of them
        Math.max(limit, Math.min(wanted.length * 2, MAX_SEARCH_LIMIT)),
      );
    },

    /** Like {@link findContactsByPhone}, for many numbers in one request (IN on both digits-only copies). */
    async findContactsByPhones({ nationalNumbers, limit }) {
      if (nationalNumbers.length === 0) return [];
      return searchIn(
        'findContactsByPhones',
        nationalNumbers,
        CRM_MAX_IN_VALUES,
        (chunk) => [
          { filters: [{ propertyName: 'hs_searchable_calculated_phone_number', operator: 'IN', values: chunk }] },
          { filters: [{ propertyName: 'hs_searchable_calculated_mobile_number', operator: 'IN', values: chunk }] },
        ],
        Math.max(limit, Math.min(nationalNumbers.length * 3, MAX_SEARCH_LIMIT)),
      );
    },

    /**
     * `POST /crm/v3/objects/contacts/search`, every word a whole token of the first or the last name, case and
     * Polish diacritics ignored. Filter groups are OR'ed and filters inside a group AND'ed, so "every word in either
     * name" is one group per assignment of words to names: 2 groups for one word, 4 for two (HubSpot allows 5, and
     * 25 filters). Each word goes as a coarse CONTAINS_TOKEN pattern ({@link coarseTokenPattern}) and the answer is
     * filtered exactly on the folded names. We use filters rather than `query`, whose matching (prefixes, over
     * e-mails and phones too) HubSpot does not document precisely.
     */
    async findContactsByName({ words, limit }) {
      const folded = words.map(foldText).filter((w) => w !== '');
      if (folded.length === 0) return [];
      let groups: Record<string, unknown>[][] = [[]];
      for (const word of folded) {
        const pattern = coarseTokenPattern(word);
        groups = groups.flatMap((filters) =>
          ['firstname', 'lastname'].map((propertyName) => [
            ...filters,
            pattern === null ? { propertyName, operator: 'HAS_PROPERTY' } : { propertyName, operator: 'CONTAINS_TOKEN', value: pattern },
          ]),
        );
      }
      const keep = (contact: CrmContact) => {
        const tokens = new Set([...foldedWords(contact.firstName), ...foldedWords(contact.lastName)]);
        return folded.every((word) => tokens.has(word));
      };
      return coarseSearch(
        'findContactsByName',
        groups.map((filters) => ({ filters })),
        keep,
        limit,
      );
    },

    /**
     * The standard `company` property ("Company Name"), every word a whole token of it, case and diacritics ignored
     * (coarse patterns in one AND group, at most 10 filters: the most selective words; the rest checked exactly).
     */
    async findContactsByCompany({ words, limit }) {
      const folded = words.flatMap((w) => foldedWords(w));
      if (folded.length === 0) return [];
      const patterns = [...new Set(folded.map(coarseTokenPattern).filter((p): p is string => p !== null))]
        .sort((a, b) => b.replaceAll('*', '').length - a.replaceAll('*', '').length)
        .slice(0, 10);
      const filters: Record<string, unknown>[] =
        patterns.length === 0
          ? [{ propertyName: 'company', operator: 'HAS_PROPERTY' }]
          : patterns.map((value) => ({ propertyName: 'company', operator: 'CONTAINS_TOKEN', value }));
      const keep = (contact: CrmContact) => {
        const tokens = new Set(foldedWords(contact.companyName));
        return folded.every((word) => tokens.has(word));
      };
      return coarseSearch('findContactsByCompany', [{ filters }], keep, limit);
    },

    /** `zip` IN both spellings of each Polish postal code (`60-144`, `60144`); other codes as given. */
    async findContactsByPostalCodes({ postalCodes, limit }) {
      const spellings = postalCodes.flatMap((code) => {
        const digits = code.replace(/\D/g, '');
        return /^\d{5}$/.test(digits) ? [`${digits.slice(0, 2)}-${digits.slice(2)}`, digits] : [code.trim().toLowerCase()];
      });
      if (spellings.length === 0) return [];
      return searchIn(
        'findContactsByPostalCodes',
        spellings,
        CRM_MAX_IN_VALUES,
        (chunk) => [{ filters: [{ propertyName: 'zip', operator: 'IN', values: chunk }] }],
        Math.max(limit, MAX_SEARCH_LIMIT),
      );
    },
  };
}
