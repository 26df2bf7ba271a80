/**
 * The documented demo customers.
 *
 * Everything about them is fixed or drawn from streams that do not depend on the
 * dataset seed, and they only buy from the first DEMO_POOL_SIZE products (present and
 * listed at every scale). That keeps their ids, links and order counts identical at
 * every seed and scale, so the README and tests can name them.
 */
import type { AllegroBuyer, ErpPartner, EshopCustomer, Location } from './dataset-types.ts';
import { DAY_MS, WINDOW_START_MS, type OrderCalendar } from './clock.ts';
import type { FixedContact, NoteDraft } from './generate-crm.ts';
import type { AllegroFormPlan, OfferInfo } from './generate-allegro.ts';
import { allegroBuyerFor } from './generate-allegro.ts';
import type { EshopDeliveryKind, EshopOrderPlan, Sellable } from './generate-eshop.ts';
import { eshopCustomerFor } from './generate-eshop.ts';
import { toPhoneDigits } from './phone.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, cityByName } from './polish-data.ts';
import type { Person } from './people.ts';
import { markEmail, markHandle, markText, markWord, type Canary } from './pii-canary.ts';
import { Random } from './random.ts';

/** The seller behind all four systems. */
export const COMPANY = {
  erpPartnerId: 1,
  name: 'Sklep Przykładowy Sp. z o.o.',
  /** 10-digit NIP without the "PL" prefix */
  vat: '7792410785',
  address: { street: 'ul. Grunwaldzka 182', city: 'Poznań', zip: '60-166', countryCode: 'PL' as const },
  email: 'kontakt@sklep-przykladowy.example.pl',
  phone: '+48 61 624 30 00',
};

const DEMO_SEED = 'omnigraph-demo-customers';

interface DemoSpec {
  key: string;
  description: string;
  gender: 'f' | 'm';
  firstName: string;
  lastName: string;
  birthYear: number;
  city: string;
  street: string;
  zip: string;
  email: string;
  /** exactly as the person typed it into the CRM */
  crmPhone: string;
  lockerId: string;
  company?: { name: string; nip: string };
  crm: Omit<FixedContact, 'phone'>;
  eshop?: { id: number; username: string; createdAt: string };
  allegro?: { id: string; login: string; relayLocal: string; phone: string | null };
  erpPartner?: { id: number; createdAt: string };
}

const consents = (email: boolean, sms: boolean, phone: boolean, profiling: boolean, updatedAt: string): FixedContact['consents'] => ({
  emailMarketing: email,
  smsMarketing: sms,
  phoneMarketing: phone,
  profiling,
  updatedAt,
});

