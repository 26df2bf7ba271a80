import { z } from 'zod';
import type { CustomerBinding } from '@omnigraph/shared/identity';
import { isAllegroRelayEmail } from '@omnigraph/shared/lookup';
import { signedServiceHeaders } from '../subgraph-data-source.ts';

/**
 * One `_entities` call to the crm subgraph, with the gateway's service identity: the customer's CRM record and the
 * channel identities the other subgraphs check rows against. `additionalEmails` goes in a second root field of the
 * same request, so a failure there (a contact whose extra addresses cannot be read) costs the extra addresses only,
 * never the binding.
 */
const BINDING_QUERY = `query CustomerBinding($representations: [_Any!]!) {
  record: _entities(representations: $representations) { ... on Customer { id email eshopCustomerId allegroBuyerLogin erpPartnerId } }
  extra: _entities(representations: $representations) { ... on Customer { additionalEmails } }
}`;

const responseSchema = z.object({
  data: z
    .object({
      record: z
        .array(
          z
            .object({
              id: z.string(),
              email: z.string().nullish(),
              eshopCustomerId: z.string().nullish(),
              allegroBuyerLogin: z.string().nullish(),
              erpPartnerId: z.string().nullish(),
            })
            .nullable(),
        )
        .nullish(),
      extra: z.array(z.object({ additionalEmails: z.array(z.string()).nullish() }).nullable()).nullish(),
    })
    .nullish(),
  errors: z.array(z.object({ extensions: z.object({ code: z.unknown() }).partial().nullish() })).optional(),
});

/** The crm subgraph could not say whether the customer exists (down, timed out, answered an error). */
export class BindingUnavailableError extends Error {
  override name = 'BindingUnavailableError';
}

export interface ResolveBindingOptions {
  crmUrl: string;
  subgraphSecret: string;
  timeoutMs: number;
}

/** Resolves a CRM customer id to its binding; null when the CRM has no such customer. */
export type ResolveBinding = (customerId: string) => Promise<CustomerBinding | null>;

export function createBindingResolver(options: ResolveBindingOptions): ResolveBinding {
  return async (customerId) => {
    const body = JSON.stringify({ query: BINDING_QUERY, variables: { representations: [{ __typename: 'Customer', id: customerId }] } });
    let json: unknown;
    try {
      const response = await fetch(options.crmUrl, {
        method: 'POST',
        headers: signedServiceHeaders(options.subgraphSecret, body),
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new BindingUnavailableError(`crm answered HTTP ${response.status}`);
      json = await response.json();
    } catch (error) {
      if (error instanceof BindingUnavailableError) throw error;
      throw new BindingUnavailableError('crm could not be asked', { cause: error });
    }
    const parsed = responseSchema.safeParse(json);
    if (!parsed.success) throw new BindingUnavailableError('crm answered an unexpected body');
    const record = parsed.data.data?.record?.[0];
    if (record === null || record === undefined) {
      // null with NOT_FOUND (or no error) is "no such customer"; any other error means the CRM was not really asked
      const codes = (parsed.data.errors ?? []).map((e) => e.extensions?.code);
      if (codes.every((code) => code === 'NOT_FOUND')) return null;
      throw new BindingUnavailableError(`crm could not resolve the customer (${codes.map(String).join(', ')})`);
    }
    // HubSpot answers a merged contact's old id with the surviving contact: the binding (and `me`) is the survivor
    const additional = parsed.data.data?.extra?.[0]?.additionalEmails ?? [];
    // Allegro relay addresses are shared by nobody but are no address of the customer's own either: never a key
    const emails = [record.email, ...additional].filter((e): e is string => typeof e === 'string' && e !== '' && !isAllegroRelayEmail(e));
    return {
      customerId: record.id,
      emails,
      ...(record.eshopCustomerId ? { eshopCustomerId: record.eshopCustomerId } : {}),
      ...(record.allegroBuyerLogin ? { allegroBuyerLogin: record.allegroBuyerLogin } : {}),
      ...(record.erpPartnerId ? { erpPartnerId: record.erpPartnerId } : {}),
    };
  };
}
