/**
 * Allegro buyers as `ChannelIdentity` models, from checkout forms the loaders already read (no call here), and the
 * marketplace's answers to lookups. Allegro has no customer API: a buyer is only known through their checkout forms,
 * and the only buyer filter of `GET /order/checkout-forms` is `buyer.login`. Buyer e-mails are per-transaction relay
 * addresses (`@allegromail.pl`) and are never given, so `email` is always null.
 *
 * Allegro calls per lookup: `allegroLogin` → ⌈the buyer's forms / 100⌉ list calls (the same listing, and loader, as
 * the customer's order summaries); `phone` → none (the buyer directory, `buyer-directory.ts`, built from forms read
 * anyway and a budgeted backfill); `email`, `name`, `company`, `nip` → none (Allegro cannot search by them).
 */
import { normaliseNip, parseLookupKey, toPolishNationalNumber, type ChannelIdentityModel } from '@omnigraph/shared/lookup';
import type { MarketplaceBuyerModel, MarketplaceOrderModel, MarketplaceOrderSummaryModel } from '../upstream/marketplace-client.ts';
import type { MarketplaceLoaders } from '../upstream/marketplace-loaders.ts';
import type { BuyerDirectory, DirectoryBuyer } from './buyer-directory.ts';

/** The GraphQL `ChannelIdentity` as this subgraph builds it: an Allegro buyer, never with an e-mail (relay addresses). */
export interface MarketplaceIdentityModel extends ChannelIdentityModel {
  source: 'MARKETPLACE';
  kind: 'ALLEGRO_BUYER';
  matchedOn: 'STORED_LINK' | 'PHONE_MATCH';
  email: null;
  login: string;
}

type Details = Pick<MarketplaceIdentityModel, 'id' | 'login' | 'phone' | 'nip' | 'companyName' | 'firstName' | 'lastName' | 'postalCode'>;

function detailsOf(buyer: MarketplaceBuyerModel): Details {
  return {
    id: buyer.id,
    login: buyer.login,
    phone: buyer.phone === null ? null : toPolishNationalNumber(buyer.phone),
    nip: buyer.nip === null ? null : normaliseNip(buyer.nip),
    companyName: buyer.companyName,
    firstName: buyer.firstName,
    lastName: buyer.lastName,
    postalCode: buyer.postalCode,
  };
}

/**
 * The buyer of one checkout form. matchedOn STORED_LINK: an Allegro buyer is linked to a CRM contact only through the
 * stored `allegro_buyer_id` / `allegro_buyer_login`. `since` is unknown from one form.
 */
export function buyerIdentityOfOrder(order: MarketplaceOrderModel): MarketplaceIdentityModel {
  return { source: 'MARKETPLACE', kind: 'ALLEGRO_BUYER', matchedOn: 'STORED_LINK', email: null, ...detailsOf(order.buyer), since: null };
}

/**
 * One buyer from all their forms: each detail from the newest form that has it (a buyer may leave the phone out of
 * one purchase), `since` their first purchase. Null for no forms (Allegro cannot confirm a login without a purchase).
 */
export function buyerIdentityOfOrders(orders: readonly MarketplaceOrderModel[]): MarketplaceIdentityModel | null {
  if (orders.length === 0) return null;
  const newestFirst = [...orders].sort((a, b) => (a.placedAt < b.placedAt ? 1 : a.placedAt > b.placedAt ? -1 : 0));
  const merged = detailsOf(newestFirst[0]!.buyer);
  for (const order of newestFirst.slice(1)) {
    const details = detailsOf(order.buyer);
    for (const field of ['id', 'phone', 'nip', 'companyName', 'firstName', 'lastName', 'postalCode'] as const) {
      if (merged[field] === null) merged[field] = details[field];
    }
  }
  return {
    source: 'MARKETPLACE',
    kind: 'ALLEGRO_BUYER',
    matchedOn: 'STORED_LINK',
    email: null,
    ...merged,
    since: newestFirst[newestFirst.length - 1]!.placedAt,
  };
}

function formIdOf(summary: MarketplaceOrderSummaryModel): string {
  return summary.ref.id.slice('marketplace:'.length);
}

/**
 * The buyer behind a login, through `orderSummariesByBuyerLogin` (which puts every listed form into the loader's
 * memo and cache): asked together with `marketplaceOrderSummaries`, no extra call. Throws the loader's error when
 * Allegro fails (the fields are nullable).
 */
export async function buyerIdentitiesByLogin(login: string, loaders: MarketplaceLoaders): Promise<MarketplaceIdentityModel[]> {
  const trimmed = login.trim();
  if (trimmed === '') return [];
  const summaries = (await loaders.orderSummariesByBuyerLogin.load(trimmed)) ?? [];
  const orders = await loaders.orderByNumber.loadMany(summaries.map(formIdOf));
  const identity = buyerIdentityOfOrders(orders.filter((order): order is MarketplaceOrderModel => order !== null && !(order instanceof Error)));
  return identity === null ? [] : [identity];
}

/** A buyer the directory knows for a phone (PHONE_MATCH): as last seen, since their first form seen. */
export function identityOfDirectoryBuyer(buyer: DirectoryBuyer): MarketplaceIdentityModel {
  return {
    source: 'MARKETPLACE',
    kind: 'ALLEGRO_BUYER',
    id: buyer.id,
    matchedOn: 'PHONE_MATCH',
    email: null,
    phone: buyer.phone,
    login: buyer.login,
    nip: buyer.nip,
    companyName: buyer.companyName,
    firstName: buyer.firstName,
    lastName: buyer.lastName,
    postalCode: buyer.postalCode,
    since: buyer.since,
  };
}

/**
 * `CustomerLookup.marketplaceIdentities` for a lookup key: a login through Allegro's `buyer.login` listing, a phone
 * through the buyer directory (no Allegro call), nothing else.
 */
export async function lookupMarketplaceIdentities(
  key: string,
  loaders: MarketplaceLoaders,
  directory: Pick<BuyerDirectory, 'findByPhone'> | null = null,
): Promise<MarketplaceIdentityModel[]> {
  const criterion = parseLookupKey(key);
  if (criterion === null) return [];
  switch (criterion.kind) {
    case 'allegroLogin':
      return buyerIdentitiesByLogin(criterion.value, loaders);
    case 'phone': {
      const national = toPolishNationalNumber(criterion.value);
      if (national === null || directory === null) return [];
      return (await directory.findByPhone(national)).map(identityOfDirectoryBuyer);
    }
    // Allegro searches forms by login only. E-mails on forms are relay addresses: never a key.
    case 'email':
    case 'name':
    case 'company':
    case 'nip':
      return [];
  }
}
