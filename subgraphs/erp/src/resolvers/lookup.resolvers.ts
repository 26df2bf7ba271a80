import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { customerRef } from '../identities.ts';
import { customerKey } from '../upstream/erp-lookup-loaders.ts';

/**
 * The ERP's part of the issue-10 look-ups (entities owned by the crm subgraph): which channel orders an ERP reference
 * names, which partners a customer-lookup criterion finds, and a CRM customer's partners. A reference the ERP does not
 * recognise costs no Odoo call; an upstream failure nulls only the list (the error goes with it).
 */
export const lookupResolvers: Resolvers = {
  OrderReferenceLookup: {
    erpHits: async (parent, _args, { lookups }) => {
      const reference = typeof parent.reference === 'string' ? parent.reference.trim() : '';
      if (lookups.classify(reference) === null) return { recognised: false, hits: [] };
      return { recognised: true, hits: (await lookups.referenceHits.load(reference)) ?? [] };
    },
  },
  CustomerLookup: {
    erpIdentities: async (parent, _args, { lookups }) =>
      typeof parent.key === 'string' ? ((await lookups.lookupIdentities.load(parent.key)) ?? []) : [],
  },
  Customer: {
    erpIdentities: async (parent, _args, { lookups }) => {
      // @requires(fields: "email erpPartnerId"): the gateway sends both with the representation
      const { email, erpPartnerId } = parent as { email?: unknown; erpPartnerId?: unknown };
      const ref = customerRef({ email, erpPartnerId });
      if (ref.partnerId === null && ref.email === null) return [];
      return (await lookups.customerIdentities.load(customerKey(ref))) ?? [];
    },
  },
};
