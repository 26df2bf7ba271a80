/**
 * The CRM role: what the `crm` subgraph needs from whichever CRM holds the golden record of a person (HubSpot today).
 * Product-neutral: no DTOs, no HTTP. Adapters live in `upstream/<product>/` and implement {@link CrmClient}.
 */

import type { ChannelIdentityList } from '../lookup-models.ts';

/** A CRM contact id (HubSpot record id). Branded so it cannot be mixed up with the channels' customer ids. */
export type CrmContactId = string & { readonly __brand: 'CrmContactId' };

export function createCrmContactId(raw: string): CrmContactId {
  return raw as CrmContactId;
}

export type CrmLoyaltyTier = 'STANDARD' | 'SILVER' | 'GOLD' | 'PLATINUM';

export interface CrmContact {
  id: CrmContactId;
  /** the primary address, lower-case */
  email: string | null;
  /** the contact's other addresses, lower-case, as the CRM holds them (Allegro relay addresses included) */
  additionalEmails: string[];
  firstName: string | null;
  lastName: string | null;
  /** the company the contact buys for (HubSpot `company`) */
  companyName: string | null;
  /** street and number of the contact's address (HubSpot `address`), trimmed */
  street: string | null;
  /** HubSpot `city`, trimmed */
  city: string | null;
  /** postal code of the contact's address (HubSpot `zip`), as typed */
  postalCode: string | null;
  /** HubSpot `country`: free text in real portals ("Poland", "Polska", "PL"), trimmed */
  country: string | null;
  /** when the CRM created the contact (ISO 8601) */
  createdAt: string | null;
  /** as typed into the CRM */
  phone: string | null;
  mobilePhone: string | null;
  /** points: 0 when the CRM records none, null when what it records cannot be read as a number (see the mapper) */
  loyalty: { points: number | null; tier: CrmLoyaltyTier };
  consents: {
    emailMarketing: boolean;
    smsMarketing: boolean;
    phoneMarketing: boolean;
    profiling: boolean;
    /** ISO 8601 */
    updatedAt: string | null;
  };
  eshopCustomerId: string | null;
  allegroBuyerId: string | null;
  allegroBuyerLogin: string | null;
  erpPartnerId: string | null;
}

/** A note left on a contact (HubSpot note), as the graph shows it. */
export interface CrmNote {
  /** HubSpot note id */
  id: string;
  /** plain text (the CRM stores HTML) */
  body: string;
  /** when the note was taken (HubSpot hs_timestamp), ISO 8601 */
  createdAt: string;
  /** the write tag of a note Omnigraph created (`crmCreateNote`), null for the others */
  idempotencyKey: string | null;
}

/**
 * The parent of every `Customer` resolver. `contact` is absent when the customer came from an `_entities`
 * representation that only carries the order summaries (step 3 of ADR 0004's plan): the field resolvers then read
 * the contact through the per-request loader, so `orders` alone costs no upstream call.
 */
export interface CrmContactModel {
  id: string;
  contact?: CrmContact | undefined;
  /** the channels' identities of this customer (`Customer.identities`), as the orders' summaries */
  eshopIdentities?: ChannelIdentityList;
  marketplaceIdentities?: ChannelIdentityList;
  erpIdentities?: ChannelIdentityList;
}

/**
 * The unique identities a contact can be read by in one batch: its id, its primary e-mail, and the channel links the
 * CRM stores (WooCommerce customer id, Allegro buyer id and login, Odoo partner id).
 */
export type CrmContactKey = 'id' | 'email' | 'allegroBuyerLogin' | 'allegroBuyerId' | 'eshopCustomerId' | 'erpPartnerId';

export interface CrmClient {
  /**
   * Contacts by one unique identity, one result per value in the same order (null when nobody has it).
   * At most {@link CRM_MAX_BATCH_SIZE} values per call.
   */
  getContactsByKey(args: { key: CrmContactKey; values: readonly string[] }): Promise<(CrmContact | null)[]>;
  /** The contact holding this e-mail (case-insensitive), or null. */
  getContactByEmail(args: { email: string }): Promise<CrmContact | null>;
  /**
   * Contacts holding any of these addresses as their primary or as an additional e-mail (case-insensitive), in one
   * request per {@link CRM_MAX_IN_VALUES} addresses.
   */
  findContactsByEmails(args: { emails: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /** Contacts whose phone or mobile phone is this 9-digit national number. */
  findContactsByPhone(args: { nationalNumber: string; limit: number }): Promise<CrmContact[]>;
  /** Contacts whose phone or mobile phone is one of these 9-digit national numbers, one request per 100 numbers. */
  findContactsByPhones(args: { nationalNumbers: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /**
   * Contacts whose first or last name holds every one of these words (whole words, case- and Polish-diacritics-
   * insensitive: "wisniewski" finds "Wiśniewski" and a query with Polish letters finds a name typed without them).
   */
  findContactsByName(args: { words: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /** Contacts whose company name holds every one of these (folded) words, case and diacritics ignored. */
  findContactsByCompany(args: { words: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /** Contacts whose postal code is one of these (`60-144` and `60144` alike), one request per 50 codes. */
  findContactsByPostalCodes(args: { postalCodes: readonly string[]; limit: number }): Promise<CrmContact[]>;
  /**
   * The ids of the notes associated with each contact, one list per contact in the same order ([] for a contact with
   * none or one that does not exist). Read from the CRM's associations, which see a new note at once (unlike search).
   * At most {@link CRM_MAX_BATCH_SIZE} contacts per call.
   */
  getNoteIdsOfContacts(args: { contactIds: readonly string[] }): Promise<string[][]>;
  /** Notes by id, one result per id in the same order (null for one that does not exist). ≤ 100 ids per call. */
  getNotesById(args: { ids: readonly string[] }): Promise<(CrmNote | null)[]>;
  /** Notes tagged with this write key, through the CRM's search (eventually consistent: a new note may be missing). */
  findNotesByIdempotencyKey(args: { idempotencyKey: string }): Promise<CrmNote[]>;
  /**
   * Creates a note associated with the contact, tagged with the key. A write: never retried here. NOT_FOUND when the
   * CRM says the contact does not exist.
   */
  createNote(args: { contactId: string; body: string; timestamp: string; idempotencyKey: string }): Promise<CrmNote>;
}

/** Values of one IN filter we send: HubSpot documents no maximum for `values`; 100 keeps a request small. */
export const CRM_MAX_IN_VALUES = 100;

/** HubSpot batch endpoints take at most 100 inputs. */
export const CRM_MAX_BATCH_SIZE = 100;
/** The most words a name search supports: each word may be a first or a last name, and HubSpot allows 5 OR groups. */
export const CRM_MAX_NAME_WORDS = 2;
