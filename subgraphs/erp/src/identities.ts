/**
 * ERP partners as channel identities (`ChannelIdentity` of schema/erp.graphql): which partners a customer-lookup
 * criterion or a CRM customer matches, by which rule, and what of them the CRM may link by.
 */
import {
  foldText,
  isAllegroRelayEmail,
  normaliseNip,
  toPolishNationalNumber,
  type ChannelIdentityModel,
  type LookupCriterion,
} from '@omnigraph/shared/lookup';
import type { ErpPartnerModel, ErpPartnerQuery } from './upstream/erp-client.ts';

export type ErpIdentityRule = 'STORED_LINK' | 'EMAIL_MATCH' | 'NIP_MATCH' | 'PHONE_MATCH' | 'COMPANY_MATCH';

/** The `ChannelIdentity` the erp subgraph hands out: an ERP partner. */
export interface ErpIdentityModel extends ChannelIdentityModel {
  source: 'ERP';
  kind: 'ERP_PARTNER';
  id: string;
  matchedOn: ErpIdentityRule;
  login: null;
  firstName: null;
  lastName: null;
}

/** The partner search a criterion needs; null when the ERP holds nothing to match it by (then no call is made). */
export function partnerQueryFor(criterion: LookupCriterion): ErpPartnerQuery | null {
  switch (criterion.kind) {
    case 'nip':
      return normaliseNip(criterion.value) === null ? null : { nips: [criterion.value] };
    case 'company':
      // punctuation alone names no company (and an empty `ilike` would match every one)
      return looseName(criterion.value) === '' ? null : { companyNames: [criterion.value] };
    case 'email':
      // a relay address names an Allegro transaction, never a person: nothing is ever matched through it
      return isAllegroRelayEmail(criterion.value) ? null : { emails: [criterion.value.toLowerCase()] };
    case 'phone':
      return /^\d{9}$/.test(criterion.value) ? { phones: [criterion.value] } : null;
    case 'name':
    case 'allegroLogin':
      // Odoo partners carry one free-text name (no first/last split) and no Allegro login
      return null;
  }
}

/** The partner's NIP: its own tax id, or for a contact person the commercial partner's. */
export function partnerNip(partner: ErpPartnerModel): string | null {
  const own = partner.vat === null ? null : normaliseNip(partner.vat);
  if (own !== null) return own;
  return partner.commercial?.vat ? normaliseNip(partner.commercial.vat) : null;
}

function partnerPhone(partner: ErpPartnerModel): string | null {
  for (const phone of partner.phones) {
    const national = toPolishNationalNumber(phone);
    if (national !== null) return national;
  }
  return null;
}

function realEmail(partner: ErpPartnerModel): string | null {
  return partner.email === null || isAllegroRelayEmail(partner.email) ? null : partner.email.trim();
}

export function toIdentity(partner: ErpPartnerModel, matchedOn: ErpIdentityRule): ErpIdentityModel {
  const company = partner.isCompany ? partner.name : partner.commercial?.isCompany ? partner.commercial.name : null;
  return {
    source: 'ERP',
    kind: 'ERP_PARTNER',
    id: String(partner.id),
    matchedOn,
    email: realEmail(partner),
    phone: partnerPhone(partner),
    login: null,
    nip: partnerNip(partner),
    companyName: company === '' ? null : company,
    firstName: null,
    lastName: null,
    postalCode: partner.zip,
    since: partner.createdAt,
  };
}

/**
 * A company name as people type it: folded, punctuation as spaces ("Sp. z o.o." and "sp z oo" differ only in dots and
 * spaces, which nobody reads out on the phone).
 */
export function looseName(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `partner` really matches `criterion` (the search returns a superset). */
export function matchesCriterion(partner: ErpPartnerModel, criterion: LookupCriterion): boolean {
  switch (criterion.kind) {
    case 'nip':
      return partnerNip(partner) === criterion.value;
    case 'company':
      return partner.isCompany && looseName(criterion.value) !== '' && looseName(partner.name).includes(looseName(criterion.value));
    case 'email':
      return realEmail(partner)?.toLowerCase() === criterion.value.toLowerCase();
    case 'phone':
      return partner.phones.some((phone) => toPolishNationalNumber(phone) === criterion.value);
    default:
      return false;
  }
}

const RULE_OF_KIND: Readonly<Record<LookupCriterion['kind'], ErpIdentityRule | null>> = {
  nip: 'NIP_MATCH',
  company: 'COMPANY_MATCH',
  email: 'EMAIL_MATCH',
  phone: 'PHONE_MATCH',
  name: null,
  allegroLogin: null,
};

/** The identities a criterion finds among `partners`, by partner id. */
export function identitiesForCriterion(criterion: LookupCriterion, partners: readonly ErpPartnerModel[]): ErpIdentityModel[] {
  const rule = RULE_OF_KIND[criterion.kind];
  if (rule === null) return [];
  return partners
    .filter((p) => matchesCriterion(p, criterion))
    .sort((a, b) => a.id - b.id)
    .map((p) => toIdentity(p, rule));
}

/** What the erp subgraph knows of a CRM customer: its stored partner link and its e-mail. */
export interface CustomerRef {
  partnerId: number | null;
  /** lower-case; null when none or a relay address */
  email: string | null;
}

/** `erpPartnerId` as the CRM stores it (`odoo_partner_id`): a positive integer, or nothing usable. */
export function parsePartnerId(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2_147_483_647 ? Number(text) : null;
}

export function customerRef(representation: { email?: unknown; erpPartnerId?: unknown }): CustomerRef {
  const email = typeof representation.email === 'string' ? representation.email.trim().toLowerCase() : '';
  return {
    partnerId: parsePartnerId(representation.erpPartnerId),
    email: email !== '' && email.includes('@') && !isAllegroRelayEmail(email) ? email : null,
  };
}

/** The linked partner (STORED_LINK) first, then the other partners holding the customer's e-mail (EMAIL_MATCH). */
export function identitiesForCustomer(ref: CustomerRef, partners: readonly ErpPartnerModel[]): ErpIdentityModel[] {
  const identities: ErpIdentityModel[] = [];
  const linked = ref.partnerId === null ? undefined : partners.find((p) => p.id === ref.partnerId);
  if (linked) identities.push(toIdentity(linked, 'STORED_LINK'));
  if (ref.email !== null) {
    for (const p of [...partners].sort((a, b) => a.id - b.id)) {
      if (p.id !== linked?.id && realEmail(p)?.toLowerCase() === ref.email) identities.push(toIdentity(p, 'EMAIL_MATCH'));
    }
  }
  return identities;
}