export const DEMO_SPECS: readonly DemoSpec[] = [
  {
    key: 'anna-kowalska',
    description:
      'Omnichannel regular: registered e-shop customer and Allegro buyer ania_kowalska88, linked in the CRM by e-shop id and Allegro id/login, with her stripped Allegro relay address among the additional e-mails. Gold loyalty tier; 6 e-shop orders (one click-and-collect in Poznań) and 4 Allegro purchases (one to parcel locker POZ08A).',
    gender: 'f',
    firstName: 'Anna',
    lastName: 'Kowalska',
    birthYear: 1988,
    city: 'Poznań',
    street: 'ul. Lipowa 12/4',
    zip: '60-144',
    email: 'anna.kowalska@example.pl',
    crmPhone: '+48 601 234 567',
    lockerId: 'POZ08A',
    crm: {
      id: '10000000001',
      additionalEmails: ['k7rq2mf9zd@allegromail.pl'],
      loyaltyPoints: 3450,
      lifecycleStage: 'customer',
      consents: consents(true, true, false, true, '2024-03-02T18:20:41.512Z'),
      createdAt: '2023-02-14T10:12:33.120Z',
      updatedAt: '2026-10-28T09:14:05.377Z',
    },
    eshop: { id: 2000, username: 'anna.kowalska', createdAt: '2023-02-14T10:05:12.000Z' },
    allegro: { id: '38472615', login: 'ania_kowalska88', relayLocal: 'k7rq2mf9zd', phone: '+48601234567' },
  },
  {
    key: 'tomasz-wisniewski',
    description:
      'Heavy buyer: hundreds of e-shop orders and Allegro purchases (login tomek_wisnia) across more than a hundred distinct SKUs. Platinum tier; phone typed "600-100-200". Good for pagination and aggregation.',
    gender: 'm',
    firstName: 'Tomasz',
    lastName: 'Wiśniewski',
    birthYear: 1981,
    city: 'Warszawa',
    street: 'ul. Kasztanowa 7/15',
    zip: '02-743',
    email: 'tomasz.wisniewski@example.pl',
    crmPhone: '600-100-200',
    lockerId: 'WAW123M',
    crm: {
      id: '10000000002',
      additionalEmails: ['p3xw8nbq2t@allegromail.pl'],
      loyaltyPoints: 24850,
      lifecycleStage: 'evangelist',
      consents: consents(true, false, false, true, '2023-03-02T12:01:09.004Z'),
      createdAt: '2023-03-02T11:48:20.731Z',
      updatedAt: '2026-10-30T16:40:12.208Z',
    },
    eshop: { id: 2001, username: 'tomek_w', createdAt: '2023-03-02T11:40:02.000Z' },
    allegro: { id: '41029384', login: 'tomek_wisnia', relayLocal: 'p3xw8nbq2t', phone: '600100200' },
  },
  {
    key: 'katarzyna-guest',
    description:
      'Guest shopper: never registered in the e-shop (CRM eshopCustomerId is null), yet 5 guest orders (customerId 0) carry her CRM e-mail. Phone typed "0048 512 345 678". Resolving her orders needs matching by e-mail.',
    gender: 'f',
    firstName: 'Katarzyna',
    lastName: 'Zielińska',
    birthYear: 1992,
    city: 'Gdańsk',
    street: 'ul. Kwiatowa 21/3',
    zip: '80-180',
    email: 'k.zielinska@example.pl',
    crmPhone: '0048 512 345 678',
    lockerId: 'GDA117M',
    crm: {
      id: '10000000003',
      additionalEmails: [],
      loyaltyPoints: 620,
      lifecycleStage: 'customer',
      consents: consents(true, false, false, false, '2025-01-19T20:11:52.090Z'),
      createdAt: '2025-01-19T20:03:14.650Z',
      updatedAt: '2026-09-14T10:22:31.118Z',
    },
  },
  {
    key: 'marek-allegro',
    description:
      'Allegro-only buyer (login marek_lew77) with 8 checkout forms. The CRM knows him only through allegroBuyerId/allegroBuyerLogin: his CRM e-mail and phone differ from everything Allegro shows (relay e-mails, another phone).',
    gender: 'm',
    firstName: 'Marek',
    lastName: 'Lewandowski',
    birthYear: 1977,
    city: 'Wrocław',
    street: 'ul. Reymonta 8/3',
    zip: '51-112',
    email: 'marek.lewandowski@example.pl',
    crmPhone: '+48 503 222 111',
    lockerId: 'WRO45N',
    crm: {
      id: '10000000004',
      additionalEmails: [],
      loyaltyPoints: 0,
      lifecycleStage: 'customer',
      consents: consents(false, false, false, false, '2025-06-03T08:30:00.000Z'),
      createdAt: '2025-06-03T08:27:45.912Z',
      updatedAt: '2026-07-21T13:05:09.440Z',
    },
    allegro: { id: '52718364', login: 'marek_lew77', relayLocal: 'h2vd9tkq4m', phone: '+48789012345' },
  },
  {
    key: 'ewa-no-orders',
    description:
      'Newsletter subscriber known only to the CRM: no channel links and no orders anywhere. Queries for her orders must return empty lists, not errors.',
    gender: 'f',
    firstName: 'Ewa',
    lastName: 'Dąbrowska',
    birthYear: 1969,
    city: 'Kraków',
    street: 'ul. Słowackiego 40/7',
    zip: '31-159',
    email: 'ewa.dabrowska@example.pl',
    crmPhone: '698 765 432',
    lockerId: 'KRA01M',
    crm: {
      id: '10000000005',
      additionalEmails: [],
      loyaltyPoints: 0,
      lifecycleStage: 'subscriber',
      consents: consents(true, false, false, false, '2024-05-11T15:44:02.301Z'),
      createdAt: '2024-05-11T15:43:57.880Z',
      updatedAt: '2025-11-02T09:12:40.006Z',
    },
  },
  {
    key: 'firma-b2b',
    description:
      'B2B customer Kawiarnia Pod Lipami Sp. z o.o. (contact Magdalena Nowak – Nowak keeps its form for women): ERP company partner with NIP and the "Stali klienci (PLN)" pricelist, e-shop account with company billing (ERP ref WC-2002), a dozen bulk orders.',
    gender: 'f',
    firstName: 'Magdalena',
    lastName: 'Nowak',
    birthYear: 1985,
    city: 'Kraków',
    street: 'ul. Długa 14',
    zip: '31-146',
    email: 'zamowienia@podlipami.example.pl',
    crmPhone: '+48 12 422 18 90',
    lockerId: 'KRA88P',
    company: { name: 'Kawiarnia Pod Lipami Sp. z o.o.', nip: '6762481366' },
    crm: {
      id: '10000000006',
      additionalEmails: ['m.nowak@podlipami.example.pl'],
      loyaltyPoints: 2380,
      lifecycleStage: 'customer',
      consents: consents(true, false, true, false, '2023-09-20T10:02:11.512Z'),
      createdAt: '2023-09-20T09:58:40.207Z',
      updatedAt: '2026-10-15T12:31:27.950Z',
    },
    eshop: { id: 2002, username: 'podlipami', createdAt: '2023-09-18T13:22:48.000Z' },
    erpPartner: { id: 100, createdAt: '2023-09-20T09:15:00.000Z' },
  },
];

