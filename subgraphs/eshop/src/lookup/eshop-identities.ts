/**
 * The e-shop's people as `ChannelIdentity` models: built from orders and registered customers the loaders already
 * read, so nothing here calls WooCommerce. Pure functions; the lookups that feed them are in `eshop-lookups.ts`.
 *
 * What identifies a person in WooCommerce: a registered customer (WordPress user id) or, for guest checkouts
 * (`customer_id` 0), nothing but the billing e-mail of their orders. Allegro relay addresses (`@allegromail.pl`,
 * on orders imported from Allegro) are per-transaction aliases, never a person's address: never given as one.
 */
import {
  isAllegroRelayEmail,
  normaliseNip,
  toPolishNationalNumber,
  type ChannelIdentityModel,
  type IdentityRuleName,
} from '@omnigraph/shared/lookup';
import type { EshopBuyerModel, EshopCustomerModel, EshopOrderModel } from '../upstream/eshop-client.ts';

export type IdentityRuleModel = IdentityRuleName;

/** The GraphQL `ChannelIdentity` as this subgraph builds it: `id` is the WooCommerce customer id, null for guests. */
export interface EshopIdentityModel extends ChannelIdentityModel {
  source: 'ESHOP';
  kind: 'ESHOP_CUSTOMER' | 'ESHOP_GUEST';
  login: null;
}

/** A real e-mail address, or null for none and for an Allegro relay address. */
export function realEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim() ?? '';
  return trimmed === '' || isAllegroRelayEmail(trimmed) ? null : trimmed;
}

function phoneOf(raw: string | null): string | null {
  return raw === null ? null : toPolishNationalNumber(raw);
}

function fromBuyer(
  buyer: EshopBuyerModel,
): Pick<EshopIdentityModel, 'email' | 'phone' | 'nip' | 'companyName' | 'firstName' | 'lastName' | 'postalCode'> {
  return {
    email: realEmail(buyer.email),
    phone: phoneOf(buyer.phone),
    nip: buyer.nip === null ? null : normaliseNip(buyer.nip),
    companyName: buyer.companyName,
    firstName: buyer.firstName,
    lastName: buyer.lastName,
    postalCode: buyer.postalCode,
  };
}

/**
 * The buyer of one order: the registered account (the shop's own link, STORED_LINK) or the guest behind the billing
 * e-mail (EMAIL_MATCH). `since` is unknown from one order.
 */
export function buyerIdentityOfOrder(order: EshopOrderModel): EshopIdentityModel {
  const registered = order.customerId !== null;
  return {
    source: 'ESHOP',
    kind: registered ? 'ESHOP_CUSTOMER' : 'ESHOP_GUEST',
    id: order.customerId,
    matchedOn: registered ? 'STORED_LINK' : 'EMAIL_MATCH',
    login: null,
    ...fromBuyer(order.buyer),
    since: null,
  };
}

function byPlacedAt(a: EshopOrderModel, b: EshopOrderModel): number {
  return a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : 0;
}

/**
 * The people behind a set of orders a lookup found, one identity each: a registered customer per customer id (its
 * account e-mail, name and creation date when `customers` has it), a guest per billing e-mail (or, without a real
 * one, per phone). Details come from the person's newest order; `since` is the account's creation or the first order.
 */
export function identitiesOfOrders(
  orders: readonly EshopOrderModel[],
  matchedOn: IdentityRuleModel,
  customers: ReadonlyMap<string, EshopCustomerModel> = new Map(),
): EshopIdentityModel[] {
  const groups = new Map<string, EshopOrderModel[]>();
  for (const order of orders) {
    const key =
      order.customerId !== null
        ? `customer:${order.customerId}`
        : `guest:${realEmail(order.buyer.email)?.toLowerCase() ?? phoneOf(order.buyer.phone) ?? `order:${order.orderId}`}`;
    const group = groups.get(key);
    if (group) group.push(order);
    else groups.set(key, [order]);
  }
  const identities: EshopIdentityModel[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort(byPlacedAt);
    const first = sorted[0]!;
    const newest = sorted[sorted.length - 1]!;
    const details = fromBuyer(newest.buyer);
    if (newest.customerId !== null) {
      const customer = customers.get(newest.customerId);
      identities.push({
        source: 'ESHOP',
        kind: 'ESHOP_CUSTOMER',
        id: newest.customerId,
        matchedOn,
        login: null,
        ...details,
        email: realEmail(customer?.email) ?? details.email,
        since: customer?.createdAt ?? first.placedAt,
      });
    } else {
      identities.push({ source: 'ESHOP', kind: 'ESHOP_GUEST', id: null, matchedOn, login: null, ...details, since: first.placedAt });
    }
  }
  return identities.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
}

/** A registered customer found by their account (e-mail lookup): the account's own data, since its creation. */
export function identityOfCustomer(customer: EshopCustomerModel, matchedOn: IdentityRuleModel): EshopIdentityModel {
  return {
    source: 'ESHOP',
    kind: 'ESHOP_CUSTOMER',
    id: customer.customerId,
    matchedOn,
    email: realEmail(customer.email),
    phone: phoneOf(customer.phone),
    login: null,
    nip: null,
    companyName: customer.companyName,
    firstName: customer.firstName,
    lastName: customer.lastName,
    postalCode: customer.postalCode,
    since: customer.createdAt,
  };
}

/** Legal-form endings Polish company names carry or drop at will ("Kawiarnia Pod Lipami Sp. z o.o."). */
const LEGAL_FORM =
  /\s*,?\s*(sp(olka)?\.?\s*z\s*o\.?\s*o\.?|s\.?\s*a\.?|sp\.?\s*j\.?|sp\.?\s*k\.?|s\.?\s*c\.?|spolka (jawna|komandytowa|cywilna|akcyjna))$/;

/** A company name compared as people type it: folded (case, Polish letters), quotes and a trailing legal form dropped. */
export function companyKey(folded: string): string {
  return folded
    .replace(/["'„”«»]/g, '')
    .replace(LEGAL_FORM, '')
    .replace(/\s+/g, ' ')
    .trim();
}
