/**
 * The e-shop's answers to a customer lookup (`CustomerLookup.eshopIdentities`) and to a CRM customer's identities
 * (`Customer.eshopIdentities`), over the request's loaders (so concurrent fields share calls, and the customer's
 * identities reuse exactly what `eshopOrderSummaries` reads).
 *
 * WooCommerce calls per lookup, at most (ORDER_SEARCH_MAX_PAGES = 2 pages of 100 per search):
 * - `email`: 1 `GET /customers?email=` + the guest-order pages of `GET /orders?search=<email>&customer=0`
 *   (1 unless the address has more than 100 guest orders);
 * - `phone`: 4 order searches (the spellings below) × ≤ 2 pages + 1 `GET /customers?include=` (≤ 100 customers);
 * - `company`: 1 order search × ≤ 2 pages + 1 `GET /customers?include=`;
 * - `nip` (only with ESHOP_NIP_META_KEY): 3 order searches (digits, 3-3-2-2, 3-2-2-3) × ≤ 2 pages + 1 customers read;
 * - `name`, `allegroLogin`, an unknown kind, an Allegro relay e-mail: none.
 * None of this grows with the number of identities found.
 */
import { foldText, normaliseNip, parseLookupKey, toPolishNationalNumber, isAllegroRelayEmail } from '@omnigraph/shared/lookup';
import { isShopId, type EshopCustomerModel, type EshopOrderId, type EshopOrderModel } from '../upstream/eshop-client.ts';
import type { EshopLoaders, EshopOrderSummaryModel } from '../upstream/eshop-loaders.ts';
import { companyKey, identitiesOfOrders, identityOfCustomer, type EshopIdentityModel, type IdentityRuleModel } from './eshop-identities.ts';

export interface EshopLookupOptions {
  /** ESHOP_NIP_META_KEY set: the shop stores NIPs (and its search finds them); unset → NIP lookups answer [] */
  nipLookup: boolean;
}

/**
 * The spellings a phone is searched by. The order search is a substring match over the phone as the shopper typed
 * it, so "600100200" does not find "600-100-200": the mobile groupings (digits only, "600 100 200", "600-100-200")
 * and a landline's subscriber part as it is grouped ("422 18 90", inside "+48 12 422 18 90" and "(12) 422 18 90"),
 * each also found inside its "+48 …" / "0048…" forms. Every hit is re-checked on the national number, so the wider
 * subscriber-part search never yields another area's number.
 */
