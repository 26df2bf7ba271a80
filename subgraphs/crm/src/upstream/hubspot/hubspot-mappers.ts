/**
 * Pure HubSpot DTO → CRM domain conversions. HubSpot sends every property as a string (or null), so this is where
 * "1240" becomes 1240, "true" becomes true and "gold" becomes GOLD.
 */
import { createLogger, oncePerKey } from '@omnigraph/shared/logging';
import { createCrmContactId, type CrmContact, type CrmLoyaltyTier } from '../crm-client.ts';
import type { CrmNote } from '../crm-client.ts';
import { HUBSPOT_CUSTOM_CONTACT_PROPERTIES, type HubSpotContactDto, type HubSpotNoteDto } from './hubspot-dtos.ts';
import {
  foldHubSpotOption,
  readHubSpotBoolean,
  readHubSpotDate,
  readHubSpotEmail,
  readHubSpotEnum,
  readHubSpotId,
  readHubSpotInteger,
  readHubSpotMultiValue,
  readHubSpotText,
  type HubSpotNumberLocale,
  type HubSpotValue,
} from './hubspot-values.ts';

/** A property value the mapper could not read (or a custom property the portal does not have), for the log. */
export interface UnreadableHubSpotValue {
  /** the HubSpot record id */
  objectId: string;
  property: string;
  /** why; never the value, which may be personal data */
  reason: string;
}

export interface HubSpotMappingOptions {
  /**
   * CRM_NUMBER_LOCALE: null when the portal holds `loyalty_points` as a HubSpot number property (our setup: "1.250"
   * is HubSpot's 1.25); `pl` / `en` when it holds it as text typed in that locale ("1.250" is 1250 in `pl`).
   */
  numberLocale: HubSpotNumberLocale | null;
  /** CRM_LOYALTY_TIER_VALUES: the portal's own `loyalty_tier` option values, folded, on top of {@link LOYALTY_TIER_VALUES} */
  loyaltyTierValues?: ReadonlyMap<string, CrmLoyaltyTier> | undefined;
  /** told of every value read as its fallback; {@link logUnreadableHubSpotValue} by default */
  onUnreadable?: ((problem: UnreadableHubSpotValue) => void) | undefined;
}

/**
 * Our `loyalty_tier` enumeration's option values (`standard`, `silver`, `gold`, `platinum`, README), and what a portal
 * that created the property by hand in Polish calls them; compared folded (case and diacritics ignored).
 */
export const LOYALTY_TIER_VALUES: ReadonlyMap<string, CrmLoyaltyTier> = new Map<string, CrmLoyaltyTier>([
  ['standard', 'STANDARD'],
  ['silver', 'SILVER'],
  ['gold', 'GOLD'],
  ['platinum', 'PLATINUM'],
  ['standardowy', 'STANDARD'],
  ['podstawowy', 'STANDARD'],
  ['srebrny', 'SILVER'],
  ['zloty', 'GOLD'],
  ['platynowy', 'PLATINUM'],
]);

const MISSING = 'property missing from the response: the portal has not created it (see the root README)';

/**
 * The default report: one warning per property and record (one per property for a missing property), bounded by
 * `oncePerKey`. Record ids and property names only; values never reach the log.
 */
export const logUnreadableHubSpotValue: (problem: UnreadableHubSpotValue) => void = (() => {
  // oncePerKey hands its report the key only; the problem being reported is this synchronous call's
  let current: UnreadableHubSpotValue | null = null;
  const report = oncePerKey(() => {
    createLogger({ name: 'crm' }).warn(current, 'HubSpot property value not readable; its documented fallback is shown');
  });
  return (problem) => {
    current = problem;
    report(`${problem.property}\u0000${problem.reason === MISSING ? '*' : problem.objectId}`);
    current = null;
  };
})();

export const DEFAULT_HUBSPOT_MAPPING: HubSpotMappingOptions = { numberLocale: null };

/**
 * One record's reads: a value that cannot be read is reported and replaced by the fallback the caller documents.
 */
function recordReader(objectId: string, options: HubSpotMappingOptions) {
  const report = options.onUnreadable ?? logUnreadableHubSpotValue;
  return function read<T, F>(property: string, result: HubSpotValue<T>, fallback: F): T | F {
    if (result.kind === 'value') return result.value;
    if (result.kind === 'unreadable') report({ objectId, property, reason: result.reason });
    return fallback;
  };
}

/** "2026-01-10", epoch ms or ISO datetime as ISO 8601 with `Z`; null when unset or unreadable. */
export function mapHubSpotDateTimeProperty(raw: string | null | undefined): string | null {
  const read = readHubSpotDate(raw);
  return read.kind === 'value' ? read.value : null;
}

/**
 * A contact as the graph shows it. Fallbacks, each reported once ({@link HubSpotMappingOptions.onUnreadable}):
 * - `loyalty_points`: unset → 0 (no points yet); unreadable ("n/a", an ambiguous "1,250" without CRM_NUMBER_LOCALE,
 *   beyond GraphQL Int) → null, never a guess; a fraction is dropped (whole points).
 * - `loyalty_tier`: unset or an unknown option value → STANDARD, the entry tier, which grants nothing.
 * - `consent_*`: unset or unreadable → false: a consent counts only when the CRM clearly records it.
 * - dates, e-mails, channel ids: unreadable → null (an id is never guessed: a wrong link shows another person's orders).
 */
