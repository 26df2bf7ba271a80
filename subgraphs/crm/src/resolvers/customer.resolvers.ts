/**
 * `Customer` (owned here, `@key(fields: "id")`), the customer queries and the merged order list of ADR 0004.
 * Resolvers read contacts through the per-request loaders, never through the client.
 */
import { z } from 'zod';
import type { CustomerResolvers, QueryResolvers, ResolversTypes } from '../__generated__/resolvers-types.ts';
import type { CrmContext } from '../context.ts';
import { buildOrderListPage } from '../order-list.ts';
import { toPolishE164, toPolishNationalNumber } from '@omnigraph/shared/lookup';
import { CRM_MAX_NAME_WORDS, type CrmContact, type CrmContactModel } from '../upstream/crm-client.ts';
import { badUserInput, notFound } from '@omnigraph/shared/errors';
import { checkNumericId } from '@omnigraph/shared/arguments';

/** Most customers one search returns. */
export const MAX_FIND_CUSTOMERS = 100;

const EmailSchema = z.email();

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

/** The words of a name search; `*` is dropped so a user cannot send HubSpot wildcards. */
function nameWords(name: string): string[] {
  return name
    .split(/\s+/)
    .map((w) => w.replaceAll('*', ''))
    .filter((w) => w !== '');
}

export const customerQueryResolvers: QueryResolvers = {
  async customer(_parent, { id }, context) {
    // HubSpot record ids are positive 64-bit integers; anything else cannot exist: the client's error, and no call.
    checkNumericId(id, 'id', 'a CRM customer id');
    const contact = await context.loaders.contactById.load(id);
    return contact === null ? null : toCustomerModel(contact);
  },

  async findCustomers(_parent, { email, phone, name, first }, context) {
    const given = [email, phone, name].filter((c) => c !== null && c !== undefined);
    if (given.length !== 1) throw badUserInput('Give exactly one of "email", "phone" or "name".');
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIND_CUSTOMERS) {
      throw badUserInput(`"first" must be between 1 and ${MAX_FIND_CUSTOMERS}.`);
    }
    if (email !== null && email !== undefined) {
      const trimmed = email.trim();
      if (!EmailSchema.safeParse(trimmed).success) throw badUserInput('"email" is not a valid e-mail address.');
      const contact = await context.loaders.findContactByEmail(trimmed);
      return contact === null ? [] : [toCustomerModel(contact)];
    }
    if (phone !== null && phone !== undefined) {
      const nationalNumber = toPolishNationalNumber(phone);
      if (nationalNumber === null) throw badUserInput('"phone" is not a valid Polish phone number.');
      const contacts = await context.loaders.findContactsByPhone({ nationalNumber, limit: first });
      return contacts.map(toCustomerModel);
    }
    const words = nameWords(name ?? '');
    if (words.length === 0) throw badUserInput('"name" must contain at least one word.');
    if (words.length > CRM_MAX_NAME_WORDS) {
      throw badUserInput(`"name" may have at most ${CRM_MAX_NAME_WORDS} words (a first and a last name).`);
    }
    const contacts = await context.loaders.findContactsByName({ words, limit: first });
    return contacts.map(toCustomerModel);
  },
};

export const customerResolvers: CustomerResolvers = {
  async __resolveReference(reference, context) {
    // Step 3 of ADR 0004's plan: the gateway sends the summaries for `orders`, which needs no contact; fields that
    // do need it load it lazily (contactOf), batched.
    if ('eshopOrderSummaries' in reference || 'marketplaceOrderSummaries' in reference) {
      const withSummaries = reference as typeof reference & Pick<CrmContactModel, 'eshopOrderSummaries' | 'marketplaceOrderSummaries'>;
      return {
        id: reference.id,
        eshopOrderSummaries: withSummaries.eshopOrderSummaries ?? null,
        marketplaceOrderSummaries: withSummaries.marketplaceOrderSummaries ?? null,
      };
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
  orders(parent, { first, after, channel }) {
    const page = buildOrderListPage({
      eshopOrderSummaries: parent.eshopOrderSummaries,
      marketplaceOrderSummaries: parent.marketplaceOrderSummaries,
      first,
      after,
      channel,
    });
    // Nodes are references ({ __typename, id }) that the owning subgraphs resolve; the generated type also wants
    // the @external fields (MarketplaceOrder.buyerLogin), which a reference never carries.
    return page as unknown as ResolversTypes['OrderConnection'];
  },
};
