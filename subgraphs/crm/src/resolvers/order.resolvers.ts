/**
 * The order side of the CRM: `orderByReference` (which only validates: each channel classifies and looks up the
 * references it owns, and `OrderReferenceLookup` picks the order from their hits), and the customer of an order,
 * found by the identity each channel knows (`@requires`): the billing e-mail or the registered customer of an e-shop
 * order, the Allegro buyer of an Allegro order. Allegro buyers are never matched by e-mail: Allegro shows relay
 * addresses.
 */
import type {
  CustomerMatch,
  EshopOrderResolvers,
  MarketplaceOrderResolvers,
  OrderReferenceLookupResolvers,
  OrderResolvers,
  QueryResolvers,
  ResolversTypes,
} from '../__generated__/resolvers-types.ts';
import { badUserInput, notFound } from '@omnigraph/shared/errors';
import { foldText, toPolishNationalNumber } from '@omnigraph/shared/lookup';
import { GraphQLError } from 'graphql';
import type { CrmContext } from '../context.ts';
import { linkableEmail, MatchSet, orderedSources } from '../identity-linking.ts';
import type { ChannelIdentityInput, OrderReferenceHitInput, OrderReferenceHitsInput, OrderReferenceLookupModel } from '../lookup-models.ts';
import type { CrmContact } from '../upstream/crm-client.ts';
import { toCustomerModel } from './customer.resolvers.ts';

/** The longest reference any channel gives (order numbers, UUIDs, tracking numbers, sale-order names are shorter). */
export const MAX_ORDER_REFERENCE_LENGTH = 64;
/** Most candidates an order suggests. */
const MAX_CANDIDATES = 10;

/** The reference as the channels receive it: trimmed; BAD_USER_INPUT for what no channel could own. */
export function checkOrderReference(reference: string): string {
  const text = reference.trim();
  // eslint-disable-next-line no-control-regex
  if (text === '' || text.length > MAX_ORDER_REFERENCE_LENGTH || /[\u0000-\u001f\u007f]/.test(text)) {
    throw badUserInput(`"reference" must be 1–${MAX_ORDER_REFERENCE_LENGTH} printable characters.`, 'reference');
  }
  return text;
}

const HIT_LISTS = ['eshopHits', 'marketplaceHits', 'erpHits'] as const;

/** Every hit of the channels, newest first (hits without a date last), one per order. */
function hitsOf(parent: OrderReferenceLookupModel): OrderReferenceHitInput[] {
  const byOrder = new Map<string, OrderReferenceHitInput>();
  for (const name of HIT_LISTS) {
    for (const hit of parent[name]?.hits ?? []) {
      const id = `${hit.ref.typename}:${hit.ref.id}`;
      // the same order through two references (an ERP sale order pointing at the e-shop order): keep the first
      if (!byOrder.has(id)) byOrder.set(id, hit);
    }
  }
  const time = (hit: OrderReferenceHitInput) => (hit.placedAt ? Date.parse(hit.placedAt) : Number.NEGATIVE_INFINITY);
  return [...byOrder.values()].sort((a, b) => time(b) - time(a));
}

/**
 * Why there is no order: a channel that may own the reference could not be asked (its own error is in the response;
 * ours names it), or some channel recognised its form and nobody knows it (NOT_FOUND), or no channel recognised it
 * (BAD_USER_INPUT).
 */
function noOrderError(parent: OrderReferenceLookupModel): GraphQLError {
  const lists: (OrderReferenceHitsInput | null | undefined)[] = HIT_LISTS.map((name) => parent[name]);
  const failed = HIT_LISTS.filter((_, i) => lists[i] === null || lists[i] === undefined);
  if (failed.length > 0) {
    const services = failed.map((n) => n.replace('Hits', ''));
    return new GraphQLError(`The reference could not be looked up: ${services.join(', ')} could not be asked.`, {
      extensions: { code: 'UPSTREAM_UNAVAILABLE', serviceName: services[0] },
    });
  }
  if (lists.some((list) => list?.recognised)) return notFound(`No order has the reference "${parent.reference}".`);
  return badUserInput('"reference" is not an order number, checkout-form id, tracking number or sale-order name.', 'reference');
}

function orderOf(hit: OrderReferenceHitInput): ResolversTypes['Order'] {
  // a reference for the owning subgraph to resolve; the generated type also wants the @external fields
  return { __typename: hit.ref.typename, id: hit.ref.id } as unknown as ResolversTypes['Order'];
}

export const orderQueryResolvers: QueryResolvers = {
  orderByReference: (_parent, { reference }) => ({ reference: checkOrderReference(reference) }),
};

export const orderReferenceLookupResolvers: OrderReferenceLookupResolvers = {
  __resolveReference: (reference) => reference as OrderReferenceLookupModel,
  reference: (parent) => parent.reference,
  order(parent) {
    const [newest] = hitsOf(parent);
    if (newest === undefined) throw noOrderError(parent);
    return orderOf(newest);
  },
  matches(parent) {
    const hits = hitsOf(parent);
    // nothing found answers as `order` does, so the lookup is null with the reason whatever is selected
    if (hits.length === 0) throw noOrderError(parent);
    return hits.map((hit) => ({ kind: hit.kind, order: orderOf(hit) }));
  },
};

/** The buyer the channel sent (`@requires(fields: "buyerIdentity { … }")`); absent from a plain reference. */
function buyerOf(parent: object): ChannelIdentityInput | null | undefined {
  return 'buyerIdentity' in parent ? (parent.buyerIdentity as ChannelIdentityInput | null | undefined) : undefined;
}

