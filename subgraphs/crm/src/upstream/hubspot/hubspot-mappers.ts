/**
 * Pure HubSpot DTO → CRM domain conversions. HubSpot sends every property as a string (or null), so this is where
 * "1240" becomes 1240, "true" becomes true and "gold" becomes GOLD.
 */
import { createCrmContactId, type CrmContact, type CrmLoyaltyTier } from '../crm-client.ts';
import type { CrmNote } from '../crm-client.ts';
import type { HubSpotContactDto, HubSpotNoteDto } from './hubspot-dtos.ts';

const LOYALTY_TIERS: Readonly<Record<string, CrmLoyaltyTier>> = {
  standard: 'STANDARD',
  silver: 'SILVER',
  gold: 'GOLD',
  platinum: 'PLATINUM',
};

/** An empty string is how HubSpot shows a cleared value in some places; treat it like null. */
function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/**
 * A HubSpot number property ("1240", sometimes "1240.0") as an integer; 0 when unset. A value that is not a number
 * at all also reads as 0 rather than failing the whole contact: loyalty is shown, not computed, here.
 */
export function mapHubSpotIntegerProperty(value: string | null | undefined): number {
  const t = text(value);
  if (t === null) return 0;
  const n = Number(t);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** HubSpot booleans are "true"/"false"; unset means no consent was given. */
export function mapHubSpotBooleanProperty(value: string | null | undefined): boolean {
  return text(value)?.toLowerCase() === 'true';
}

/** Our `loyalty_tier` enumeration's lowercase values; unset or unknown reads as STANDARD, the entry tier. */
export function mapHubSpotLoyaltyTier(value: string | null | undefined): CrmLoyaltyTier {
  return LOYALTY_TIERS[text(value)?.toLowerCase() ?? ''] ?? 'STANDARD';
}

/** HubSpot datetimes are ISO strings or epoch-ms strings; the graph speaks ISO 8601 with `Z`. */
export function mapHubSpotDateTimeProperty(value: string | null | undefined): string | null {
  const t = text(value);
  if (t === null) return null;
  const ms = /^\d+$/.test(t) ? Number(t) : Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Number properties used as ids (`woocommerce_customer_id`, `odoo_partner_id`) may come back as "2317.0". */
function idText(value: string | null | undefined): string | null {
  const t = text(value);
  return t !== null && /^\d+\.0+$/.test(t) ? t.slice(0, t.indexOf('.')) : t;
}

/**
 * `hs_additional_emails` is a multiple-checkbox property: its values are joined with `;` on the wire
 * (https://developers.hubspot.com/docs/faq/how-do-i-set-multiple-values-for-checkbox-properties).
 */
export function mapHubSpotMultiValueProperty(value: string | null | undefined): string[] {
  const t = text(value);
  if (t === null) return [];
  return [...new Set(t.split(';').map((v) => v.trim().toLowerCase()))].filter((v) => v !== '');
}

export function mapHubSpotContactDtoToCrmContact(dto: HubSpotContactDto): CrmContact {
  const p = dto.properties;
  return {
    id: createCrmContactId(dto.id),
    // HubSpot stores addresses lower-case; a real portal may still hold an old mixed-case one
    email: text(p.email)?.toLowerCase() ?? null,
    additionalEmails: mapHubSpotMultiValueProperty(p.hs_additional_emails),
    firstName: text(p.firstname),
    lastName: text(p.lastname),
    companyName: text(p.company),
    street: text(p.address)?.trim() ?? null,
    city: text(p.city)?.trim() ?? null,
    postalCode: text(p.zip),
    country: text(p.country)?.trim() ?? null,
    createdAt: mapHubSpotDateTimeProperty(dto.createdAt ?? p.createdate),
    phone: text(p.phone),
    mobilePhone: text(p.mobilephone),
    loyalty: { points: mapHubSpotIntegerProperty(p.loyalty_points), tier: mapHubSpotLoyaltyTier(p.loyalty_tier) },
    consents: {
      emailMarketing: mapHubSpotBooleanProperty(p.consent_email_marketing),
      smsMarketing: mapHubSpotBooleanProperty(p.consent_sms_marketing),
      phoneMarketing: mapHubSpotBooleanProperty(p.consent_phone_marketing),
      profiling: mapHubSpotBooleanProperty(p.consent_profiling),
      updatedAt: mapHubSpotDateTimeProperty(p.consent_updated_at),
    },
    eshopCustomerId: idText(p.woocommerce_customer_id),
    allegroBuyerId: idText(p.allegro_buyer_id),
    allegroBuyerLogin: text(p.allegro_buyer_login),
    erpPartnerId: idText(p.odoo_partner_id),
  };
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
    idempotencyKey: text(p.omnigraph_idempotency_key),
  };
}
