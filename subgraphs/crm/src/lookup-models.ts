/**
 * The parents of the lookup resolvers: what the gateway hands this subgraph in an `_entities` representation. The
 * channel lists arrive through `@requires`; `null` means the channel could not be asked (its error travels with the
 * response), `undefined` that it was not sent.
 */
import type { IdentityKind, IdentityRule, IdentitySource, OrderReferenceKind } from './__generated__/resolvers-types.ts';

/** A person as a channel knows them (`ChannelIdentity`). */
export interface ChannelIdentityInput {
  source: IdentitySource;
  kind: IdentityKind;
  id?: string | null | undefined;
  matchedOn: IdentityRule;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  login?: string | null | undefined;
  nip?: string | null | undefined;
  companyName?: string | null | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  postalCode?: string | null | undefined;
  since?: string | null | undefined;
}

export type ChannelIdentityList = readonly ChannelIdentityInput[] | null | undefined;

/** The three channel lists, as `CustomerLookup` and `Customer` receive them. */
export interface ChannelIdentityLists {
  eshopIdentities?: ChannelIdentityList;
  marketplaceIdentities?: ChannelIdentityList;
  erpIdentities?: ChannelIdentityList;
}

export interface CustomerLookupModel extends ChannelIdentityLists {
  key: string;
}

export interface OrderReferenceHitInput {
  ref: { typename: string; id: string };
  kind: OrderReferenceKind;
  placedAt?: string | null | undefined;
}

export interface OrderReferenceHitsInput {
  recognised: boolean;
  hits: readonly OrderReferenceHitInput[];
}

export interface OrderReferenceLookupModel {
  reference: string;
  eshopHits?: OrderReferenceHitsInput | null | undefined;
  marketplaceHits?: OrderReferenceHitsInput | null | undefined;
  erpHits?: OrderReferenceHitsInput | null | undefined;
}

/** The lists in the order sources are reported. */
export const CHANNEL_LISTS = [
  ['ESHOP', 'eshopIdentities'],
  ['MARKETPLACE', 'marketplaceIdentities'],
  ['ERP', 'erpIdentities'],
] as const satisfies readonly (readonly [IdentitySource, keyof ChannelIdentityLists])[];
