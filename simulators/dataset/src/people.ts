/**
 * People behind the records. One Person can be an e-shop customer, an Allegro buyer, an
 * ERP partner and a CRM contact at once; each system gets its own view of them (typed
 * phone formats, relay e-mails, logins), which is exactly what an identity resolver has
 * to see through.
 */
import type { Address } from './dataset-types.ts';
import { randomNip } from './identifiers.ts';
import { formatPhoneAsTyped, type PhoneStyle } from './phone.ts';
import { markEmail, markHandle, markText, markWord, unmarkEmail, type Canary } from './pii-canary.ts';
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_PREFIXES,
  COMPANY_PROPER_NAMES,
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  LOCKER_DESCRIPTIONS,
  MALE_FIRST_NAMES,
  NIP_PREFIXES,
  STREETS,
  SURNAMES,
  asciiFold,
  formatZip,
  slugify,
  surnameFor,
  type City,
  type FirstName,
} from './polish-data.ts';
import { Random, WeightedPicker, hashSeed } from './random.ts';

export interface Company {
  name: string;
  nip: string;
}

export interface Person {
  /** stable index, used to derive per-person choices such as a favourite parcel locker */
  key: number;
  gender: 'f' | 'm';
  /** the first name and surname as drawn; e-mails and logins derive from these */
  first: FirstName;
  surname: string;
  /** the names as every system shows them (with the PII canary when one is set) */
  firstName: string;
  lastName: string;
  birthYear: number;
  city: City;
  address: Address;
  /** primary mailbox, unique across everybody */
  email: string;
  /** a second mailbox some people use for shopping */
  altEmail: string | null;
  /** 9-digit national number */
  phoneDigits: string;
  company: Company | null;
  /** Allegro Smart! subscribers get free parcel-locker delivery */
  allegroSmart: boolean;
  /** favourite InPost locker */
  lockerId: string;
  /** the PII canary marker (see pii-canary.ts) the builders add to this person's free text; null normally */
  canary: Canary;
}

const MOBILE_PREFIXES = ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88', '45'];

const HANDLE_WORDS = [
  'kawosz',
  'rowerzysta',
  'mama',
  'tata',
  'ogrodnik',
  'majsterkowicz',
  'wedkarz',
  'biegacz',
  'kociara',
  'psiarz',
  'gracz',
  'podroznik',
  'kucharz',
  'fotograf',
  'czytelnik',
  'zielarka',
  'kolekcjoner',
];

/** InPost lockers as a demo needs them: stable id → stable address and description. */
export interface Locker {
  id: string;
  name: string;
  description: string;
  address: Address;
}

export function lockerDetails(id: string, city: City): Locker {
  const rng = new Random(hashSeed('locker', id));
  return {
    id,
    name: `Paczkomat ${id}`,
    description: rng.pick(LOCKER_DESCRIPTIONS),
    address: { street: `${rng.pick(STREETS)} ${rng.int(1, 120)}`, city: city.name, zip: randomZip(rng, city), countryCode: 'PL' },
  };
}

export function randomZip(rng: Random, city: City): string {
  const [lo, hi] = rng.pick(city.zipRanges);
  return formatZip(rng.int(lo, hi));
}

export function randomStreetAddress(rng: Random): string {
  const street = rng.pick(STREETS);
  const number = `${rng.int(1, street.startsWith('os.') ? 40 : 160)}${rng.chance(0.08) ? rng.pick(['a', 'b', 'c']) : ''}`;
  if (street.startsWith('os.') || rng.chance(0.55)) return `${street} ${number}/${rng.int(1, 90)}`;
  return `${street} ${number}`;
}

export function typedPhone(rng: Random, digits: string): string {
  return formatPhoneAsTyped(
    digits,
    rng.weighted<PhoneStyle>([
      ['international-spaced', 22],
      ['spaced', 22],
      ['plain', 18],
      ['dashed', 10],
      ['international', 10],
      ['double-zero', 4],
      ['double-zero-spaced', 4],
      ['parenthesized', 4],
      ['country-spaced', 4],
      ['international-dashed', 2],
    ]),
  );
}

/**
 * Creates people with unique e-mails, phones, logins and usernames. Fixed identities
 * (demo customers) are reserved first so that random people never collide with them.
 */