export interface Demo {
  spec: DemoSpec;
  person: Person;
  eshopCustomer: EshopCustomer | null;
  allegroBuyer: AllegroBuyer | null;
  erpPartner: ErpPartner | null;
  fixed: FixedContact;
}

/** The demo customers; with a PII canary their names, addresses, e-mails and logins carry it like everybody's. */
export function buildDemos(canary: Canary = null): Demo[] {
  return DEMO_SPECS.map((spec, i) => {
    const rng = Random.derive(DEMO_SEED, spec.key, 'identity');
    const names = spec.gender === 'f' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES;
    const first = names.find((n) => n.name === spec.firstName) ?? { name: spec.firstName, short: spec.firstName.toLowerCase() };
    const city = cityByName(spec.city);
    const person: Person = {
      key: -(i + 1),
      gender: spec.gender,
      first,
      surname: spec.lastName,
      firstName: markWord(spec.firstName, canary),
      lastName: markWord(spec.lastName, canary),
      birthYear: spec.birthYear,
      city,
      address: { street: markText(spec.street, canary), city: spec.city, zip: spec.zip, countryCode: 'PL' },
      email: markEmail(spec.email, canary),
      altEmail: null,
      phoneDigits: toPhoneDigits(spec.crmPhone) as string,
      company: spec.company ? { ...spec.company, name: markText(spec.company.name, canary) } : null,
      allegroSmart: true,
      lockerId: spec.lockerId,
      canary,
    };
    const eshopCustomer = spec.eshop
      ? eshopCustomerFor(rng, person, spec.eshop.id, Date.parse(spec.eshop.createdAt), person.email, markHandle(spec.eshop.username, canary))
      : null;
    let allegroBuyer: AllegroBuyer | null = null;
    if (spec.allegro) {
      const login = markHandle(spec.allegro.login, canary);
      allegroBuyer = { ...allegroBuyerFor(rng, person, { ...spec.allegro, login, guest: false }), phone: spec.allegro.phone };
    }
    // Relay addresses are Allegro's random aliases, not something the person chose: they stay as they are.
    const additionalEmails = spec.crm.additionalEmails.map((e) => (e.endsWith('@allegromail.pl') ? e : markEmail(e, canary)));
    const erpPartner: ErpPartner | null = spec.erpPartner
      ? {
          id: spec.erpPartner.id,
          name: person.company?.name ?? `${person.firstName} ${person.lastName}`,
          email: person.email,
          phone: spec.crmPhone,
          isCompany: spec.company !== undefined,
          ref: spec.eshop ? `WC-${spec.eshop.id}` : null,
          vat: spec.company?.nip ?? null,
          address: { ...person.address },
          pricelistId: 2,
          createdAt: spec.erpPartner.createdAt,
          updatedAt: '2026-06-02T07:45:12.000Z',
        }
      : null;
    return { spec, person, eshopCustomer, allegroBuyer, erpPartner, fixed: { ...spec.crm, additionalEmails, phone: spec.crmPhone } };
  });
}

