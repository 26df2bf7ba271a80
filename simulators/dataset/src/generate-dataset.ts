/**
 * Generates the canonical retail dataset shared by the four simulators.
 *
 * Order of work: the ERP catalogue and stock first, then the channel listings, then
 * the people and their identities in each system, then orders (plans, then details),
 * and last the CRM, whose loyalty points and lifecycle stages follow from the orders.
 * Every part draws from its own labelled stream (see random.ts), so the output is a
 * pure function of seed and scale.
 */
import type {
  AllegroBuyer,
  AllegroCheckoutForm,
  Dataset,
  DatasetOptions,
  DemoCustomer,
  ErpPartner,
  EshopCustomer,
  EshopOrder,
  Location,
  Product,
} from './dataset-types.ts';
import { DAY_MS, GENERATED_AT, MINUTE_MS, NOW_MS, OrderCalendar, WINDOW_START_MS, iso, timeBetween } from './clock.ts';
import { COMPANY, buildDemos, demoNotes, demoReservations, planDemoOrders, type Demo } from './demo-customers.ts';
import { allegroBuyerFor, applyOfferSales, buildOffers, materializeForms, type AllegroFormPlan, type OfferInfo } from './generate-allegro.ts';
import { DEMO_POOL_SIZE, MIN_PRODUCTS, buildCatalogue, buildLocations, buildPricelists, buildStock } from './generate-catalogue.ts';
import { buildContacts, buildNotes, indexActivity, memberEshopOrders, memberForms, type CrmMember } from './generate-crm.ts';
import {
  applyEshopTotals,
  buildCoupons,
  buildEshopCatalogue,
  eshopCustomerFor,
  materializeEshopOrders,
  nearestStore,
  type EshopBuyer,
  type EshopCatalogue,
  type EshopDeliveryKind,
  type EshopOrderPlan,
  type Sellable,
} from './generate-eshop.ts';
import { buildErpOrders } from './generate-erp-orders.ts';
import { formatPhoneAsTyped } from './phone.ts';
import { PeopleFactory, type Person } from './people.ts';
import { checkPiiCanary, type Canary } from './pii-canary.ts';
import { Random, WeightedPicker } from './random.ts';

export const DEFAULT_SEED = 20261123;

/** Volumes at scale 1; everything but the demo customers scales linearly. */
const VOLUMES = {
  products: 440,
  eshopCustomers: 1500,
  allegroBuyers: 1800,
  crmContacts: 3000,
  erpCustomers: 200,
  eshopOrders: 5000,
  allegroForms: 4000,
  crmNotes: 300,
};

/**
 * "anna.kowalska@gmail.com" → "Anna.Kowalska@gmail.com": some people type it that way and WooCommerce keeps it.
 * A PII canary stays lower-case, so an exact grep still finds it.
 */
