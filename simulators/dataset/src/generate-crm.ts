/**
 * The HubSpot side: contacts as the golden record of a person, and call-center notes.
 *
 * The CRM knows only part of the truth: some e-shop customers and Allegro buyers were
 * never linked, some contacts are leads with no purchases, some are known by phone only.
 */
import type { AllegroBuyer, AllegroCheckoutForm, CrmContact, CrmNote, EshopCustomer, EshopOrder, Location, LoyaltyTier } from './dataset-types.ts';
import { DAY_MS, HOUR_MS, NOW_MS, iso, timeBetween } from './clock.ts';
import { toPhoneDigits } from './phone.ts';
import { typedPhone, type PeopleFactory, type Person } from './people.ts';
import { markText } from './pii-canary.ts';
import { WeightedPicker, type Random } from './random.ts';

export const LOYALTY_THRESHOLDS: readonly (readonly [LoyaltyTier, number])[] = [
  ['platinum', 10_000],
  ['gold', 3_000],
  ['silver', 1_000],
  ['standard', 0],
];

/** Tier of the loyalty programme for a points balance (1 zł spent = 1 point). */
export function loyaltyTierForPoints(points: number): LoyaltyTier {
  for (const [tier, from] of LOYALTY_THRESHOLDS) if (points >= from) return tier;
  return 'standard';
}

/** The documented, seed-independent parts of a demo customer's contact. */
export interface FixedContact {
  id: string;
  phone: string;
  additionalEmails: string[];
  loyaltyPoints: number;
  lifecycleStage: CrmContact['lifecycleStage'];
  consents: CrmContact['consents'];
  createdAt: string;
  updatedAt: string;
}

export interface CrmMember {
  person: Person;
  eshopCustomer: EshopCustomer | null;
  allegroBuyer: AllegroBuyer | null;
  erpPartnerId: number | null;
  /** known by phone only */
  noEmail: boolean;
  fixed: FixedContact | null;
}

export interface Activity {
  ordersByCustomer: Map<number, EshopOrder[]>;
  /** guest orders, by lowercased billing e-mail */
  guestOrdersByEmail: Map<string, EshopOrder[]>;
  formsByBuyer: Map<string, AllegroCheckoutForm[]>;
}