export function phoneSearchTerms(national: string): string[] {
  const mobile = [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
  const subscriber = [national.slice(2, 5), national.slice(5, 7), national.slice(7)];
  return [national, mobile.join(' '), mobile.join('-'), subscriber.join(' ')];
}

/** A NIP as checkout fields take it: digits (also inside "PL…"), and the two dashed groupings people write. */
export function nipSearchTerms(nip: string): string[] {
  return [
    nip,
    `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`,
    `${nip.slice(0, 3)}-${nip.slice(3, 5)}-${nip.slice(5, 7)}-${nip.slice(7)}`,
  ];
}

function orderIdOf(summary: EshopOrderSummaryModel): EshopOrderId {
  return summary.ref.id.slice('eshop:'.length) as EshopOrderId;
}

/** The orders behind summaries the same request just listed (memo hits; stored copies when the list stood in). */
async function ordersOf(loaders: EshopLoaders, summaries: readonly EshopOrderSummaryModel[]): Promise<EshopOrderModel[]> {
  const orders = await loaders.orderById.loadMany(summaries.map(orderIdOf));
  return orders.filter((order): order is EshopOrderModel => order !== null && !(order instanceof Error));
}

/** The registered customers behind orders, in one batch read (dates of account creation, account e-mails). */
async function customersOf(loaders: EshopLoaders, orders: readonly EshopOrderModel[]): Promise<Map<string, EshopCustomerModel>> {
  const ids = [...new Set(orders.flatMap((order) => (order.customerId === null ? [] : [order.customerId])))];
  const customers = await loaders.customerById.loadMany(ids);
  const byId = new Map<string, EshopCustomerModel>();
  for (const customer of customers) if (customer !== null && !(customer instanceof Error)) byId.set(customer.customerId, customer);
  return byId;
}

async function throughSearch(
  loaders: EshopLoaders,
  terms: readonly string[],
  keep: (order: EshopOrderModel) => boolean,
  rule: IdentityRuleModel,
): Promise<EshopIdentityModel[]> {
  const found = await Promise.all(terms.map((term) => loaders.ordersBySearch.load(term)));
  const byId = new Map<string, EshopOrderModel>();
  for (const orders of found) for (const order of orders ?? []) if (keep(order)) byId.set(order.orderId, order);
  const orders = [...byId.values()];
  return identitiesOfOrders(orders, rule, await customersOf(loaders, orders));
}

/**
 * `CustomerLookup.eshopIdentities` for a lookup key. Throws the loaders' UpstreamError when WooCommerce fails (the
 * field is nullable: null plus the error).
 */
export async function lookupEshopIdentities(key: string, loaders: EshopLoaders, options: EshopLookupOptions): Promise<EshopIdentityModel[]> {
  const criterion = parseLookupKey(key);
  if (criterion === null) return [];
  switch (criterion.kind) {
    case 'email': {
      const email = criterion.value.trim().toLowerCase();
      // a relay address names one Allegro transaction, not a person
      if (email === '' || isAllegroRelayEmail(email)) return [];
      const [customers, guestSummaries] = await Promise.all([loaders.customersByEmail.load(email), loaders.guestOrders.load(email)]);
      const registered = (customers ?? []).map((customer) => identityOfCustomer(customer, 'EMAIL_MATCH'));
      const guests = identitiesOfOrders(await ordersOf(loaders, guestSummaries ?? []), 'EMAIL_MATCH');
      return [...registered, ...guests];
    }
    case 'phone': {
      const national = toPolishNationalNumber(criterion.value);
      if (national === null) return [];
      return throughSearch(
        loaders,
        phoneSearchTerms(national),
        (order) => order.buyer.phone !== null && toPolishNationalNumber(order.buyer.phone) === national,
        'PHONE_MATCH',
      );
    }
    case 'company': {
      const wanted = companyKey(foldText(criterion.value));
      if (wanted === '') return [];
      // The search gets the folded name: MySQL's default WordPress collation (utf8mb4_unicode_520_ci) compares
      // case- and accent-insensitively, so "zaklad" finds "Zakład" there.
      return throughSearch(
        loaders,
        [criterion.value],
        (order) => order.buyer.companyName !== null && companyKey(foldText(order.buyer.companyName)) === wanted,
        'COMPANY_MATCH',
      );
    }
    case 'nip': {
      const nip = normaliseNip(criterion.value);
      if (!options.nipLookup || nip === null) return [];
      return throughSearch(loaders, nipSearchTerms(nip), (order) => order.buyer.nip !== null && normaliseNip(order.buyer.nip) === nip, 'NIP_MATCH');
    }
    case 'name':
    case 'allegroLogin':
      // WooCommerce cannot search names reliably (substring over everything) and knows no Allegro logins.
      return [];
  }
}

/**
 * `Customer.eshopIdentities`: the account the CRM links (STORED_LINK) and the guest orders placed with the
 * customer's e-mail (EMAIL_MATCH), from the same loaders (and so the same calls) as `eshopOrderSummaries`. `since`:
 * the first order of each (the account's creation date would cost a call per customer).
 */
export async function customerEshopIdentities(
  customer: { email: string | null; customerId: string | null },
  loaders: EshopLoaders,
): Promise<EshopIdentityModel[]> {
  // The two lists eshopOrderSummaries loads through the same (memoised) loaders: both fields cost the calls of one.
  const customerId = customer.customerId !== null && isShopId(customer.customerId) ? customer.customerId : null;
  const email = customer.email !== null && customer.email.trim() !== '' && !isAllegroRelayEmail(customer.email) ? customer.email : null;
  const [registered, guest] = await Promise.all([
    customerId === null ? null : loaders.customerOrders.load(customerId),
    email === null ? null : loaders.guestOrders.load(email),
  ]);
  const identities: EshopIdentityModel[] = [];
  if (customerId !== null) {
    const [account] = identitiesOfOrders(await ordersOf(loaders, registered ?? []), 'STORED_LINK');
    identities.push(
      account ?? {
        // linked in the CRM but no order yet: the link itself is the identity
        source: 'ESHOP',
        kind: 'ESHOP_CUSTOMER',
        id: customerId,
        matchedOn: 'STORED_LINK',
        email: null,
        phone: null,
        login: null,
        nip: null,
        companyName: null,
        firstName: null,
        lastName: null,
        postalCode: null,
        since: null,
      },
    );
  }
  if (email !== null) {
    identities.push(...identitiesOfOrders(await ordersOf(loaders, guest ?? []), 'EMAIL_MATCH').filter((identity) => identity.kind === 'ESHOP_GUEST'));
  }
  return identities;
}