/** Phone digits, e-mails, logins, usernames and ids the random population must not reuse. */
export function demoReservations(demos: readonly Demo[]): { kind: 'email' | 'phone' | 'login' | 'username' | 'relay' | 'buyerId'; value: string }[] {
  const out: { kind: 'email' | 'phone' | 'login' | 'username' | 'relay' | 'buyerId'; value: string }[] = [];
  for (const { spec, person, eshopCustomer, allegroBuyer, fixed } of demos) {
    out.push({ kind: 'email', value: person.email }, { kind: 'phone', value: person.phoneDigits });
    for (const extra of fixed.additionalEmails) out.push({ kind: 'email', value: extra });
    if (eshopCustomer) out.push({ kind: 'username', value: eshopCustomer.username });
    if (spec.allegro && allegroBuyer) {
      out.push(
        { kind: 'login', value: allegroBuyer.login },
        { kind: 'relay', value: spec.allegro.relayLocal },
        { kind: 'buyerId', value: spec.allegro.id },
      );
      const digits = toPhoneDigits(spec.allegro.phone ?? '');
      if (digits) out.push({ kind: 'phone', value: digits });
    }
  }
  out.push({ kind: 'email', value: COMPANY.email });
  return out;
}

// ---------------------------------------------------------------------------
// Order histories
// ---------------------------------------------------------------------------

interface DemoOrderSpec {
  at: string;
  delivery: EshopDeliveryKind;
  storeCode?: string;
}

const ANNA_ESHOP: readonly DemoOrderSpec[] = [
  { at: '2025-01-14T18:22:05Z', delivery: 'courier' },
  { at: '2025-04-03T19:41:10Z', delivery: 'parcel_locker' },
  { at: '2025-07-22T07:15:44Z', delivery: 'courier' },
  { at: '2025-11-28T20:03:51Z', delivery: 'parcel_locker' },
  { at: '2026-05-09T11:30:27Z', delivery: 'pickup', storeCode: 'POZ1' },
  { at: '2026-10-27T17:48:02Z', delivery: 'parcel_locker' },
];

const ANNA_ALLEGRO: readonly { at: string; delivery: 'parcel_locker' | 'courier' }[] = [
  { at: '2025-02-20T21:10:44.512Z', delivery: 'parcel_locker' },
  { at: '2025-09-05T12:34:56.789Z', delivery: 'courier' },
  { at: '2026-03-15T09:02:11.045Z', delivery: 'courier' },
  { at: '2026-08-30T20:45:30.300Z', delivery: 'courier' },
];

interface DemoVolumes {
  eshop: number;
  allegro: number;
  /** bulk quantities for the B2B customer */
  bulk?: boolean;
  /** store for click-and-collect */
  storeCode?: string;
  /** earliest order */
  fromMs?: number;
}

const DEMO_VOLUMES: Readonly<Record<string, DemoVolumes>> = {
  'tomasz-wisniewski': { eshop: 262, allegro: 141, storeCode: 'WAW1' },
  'katarzyna-guest': { eshop: 5, allegro: 0, fromMs: Date.parse('2025-01-19T20:00:00Z') },
  'marek-allegro': { eshop: 0, allegro: 8, fromMs: Date.parse('2025-05-20T00:00:00Z') },
  'firma-b2b': { eshop: 12, allegro: 0, bulk: true },
};

function pickDistinct<T>(rng: Random, pool: readonly T[], lines: number): T[] {
  const indices = new Set<number>();
  while (indices.size < Math.min(lines, pool.length)) indices.add(rng.int(0, pool.length - 1));
  return [...indices].map((i) => pool[i] as T);
}

export interface DemoPlans {
  eshop: EshopOrderPlan[];
  allegro: AllegroFormPlan[];
}

/**
 * `sellablePool[i]` and `offerPool[i]` belong to product i + 1; both pools have
 * DEMO_POOL_SIZE entries whatever the seed, which is what keeps the counts stable.
 */