export function indexActivity(orders: readonly EshopOrder[], forms: readonly AllegroCheckoutForm[]): Activity {
  const ordersByCustomer = new Map<number, EshopOrder[]>();
  const guestOrdersByEmail = new Map<string, EshopOrder[]>();
  for (const order of orders) {
    if (order.customerId !== 0) push(ordersByCustomer, order.customerId, order);
    else push(guestOrdersByEmail, order.billing.email.toLowerCase(), order);
  }
  const formsByBuyer = new Map<string, AllegroCheckoutForm[]>();
  for (const form of forms) push(formsByBuyer, form.buyerId, form);
  return { ordersByCustomer, guestOrdersByEmail, formsByBuyer };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** E-shop orders the CRM can attribute to a member: their account's orders and guest orders under their e-mail. */
export function memberEshopOrders(member: CrmMember, activity: Activity): EshopOrder[] {
  const own = member.eshopCustomer ? (activity.ordersByCustomer.get(member.eshopCustomer.id) ?? []) : [];
  const guest = member.noEmail ? [] : (activity.guestOrdersByEmail.get(member.person.email.toLowerCase()) ?? []);
  return [...own, ...guest];
}

export function memberForms(member: CrmMember, activity: Activity): AllegroCheckoutForm[] {
  return member.allegroBuyer ? (activity.formsByBuyer.get(member.allegroBuyer.id) ?? []) : [];
}

export function buildContacts(
  rng: Random,
  members: readonly CrmMember[],
  activity: Activity,
  factory: PeopleFactory,
): { contacts: CrmContact[]; memberByContactId: Map<string, CrmMember> } {
  const drafts: { member: CrmMember; contact: CrmContact; createdMs: number }[] = [];
  for (const member of members) {
    const { person } = member;
    const orders = memberEshopOrders(member, activity);
    const forms = memberForms(member, activity);
    const times = [...orders.map((o) => Date.parse(o.createdAt)), ...forms.map((f) => Date.parse(f.boughtAt))].sort((a, b) => a - b);

    let createdMs: number;
    if (member.eshopCustomer && rng.chance(0.75)) {
      // The shop integration creates the contact when the customer registers.
      createdMs = Date.parse(member.eshopCustomer.createdAt) + rng.int(60, 48 * 3600) * 1000;
    } else if (times.length > 0 && rng.chance(0.6)) {
      createdMs = (times[0] as number) + rng.int(1, 10 * 24) * HOUR_MS;
    } else {
      createdMs = timeBetween(rng, Date.parse('2022-01-10T08:00:00Z'), NOW_MS - 2 * DAY_MS, true);
    }
    createdMs = Math.min(createdMs, NOW_MS - DAY_MS) + rng.int(0, 999);
    const lastActivity = Math.max(createdMs, times[times.length - 1] ?? 0);
    const updatedMs = Math.min(lastActivity + rng.int(1, 72) * HOUR_MS, NOW_MS - rng.int(1, 600) * 1000);

    const email = member.noEmail ? null : person.email;
    const phone = member.noEmail || rng.chance(0.9) ? typedPhone(rng, person.phoneDigits) : null;
    let mobilePhone: string | null = null;
    if (phone !== null && rng.chance(0.08)) mobilePhone = typedPhone(rng, factory.phone(person.city, false));

    const additionalEmails: string[] = [];
    const shopEmail = member.eshopCustomer?.email.toLowerCase();
    if (shopEmail && shopEmail !== email && rng.chance(0.5)) additionalEmails.push(shopEmail);
    if (member.allegroBuyer && rng.chance(0.4)) additionalEmails.push(`${member.allegroBuyer.relayLocal}@allegromail.pl`);
    if (!member.noEmail && rng.chance(0.03)) additionalEmails.push(factory.email(person.first, person.surname, person.birthYear));

    const completedSpend = orders.filter((o) => o.status === 'completed').reduce((sum, o) => sum + o.totalGross, 0);
    let points = Math.floor(completedSpend / 100);
    if (member.erpPartnerId !== null) points += rng.int(150, 6000);
    if (rng.chance(0.15)) points += 100;
    const tier = loyaltyTierForPoints(points);

    const consents: CrmContact['consents'] = {
      emailMarketing: email !== null && rng.chance(0.55),
      smsMarketing: phone !== null && rng.chance(0.3),
      phoneMarketing: phone !== null && rng.chance(0.1),
      profiling: rng.chance(0.35),
      updatedAt: iso(timeBetween(rng, createdMs, updatedMs, true)),
    };
    const buyer = orders.length > 0 || forms.length > 0 || member.erpPartnerId !== null;
    const lifecycleStage: CrmContact['lifecycleStage'] = buyer
      ? tier === 'platinum' && rng.chance(0.5)
        ? 'evangelist'
        : 'customer'
      : consents.emailMarketing
        ? 'subscriber'
        : 'lead';

    const contact: CrmContact = {
      id: '',
      email,
      additionalEmails,
      firstName: person.firstName,
      lastName: person.lastName,
      companyName: person.company?.name ?? null,
      phone,
      mobilePhone,
      phoneDigits: phone === null ? null : toPhoneDigits(phone),
      address: member.erpPartnerId !== null || rng.chance(0.7) ? { ...person.address } : null,
      lifecycleStage,
      loyaltyPoints: points,
      loyaltyTier: tier,
      consents,
      allegroBuyerId: member.allegroBuyer?.id ?? null,
      allegroBuyerLogin: member.allegroBuyer?.login ?? null,
      eshopCustomerId: member.eshopCustomer?.id ?? null,
      erpPartnerId: member.erpPartnerId,
      createdAt: iso(createdMs),
      updatedAt: iso(Math.max(updatedMs, createdMs)),
    };

    const fixed = member.fixed;
    if (fixed) {
      Object.assign(contact, {
        id: fixed.id,
        phone: fixed.phone,
        mobilePhone: null,
        phoneDigits: toPhoneDigits(fixed.phone),
        additionalEmails: fixed.additionalEmails,
        address: { ...person.address },
        loyaltyPoints: fixed.loyaltyPoints,
        loyaltyTier: loyaltyTierForPoints(fixed.loyaltyPoints),
        lifecycleStage: fixed.lifecycleStage,
        consents: fixed.consents,
        createdAt: fixed.createdAt,
        updatedAt: fixed.updatedAt,
      });
    }
    drafts.push({ member, contact, createdMs: Date.parse(contact.createdAt) });
  }

  // HubSpot record ids grow with creation time.
  const regular = drafts.filter((d) => d.member.fixed === null).sort((a, b) => a.createdMs - b.createdMs);
  let id = 10_100_000_000 + rng.int(0, 99_999);
  for (const draft of regular) {
    id += rng.int(500, 40_000);
    draft.contact.id = String(id);
  }
  const contacts = drafts.map((d) => d.contact).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { contacts, memberByContactId: new Map(drafts.map((d) => [d.contact.id, d.member])) };
}

// ---------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------

/** HubSpot owner ids of the call-center agents. */
export const AGENT_OWNER_IDS: readonly string[] = ['48123901', '48123902', '48123977', '48124010', '48124033', '48124105'];

export interface NoteDraft {
  contactId: string;
  body: string;
  createdMs: number;
  ownerId?: string;
}

interface NoteContext {
  person: Person;
  order: EshopOrder | null;
  form: AllegroCheckoutForm | null;
  productName: string;
  store: Location;
  login: string | null;
}

type NoteTemplate = (c: NoteContext, rng: Random) => string | null;

const NOTE_TEMPLATES: readonly (readonly [NoteTemplate, number])[] = [
  [
    (c) =>
      c.order &&
      `${c.person.gender === 'f' ? 'Klientka dzwoniła' : 'Klient dzwonił'} w sprawie zamówienia nr ${c.order.number}: przesyłka nie dotarła w zapowiadanym terminie. Sprawdzono status u przewoźnika – paczka w sortowni, doręczenie jutro. Poproszono o ponowny kontakt, jeśli nie dotrze.`,
    5,
  ],
  [
    (c, rng) =>
      c.order &&
      `Reklamacja do zamówienia nr ${c.order.number}: ${c.productName} – uszkodzenie w transporcie. ${c.person.gender === 'f' ? 'Klientka przesłała' : 'Klient przesłał'} zdjęcia, zgłoszenie RMA/${c.order.createdAt.slice(0, 4)}/${rng.int(100, 9999)} przekazane do działu reklamacji.`,
    3,
  ],
  [(c) => `Zwrot w ciągu 14 dni – ${c.productName}. Wysłano etykietę zwrotną InPost, zwrot środków po przyjęciu paczki w magazynie w Strykowie.`, 3],
  [(c) => c.order && `Prośba o fakturę VAT na firmę do zamówienia nr ${c.order.number}. NIP sprawdzony w bazie GUS, faktura wysłana e-mailem.`, 2],
  [(c) => c.order && `Zmiana adresu dostawy przed wysyłką zamówienia nr ${c.order.number} – nowy adres potwierdzony telefonicznie.`, 2],
  [() => 'Pytanie o punkty w programie lojalnościowym. Wyjaśniono zasady: 1 zł = 1 pkt, progi Silver 1000, Gold 3000, Platinum 10 000 pkt.', 3],
  [
    (c) =>
      `${c.person.gender === 'f' ? 'Klientka prosi' : 'Klient prosi'} o niewysyłanie SMS-ów marketingowych. Zgoda SMS wycofana, zmiana zapisana w CRM.`,
    2,
  ],
  [
    (c) =>
      `Pytanie o dostępność: ${c.productName} w sklepie ${c.store.name.replace(/^Sklep /, '')}. Sprawdzono stan – dostępne, ${c.person.gender === 'f' ? 'klientka odbierze' : 'klient odbierze'} osobiście.`,
    3,
  ],
  [
    (c) =>
      c.login &&
      c.form &&
      `Zakup na Allegro (login ${c.login}) z ${c.form.boughtAt.slice(0, 10)} – pytanie o termin wysyłki. Potwierdzono nadanie następnego dnia roboczego.`,
    3,
  ],
  [
    (c) =>
      c.order &&
      `Płatność za zamówienie nr ${c.order.number} nie jest jeszcze zaksięgowana. ${c.person.gender === 'f' ? 'Klientka prześle' : 'Klient prześle'} potwierdzenie przelewu na adres sklepu.`,
    1,
  ],
  [() => 'Nieodebrane połączenie – oddzwonić w sprawie oferty dla stałych klientów.', 2],
  [(c) => `Pytanie o gwarancję na ${c.productName}. Gwarancja producenta 24 miesiące, podstawą jest paragon lub faktura.`, 2],
];

export function buildNotes(
  rng: Random,
  count: number,
  contacts: readonly CrmContact[],
  memberByContactId: ReadonlyMap<string, CrmMember>,
  activity: Activity,
  stores: readonly Location[],
  productNames: readonly string[],
  fixedNotes: readonly NoteDraft[],
): CrmNote[] {
  const drafts: NoteDraft[] = [...fixedNotes];
  const candidates = contacts.filter((c) => !memberByContactId.get(c.id)?.fixed);
  // Customers call far more often than leads do.
  const picker =
    candidates.length > 0
      ? new WeightedPicker(
          candidates,
          candidates.map((c) => (c.lifecycleStage === 'lead' || c.lifecycleStage === 'subscriber' ? 1 : 4)),
        )
      : null;
  for (let i = 0; picker && i < count; i++) {
    const contact = picker.pick(rng);
    const member = memberByContactId.get(contact.id) as CrmMember;
    const contactCreated = Date.parse(contact.createdAt);
    // Agents write about purchases the contact made while already in the CRM.
    const known = (t: string): boolean => Date.parse(t) >= contactCreated - 2 * DAY_MS;
    const orders = memberEshopOrders(member, activity).filter((o) => known(o.createdAt));
    const forms = memberForms(member, activity).filter((f) => known(f.boughtAt));
    const order = orders.length > 0 ? rng.pick(orders) : null;
    const form = forms.length > 0 ? rng.pick(forms) : null;
    const line = order ? rng.pick(order.lines) : null;
    const ctx: NoteContext = {
      person: member.person,
      order,
      form,
      productName: line ? line.name : rng.pick(productNames),
      store: rng.pick(stores),
      login: contact.allegroBuyerLogin,
    };
    let body: string | null = null;
    let template: NoteTemplate | null = null;
    for (let attempt = 0; body === null && attempt < 10; attempt++) {
      template = rng.weighted(NOTE_TEMPLATES);
      body = template(ctx, rng);
    }
    if (body === null || template === null) continue;
    const anchor =
      body.includes('Allegro') && form ? Date.parse(form.boughtAt) : order && body.includes(order.number) ? Date.parse(order.createdAt) : null;
    const createdMs =
      anchor !== null
        ? Math.min(Math.max(anchor, contactCreated) + rng.int(2, 10 * 24) * HOUR_MS + rng.int(0, 3_599_999), NOW_MS - rng.int(1, 3600) * 1000)
        : timeBetween(rng, contactCreated, NOW_MS - HOUR_MS, true);
    if (body.includes('SMS-ów marketingowych')) {
      contact.consents.smsMarketing = false;
      contact.consents.updatedAt = iso(Math.max(Date.parse(contact.consents.updatedAt), createdMs));
      contact.updatedAt = iso(Math.max(Date.parse(contact.updatedAt), createdMs));
    }
    drafts.push({ contactId: contact.id, body, createdMs });
  }

  drafts.sort((a, b) => a.createdMs - b.createdMs);
  let id = 20_400_000_000 + rng.int(0, 99_999);
  return drafts.map((draft) => {
    id += rng.int(2_000, 90_000);
    return {
      id: String(id),
      contactId: draft.contactId,
      // Agents write about the person, so a note is personal free text: it carries the person's PII canary.
      body: markText(draft.body, memberByContactId.get(draft.contactId)?.person.canary ?? null),
      ownerId: draft.ownerId ?? rng.pick(AGENT_OWNER_IDS),
      createdAt: iso(draft.createdMs),
    };
  });
}
