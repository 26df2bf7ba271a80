/**
 * Linking what the channels know of a person to CRM contacts, with provenance (ADR 0010). Nothing is merged: every
 * link is reported with the rules that support it, strongest first, and the caller decides.
 *
 * Each identity is linked by the strongest rule that finds a contact, in phases: the links the CRM stores
 * (`woocommerce_customer_id`, `allegro_buyer_id` / `allegro_buyer_login`, `odoo_partner_id`), then the e-mail (primary
 * or additional, never an Allegro relay address), then the phone. Every phase loads all its identities in one tick
 * through the per-request loaders, so a phase costs one batch read per kind of link or one search, however many
 * identities there are.
 */
import { isAllegroRelayEmail, toPolishNationalNumber } from '@omnigraph/shared/lookup';
import type { IdentityRule, IdentitySource } from './__generated__/resolvers-types.ts';
import type { ChannelIdentityInput } from './lookup-models.ts';
import type { CrmContact } from './upstream/crm-client.ts';
import type { CrmLoaders } from './upstream/crm-loaders.ts';

/** Strongest first: what `rules` lists are sorted by, and how matches are ranked. */
export const RULE_STRENGTH: readonly IdentityRule[] = [
  'CRM_RECORD',
  'STORED_LINK',
  'EMAIL_MATCH',
  'NIP_MATCH',
  'PHONE_MATCH',
  'COMPANY_MATCH',
  'NAME_MATCH',
];
const SOURCE_ORDER: readonly IdentitySource[] = ['CRM', 'ESHOP', 'MARKETPLACE', 'ERP'];

/** Sources in one fixed order (CRM first), each once. */
export function orderedSources(sources: readonly IdentitySource[]): IdentitySource[] {
  return SOURCE_ORDER.filter((s) => sources.includes(s));
}

export interface ContactMatch {
  contact: CrmContact;
  rules: IdentityRule[];
  sources: IdentitySource[];
}

/** Matches per contact, rules and sources united. */
export class MatchSet {
  private readonly byId = new Map<string, { contact: CrmContact; rules: Set<IdentityRule>; sources: Set<IdentitySource> }>();

  add(contact: CrmContact, rules: readonly IdentityRule[], sources: readonly IdentitySource[]): void {
    let entry = this.byId.get(contact.id);
    if (entry === undefined) {
      entry = { contact, rules: new Set(), sources: new Set() };
      this.byId.set(contact.id, entry);
    }
    for (const rule of rules) entry.rules.add(rule);
    for (const source of sources) entry.sources.add(source);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Strongest evidence first: the best rule, then the number of rules, then the contact id (stable). */
  ranked(first: number): ContactMatch[] {
    const matches = [...this.byId.values()].map(({ contact, rules, sources }) => ({
      contact,
      rules: RULE_STRENGTH.filter((r) => rules.has(r)),
      sources: SOURCE_ORDER.filter((s) => sources.has(s)),
    }));
    matches.sort((a, b) => {
      const best = RULE_STRENGTH.indexOf(a.rules[0]!) - RULE_STRENGTH.indexOf(b.rules[0]!);
      if (best !== 0) return best;
      if (a.rules.length !== b.rules.length) return b.rules.length - a.rules.length;
      return a.contact.id < b.contact.id ? -1 : a.contact.id > b.contact.id ? 1 : 0;
    });
    return matches.slice(0, first);
  }
}

/** An identity and the contacts one rule links it to. */
export interface IdentityLink {
  identity: ChannelIdentityInput;
  contacts: CrmContact[];
  rule: IdentityRule;
}

/** The stored link the CRM may hold for an identity, as a loader call; null when the identity has none. */
function storedLinkOf(identity: ChannelIdentityInput, loaders: CrmLoaders): Promise<CrmContact | null> | null {
  const id = identity.id?.trim() || null;
  switch (identity.kind) {
    case 'ESHOP_CUSTOMER':
      return id === null ? null : loaders.contactByEshopCustomerId.load(id);
    case 'ERP_PARTNER':
      return id === null ? null : loaders.contactByErpPartnerId.load(id);
    case 'ALLEGRO_BUYER': {
      const login = identity.login?.trim() || null;
      if (id === null && login === null) return null;
      // the CRM may hold the id, the login or both; one batch read each, shared with every other identity
      return Promise.all([
        id === null ? null : loaders.contactByAllegroBuyerId.load(id),
        login === null ? null : loaders.contactByAllegroLogin.load(login),
      ]).then(([byId, byLogin]) => byId ?? byLogin);
    }
    default:
      return null;
  }
}

/** A real e-mail an identity carries; never an Allegro relay address (a per-buyer alias, not the person's). */
export function linkableEmail(identity: Pick<ChannelIdentityInput, 'email'>): string | null {
  const email = identity.email?.trim().toLowerCase() || null;
  return email === null || isAllegroRelayEmail(email) ? null : email;
}

/**
 * Links each identity by its strongest rule: stored link, else e-mail, else phone. Identities that link to nobody
 * are left out.
 */
export async function linkIdentities(identities: readonly ChannelIdentityInput[], loaders: CrmLoaders): Promise<IdentityLink[]> {
  const links: IdentityLink[] = [];
  const stored = await Promise.all(identities.map((identity) => storedLinkOf(identity, loaders)));
  let rest: ChannelIdentityInput[] = [];
  identities.forEach((identity, i) => {
    const contact = stored[i];
    if (contact) links.push({ identity, contacts: [contact], rule: 'STORED_LINK' });
    else rest.push(identity);
  });

  const byEmail = await Promise.all(rest.map((identity) => mapNullable(linkableEmail(identity), (e) => loaders.contactsByEmail.load(e))));
  const afterEmail: ChannelIdentityInput[] = [];
  rest.forEach((identity, i) => {
    const contacts = byEmail[i] ?? [];
    if (contacts.length > 0) links.push({ identity, contacts, rule: 'EMAIL_MATCH' });
    else afterEmail.push(identity);
  });
  rest = afterEmail;

  const byPhone = await Promise.all(
    rest.map((identity) => mapNullable(identity.phone ? toPolishNationalNumber(identity.phone) : null, (n) => loaders.contactsByPhone.load(n))),
  );
  rest.forEach((identity, i) => {
    const contacts = byPhone[i] ?? [];
    if (contacts.length > 0) links.push({ identity, contacts, rule: 'PHONE_MATCH' });
  });
  return links;
}

function mapNullable<T, U>(value: T | null, f: (value: T) => Promise<U>): Promise<U> | null {
  return value === null ? null : f(value);
}

/** A link's rules: how the identity is linked, and what the channel matched it on. */
export function rulesOfLink(link: IdentityLink): IdentityRule[] {
  return [link.rule, link.identity.matchedOn];
}

/** A link's sources: the channel, and the CRM when the link is stored there. */
export function sourcesOfLink(link: IdentityLink): IdentitySource[] {
  return link.rule === 'STORED_LINK' ? [link.identity.source, 'CRM'] : [link.identity.source];
}