export function planDemoOrders(
  demos: readonly Demo[],
  sellablePool: readonly Sellable[],
  offerPool: readonly OfferInfo[],
  calendar: OrderCalendar,
  stores: readonly Location[],
): DemoPlans {
  const eshop: EshopOrderPlan[] = [];
  const allegro: AllegroFormPlan[] = [];
  for (const demo of demos) {
    const { spec, person } = demo;
    const rng = Random.derive(DEMO_SEED, spec.key, 'orders');
    const lineCount = (): number =>
      rng.weighted([
        [1, 50],
        [2, 28],
        [3, 14],
        [4, 8],
      ]);
    const quantity = (bulk: boolean): number =>
      bulk
        ? rng.int(2, 10)
        : rng.weighted([
            [1, 85],
            [2, 12],
            [3, 3],
          ]);
    const eshopBuyer = { person, customer: demo.eshopCustomer, email: person.email };
    const addEshop = (createdMs: number, delivery: EshopDeliveryKind, storeCode: string | null, bulk: boolean): void => {
      eshop.push({
        createdMs,
        buyer: eshopBuyer,
        lines: pickDistinct(rng, sellablePool, lineCount()).map((sellable) => ({ sellable, quantity: quantity(bulk) })),
        delivery,
        storeCode,
      });
    };
    const addAllegro = (boughtMs: number, delivery: 'parcel_locker' | 'courier'): void => {
      if (!demo.allegroBuyer) return;
      allegro.push({
        boughtMs,
        buyer: demo.allegroBuyer,
        person,
        lines: pickDistinct(rng, offerPool, Math.min(3, lineCount())).map((offer) => ({ offer, quantity: quantity(false) })),
        delivery,
      });
    };

    if (spec.key === 'anna-kowalska') {
      for (const o of ANNA_ESHOP) addEshop(Date.parse(o.at), o.delivery, o.storeCode ?? null, false);
      for (const o of ANNA_ALLEGRO) addAllegro(Date.parse(o.at), o.delivery);
      continue;
    }
    const volumes = DEMO_VOLUMES[spec.key];
    if (!volumes) continue;
    const fromMs = Math.max(WINDOW_START_MS, volumes.fromMs ?? 0, demo.eshopCustomer ? Date.parse(demo.eshopCustomer.createdAt) + DAY_MS : 0);
    const storeCode = volumes.storeCode ?? stores.find((s) => s.address.city === person.city.name)?.code ?? null;
    for (let i = 0; i < volumes.eshop; i++) {
      const delivery = volumes.bulk
        ? rng.weighted<EshopDeliveryKind>([
            ['courier', 10],
            ['pickup', storeCode ? 2 : 0],
          ])
        : rng.weighted<EshopDeliveryKind>([
            ['parcel_locker', 50],
            ['courier', 35],
            ['pickup', storeCode ? 15 : 0],
          ]);
      addEshop(calendar.sample(rng, fromMs), delivery, delivery === 'pickup' ? storeCode : null, volumes.bulk === true);
    }
    for (let i = 0; i < volumes.allegro; i++) {
      addAllegro(calendar.sample(rng, fromMs), rng.chance(0.6) ? 'parcel_locker' : 'courier');
    }
  }
  return { eshop, allegro };
}

/**
 * The fixed note wording names the demo customers' plain identities; this swaps in what the systems hold, so with a
 * PII canary the notes quote the marked login, e-mail and names (and without one the text is unchanged).
 */
function withDemoIdentities(body: string, { spec, person, allegroBuyer, fixed }: Demo): string {
  const swaps: [string, string][] = [
    [spec.email, person.email],
    ...spec.crm.additionalEmails.map((e, i): [string, string] => [e, fixed.additionalEmails[i] as string]),
    [`${spec.firstName} ${spec.lastName}`, `${person.firstName} ${person.lastName}`],
  ];
  if (spec.company && person.company) swaps.unshift([spec.company.name, person.company.name]);
  if (spec.allegro && allegroBuyer) swaps.push([`login ${spec.allegro.login}`, `login ${allegroBuyer.login}`]);
  return swaps.reduce((text, [plain, marked]) => text.replaceAll(plain, marked), body);
}