export function mapHubSpotContactDtoToCrmContact(dto: HubSpotContactDto, options: HubSpotMappingOptions = DEFAULT_HUBSPOT_MAPPING): CrmContact {
  const p = dto.properties;
  const read = recordReader(dto.id, options);
  const report = options.onUnreadable ?? logUnreadableHubSpotValue;
  // a portal without one of our custom properties is told once, not per contact
  for (const name of HUBSPOT_CUSTOM_CONTACT_PROPERTIES) if (!(name in p)) report({ objectId: dto.id, property: name, reason: MISSING });
  const tiers = options.loyaltyTierValues ?? LOYALTY_TIER_VALUES;
  const points = readHubSpotInteger(p.loyalty_points, { type: options.numberLocale === null ? 'number' : 'text', locale: options.numberLocale });
  const consent = (name: 'consent_email_marketing' | 'consent_sms_marketing' | 'consent_phone_marketing' | 'consent_profiling') =>
    read(name, readHubSpotBoolean(p[name]), false);
  const additionalEmails = readHubSpotMultiValue(p.hs_additional_emails)
    .map((e) => read('hs_additional_emails', readHubSpotEmail(e), null))
    .filter((e): e is string => e !== null);
  return {
    id: createCrmContactId(dto.id),
    email: read('email', readHubSpotEmail(p.email), null),
    additionalEmails: [...new Set(additionalEmails)],
    firstName: readHubSpotText(p.firstname),
    lastName: readHubSpotText(p.lastname),
    companyName: readHubSpotText(p.company),
    street: readHubSpotText(p.address),
    city: readHubSpotText(p.city),
    postalCode: readHubSpotText(p.zip),
    country: readHubSpotText(p.country),
    createdAt: read('createdate', readHubSpotDate(dto.createdAt ?? p.createdate), null),
    // phones stay as typed: any format reaches the graph, which derives E.164 from it (Customer.phoneE164)
    phone: readHubSpotText(p.phone),
    mobilePhone: readHubSpotText(p.mobilephone),
    loyalty: {
      // unset: nothing earned yet
      points: points.kind === 'unset' ? 0 : read('loyalty_points', points, null),
      tier: read('loyalty_tier', readHubSpotEnum(p.loyalty_tier, tiers), 'STANDARD'),
    },
    consents: {
      emailMarketing: consent('consent_email_marketing'),
      smsMarketing: consent('consent_sms_marketing'),
      phoneMarketing: consent('consent_phone_marketing'),
      profiling: consent('consent_profiling'),
      updatedAt: read('consent_updated_at', readHubSpotDate(p.consent_updated_at), null),
    },
    eshopCustomerId: read('woocommerce_customer_id', readHubSpotId(p.woocommerce_customer_id), null),
    allegroBuyerId: read('allegro_buyer_id', readHubSpotId(p.allegro_buyer_id), null),
    allegroBuyerLogin: readHubSpotText(p.allegro_buyer_login),
    erpPartnerId: read('odoo_partner_id', readHubSpotId(p.odoo_partner_id), null),
  };
}

/** Folds the keys of a portal's own tier values (`CRM_LOYALTY_TIER_VALUES`) and adds ours under them. */
export function loyaltyTierValuesWith(extra: ReadonlyMap<string, CrmLoyaltyTier>): ReadonlyMap<string, CrmLoyaltyTier> {
  return new Map([...LOYALTY_TIER_VALUES, ...[...extra].map(([k, v]) => [foldHubSpotOption(k), v] as const)]);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * `hs_note_body` is HTML (the CRM's rich-text editor writes `<p>`, `<br>`, `<strong>`…); the graph gives plain text:
 * block ends and `<br>` become line breaks, other tags go, entities are decoded, and runs of blank lines shrink to one.
 * Not a sanitiser: the result is text for a client to show as text, never to inject as HTML.
 */
export function mapHubSpotNoteHtmlToText(html: string | null | undefined): string {
  if (html === null || html === undefined) return '';
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * An agent's plain-text note as `hs_note_body` HTML: `&`, `<`, `>`, quotes escaped (a body is text, never markup the
 * CRM would render), line breaks as `<br>` so the timeline shows them; {@link mapHubSpotNoteHtmlToText} reads it back.
 */
export function mapTextToHubSpotNoteHtml(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br>');
}

export function mapHubSpotNoteDtoToCrmNote(dto: HubSpotNoteDto): CrmNote {
  const p = dto.properties;
  return {
    id: dto.id,
    body: mapHubSpotNoteHtmlToText(p.hs_note_body),
    // hs_timestamp is required on create; a note imported without it shows when HubSpot stored it
    createdAt:
      mapHubSpotDateTimeProperty(p.hs_timestamp) ??
      mapHubSpotDateTimeProperty(p.hs_createdate) ??
      mapHubSpotDateTimeProperty(dto.createdAt) ??
      new Date(0).toISOString(),
    idempotencyKey: readHubSpotText(p.omnigraph_idempotency_key),
  };
}
