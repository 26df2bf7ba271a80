/**
 * `Query.customerLookup` and the `CustomerLookup` entity (ADR 0010): the root only validates the criterion and names
 * the lookup by its normalised key; each channel subgraph resolves the same key and contributes the identities it
 * holds (`…Identities`, `@requires`d here); `matches` links them, and what the CRM itself finds for the criterion, to
 * CRM customers with the rules and sources behind each.
 */
import type { CustomerLookupResolvers, IdentitySource, QueryResolvers } from '../__generated__/resolvers-types.ts';
import { badUserInput } from '@omnigraph/shared/errors';
import { formatLookupKey, isAllegroRelayEmail, parseLookupKey, type LookupCriterion } from '@omnigraph/shared/lookup';
import type { CrmContext } from '../context.ts';
import { linkIdentities, MatchSet, rulesOfLink, sourcesOfLink, type ContactMatch } from '../identity-linking.ts';
import { checkFirst, criterionFromArgs } from '../lookup-args.ts';
import { CHANNEL_LISTS, type ChannelIdentityInput, type CustomerLookupModel } from '../lookup-models.ts';
import { toCustomerModel } from './customer.resolvers.ts';
import type { CrmContact } from '../upstream/crm-client.ts';

const LOOKUP_KINDS = ['email', 'phone', 'name', 'allegroLogin', 'company', 'nip'] as const;

/** Most contacts the CRM's own name or company search contributes; the answer is cut to `first` after ranking. */
const CRM_SEARCH_LIMIT = 100;

/** What the CRM itself holds for the criterion, and by which rule. The NIP is not a CRM property: the ERP answers it. */
async function crmOwnMatches(
  criterion: LookupCriterion,
  context: CrmContext,
): Promise<{ contacts: CrmContact[]; rule: ContactMatch['rules'][number] }> {
  const { loaders } = context;
  switch (criterion.kind) {
    case 'email':
      // never through an Allegro relay address (a purchase's alias, which the CRM may keep among additional e-mails)
      if (isAllegroRelayEmail(criterion.value)) return { contacts: [], rule: 'CRM_RECORD' };
      // the batched e-mail match: an identity of a channel with the same address costs nothing more
      return { contacts: await loaders.contactsByEmail.load(criterion.value), rule: 'CRM_RECORD' };
    case 'phone':
      return { contacts: await loaders.contactsByPhone.load(criterion.value), rule: 'CRM_RECORD' };
    case 'allegroLogin': {
      const contact = await loaders.contactByAllegroLogin.load(criterion.value);
      return { contacts: contact === null ? [] : [contact], rule: 'STORED_LINK' };
    }
    case 'name':
      return { contacts: await loaders.findContactsByName({ words: criterion.value.split(' '), limit: CRM_SEARCH_LIMIT }), rule: 'NAME_MATCH' };
    case 'company':
      return {
        contacts: await loaders.findContactsByCompany({ words: criterion.value.split(' '), limit: CRM_SEARCH_LIMIT }),
        rule: 'COMPANY_MATCH',
      };
    case 'nip':
      return { contacts: [], rule: 'NIP_MATCH' };
  }
}

export const customerLookupQueryResolvers: QueryResolvers = {
  customerLookup(_parent, args) {
    const criterion = criterionFromArgs(args, LOOKUP_KINDS);
    const first = checkFirst(args.first);
    return { key: formatLookupKey(criterion, first) };
  },
};

export const customerLookupResolvers: CustomerLookupResolvers = {
  // the representation is the key and, for `matches` / `unavailableSources`, the channels' lists
  __resolveReference: (reference) => reference as CustomerLookupModel,
  key: (parent) => parent.key,

  unavailableSources(parent) {
    const out: IdentitySource[] = [];
    for (const [source, name] of CHANNEL_LISTS) if (parent[name] === null || parent[name] === undefined) out.push(source);
    return out;
  },

  async matches(parent, _args, context) {
    const criterion = parseLookupKey(parent.key);
    // only this subgraph makes keys (customerLookup); a forged `_entities` key is a client error, not ours
    if (criterion === null) throw badUserInput('Not a customer lookup key.', 'key');
    // A relay address names a purchase, not a person: nothing found through it is a match, whatever a channel
    // contributes (a marketplace buyer looked up by it would otherwise link through the stored buyer id).
    if (criterion.kind === 'email' && isAllegroRelayEmail(criterion.value)) return [];
    const identities: ChannelIdentityInput[] = CHANNEL_LISTS.flatMap(([, name]) => parent[name] ?? []);
    const [own, links] = await Promise.all([crmOwnMatches(criterion, context), linkIdentities(identities, context.loaders)]);
    const set = new MatchSet();
    for (const contact of own.contacts) set.add(contact, [own.rule], ['CRM']);
    for (const link of links) for (const contact of link.contacts) set.add(contact, rulesOfLink(link), sourcesOfLink(link));
    return set.ranked(criterion.first).map(({ contact, rules, sources }) => ({ customer: toCustomerModel(contact), rules, sources }));
  },
};