/** Call-center notes on demo customers; dates and wording are fixed so the README can quote them. */
export function demoNotes(demos: readonly Demo[]): NoteDraft[] {
  const byKey = new Map(demos.map((d) => [d.spec.key, d]));
  const note = (key: string, at: string, body: string, ownerId: string): NoteDraft => {
    const demo = byKey.get(key) as Demo;
    return { contactId: demo.fixed.id, createdMs: Date.parse(at), body: withDemoIdentities(body, demo), ownerId };
  };
  return [
    note(
      'anna-kowalska',
      '2025-02-22T09:41:12.310Z',
      'Klientka pyta o zakup z Allegro (login ania_kowalska88) – paczka czeka w paczkomacie POZ08A, kod odbioru wysłany ponownie SMS-em.',
      '48123901',
    ),
    note(
      'anna-kowalska',
      '2025-12-02T15:05:48.002Z',
      'Pytanie o punkty za zakupy z Black Friday. Punkty naliczane po zakończeniu zamówienia; saldo potwierdzone – poziom Gold.',
      '48123902',
    ),
    note(
      'anna-kowalska',
      '2026-05-08T10:17:03.440Z',
      'Klientka chce odebrać zamówienie w sklepie Poznań City Center. Wyjaśniono: w koszyku wybrać „Odbiór osobisty w sklepie”, SMS przyjdzie, gdy paczka będzie gotowa.',
      '48123977',
    ),
    note(
      'anna-kowalska',
      '2026-10-28T09:12:55.091Z',
      'Pytanie o termin dostawy ostatniego zamówienia do paczkomatu. Zamówienie w realizacji, nadanie jutro.',
      '48123901',
    ),
    note(
      'tomasz-wisniewski',
      '2023-11-20T12:30:00.000Z',
      'Stały klient, kupuje w sklepie internetowym i na Allegro (login tomek_wisnia). Zaproponowano program lojalnościowy – przystąpił.',
      '48124010',
    ),
    note(
      'tomasz-wisniewski',
      '2025-06-16T14:22:31.905Z',
      'Reklamacja: produkt z zamówienia internetowego przestał działać po 3 tygodniach. Wymiana na nowy egzemplarz w sklepie Warszawa Arkadia.',
      '48124033',
    ),
    note(
      'tomasz-wisniewski',
      '2026-02-03T08:55:10.118Z',
      'Prosi o łączenie przesyłek z kilku zamówień w jedną paczkę, jeśli to możliwe. Przekazano do magazynu w Strykowie.',
      '48124010',
    ),
    note(
      'katarzyna-guest',
      '2025-04-20T17:40:22.760Z',
      'Klientka zamawia bez zakładania konta. Zaproponowano rejestrację i kod witaj20 – na razie odmówiła.',
      '48123902',
    ),
    note(
      'katarzyna-guest',
      '2026-09-14T10:20:05.330Z',
      'Pytanie o status zamówienia złożonego jako gość – odnalezione po adresie k.zielinska@example.pl.',
      '48124105',
    ),
    note(
      'marek-allegro',
      '2025-06-03T08:29:10.004Z',
      'Dzwonił z pytaniem o zakupy na Allegro (login marek_lew77). Allegro pokazuje tylko adresy allegromail – kontakt powiązany po loginie i id kupującego.',
      '48123977',
    ),
    note(
      'marek-allegro',
      '2026-07-21T13:02:44.581Z',
      'Prosi o fakturę do zakupu z Allegro na prywatny adres e-mail. Faktura wysłana na marek.lewandowski@example.pl.',
      '48124033',
    ),
    note(
      'ewa-no-orders',
      '2024-05-11T15:50:31.201Z',
      'Zapisała się do newslettera przy kasie w sklepie Kraków Galeria Krakowska. Brak zamówień – wysłano kod witaj20.',
      '48124105',
    ),
    note(
      'ewa-no-orders',
      '2025-11-02T09:10:12.640Z',
      'Pytanie o pościel 200x220 cm w kolorze butelkowej zieleni. Skierowano do sklepu internetowego.',
      '48123902',
    ),
    note(
      'firma-b2b',
      '2023-09-20T10:05:00.000Z',
      'Klient B2B: Kawiarnia Pod Lipami Sp. z o.o., osoba kontaktowa Magdalena Nowak. Przypisano cennik „Stali klienci (PLN)”, płatność przelewem 14 dni.',
      '48124010',
    ),
    note(
      'firma-b2b',
      '2025-03-12T11:45:19.372Z',
      'Zamówienie hurtowe – prośba o fakturę VAT z NIP 676-248-13-66. Faktura wysłana e-mailem.',
      '48124010',
    ),
    note('firma-b2b', '2026-10-15T12:30:02.114Z', 'Pytanie o rabat przy zamówieniach powyżej 2000 zł netto. Przekazano do działu B2B.', '48124033'),
  ];
}