export class PeopleFactory {
  private readonly usedEmails = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private readonly usedLogins = new Set<string>();
  private readonly usedUsernames = new Set<string>();
  private readonly usedRelay = new Set<string>();
  private readonly usedBuyerIds = new Set<string>();
  private readonly cityPicker = new WeightedPicker(
    CITIES,
    CITIES.map((c) => c.weight),
  );
  private readonly femalePicker = new WeightedPicker(
    FEMALE_FIRST_NAMES,
    FEMALE_FIRST_NAMES.map((_, i) => 1 / (i + 4)),
  );
  private readonly malePicker = new WeightedPicker(
    MALE_FIRST_NAMES,
    MALE_FIRST_NAMES.map((_, i) => 1 / (i + 4)),
  );
  private readonly surnamePicker = new WeightedPicker(
    SURNAMES,
    SURNAMES.map((_, i) => 1 / (i + 10)),
  );
  private nextKey = 1;

  private readonly rng: Random;
  /** the PII marker every name, address, e-mail and login made here carries (pii-canary.ts) */
  private readonly canary: Canary;

  constructor(rng: Random, canary: Canary = null) {
    this.rng = rng;
    this.canary = canary;
  }

  reserve(kind: 'email' | 'phone' | 'login' | 'username' | 'relay' | 'buyerId', value: string): void {
    const set = {
      email: this.usedEmails,
      phone: this.usedPhones,
      login: this.usedLogins,
      username: this.usedUsernames,
      relay: this.usedRelay,
      buyerId: this.usedBuyerIds,
    }[kind];
    set.add(kind === 'email' || kind === 'login' || kind === 'username' ? value.toLowerCase() : value);
  }

  person(options: { company?: boolean } = {}): Person {
    const rng = this.rng;
    const gender = rng.chance(0.53) ? 'f' : 'm';
    const first = (gender === 'f' ? this.femalePicker : this.malePicker).pick(rng);
    const lastName = surnameFor(this.surnamePicker.pick(rng), gender);
    const birthYear = rng.chance(0.8) ? rng.int(1970, 2003) : rng.int(1945, 1969);
    const city = this.cityPicker.pick(rng);
    const address: Address = { street: randomStreetAddress(rng), city: city.name, zip: randomZip(rng, city), countryCode: 'PL' };
    const company = options.company ? this.company(lastName) : null;
    const email = company ? this.companyEmail(company.name) : this.email(first, lastName, birthYear);
    const key = this.nextKey++;
    const canary = this.canary;
    return {
      key,
      gender,
      first,
      surname: lastName,
      firstName: markWord(first.name, canary),
      lastName: markWord(lastName, canary),
      birthYear,
      city,
      address: { ...address, street: markText(address.street, canary) },
      email,
      altEmail: rng.chance(0.12) ? this.email(first, lastName, birthYear) : null,
      phoneDigits: this.phone(city, company !== null || rng.chance(0.06)),
      company: company && { ...company, name: markText(company.name, canary) },
      allegroSmart: rng.chance(0.5),
      lockerId: this.lockerId(city),
      canary,
    };
  }

  lockerId(city: City): string {
    const rng = this.rng;
    const number = rng.chance(0.6) ? String(rng.int(1, 99)).padStart(2, '0') : String(rng.int(100, 399));
    return `${city.lockerCode}${number}${rng.weighted([
      ['M', 5],
      ['A', 2],
      ['N', 2],
      ['P', 1],
      ['APP', 1],
    ])}`;
  }

  email(first: FirstName, lastName: string, birthYear: number): string {
    const rng = this.rng;
    const f = asciiFold(first.name).toLowerCase();
    const l = asciiFold(lastName).toLowerCase();
    const yy = String(birthYear % 100).padStart(2, '0');
    for (let attempt = 0; ; attempt++) {
      const local = rng.weighted<string>([
        [`${f}.${l}`, 30],
        [`${f}.${l}${yy}`, 14],
        [`${f[0]}.${l}`, 12],
        [`${l}.${f}`, 8],
        [`${f}${l}`, 10],
        [`${f}_${l}`, 5],
        [`${first.short}${l[0]}${yy}`, 6],
        [`${l}${f[0]}`, 5],
        [`${first.short}.${l}`, 6],
        [`${f}${birthYear}`, 4],
      ]);
      const domain = rng.weighted(EMAIL_DOMAINS);
      const email = markEmail(`${attempt > 2 ? local + String(rng.int(1, 999)) : local}@${domain}`, this.canary);
      if (!this.usedEmails.has(email)) {
        this.usedEmails.add(email);
        return email;
      }
    }
  }

