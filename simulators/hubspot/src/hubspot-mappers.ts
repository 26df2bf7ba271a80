import { toPhoneDigits, type CrmContact, type CrmNote, type Dataset } from '@omnigraph/simulator-dataset';
import { POLISH_LOYALTY_TIERS, type LOYALTY_TIERS } from './hubspot-properties.ts';

/**
 * Pure dataset → HubSpot wire mappers. HubSpot keeps every property value as a string (numbers "1240", booleans
 * "true"/"false", datetimes ISO with milliseconds), and an unset property is simply absent from the stored map
 * (the API then answers `null` for it).
 */

export type WireProperties = Record<string, string>;

export interface WireObjectSeed {
  id: string;
  properties: WireProperties;
  createdAt: string;
  updatedAt: string;
}

export interface WireNoteSeed extends WireObjectSeed {
  contactIds: string[];
}

export interface WireOwner {
  id: string;
  email: string;
  type: 'PERSON';
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** HubSpot returns datetimes with millisecond precision: `2025-11-03T13:22:40.118Z`. */
export function isoMillis(iso: string): string {
  return new Date(iso).toISOString();
}

const COUNTRY_NAMES: Record<string, string> = { PL: 'Poland' };

/** The national number HubSpot puts in hs_searchable_calculated_*_number, or null. */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return toPhoneDigits(phone);
}

function put(props: WireProperties, name: string, value: string | number | boolean | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  props[name] = String(value);
}

export function contactToWire(c: CrmContact): WireObjectSeed {
  const createdAt = isoMillis(c.createdAt);
  const updatedAt = isoMillis(c.updatedAt);
  const p: WireProperties = {};
  put(p, 'createdate', createdAt);
  put(p, 'email', c.email?.toLowerCase());
  put(p, 'firstname', c.firstName);
  put(p, 'lastname', c.lastName);
  put(p, 'company', c.companyName);
  put(p, 'phone', c.phone);
  put(p, 'mobilephone', c.mobilePhone);
  put(p, 'hs_additional_emails', c.additionalEmails.length > 0 ? c.additionalEmails.join(';') : null);
  put(p, 'hs_searchable_calculated_phone_number', c.phoneDigits ?? phoneDigits(c.phone));
  put(p, 'hs_searchable_calculated_mobile_number', phoneDigits(c.mobilePhone));
  put(p, 'address', c.address?.street);
  put(p, 'city', c.address?.city);
  put(p, 'zip', c.address?.zip);
  put(p, 'country', c.address ? (COUNTRY_NAMES[c.address.countryCode] ?? c.address.countryCode) : null);
  put(p, 'lifecyclestage', c.lifecycleStage);
  put(p, 'hs_object_id', c.id);
  put(p, 'lastmodifieddate', updatedAt);
  // Nobody in the dataset unsubscribed from all email; contacts without an address have no subscription status.
  put(p, 'hs_email_optout', c.email ? 'false' : null);
  put(p, 'loyalty_points', c.loyaltyPoints);
  put(p, 'loyalty_tier', c.loyaltyTier);
  put(p, 'consent_email_marketing', c.consents.emailMarketing);
  put(p, 'consent_sms_marketing', c.consents.smsMarketing);
  put(p, 'consent_phone_marketing', c.consents.phoneMarketing);
  put(p, 'consent_profiling', c.consents.profiling);
  put(p, 'consent_updated_at', isoMillis(c.consents.updatedAt));
  put(p, 'allegro_buyer_id', c.allegroBuyerId);
  put(p, 'allegro_buyer_login', c.allegroBuyerLogin);
  put(p, 'woocommerce_customer_id', c.eshopCustomerId);
  put(p, 'odoo_partner_id', c.erpPartnerId);
  return { id: c.id, properties: p, createdAt, updatedAt };
}

/**
 * Loyalty points as the staff of a Polish shop type them into a text property: with a space or a dot between
 * thousands, or a zero fraction after a comma, the form picked by the contact id (no randomness: the same contact
 * always reads the same, and the standard portal's values are untouched).
 */
export function polishTypedPoints(points: number, contactId: string): string {
  const form = Number(contactId.slice(-1)) % 4;
  const grouped = (sep: string) => String(points).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  switch (form) {
    case 0:
      return grouped(' ');
    case 1:
      return String(points);
    case 2:
      return grouped('.');
    default:
      return `${grouped('\u00a0')},00`;
  }
}