function toMatch(contact: CrmContact, rules: CustomerMatch['rules'], sources: CustomerMatch['sources']) {
  return { customer: toCustomerModel(contact), rules, sources: orderedSources(sources) };
}

/** The stored link of an order's buyer: the e-shop customer id or the Allegro buyer id / login the CRM holds. */
async function storedLinkOfBuyer(buyer: ChannelIdentityInput, context: CrmContext): Promise<CrmContact | null> {
  const { loaders } = context;
  const id = buyer.id?.trim() || null;
  if (buyer.kind === 'ESHOP_CUSTOMER' && id !== null && id !== '0') return loaders.contactByEshopCustomerId.load(id);
  if (buyer.kind === 'ALLEGRO_BUYER') {
    const login = buyer.login?.trim() || null;
    const [byId, byLogin] = await Promise.all([
      id === null ? null : loaders.contactByAllegroBuyerId.load(id),
      login === null ? null : loaders.contactByAllegroLogin.load(login),
    ]);
    return byId ?? byLogin;
  }
  return null;
}

/** STORED_LINK, else (e-shop only) EMAIL_MATCH of the billing e-mail; never a relay address. */
async function customerLinkOf(buyer: ChannelIdentityInput | null | undefined, context: CrmContext) {
  if (!buyer) return null;
  const stored = await storedLinkOfBuyer(buyer, context);
  if (stored !== null) return toMatch(stored, ['STORED_LINK'], [buyer.source, 'CRM']);
  if (buyer.source !== 'ESHOP') return null;
  const email = linkableEmail(buyer);
  if (email === null) return null;
  const contacts = await context.loaders.contactsByEmail.load(email);
  // the contact whose primary address it is before one holding it as an additional address
  const contact = contacts.find((c) => c.email === email) ?? contacts[0];
  return contact === undefined ? null : toMatch(contact, ['EMAIL_MATCH'], [buyer.source, 'CRM']);
}

/**
 * Suggestions for a buyer linked to nobody: the same phone (PHONE_MATCH), the same first and last name at the same
 * postal code (NAME_MATCH). Both through batched loaders, so a page of orders costs one search of each kind. The NIP
 * is not a CRM property: a company buyer is linked through the ERP partner the CRM stores (odoo_partner_id), which
 * the ERP subgraph resolves; here it is not compared. Never an e-mail: an Allegro buyer has only relay addresses,
 * and an e-shop e-mail that matches is a link, not a candidate.
 */
async function customerCandidatesOf(buyer: ChannelIdentityInput | null | undefined, context: CrmContext) {
  if (!buyer) return [];
  if ((await customerLinkOf(buyer, context)) !== null) return [];
  const { loaders } = context;
  const national = buyer.phone ? toPolishNationalNumber(buyer.phone) : null;
  const first = buyer.firstName ? foldText(buyer.firstName) : '';
  const last = buyer.lastName ? foldText(buyer.lastName) : '';
  const postalCode = buyer.postalCode?.trim() || null;
  const [byPhone, atPostalCode] = await Promise.all([
    national === null ? [] : loaders.contactsByPhone.load(national),
    postalCode === null || first === '' || last === '' ? [] : loaders.contactsByPostalCode.load(postalCode),
  ]);
  const set = new MatchSet();
  for (const contact of byPhone) set.add(contact, ['PHONE_MATCH'], [buyer.source, 'CRM']);
  for (const contact of atPostalCode) {
    if (foldText(contact.firstName ?? '') === first && foldText(contact.lastName ?? '') === last) {
      set.add(contact, ['NAME_MATCH'], [buyer.source, 'CRM']);
    }
  }
  return set.ranked(MAX_CANDIDATES).map(({ contact, rules, sources }) => toMatch(contact, rules, sources));
}

export const orderResolvers: OrderResolvers = {
  __resolveType: (parent) => (parent.__typename === 'MarketplaceOrder' ? 'MarketplaceOrder' : 'EshopOrder'),
};

export const eshopOrderResolvers: EshopOrderResolvers = {
  // A stub owned by `eshop`: the representation (id, and billingEmail / buyerIdentity as required) is all we need.
  __resolveReference: (reference) => reference,
  customerLink: (parent, _args, context) => customerLinkOf(buyerOf(parent), context),
  customerCandidates: (parent, _args, context) => customerCandidatesOf(buyerOf(parent), context),
  async customer(parent, _args, context) {
    const email = 'billingEmail' in parent ? parent.billingEmail?.trim() : undefined;
    if (!email) return null;
    const contact = await context.loaders.contactByEmail.load(email);
    return contact === null ? null : toCustomerModel(contact);
  },
};

export const marketplaceOrderResolvers: MarketplaceOrderResolvers = {
  // A stub owned by `marketplace`: the representation (id, and buyerLogin / buyerIdentity as required) is all we need.
  __resolveReference: (reference) => reference,
  customerLink: (parent, _args, context) => customerLinkOf(buyerOf(parent), context),
  customerCandidates: (parent, _args, context) => customerCandidatesOf(buyerOf(parent), context),
  async customer(parent, _args, context) {
    const login = 'buyerLogin' in parent ? parent.buyerLogin?.trim() : undefined;
    if (!login) return null;
    const contact = await context.loaders.contactByAllegroLogin.load(login);
    return contact === null ? null : toCustomerModel(contact);
  },
};