  private companyEmail(companyName: string): string {
    const rng = this.rng;
    const domain = slugify(companyName.replace(/\b(Sp\. z o\.o\.|s\.c\.|Sp\. j\.|P\.H\.U\.|F\.H\.U\.|PPHU)/g, '')).replace(/-/g, '');
    for (let attempt = 0; ; attempt++) {
      const local = rng.pick(['biuro', 'kontakt', 'zamowienia', 'zakupy', 'faktury', 'sklep']);
      const email = markEmail(`${local}@${domain}${attempt > 3 ? rng.int(2, 99) : ''}.${rng.pick(['pl', 'pl', 'com.pl', 'eu'])}`, this.canary);
      if (!this.usedEmails.has(email)) {
        this.usedEmails.add(email);
        return email;
      }
    }
  }

  company(ownerSurname: string): Company {
    const rng = this.rng;
    const roll = rng.next();
    let name: string;
    if (roll < 0.55) {
      const [kind, form] = rng.pick(COMPANY_KINDS);
      name = `${kind} ${rng.pick(COMPANY_PROPER_NAMES)} ${form}`;
    } else if (roll < 0.8) {
      name = `${rng.pick(COMPANY_PREFIXES)} ${ownerSurname}`;
    } else {
      name = `${ownerSurname} i Wspólnicy Sp. j.`;
    }
    return { name, nip: randomNip(rng, rng.pick(NIP_PREFIXES)) };
  }

  phone(city: City, landline: boolean): string {
    const rng = this.rng;
    for (;;) {
      const digits = landline ? `${city.areaCode}${rng.int(2, 8)}${rng.digits(6)}` : `${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`;
      if (!this.usedPhones.has(digits)) {
        this.usedPhones.add(digits);
        return digits;
      }
    }
  }

  username(person: Person, email: string): string {
    const rng = this.rng;
    const f = asciiFold(person.first.name).toLowerCase();
    const l = asciiFold(person.surname).toLowerCase();
    const local = unmarkEmail(email, this.canary).split('@')[0] as string;
    let base = rng.weighted<string>([
      [local.toLowerCase(), 55],
      [`${f}${l}`, 20],
      [`${person.first.short}${String(person.birthYear % 100).padStart(2, '0')}`, 15],
      [`${f}.${l[0]}`, 10],
    ]);
    base = markHandle(base.replace(/[^a-z0-9._-]/g, ''), this.canary);
    let candidate = base;
    for (let n = 2; this.usedUsernames.has(candidate); n++) candidate = `${base}${n}`;
    this.usedUsernames.add(candidate);
    return candidate;
  }

  allegroLogin(person: Person, guest: boolean): string {
    const rng = this.rng;
    if (guest) {
      for (;;) {
        const login = `Client:${rng.int(10_000_000, 99_999_999)}`;
        if (!this.usedLogins.has(login.toLowerCase())) {
          this.usedLogins.add(login.toLowerCase());
          return login;
        }
      }
    }
    const f = asciiFold(person.first.name).toLowerCase();
    const l = asciiFold(person.surname).toLowerCase();
    const yy = String(person.birthYear % 100).padStart(2, '0');
    const drawn = rng.weighted<string>([
      [`${person.first.short}_${l}${yy}`, 20],
      [`${f}${l}`, 12],
      [`${person.first.short}${l.slice(0, 4)}${rng.int(1, 99)}`, 14],
      [`${l}_${f[0]}`, 8],
      [`${rng.pick(HANDLE_WORDS)}_${yy}`, 12],
      [`${rng.pick(HANDLE_WORDS)}${rng.int(1, 999)}`, 10],
      [`${f}.${l}`, 8],
      [`${person.first.short}${yy}`, 8],
      [`${l}${rng.int(1, 9999)}`, 8],
    ]);
    const base = markHandle(drawn, this.canary);
    let candidate = base;
    for (let n = 1; this.usedLogins.has(candidate.toLowerCase()); n++) candidate = `${base}${rng.int(1, 99) + n}`;
    this.usedLogins.add(candidate.toLowerCase());
    return candidate;
  }

  relayLocal(): string {
    for (;;) {
      const local = this.rng.chars(10);
      if (!this.usedRelay.has(local)) {
        this.usedRelay.add(local);
        return local;
      }
    }
  }

  allegroBuyerId(): string {
    for (;;) {
      const id = String(this.rng.int(10_000_000, 139_999_999));
      if (!this.usedBuyerIds.has(id)) {
        this.usedBuyerIds.add(id);
        return id;
      }
    }
  }
}