function capitalizeEmail(email: string, canary: Canary): string {
  const [local, domain] = email.split('@') as [string, string];
  const suffix = canary !== null && local.endsWith(`.${canary}`) ? `.${canary}` : '';
  const capitalized = local
    .slice(0, local.length - suffix.length)
    .replace(/(^|[._])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  return `${capitalized}${suffix}@${domain}`;
}

/** Purchase frequency is heavy-tailed: most people buy once or twice, a few every month. */
function heavyTail(rng: Random): number {
  return Math.pow(-Math.log(1 - rng.next()), 1.6) + 0.05;
}

interface Population {
  eshopCustomers: { customer: EshopCustomer; person: Person }[];
  allegroBuyers: { buyer: AllegroBuyer; person: Person }[];
  erpPartners: ErpPartner[];
  members: CrmMember[];
}

function buildPopulation(
  seed: number,
  scale: number,
  factory: PeopleFactory,
  partnerBaseId: number,
  demoContacts: number,
  canary: Canary,
): Population {
  const count = (n: number): number => Math.max(1, Math.round(n * scale));
  const nEshop = count(VOLUMES.eshopCustomers);
  const nAllegro = count(VOLUMES.allegroBuyers);
  const nErp = count(VOLUMES.erpCustomers);

  // E-shop customers; ids follow registration order, after the demo customers' 2000–2002.
  const customerRng = Random.derive(seed, 'eshop-customers');
  const nEshopCompanies = Math.round(nEshop * 0.045);
  const registrations = Array.from({ length: nEshop }, (_, i) => ({
    person: factory.person({ company: i < nEshopCompanies }),
    // Half registered before the order window; the rest join over it, more of them early on.
    createdMs: customerRng.chance(0.5)
      ? timeBetween(customerRng, Date.parse('2023-10-02T06:00:00Z'), WINDOW_START_MS)
      : WINDOW_START_MS + Math.floor((Math.pow(customerRng.next(), 1.4) * (NOW_MS - 3 * DAY_MS - WINDOW_START_MS)) / 1000) * 1000,
  })).sort((a, b) => a.createdMs - b.createdMs || a.person.key - b.person.key);
  const eshopCustomers = registrations.map(({ person, createdMs }, i) => {
    let email = person.altEmail !== null && customerRng.chance(0.6) ? person.altEmail : person.email;
    if (customerRng.chance(0.02)) email = capitalizeEmail(email, canary);
    const customer = eshopCustomerFor(customerRng, person, 2003 + i, createdMs, email, factory.username(person, email));
    return { customer, person };
  });

  // Allegro buyers: a quarter of the e-shop's private customers also buy on Allegro under a login.
  const allegroRng = Random.derive(seed, 'allegro-buyers');
  const privateShoppers = eshopCustomers.filter((c) => c.person.company === null).map((c) => c.person);
  const allegroPersons = allegroRng.sample(privateShoppers, Math.min(privateShoppers.length, Math.round(nEshop * 0.25)));
  while (allegroPersons.length < nAllegro) allegroPersons.push(factory.person({ company: allegroRng.chance(0.04) }));
  const allegroBuyers = allegroPersons.map((person) => {
    const guest = person.company === null && allegroRng.chance(0.07);
    const buyer = allegroBuyerFor(allegroRng, person, {
      id: factory.allegroBuyerId(),
      login: factory.allegroLogin(person, guest),
      relayLocal: factory.relayLocal(),
      guest,
    });
    return { buyer, person };
  });

  // ERP partners: B2B companies (most also buy online) and known private customers (loyalty cards).
  const erpRng = Random.derive(seed, 'erp-partners');
  const nCompanies = Math.round(nErp * 0.4);
  const shopCompanies = eshopCustomers.filter((c) => c.person.company !== null).slice(0, Math.round(nCompanies * 0.55));
  const shopPrivate = erpRng.sample(
    eshopCustomers.filter((c) => c.person.company === null),
    Math.round((nErp - nCompanies) * 0.5),
  );
  const partnerDrafts: { person: Person; customer: EshopCustomer | null; createdMs: number }[] = [];
  for (const { person, customer } of [...shopCompanies, ...shopPrivate]) {
    const from = Date.parse(customer.createdAt);
    partnerDrafts.push({ person, customer, createdMs: timeBetween(erpRng, from + DAY_MS, Math.max(from + 2 * DAY_MS, NOW_MS - DAY_MS)) });
  }
  const offlineTotal = nErp - partnerDrafts.length;
  const offlineCompanies = nCompanies - shopCompanies.length;
  for (let i = 0; i < offlineTotal; i++) {
    partnerDrafts.push({
      person: factory.person({ company: i < offlineCompanies }),
      customer: null,
      createdMs: timeBetween(erpRng, Date.parse('2022-03-01T07:00:00Z'), NOW_MS - 5 * DAY_MS),
    });
  }
  partnerDrafts.sort((a, b) => a.createdMs - b.createdMs || a.person.key - b.person.key);
  const partnerByPerson = new Map<number, number>();
  const erpPartners: ErpPartner[] = partnerDrafts.map(({ person, customer, createdMs }, i) => {
    const id = partnerBaseId + i;
    partnerByPerson.set(person.key, id);
    const isCompany = person.company !== null;
    return {
      id,
      name: person.company?.name ?? `${person.firstName} ${person.lastName}`,
      email: isCompany || erpRng.chance(0.9) ? (customer?.email.toLowerCase() ?? person.email) : null,
      phone: erpRng.chance(0.92) ? formatPhoneAsTyped(person.phoneDigits, 'international-spaced') : null,
      isCompany,
      ref: customer ? `WC-${customer.id}` : !isCompany && erpRng.chance(0.5) ? `KL-${erpRng.digits(6)}` : null,
      vat: person.company?.nip ?? null,
      address: isCompany || erpRng.chance(0.9) ? { ...person.address } : null,
      pricelistId: isCompany ? (erpRng.chance(0.7) ? 2 : 1) : erpRng.chance(0.5) ? 2 : null,
      createdAt: iso(createdMs),
      updatedAt: iso(timeBetween(erpRng, createdMs, NOW_MS - 3600_000)),
    };
  });

  // CRM: 80 % of e-shop customers and 60 % of Allegro buyers are linked; the rest are unknown to it.
  const crmRng = Random.derive(seed, 'crm-members');
  const members = new Map<number, CrmMember>();
  const memberOf = (person: Person): CrmMember => {
    let member = members.get(person.key);
    if (!member) {
      member = { person, eshopCustomer: null, allegroBuyer: null, erpPartnerId: null, noEmail: false, fixed: null };
      members.set(person.key, member);
    }
    return member;
  };
  for (const { customer, person } of eshopCustomers) if (crmRng.chance(0.8)) memberOf(person).eshopCustomer = customer;
  for (const { buyer, person } of allegroBuyers) if (crmRng.chance(0.6)) memberOf(person).allegroBuyer = buyer;
  for (const { person, customer } of partnerDrafts) {
    const partnerId = partnerByPerson.get(person.key) as number;
    if (customer) {
      const member = members.get(person.key);
      if (member && crmRng.chance(0.7)) member.erpPartnerId = partnerId;
    } else if (crmRng.chance(person.company ? 0.6 : 0.85)) {
      memberOf(person).erpPartnerId = crmRng.chance(0.85) ? partnerId : null;
    }
  }
  // Leads and newsletter subscribers fill the CRM up to its size; some are known by phone only.
  const nCrm = count(VOLUMES.crmContacts) - demoContacts;
  while (members.size < nCrm) memberOf(factory.person());
  for (const member of members.values()) {
    if (!member.eshopCustomer && crmRng.chance(0.04)) member.noEmail = true;
  }
  return { eshopCustomers, allegroBuyers, erpPartners, members: [...members.values()] };
}

/** Distinct items for one order, drawn by popularity among those on sale at time `t`. */
function orderLines<T>(
  rng: Random,
  picker: WeightedPicker<T>,
  fallback: readonly T[],
  idOf: (item: T) => string | number,
  availableFrom: (item: T) => number,
  t: number,
  sizes: readonly (readonly [number, number])[],
): T[] {
  const wanted = rng.weighted(sizes);
  const chosen = new Map<string | number, T>();
  for (let tries = 0; chosen.size < wanted && tries < wanted * 8; tries++) {
    const item = picker.pick(rng);
    if (availableFrom(item) <= t && !chosen.has(idOf(item))) chosen.set(idOf(item), item);
  }
  if (chosen.size === 0) {
    const item = rng.pick(fallback);
    chosen.set(idOf(item), item);
  }
  return [...chosen.values()];
}

/** Who buys what and when in the e-shop; details are filled in by materializeEshopOrders. */
function planEshopOrders(
  seed: number,
  count: number,
  population: Population,
  products: readonly Product[],
  eshopCatalogue: EshopCatalogue,
  factory: PeopleFactory,
  calendar: OrderCalendar,
  stores: readonly Location[],
): { plans: EshopOrderPlan[]; sellablePool: Sellable[] } {
  const rng = Random.derive(seed, 'eshop-order-plans');
  const { sellables } = eshopCatalogue;
  // A random popularity ranking per seed: a long tail of products behind a few bestsellers.
  const ranks = rng.shuffle(sellables.map((_, i) => i));
  const weights = new Array<number>(sellables.length);
  ranks.forEach((index, rank) => (weights[index] = 1 / Math.pow(rank + 6, 0.9)));
  const sellablePicker = new WeightedPicker(sellables, weights);
  const sellablePool = products.slice(0, DEMO_POOL_SIZE).map((p) => eshopCatalogue.sellableByProductId.get(p.id) as Sellable);
  // One registered customer in ten never ordered; B2B accounts order more often.
  const customerPicker = new WeightedPicker(
    population.eshopCustomers,
    population.eshopCustomers.map((c) => (rng.chance(0.1) ? 0 : heavyTail(rng) * (c.person.company ? 2 : 1))),
  );
  const crmGuests = population.members.filter((m) => !m.eshopCustomer && !m.noEmail).map((m) => m.person);
  const unknownGuests: Person[] = [];
  const plans: EshopOrderPlan[] = [];
  for (let i = 0; i < count; i++) {
    let buyer: EshopBuyer;
    let fromMs: number | undefined;
    if (rng.chance(0.15)) {
      // Guests: some are CRM contacts checking out under their known e-mail, most are strangers.
      let person: Person;
      if (crmGuests.length > 0 && rng.chance(0.35)) person = rng.pick(crmGuests);
      else if (unknownGuests.length > 0 && rng.chance(0.2)) person = rng.pick(unknownGuests);
      else {
        person = factory.person({ company: rng.chance(0.03) });
        unknownGuests.push(person);
      }
      buyer = { person, customer: null, email: person.email };
    } else {
      const { customer, person } = customerPicker.pick(rng);
      buyer = { person, customer, email: customer.email };
      fromMs = Date.parse(customer.createdAt) + 10 * MINUTE_MS;
    }
    const createdMs = calendar.sample(rng, fromMs);
    const b2b = buyer.person.company !== null;
    const chosen = orderLines(
      rng,
      sellablePicker,
      sellablePool,
      (s) => s.listing.id,
      (s) => s.listedMs,
      createdMs,
      [
        [1, 50],
        [2, 27],
        [3, 13],
        [4, 6],
        [5, 4],
      ],
    );
    const lines = chosen.map((sellable) => {
      const cheap = sellable.listing.regularPriceGross < 3000 || sellable.product.vatRate === 5;
      const quantity = b2b
        ? rng.int(1, 8)
        : cheap
          ? rng.weighted([
              [1, 60],
              [2, 25],
              [3, 10],
              [4, 3],
              [6, 2],
            ])
          : rng.weighted([
              [1, 88],
              [2, 10],
              [3, 2],
            ]);
      return { sellable, quantity };
    });
    // Click-and-collect is popular where there is a store nearby and rare elsewhere.
    const { store, km } = nearestStore(buyer.person, stores);
    const pickupChance = km < 25 ? 0.14 : 0.02;
    const roll = rng.next();
    const delivery: EshopDeliveryKind = roll < pickupChance ? 'pickup' : roll < pickupChance + 0.47 ? 'parcel_locker' : 'courier';
    plans.push({ createdMs, buyer, lines, delivery, storeCode: delivery === 'pickup' ? store.code : null });
  }
  return { plans, sellablePool };
}

/** Allegro purchases: every buyer bought at least once, a few buy very often. */
function planAllegroForms(
  seed: number,
  count: number,
  population: Population,
  products: readonly Product[],
  offers: readonly OfferInfo[],
  calendar: OrderCalendar,
): { plans: AllegroFormPlan[]; offerPool: OfferInfo[] } {
  const rng = Random.derive(seed, 'allegro-form-plans');
  const ranks = rng.shuffle(offers.map((_, i) => i));
  const weights = new Array<number>(offers.length);
  ranks.forEach((index, rank) => {
    // Old listings without a SKU rank low in Allegro search, so they sell less.
    weights[index] = ((offers[index] as OfferInfo).offer.sku === null ? 0.3 : 1) / Math.pow(rank + 6, 0.9);
  });
  const offerPicker = new WeightedPicker(offers, weights);
  const offerByProductId = new Map(offers.filter((o) => o.offer.sku !== null).map((o) => [o.product.id, o]));
  const offerPool = products.slice(0, DEMO_POOL_SIZE).map((p) => offerByProductId.get(p.id) as OfferInfo);
  const { allegroBuyers } = population;
  const buyerPicker = new WeightedPicker(
    allegroBuyers,
    allegroBuyers.map(() => heavyTail(rng)),
  );
  const plans: AllegroFormPlan[] = [];
  for (let i = 0; i < count; i++) {
    const { buyer, person } = i < allegroBuyers.length ? (allegroBuyers[i] as Population['allegroBuyers'][number]) : buyerPicker.pick(rng);
    const boughtMs = calendar.sample(rng) + rng.int(0, 999);
    const chosen = orderLines(
      rng,
      offerPicker,
      offerPool,
      (o) => o.offer.id,
      (o) => o.startedMs,
      boughtMs,
      [
        [1, 72],
        [2, 19],
        [3, 6],
        [4, 3],
      ],
    );
    plans.push({
      boughtMs,
      buyer,
      person,
      lines: chosen.map((offer) => ({
        offer,
        quantity: rng.weighted([
          [1, 86],
          [2, 10],
          [3, 4],
        ]),
      })),
      delivery: rng.chance(0.6) ? 'parcel_locker' : 'courier',
    });
  }
  return { plans, offerPool };
}

export function generateDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  checkPiiCanary(options.piiCanary);
  const canary = options.piiCanary ?? null;
  const count = (n: number): number => Math.max(1, Math.round(n * scale));

  // ERP catalogue, stock and channel listings.
  const catalogue = buildCatalogue(seed, Math.max(MIN_PRODUCTS, Math.round(VOLUMES.products * scale)));
  const { products, templates, categories } = catalogue;
  const locations = buildLocations();
  const stores = locations.filter((l) => l.kind === 'store');
  const { stock, availableByProduct, centralAvailableByProduct } = buildStock(seed, products, locations);
  const { pricelists, pricelistItems } = buildPricelists(seed, products, categories);
  const eshopCatalogue = buildEshopCatalogue(seed, templates, availableByProduct);
  const offers = buildOffers(seed, templates, centralAvailableByProduct);

  // People. Demo identities are reserved first so that nobody random shares their e-mail or phone.
  const demos = buildDemos(canary);
  const factory = new PeopleFactory(Random.derive(seed, 'people'), canary);
  for (const { kind, value } of demoReservations(demos)) factory.reserve(kind, value);
  const population = buildPopulation(seed, scale, factory, 101, demos.length, canary);

  const calendar = new OrderCalendar();
  const coupons = buildCoupons(demos.find((d) => d.spec.key === 'firma-b2b')?.person.email ?? '');

  const { plans: eshopPlans, sellablePool } = planEshopOrders(
    seed,
    count(VOLUMES.eshopOrders),
    population,
    products,
    eshopCatalogue,
    factory,
    calendar,
    stores,
  );
  const { plans: formPlans, offerPool } = planAllegroForms(seed, count(VOLUMES.allegroForms), population, products, offers, calendar);

  // Demo histories join the regular ones before ids are assigned by date.
  const demoPlans = planDemoOrders(demos, sellablePool, offerPool, calendar, stores);
  const eshopOrders = materializeEshopOrders(Random.derive(seed, 'eshop-orders'), [...eshopPlans, ...demoPlans.eshop], coupons, stores);
  const allegroCheckoutForms = materializeForms(Random.derive(seed, 'allegro-forms'), [...formPlans, ...demoPlans.allegro]);
  applyEshopTotals(eshopCatalogue.eshopProducts, eshopOrders, coupons);
  applyOfferSales(offers, allegroCheckoutForms);

  // CRM.
  const activity = indexActivity(eshopOrders, allegroCheckoutForms);
  const demoMembers: CrmMember[] = demos.map((demo) => ({
    person: demo.person,
    eshopCustomer: demo.eshopCustomer,
    allegroBuyer: demo.allegroBuyer,
    erpPartnerId: demo.erpPartner?.id ?? null,
    noEmail: false,
    fixed: demo.fixed,
  }));
  const { contacts: crmContacts, memberByContactId } = buildContacts(
    Random.derive(seed, 'crm-contacts'),
    [...demoMembers, ...population.members],
    activity,
    factory,
  );
  const crmNotes = buildNotes(
    Random.derive(seed, 'crm-notes'),
    count(VOLUMES.crmNotes),
    crmContacts,
    memberByContactId,
    activity,
    stores,
    products.map((p) => p.name),
    demoNotes(demos),
  );

  const demoCustomers = demos.map((demo): DemoCustomer => {
    const member = memberByContactId.get(demo.fixed.id) as CrmMember;
    const orders: EshopOrder[] = memberEshopOrders(member, activity);
    const forms: AllegroCheckoutForm[] = memberForms(member, activity);
    const skus = new Set<string>();
    for (const order of orders) for (const line of order.lines) skus.add(line.sku);
    for (const form of forms) for (const line of form.lines) if (line.sku !== null) skus.add(line.sku);
    return {
      key: demo.spec.key,
      description: demo.spec.description,
      crmContactId: demo.fixed.id,
      email: demo.person.email,
      phone: demo.fixed.phone,
      eshopCustomerId: demo.eshopCustomer?.id ?? null,
      allegroBuyerLogin: demo.allegroBuyer?.login ?? null,
      eshopOrderCount: orders.length,
      allegroOrderCount: forms.length,
      distinctSkus: skus.size,
    };
  });

  const erpPartners = erpPartnersOf(locations, demos, population.erpPartners);
  const eshopCustomers = [
    ...demos.flatMap((d) => (d.eshopCustomer ? [d.eshopCustomer] : [])),
    ...population.eshopCustomers.map((c) => c.customer),
  ].sort((a, b) => a.id - b.id);
  const allegroBuyers = [...demos.flatMap((d) => (d.allegroBuyer ? [d.allegroBuyer] : [])), ...population.allegroBuyers.map((b) => b.buyer)].sort(
    (a, b) => Number(a.id) - Number(b.id),
  );
  // Last, from its own streams: what the connectors made of the channel orders in the ERP.
  const erpOrders = buildErpOrders(seed, erpPartners, eshopCustomers, eshopOrders, allegroBuyers, allegroCheckoutForms);

  return {
    seed,
    scale,
    generatedAt: GENERATED_AT,
    company: { erpPartnerId: COMPANY.erpPartnerId, name: COMPANY.name, vat: COMPANY.vat, address: { ...COMPANY.address } },
    categories,
    products,
    locations,
    stock,
    pricelists,
    pricelistItems,
    erpPartners,
    crmContacts,
    crmNotes,
    eshopProducts: eshopCatalogue.eshopProducts,
    eshopCustomers,
    eshopOrders,
    eshopCoupons: coupons.map((rule) => rule.coupon),
    allegroBuyers,
    allegroOffers: offers.map((o) => o.offer),
    allegroCheckoutForms,
    demoCustomers,
    erpChannelPartners: erpOrders.channelPartners,
    erpCarriers: erpOrders.carriers,
    erpSaleOrders: erpOrders.saleOrders,
    erpDeliveries: erpOrders.deliveries,
  };
}

function erpPartnersOf(locations: readonly Location[], demos: readonly Demo[], customers: readonly ErpPartner[]): ErpPartner[] {
  const company: ErpPartner = {
    id: COMPANY.erpPartnerId,
    name: COMPANY.name,
    email: COMPANY.email,
    phone: COMPANY.phone,
    isCompany: true,
    ref: null,
    vat: COMPANY.vat,
    address: { ...COMPANY.address },
    pricelistId: null,
    createdAt: '2022-01-03T08:00:00.000Z',
    updatedAt: '2026-01-12T10:30:00.000Z',
  };
  const sites: ErpPartner[] = locations.map((l) => ({
    id: l.partnerId,
    name: `${COMPANY.name}, ${l.name}`,
    email: null,
    phone: l.phone,
    isCompany: false,
    ref: l.code,
    vat: null,
    address: { ...l.address },
    pricelistId: null,
    createdAt: '2022-01-03T08:30:00.000Z',
    updatedAt: '2025-09-01T07:00:00.000Z',
  }));
  return [company, ...sites, ...demos.flatMap((d) => (d.erpPartner ? [d.erpPartner] : [])), ...customers].sort((a, b) => a.id - b.id);
}
