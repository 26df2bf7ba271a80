/**
 * `Customer` (owned here, `@key(fields: "id")`), the customer queries and the merged order list of ADR 0004.
 * Resolvers read contacts through the per-request loaders, never through the client.
 */
import type {
  CustomerIdentity,
  CustomerResolvers,
  OrderConnectionResolvers,
  QueryResolvers,
  ResolversTypes,
} from '../__generated__/resolvers-types.ts';
import type { CrmContext } from '../context.ts';
import { checkOrderListArgs, orderListPageOf, type OrderConnectionModel, type OrderListPage } from '../order-list.ts';
import { encodeOrderListKey } from '@omnigraph/shared/models';
import { isAllegroRelayEmail, toPolishE164 } from '@omnigraph/shared/lookup';
import type { CrmContact, CrmContactModel } from '../upstream/crm-client.ts';
import { notFound } from '@omnigraph/shared/errors';
import { checkFirst, criterionFromArgs } from '../lookup-args.ts';
import { CHANNEL_LISTS, type ChannelIdentityInput, type ChannelIdentityLists } from '../lookup-models.ts';
import { checkNumericId } from '@omnigraph/shared/arguments';
import { customerAddressOf } from '../address.ts';
import { customerNotes } from './notes.resolvers.ts';

/** Most customers one search returns. */
export const MAX_FIND_CUSTOMERS = 100;

const FIND_KINDS = ['email', 'phone', 'name', 'allegroLogin', 'company'] as const;

export function toCustomerModel(contact: CrmContact): CrmContactModel {
  return { id: contact.id, contact };
}

/**
 * The contact behind a Customer. Already there when the customer came from a query or a plain reference; read
 * through the loader (batched with every other customer of this request) when the representation only carried the
 * order summaries.
 */
async function contactOf(parent: CrmContactModel, context: CrmContext): Promise<CrmContact> {
  if (parent.contact) return parent.contact;
  const contact = await context.loaders.contactById.load(parent.id);
  if (contact === null) {
    throw notFound(`Customer ${parent.id} not found.`);
  }
  return contact;
}

/** The number shown for a customer: the phone, or the mobile phone when only that one is filled in. */
function phoneOf(contact: CrmContact): string | null {
  return contact.phone ?? contact.mobilePhone;
}

export const customerQueryResolvers: QueryResolvers = {
  async customer(_parent, { id }, context) {
    // HubSpot record ids are positive 64-bit integers; anything else cannot exist: the client's error, and no call.
    checkNumericId(id, 'id', 'a CRM customer id');
    const contact = await context.loaders.contactById.load(id);
    return contact === null ? null : toCustomerModel(contact);
  },

  async findCustomers(_parent, args, context) {
    const criterion = criterionFromArgs(args, FIND_KINDS);
    const first = checkFirst(args.first);
    const { loaders } = context;
    let contacts: CrmContact[];
    switch (criterion.kind) {
      case 'email': {
        // an Allegro relay address is an alias of a purchase, never a person's key: nobody is found by it
        if (isAllegroRelayEmail(criterion.value)) return [];
        const found = await loaders.findContactsByEmail({ email: criterion.value, limit: MAX_FIND_CUSTOMERS });
        // the contact whose primary address it is first, then those holding it as an additional one
        contacts = [...found.filter((c) => c.email === criterion.value), ...found.filter((c) => c.email !== criterion.value)];
        break;
      }
      case 'phone':
        contacts = await loaders.findContactsByPhone({ nationalNumber: criterion.value, limit: first });
        break;
      case 'name':
        contacts = await loaders.findContactsByName({ words: criterion.value.split(' '), limit: first });
        break;
      case 'company':
        contacts = await loaders.findContactsByCompany({ words: criterion.value.split(' '), limit: first });
        break;
      case 'allegroLogin': {
        const contact = await loaders.contactByAllegroLogin.load(criterion.value);
        contacts = contact === null ? [] : [contact];
        break;
      }
      case 'nip':
        // not a findCustomers argument; criterionFromArgs never returns it here
        contacts = [];
        break;
    }
    return contacts.slice(0, first).map(toCustomerModel);
  },
};

/** The representation's channel lists a `Customer` may carry (`@requires` of `identities`). */
const REPRESENTATION_LISTS = ['eshopIdentities', 'marketplaceIdentities', 'erpIdentities'] as const;

/** A channel identity as the customer's identity: the channel's id, the login of an Allegro buyer, a guest's e-mail. */
function toCustomerIdentity(identity: ChannelIdentityInput): CustomerIdentity | null {
  const value = (() => {
    switch (identity.kind) {
      case 'ALLEGRO_BUYER':
        return identity.login ?? identity.id;
      case 'ESHOP_GUEST':
      case 'EMAIL':
        return identity.email !== null && identity.email !== undefined && !isAllegroRelayEmail(identity.email) ? identity.email.toLowerCase() : null;
      case 'PHONE':
        return identity.phone ? (toPolishE164(identity.phone) ?? identity.phone) : null;
      default:
        return identity.id;
    }
  })();
  if (value === null || value === undefined || value === '') return null;
  return { source: identity.source, kind: identity.kind, value, link: identity.matchedOn, since: identity.since ?? null };
}