/** The `text-pl` portal's values of our custom properties (see `PortalVariant`), from the standard wire values. */
export function toTextPlPortal(w: WireObjectSeed): WireObjectSeed {
  const p: WireProperties = { ...w.properties };
  const points = p['loyalty_points'];
  if (points !== undefined) p['loyalty_points'] = polishTypedPoints(Number(points), w.id);
  const tier = p['loyalty_tier'] as (typeof LOYALTY_TIERS)[number] | undefined;
  if (tier !== undefined) p['loyalty_tier'] = POLISH_LOYALTY_TIERS[tier][0];
  for (const name of ['consent_email_marketing', 'consent_sms_marketing', 'consent_phone_marketing', 'consent_profiling']) {
    const v = p[name];
    if (v !== undefined) p[name] = v === 'true' ? 'tak' : 'nie';
  }
  const at = p['consent_updated_at'];
  // a date picker keeps the day only
  if (at !== undefined) p['consent_updated_at'] = at.slice(0, 10);
  return { ...w, properties: p };
}

export function noteToWire(n: CrmNote): WireNoteSeed {
  const createdAt = isoMillis(n.createdAt);
  const p: WireProperties = {};
  put(p, 'hs_note_body', n.body);
  put(p, 'hs_timestamp', createdAt);
  put(p, 'hubspot_owner_id', n.ownerId);
  put(p, 'hs_createdate', createdAt);
  put(p, 'hs_lastmodifieddate', createdAt);
  put(p, 'hs_object_id', n.id);
  return { id: n.id, properties: p, createdAt, updatedAt: createdAt, contactIds: [n.contactId] };
}

const AGENT_FIRST = ['Agnieszka', 'Tomasz', 'Magdalena', 'Paweł', 'Katarzyna', 'Michał', 'Joanna', 'Krzysztof'];
const AGENT_LAST = ['Wiśniewska', 'Zieliński', 'Kamińska', 'Lewandowski', 'Dąbrowska', 'Mazur', 'Krawczyk', 'Piotrowski'];

const ASCII: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

function asciiLower(s: string): string {
  return s.toLowerCase().replace(/[ąćęłńóśźż]/g, (ch) => ASCII[ch] ?? ch);
}

/**
 * The call-center agents behind the notes. The dataset only knows their owner ids, so names come from a fixed list
 * in owner-id order: the same dataset always yields the same owners.
 */
export function ownersFromNotes(notes: readonly CrmNote[], generatedAt: string): WireOwner[] {
  const ids = [...new Set(notes.map((n) => n.ownerId))].sort((a, b) => compareNumericIds(a, b));
  const at = isoMillis(generatedAt);
  return ids.map((id, i) => {
    const firstName = AGENT_FIRST[i % AGENT_FIRST.length]!;
    const lastName = AGENT_LAST[(i * 3) % AGENT_LAST.length]!;
    const userId = 70_000_000 + i * 137;
    return {
      id,
      email: `${asciiLower(firstName)}.${asciiLower(lastName)}${i >= AGENT_FIRST.length ? i : ''}@callcenter.example.pl`,
      type: 'PERSON',
      firstName,
      lastName,
      userId,
      userIdIncludingInactive: userId,
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
  });
}

/** Numeric-string ids ordered as numbers (no leading zeros in HubSpot ids, so length first, then text). */
export function compareNumericIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface DemoContact {
  key: string;
  description: string;
  contactId: string;
  email: string | null;
  phone: string | null;
  allegroBuyerLogin: string | null;
  woocommerceCustomerId: number | null;
  try: string;
}

export function demoContacts(dataset: Dataset): DemoContact[] {
  return dataset.demoCustomers.map((d) => ({
    key: d.key,
    description: d.description,
    contactId: d.crmContactId,
    email: d.email,
    phone: d.phone,
    allegroBuyerLogin: d.allegroBuyerLogin,
    woocommerceCustomerId: d.eshopCustomerId,
    try: `GET /crm/v3/objects/contacts/${d.crmContactId}?properties=email,loyalty_points,loyalty_tier&associations=notes`,
  }));
}