/** The contact's own e-mails (relay addresses left out) and phones (E.164 where Polish), as CRM_RECORD. */
function crmRecordIdentities(contact: CrmContact): CustomerIdentity[] {
  const out: CustomerIdentity[] = [];
  const seen = new Set<string>();
  const push = (kind: 'EMAIL' | 'PHONE', value: string | null, since: string | null) => {
    if (value === null || seen.has(`${kind}:${value}`)) return;
    seen.add(`${kind}:${value}`);
    out.push({ source: 'CRM', kind, value, link: 'CRM_RECORD', since });
  };
  push('EMAIL', contact.email, contact.createdAt);
  for (const email of contact.additionalEmails) if (!isAllegroRelayEmail(email)) push('EMAIL', email, null);
  for (const phone of [contact.phone, contact.mobilePhone]) {
    if (phone !== null) push('PHONE', toPolishE164(phone) ?? phone.trim(), null);
  }
  return out;
}

export const customerResolvers: CustomerResolvers = {
  async __resolveReference(reference, context) {
    // The gateway sends the channel identities for `identities`, which need no contact; fields that do need it load
    // it lazily (contactOf), batched.
    if (REPRESENTATION_LISTS.some((name) => name in reference)) {
      const withLists = reference as typeof reference & Partial<Record<(typeof REPRESENTATION_LISTS)[number], unknown>>;
      const model: CrmContactModel = { id: reference.id };
      for (const name of REPRESENTATION_LISTS) {
        if (name in withLists) (model as unknown as Record<string, unknown>)[name] = withLists[name] ?? null;
      }
      return model;
    }
    const contact = await context.loaders.contactById.load(reference.id);
    return contact === null ? null : toCustomerModel(contact);
  },
  id: (parent) => parent.id,
  email: async (parent, _args, context) => (await contactOf(parent, context)).email,
  firstName: async (parent, _args, context) => (await contactOf(parent, context)).firstName,
  lastName: async (parent, _args, context) => (await contactOf(parent, context)).lastName,
  async name(parent, _args, context) {
    const contact = await contactOf(parent, context);
    const full = [contact.firstName, contact.lastName].filter((p) => p !== null).join(' ');
    // name is non-null: a contact known only by e-mail (or only by phone) is shown by that
    return full !== '' ? full : (contact.email ?? phoneOf(contact) ?? contact.id);
  },
  phone: async (parent, _args, context) => phoneOf(await contactOf(parent, context)),
  async phoneE164(parent, _args, context) {
    const phone = phoneOf(await contactOf(parent, context));
    return phone === null ? null : toPolishE164(phone);
  },
  loyalty: async (parent, _args, context) => (await contactOf(parent, context)).loyalty,
  consents: async (parent, _args, context) => (await contactOf(parent, context)).consents,
  eshopCustomerId: async (parent, _args, context) => (await contactOf(parent, context)).eshopCustomerId,
  allegroBuyerId: async (parent, _args, context) => (await contactOf(parent, context)).allegroBuyerId,
  allegroBuyerLogin: async (parent, _args, context) => (await contactOf(parent, context)).allegroBuyerLogin,
  erpPartnerId: async (parent, _args, context) => (await contactOf(parent, context)).erpPartnerId,
  async additionalEmails(parent, _args, context) {
    return (await contactOf(parent, context)).additionalEmails.filter((email) => !isAllegroRelayEmail(email));
  },
  companyName: async (parent, _args, context) => (await contactOf(parent, context)).companyName,
  address: async (parent, _args, context) => customerAddressOf(await contactOf(parent, context)),
  // by the customer's id alone: no contact read (a representation carrying only the id costs one association read)
  notes: (parent, { first }, context) => customerNotes(parent, first, context),
  async identities(parent, _args, context) {
    const contact = await contactOf(parent, context);
    const out = crmRecordIdentities(contact);
    const lists: ChannelIdentityLists = parent;
    // a channel that could not be asked (null) is left out; its error is in the response
    for (const [, name] of CHANNEL_LISTS) {
      for (const identity of lists[name] ?? []) {
        const mapped = toCustomerIdentity(identity);
        if (mapped !== null) out.push(mapped);
      }
    }
    return out;
  },
  async orders(parent, { first, after, channel }, context) {
    // Checked before the channels are asked: a bad cursor or size costs no upstream call.
    const page = checkOrderListArgs({ first, after });
    const contact = await contactOf(parent, context);
    const id = encodeOrderListKey({
      customerId: parent.id,
      email: contact.email,
      eshopCustomerId: contact.eshopCustomerId,
      allegroBuyerLogin: contact.allegroBuyerLogin,
      first: page.first,
      after: page.after,
      channel: channel ?? null,
    });
    return { id };
  },
};

/** One merge per connection object, whichever of its four fields asks first. */
const pages = new WeakMap<OrderConnectionModel, OrderListPage>();
function pageOf(connection: OrderConnectionModel): OrderListPage {
  let page = pages.get(connection);
  if (page === undefined) {
    page = orderListPageOf(connection);
    pages.set(connection, page);
  }
  return page;
}

/**
 * The third step of ADR 0014's plan: the gateway sends the key back with both channels' slices (`@requires`); the
 * merge needs nothing else. Nodes are references ({ __typename, id }) that the owning subgraphs resolve.
 */
export const orderConnectionResolvers: OrderConnectionResolvers = {
  __resolveReference: (reference) => reference as OrderConnectionModel,
  // the generated edge type also wants the @external fields of the order types, which a reference never carries
  edges: (parent) => pageOf(parent).edges as unknown as ResolversTypes['OrderEdge'][],
  pageInfo: (parent) => pageOf(parent).pageInfo,
  totalCount: (parent) => pageOf(parent).totalCount,
  unavailableChannels: (parent) => pageOf(parent).unavailableChannels,
};
