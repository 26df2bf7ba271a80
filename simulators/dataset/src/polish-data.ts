/**
 * Building blocks for a believable Polish retail dataset: people, places, the product
 * catalogue and the free-text snippets customers and agents write.
 *
 * Numbers that matter to demos are real: city coordinates, postal code ranges per city,
 * landline area codes, the VAT rate Polish law applies to each kind of product.
 */
import type { VatRate } from './dataset-types.ts';

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

export interface FirstName {
  name: string;
  /** the everyday diminutive people put in logins: Anna → ania */
  short: string;
}

/** Roughly by popularity among adults (GUS/PESEL registry), most common first. */
export const FEMALE_FIRST_NAMES: readonly FirstName[] = [
  { name: 'Anna', short: 'ania' },
  { name: 'Katarzyna', short: 'kasia' },
  { name: 'Maria', short: 'marysia' },
  { name: 'Małgorzata', short: 'gosia' },
  { name: 'Agnieszka', short: 'aga' },
  { name: 'Barbara', short: 'basia' },
  { name: 'Ewa', short: 'ewka' },
  { name: 'Magdalena', short: 'madzia' },
  { name: 'Krystyna', short: 'krysia' },
  { name: 'Elżbieta', short: 'ela' },
  { name: 'Joanna', short: 'asia' },
  { name: 'Aleksandra', short: 'ola' },
  { name: 'Monika', short: 'monia' },
  { name: 'Zofia', short: 'zosia' },
  { name: 'Teresa', short: 'tereska' },
  { name: 'Danuta', short: 'danka' },
  { name: 'Natalia', short: 'natka' },
  { name: 'Karolina', short: 'karola' },
  { name: 'Marta', short: 'martusia' },
  { name: 'Beata', short: 'beti' },
  { name: 'Dorota', short: 'dorotka' },
  { name: 'Justyna', short: 'justa' },
  { name: 'Julia', short: 'jula' },
  { name: 'Alicja', short: 'ala' },
  { name: 'Paulina', short: 'paula' },
  { name: 'Iwona', short: 'iwonka' },
  { name: 'Weronika', short: 'wera' },
  { name: 'Patrycja', short: 'pati' },
  { name: 'Sylwia', short: 'sylwia' },
  { name: 'Emilia', short: 'emi' },
  { name: 'Hanna', short: 'hania' },
  { name: 'Renata', short: 'renia' },
  { name: 'Jadwiga', short: 'jadzia' },
  { name: 'Izabela', short: 'iza' },
  { name: 'Urszula', short: 'ula' },
  { name: 'Grażyna', short: 'grazyna' },
  { name: 'Wiktoria', short: 'wika' },
  { name: 'Oliwia', short: 'oliwka' },
];

export const MALE_FIRST_NAMES: readonly FirstName[] = [
  { name: 'Piotr', short: 'piotrek' },
  { name: 'Krzysztof', short: 'krzysiek' },
  { name: 'Andrzej', short: 'andrzej' },
  { name: 'Tomasz', short: 'tomek' },
  { name: 'Paweł', short: 'pawel' },
  { name: 'Jan', short: 'janek' },
  { name: 'Michał', short: 'michal' },
  { name: 'Marcin', short: 'marcin' },
  { name: 'Jakub', short: 'kuba' },
  { name: 'Adam', short: 'adam' },
  { name: 'Łukasz', short: 'lukasz' },
  { name: 'Marek', short: 'marek' },
  { name: 'Grzegorz', short: 'grzesiek' },
  { name: 'Mateusz', short: 'mati' },
  { name: 'Wojciech', short: 'wojtek' },
  { name: 'Mariusz', short: 'mariusz' },
  { name: 'Dariusz', short: 'darek' },
  { name: 'Zbigniew', short: 'zbyszek' },
  { name: 'Rafał', short: 'rafal' },
  { name: 'Robert', short: 'robert' },
  { name: 'Kamil', short: 'kamil' },
  { name: 'Jacek', short: 'jacek' },
  { name: 'Sebastian', short: 'seba' },
  { name: 'Bartosz', short: 'bartek' },
  { name: 'Dawid', short: 'dawid' },
  { name: 'Szymon', short: 'szymek' },
  { name: 'Maciej', short: 'maciek' },
  { name: 'Artur', short: 'artur' },
  { name: 'Kacper', short: 'kacper' },
  { name: 'Filip', short: 'filip' },
  { name: 'Damian', short: 'damian' },
  { name: 'Przemysław', short: 'przemek' },
  { name: 'Stanisław', short: 'stasiek' },
  { name: 'Józef', short: 'jozek' },
  { name: 'Ryszard', short: 'rysiek' },
  { name: 'Janusz', short: 'janusz' },
  { name: 'Antoni', short: 'antek' },
  { name: 'Igor', short: 'igor' },
];

/**
 * Masculine forms, most common first. Adjectival surnames (-ski, -cki, -dzki, -ny)
 * take a feminine ending; nouns such as Nowak or Wójcik do not change.
 */
export const SURNAMES: readonly string[] = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Wojciechowski',
  'Kwiatkowski',
  'Krawczyk',
  'Kaczmarek',
  'Piotrowski',
  'Grabowski',
  'Zając',
  'Pawłowski',
  'Michalski',
  'Król',
  'Wieczorek',
  'Jabłoński',
  'Wróbel',
  'Nowakowski',
  'Majewski',
  'Olszewski',
  'Stępień',
  'Malinowski',
  'Jaworski',
  'Adamczyk',
  'Dudek',
  'Nowicki',
  'Pawlak',
  'Górski',
  'Witkowski',
  'Walczak',
  'Sikora',
  'Baran',
  'Rutkowski',
  'Michalak',
  'Szewczyk',
  'Ostrowski',
  'Tomaszewski',
  'Pietrzak',
  'Zalewski',
  'Wróblewski',
  'Marciniak',
  'Jasiński',
  'Zawadzki',
  'Bąk',
  'Jakubowski',
  'Sadowski',
  'Duda',
  'Włodarczyk',
  'Wilk',
  'Chmielewski',
  'Borkowski',
  'Sokołowski',
  'Szczepański',
  'Sawicki',
  'Lis',
  'Kucharski',
  'Kalinowski',
  'Wysocki',
  'Mazurek',
  'Kubiak',
  'Maciejewski',
  'Czarnecki',
  'Kołodziej',
  'Kaźmierczak',
  'Urbański',
  'Sobczak',
  'Konieczny',
  'Głowacki',
  'Zakrzewski',
  'Krajewski',
  'Wasilewski',
  'Krupa',
  'Laskowski',
  'Ziółkowski',
  'Gajewski',
  'Szulc',
  'Makowski',
  'Kowalewski',
  'Baranowski',
  'Przybylski',
  'Szymczak',
  'Brzeziński',
  'Borowski',
  'Błaszczyk',
  'Mróz',
  'Górecki',
  'Czerwiński',
  'Kaczmarczyk',
  'Sobczyk',
  'Tomczyk',
  'Kurek',
  'Lisowski',
  'Kaczor',
  'Leśniak',
  'Gołębiowski',
];

/** The form of a surname that goes with a first name of the given gender. */
export function surnameFor(masculine: string, gender: 'f' | 'm'): string {
  if (gender === 'm') return masculine;
  for (const [male, female] of [
    ['ski', 'ska'],
    ['cki', 'cka'],
    ['dzki', 'dzka'],
    ['ny', 'na'],
  ] as const) {
    if (masculine.endsWith(male)) return masculine.slice(0, -male.length) + female;
  }
  return masculine;
}

const DIACRITICS: Readonly<Record<string, string>> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
  Ą: 'A',
  Ć: 'C',
  Ę: 'E',
  Ł: 'L',
  Ń: 'N',
  Ó: 'O',
  Ś: 'S',
  Ź: 'Z',
  Ż: 'Z',
};

/** Polish letters to ASCII, the way people write them in e-mail addresses and logins. */
export function asciiFold(text: string): string {
  return text.replace(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/g, (ch) => DIACRITICS[ch] ?? ch);
}

/** WordPress-style slug: "Kubek termiczny 450 ml (Granatowy)" → "kubek-termiczny-450-ml-granatowy". */
export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Weighted by rough share of Polish personal mailboxes. */
export const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 34],
  ['wp.pl', 16],
  ['onet.pl', 12],
  ['o2.pl', 9],
  ['interia.pl', 9],
  ['op.pl', 4],
  ['outlook.com', 4],
  ['example.pl', 6],
  ['poczta.fm', 2],
  ['interia.eu', 1],
  ['yahoo.com', 1],
  ['icloud.com', 2],
];

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

export interface City {
  name: string;
  latitude: number;
  longitude: number;
  /** inclusive postal-code ranges as integers: [1001, 4999] is 01-001 … 04-999 */
  zipRanges: readonly (readonly [number, number])[];
  /** landline area code */
  areaCode: string;
  /** three-letter prefix of InPost parcel locker ids in the city */
  lockerCode: string;
  /** relative share of customers, ~ population in thousands */
  weight: number;
}

export const CITIES: readonly City[] = [
  { name: 'Warszawa', latitude: 52.2297, longitude: 21.0122, zipRanges: [[1, 4999]], areaCode: '22', lockerCode: 'WAW', weight: 1860 },
  { name: 'Kraków', latitude: 50.0647, longitude: 19.945, zipRanges: [[30001, 31999]], areaCode: '12', lockerCode: 'KRA', weight: 800 },
  { name: 'Wrocław', latitude: 51.1079, longitude: 17.0385, zipRanges: [[50001, 54999]], areaCode: '71', lockerCode: 'WRO', weight: 670 },
  { name: 'Łódź', latitude: 51.7592, longitude: 19.456, zipRanges: [[90001, 94999]], areaCode: '42', lockerCode: 'LOD', weight: 660 },
  { name: 'Poznań', latitude: 52.4064, longitude: 16.9252, zipRanges: [[60001, 61999]], areaCode: '61', lockerCode: 'POZ', weight: 540 },
  { name: 'Gdańsk', latitude: 54.352, longitude: 18.6466, zipRanges: [[80001, 80999]], areaCode: '58', lockerCode: 'GDA', weight: 490 },
  { name: 'Szczecin', latitude: 53.4285, longitude: 14.5528, zipRanges: [[70001, 71999]], areaCode: '91', lockerCode: 'SZC', weight: 390 },
  { name: 'Bydgoszcz', latitude: 53.1235, longitude: 18.0084, zipRanges: [[85001, 85999]], areaCode: '52', lockerCode: 'BYD', weight: 330 },
  { name: 'Lublin', latitude: 51.2465, longitude: 22.5684, zipRanges: [[20001, 20999]], areaCode: '81', lockerCode: 'LUB', weight: 330 },
  { name: 'Białystok', latitude: 53.1325, longitude: 23.1688, zipRanges: [[15001, 15999]], areaCode: '85', lockerCode: 'BIA', weight: 295 },
  { name: 'Katowice', latitude: 50.2649, longitude: 19.0238, zipRanges: [[40001, 40999]], areaCode: '32', lockerCode: 'KAT', weight: 285 },
  { name: 'Gdynia', latitude: 54.5189, longitude: 18.5305, zipRanges: [[81001, 81599]], areaCode: '58', lockerCode: 'GDY', weight: 245 },
  { name: 'Częstochowa', latitude: 50.8118, longitude: 19.1203, zipRanges: [[42200, 42299]], areaCode: '34', lockerCode: 'CZE', weight: 210 },
  { name: 'Radom', latitude: 51.4027, longitude: 21.1471, zipRanges: [[26600, 26699]], areaCode: '48', lockerCode: 'RAD', weight: 200 },
  { name: 'Rzeszów', latitude: 50.0412, longitude: 21.9991, zipRanges: [[35001, 35399]], areaCode: '17', lockerCode: 'RZE', weight: 198 },
  { name: 'Toruń', latitude: 53.0138, longitude: 18.5984, zipRanges: [[87100, 87199]], areaCode: '56', lockerCode: 'TOR', weight: 195 },
  { name: 'Sosnowiec', latitude: 50.2863, longitude: 19.1041, zipRanges: [[41200, 41299]], areaCode: '32', lockerCode: 'SOS', weight: 195 },
  { name: 'Kielce', latitude: 50.8661, longitude: 20.6286, zipRanges: [[25001, 25999]], areaCode: '41', lockerCode: 'KIE', weight: 185 },
  { name: 'Gliwice', latitude: 50.2945, longitude: 18.6714, zipRanges: [[44100, 44199]], areaCode: '32', lockerCode: 'GLI', weight: 175 },
  { name: 'Olsztyn', latitude: 53.7784, longitude: 20.4801, zipRanges: [[10001, 10999]], areaCode: '89', lockerCode: 'OLS', weight: 170 },
  { name: 'Bielsko-Biała', latitude: 49.8224, longitude: 19.0584, zipRanges: [[43300, 43399]], areaCode: '33', lockerCode: 'BBI', weight: 168 },
  { name: 'Zielona Góra', latitude: 51.9356, longitude: 15.5062, zipRanges: [[65001, 65999]], areaCode: '68', lockerCode: 'ZGO', weight: 140 },
  { name: 'Opole', latitude: 50.6751, longitude: 17.9213, zipRanges: [[45001, 45999]], areaCode: '77', lockerCode: 'OPO', weight: 127 },
  { name: 'Gorzów Wielkopolski', latitude: 52.7368, longitude: 15.2288, zipRanges: [[66400, 66499]], areaCode: '95', lockerCode: 'GOR', weight: 120 },
  { name: 'Płock', latitude: 52.5463, longitude: 19.7065, zipRanges: [[9400, 9499]], areaCode: '24', lockerCode: 'PLO', weight: 118 },
  { name: 'Elbląg', latitude: 54.1522, longitude: 19.4088, zipRanges: [[82300, 82399]], areaCode: '55', lockerCode: 'ELB', weight: 118 },
  { name: 'Tarnów', latitude: 50.0121, longitude: 20.9858, zipRanges: [[33100, 33199]], areaCode: '14', lockerCode: 'TAR', weight: 107 },
  { name: 'Koszalin', latitude: 54.1944, longitude: 16.1722, zipRanges: [[75001, 75999]], areaCode: '94', lockerCode: 'KOS', weight: 105 },
  { name: 'Kalisz', latitude: 51.7611, longitude: 18.091, zipRanges: [[62800, 62899]], areaCode: '62', lockerCode: 'KAL', weight: 99 },
  { name: 'Legnica', latitude: 51.207, longitude: 16.1619, zipRanges: [[59220, 59299]], areaCode: '76', lockerCode: 'LEG', weight: 98 },
  { name: 'Nowy Sącz', latitude: 49.6175, longitude: 20.7153, zipRanges: [[33300, 33399]], areaCode: '18', lockerCode: 'NSA', weight: 83 },
  { name: 'Siedlce', latitude: 52.1677, longitude: 22.2901, zipRanges: [[8100, 8199]], areaCode: '25', lockerCode: 'SIE', weight: 76 },
  { name: 'Pruszków', latitude: 52.1709, longitude: 20.8121, zipRanges: [[5800, 5899]], areaCode: '22', lockerCode: 'PRU', weight: 62 },
  { name: 'Piaseczno', latitude: 52.0812, longitude: 21.024, zipRanges: [[5500, 5599]], areaCode: '22', lockerCode: 'PIA', weight: 50 },
  { name: 'Sopot', latitude: 54.4418, longitude: 18.5601, zipRanges: [[81701, 81899]], areaCode: '58', lockerCode: 'SOP', weight: 35 },
];

export function cityByName(name: string): City {
  const city = CITIES.find((c) => c.name === name);
  if (!city) throw new Error(`unknown city ${name}`);
  return city;
}

/** "61-144" from 61144. */
export function formatZip(code: number): string {
  const s = String(code).padStart(5, '0');
  return `${s.slice(0, 2)}-${s.slice(2)}`;
}

/** Street names found in nearly every Polish town, with their usual prefix. */
export const STREETS: readonly string[] = [
  'ul. Mickiewicza',
  'ul. Słowackiego',
  'ul. Kościuszki',
  'ul. Piłsudskiego',
  'ul. Sienkiewicza',
  'ul. Długa',
  'ul. Krótka',
  'ul. Polna',
  'ul. Leśna',
  'ul. Ogrodowa',
  'ul. Lipowa',
  'ul. Kwiatowa',
  'ul. Szkolna',
  'ul. Kolejowa',
  'ul. Warszawska',
  'ul. Kościelna',
  'ul. Parkowa',
  'ul. Słoneczna',
  'ul. Zielona',
  'ul. Brzozowa',
  'ul. Klonowa',
  'ul. Akacjowa',
  'ul. Jasna',
  'ul. Spokojna',
  'ul. Wiejska',
  'ul. Ogrodników',
  'ul. Kasztanowa',
  'ul. Modrzewiowa',
  'ul. Jesionowa',
  'ul. Wrzosowa',
  'ul. Reymonta',
  'ul. Prusa',
  'ul. Konopnickiej',
  'ul. Orzeszkowej',
  'ul. Chopina',
  'ul. Moniuszki',
  'ul. Kopernika',
  'ul. Curie-Skłodowskiej',
  'ul. Żeromskiego',
  'ul. Wyspiańskiego',
  'ul. Traugutta',
  'ul. Kilińskiego',
  'ul. Armii Krajowej',
  'ul. 3 Maja',
  'ul. 11 Listopada',
  'ul. Wolności',
  'ul. Jana Pawła II',
  'ul. Batorego',
  'ul. Sobieskiego',
  'ul. Mieszka I',
  'ul. Bolesława Chrobrego',
  'ul. Grunwaldzka',
  'ul. Piastowska',
  'ul. Dworcowa',
  'ul. Targowa',
  'ul. Rynek',
  'ul. Nowa',
  'ul. Cicha',
  'ul. Widok',
  'ul. Sportowa',
  'ul. Młyńska',
  'ul. Łąkowa',
  'ul. Sosnowa',
  'al. Niepodległości',
  'al. Solidarności',
  'al. Wojska Polskiego',
  'al. Jerozolimskie',
  'os. Słoneczne',
  'os. Przyjaźni',
  'pl. Wolności',
];

export interface StoreSite {
  code: string;
  name: string;
  city: string;
  street: string;
  zip: string;
  latitude: number;
  longitude: number;
  phone: string;
  openingHours: string | null;
}

/** Central warehouse first, then the stores; coordinates are the real sites. */
export const STORE_SITES: readonly StoreSite[] = [
  {
    code: 'CEN',
    name: 'Centrum Dystrybucyjne Stryków',
    city: 'Stryków',
    street: 'ul. Magazynowa 5',
    zip: '95-010',
    latitude: 51.8998,
    longitude: 19.6035,
    phone: '+48 42 719 80 00',
    openingHours: null,
  },
  {
    code: 'WAW1',
    name: 'Sklep Warszawa Arkadia',
    city: 'Warszawa',
    street: 'al. Jana Pawła II 82',
    zip: '00-175',
    latitude: 52.2572,
    longitude: 20.9845,
    phone: '+48 22 331 25 40',
    openingHours: 'pn-sb 9:00-22:00, nd handlowa 10:00-20:00',
  },
  {
    code: 'WAW2',
    name: 'Sklep Warszawa Mokotów',
    city: 'Warszawa',
    street: 'ul. Wołoska 12',
    zip: '02-675',
    latitude: 52.1799,
    longitude: 21.0039,
    phone: '+48 22 541 17 20',
    openingHours: 'pn-sb 9:00-21:00, nd handlowa 10:00-20:00',
  },
  {
    code: 'KRK1',
    name: 'Sklep Kraków Galeria Krakowska',
    city: 'Kraków',
    street: 'ul. Pawia 5',
    zip: '31-154',
    latitude: 50.0676,
    longitude: 19.9451,
    phone: '+48 12 428 74 10',
    openingHours: 'pn-sb 9:00-22:00, nd handlowa 10:00-21:00',
  },
  {
    code: 'POZ1',
    name: 'Sklep Poznań City Center',
    city: 'Poznań',
    street: 'ul. Stanisława Matyi 2',
    zip: '61-586',
    latitude: 52.4027,
    longitude: 16.9124,
    phone: '+48 61 624 30 15',
    openingHours: 'pn-sb 9:00-21:00, nd handlowa 10:00-20:00',
  },
  {
    code: 'WRO1',
    name: 'Sklep Wrocław Wroclavia',
    city: 'Wrocław',
    street: 'ul. Sucha 1',
    zip: '50-086',
    latitude: 51.0958,
    longitude: 17.0186,
    phone: '+48 71 713 45 90',
    openingHours: 'pn-sb 9:00-21:00, nd handlowa 10:00-20:00',
  },
  {
    code: 'GDA1',
    name: 'Sklep Gdańsk Galeria Bałtycka',
    city: 'Gdańsk',
    street: 'al. Grunwaldzka 141',
    zip: '80-264',
    latitude: 54.3826,
    longitude: 18.5992,
    phone: '+48 58 521 86 30',
    openingHours: 'pn-sb 9:00-21:00, nd handlowa 10:00-20:00',
  },
  {
    code: 'LOD1',
    name: 'Sklep Łódź Manufaktura',
    city: 'Łódź',
    street: 'ul. Jana Karskiego 5',
    zip: '91-071',
    latitude: 51.7791,
    longitude: 19.4474,
    phone: '+48 42 664 92 05',
    openingHours: 'pn-sb 9:00-22:00, nd handlowa 10:00-21:00',
  },
  {
    code: 'KAT1',
    name: 'Sklep Katowice Galeria Katowicka',
    city: 'Katowice',
    street: 'ul. 3 Maja 30',
    zip: '40-097',
    latitude: 50.2587,
    longitude: 19.0172,
    phone: '+48 32 781 56 70',
    openingHours: 'pn-sb 9:00-21:00, nd handlowa 10:00-20:00',
  },
];

export const LOCKER_DESCRIPTIONS: readonly string[] = [
  'Przy sklepie Żabka',
  'Obok wejścia do Biedronki',
  'Parking przy Lidlu',
  'Stacja paliw Orlen',
  'Przy bloku, od strony parkingu',
  'Na terenie osiedla, przy placu zabaw',
  'Przy przystanku autobusowym',
  'Przy wejściu do galerii handlowej',
  'Obok apteki',
  'Przy budynku poczty',
  'Stacja paliw BP',
  'Parking przy Kauflandzie',
  'Przy markecie Dino',
  'Na parkingu przy kościele',
];

// ---------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------

/** Tax-office prefixes of real NIP ranges (Warszawa, Kraków, Poznań…). */
export const NIP_PREFIXES: readonly string[] = [
  '525',
  '526',
  '527',
  '521',
  '113',
  '118',
  '676',
  '677',
  '678',
  '779',
  '778',
  '782',
  '894',
  '897',
  '898',
  '583',
  '584',
  '586',
  '725',
  '727',
  '729',
  '634',
  '954',
  '955',
  '851',
  '852',
  '946',
  '712',
  '813',
  '542',
];

export const COMPANY_PROPER_NAMES: readonly string[] = [
  'Złoty Kłos',
  'Na Rogu',
  'Stara Piekarnia',
  'Zielony Zakątek',
  'Bursztyn',
  'Pod Wawelem',
  'Kasztanowa',
  'Słoneczko',
  'Promyk',
  'Mozaika',
  'Przystań',
  'Leśna Polana',
  'Pod Dębem',
  'Dworek',
  'Sielanka',
  'Kolorowa',
  'Pod Arkadami',
  'Nad Stawem',
  'Magnolia',
  'Stokrotka',
  'Biały Żagiel',
  'Wrzos',
  'Kalina',
  'Na Starówce',
  'Pod Zegarem',
  'Jagódka',
  'Orzeł',
  'Pod Aniołem',
  'Ogrody',
  'Morwa',
];

export const COMPANY_KINDS: readonly (readonly [kind: string, legalForm: string])[] = [
  ['Kawiarnia', 'Sp. z o.o.'],
  ['Restauracja', 'Sp. z o.o.'],
  ['Hotel', 'Sp. z o.o.'],
  ['Pensjonat', 's.c.'],
  ['Przedszkole Niepubliczne', 's.c.'],
  ['Studio Urody', 's.c.'],
  ['Gabinet Stomatologiczny', 's.c.'],
  ['Biuro Rachunkowe', 'Sp. z o.o.'],
  ['Pracownia Ceramiki', 's.c.'],
  ['Bistro', 'Sp. z o.o.'],
  ['Klub Fitness', 'Sp. z o.o.'],
  ['Piekarnia', 'Sp. j.'],
];

export const COMPANY_PREFIXES: readonly string[] = ['P.H.U.', 'F.H.U.', 'PPHU', 'Usługi Remontowe', 'Hurtownia', 'Transport'];

// ---------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------

export interface Option {
  label: string;
  /** uppercase ASCII fragment of the SKU */
  code: string;
}

const opt = (label: string, code: string): Option => ({ label, code });

export const VARIANT_SETS = {
  appliance: [opt('Czarny', 'BLK'), opt('Biały', 'WHT'), opt('Stalowy', 'STL'), opt('Kremowy', 'CRM'), opt('Miętowy', 'MINT')],
  vivid: [
    opt('Granatowy', 'NAVY'),
    opt('Czarny', 'BLK'),
    opt('Miętowy', 'MINT'),
    opt('Różowy', 'PINK'),
    opt('Czerwony', 'RED'),
    opt('Zielony', 'GRN'),
    opt('Żółty', 'YLW'),
  ],
  textile: [
    opt('Szary', 'GRY'),
    opt('Grafitowy', 'GRPH'),
    opt('Beżowy', 'BEIGE'),
    opt('Granatowy', 'NAVY'),
    opt('Butelkowa zieleń', 'BGRN'),
    opt('Kremowy', 'CRM'),
    opt('Pudrowy róż', 'PINK'),
  ],
  tech: [opt('Czarny', 'BLK'), opt('Biały', 'WHT'), opt('Grafitowy', 'GRPH'), opt('Niebieski', 'BLUE')],
  metal: [opt('Stalowy', 'STL'), opt('Czarny', 'BLK'), opt('Miedziany', 'CPR'), opt('Złoty', 'GLD')],
  clothing: [opt('S', 'S'), opt('M', 'M'), opt('L', 'L'), opt('XL', 'XL')],
  baby: [opt('56', '56'), opt('62', '62'), opt('68', '68'), opt('74', '74'), opt('80', '80')],
  pet: [opt('S', 'S'), opt('M', 'M'), opt('L', 'L')],
  scent: [opt('Wanilia', 'VAN'), opt('Lawenda', 'LAV'), opt('Drzewo cedrowe', 'CED'), opt('Świeża bawełna', 'COT'), opt('Cynamon', 'CIN')],
  cover: [opt('Oprawa miękka', 'PB'), opt('Oprawa twarda', 'HB')],
} as const satisfies Record<string, readonly Option[]>;

export type VariantSet = keyof typeof VARIANT_SETS;

export interface ProductType {
  name: string;
  /** unique across the catalogue; first fragment of the SKU */
  code: string;
  /** sizes/capacities; the label follows the name ("Czajnik elektryczny 1,7 l"), empty for none */
  specs: readonly Option[];
  /** gross PLN for the smallest and the largest spec */
  price: readonly [number, number];
  weightKg: readonly [number, number];
  /** overrides the category rate */
  vat?: VatRate;
  variants?: VariantSet;
  /** false where a series name would read oddly */
  series?: boolean;
}

export interface CategorySpec {
  name: string;
  vat: VatRate;
  /** relative share of catalogue templates */
  weight: number;
  /** Allegro leaf category id the offers are listed in */
  allegroCategoryId: string;
  /** series names that fit the category; defaults to SERIES */
  series?: readonly Option[];
  types: readonly ProductType[];
}

export const SERIES: readonly Option[] = [
  opt('Nordic', 'NRD'),
  opt('Classic', 'CLS'),
  opt('Loft', 'LFT'),
  opt('Retro', 'RTR'),
  opt('Prime', 'PRM'),
  opt('Comfort', 'CMF'),
  opt('Eco', 'ECO'),
  opt('Vita', 'VIT'),
  opt('Aura', 'AUR'),
  opt('Terra', 'TER'),
  opt('Solo', 'SOL'),
  opt('Max', 'MAX'),
  opt('Pro', 'PRO'),
  opt('Lite', 'LIT'),
  opt('Smart', 'SMT'),
  opt('Urban', 'URB'),
  opt('Tatra', 'TAT'),
  opt('Bałtyk', 'BLT'),
  opt('Wawel', 'WWL'),
  opt('Orion', 'ORN'),
  opt('Luna', 'LUN'),
  opt('Nova', 'NOV'),
  opt('Iskra', 'ISK'),
  opt('Mazury', 'MAZ'),
];

const FOOD_SERIES: readonly Option[] = [
  opt('Bio', 'BIO'),
  opt('Premium', 'PRM'),
  opt('Natura', 'NAT'),
  opt('Gold', 'GLD'),
  opt('Classic', 'CLS'),
  opt('Family', 'FAM'),
  opt('Delikates', 'DLK'),
];

const COSMETIC_SERIES: readonly Option[] = [
  opt('Natura', 'NAT'),
  opt('Aqua', 'AQU'),
  opt('Bio', 'BIO'),
  opt('Sensitive', 'SEN'),
  opt('Men', 'MEN'),
  opt('Vita', 'VIT'),
  opt('Botanica', 'BOT'),
  opt('Derma', 'DRM'),
];

/** Marks "Pro", "Max" and "Premium" series a little pricier. */
export const PREMIUM_SERIES_CODES: ReadonlySet<string> = new Set(['PRO', 'MAX', 'PRM', 'GLD']);

export const CATEGORIES: readonly CategorySpec[] = [
  {
    name: 'AGD drobne',
    vat: 23,
    weight: 12,
    allegroCategoryId: '67414',
    types: [
      {
        name: 'Czajnik elektryczny',
        code: 'KET',
        specs: [opt('1,2 l', '12'), opt('1,5 l', '15'), opt('1,7 l', '17')],
        price: [89, 299],
        weightKg: [0.9, 1.4],
        variants: 'appliance',
      },
      {
        name: 'Toster',
        code: 'TOS',
        specs: [opt('2 kromki', '2'), opt('4 kromki', '4')],
        price: [99, 279],
        weightKg: [1.1, 2.2],
        variants: 'appliance',
      },
      {
        name: 'Blender kielichowy',
        code: 'BLD',
        specs: [opt('1000 W', '1000'), opt('1200 W', '1200'), opt('1500 W', '1500')],
        price: [149, 549],
        weightKg: [2.5, 4.2],
      },
      {
        name: 'Blender ręczny',
        code: 'HBL',
        specs: [opt('600 W', '600'), opt('800 W', '800'), opt('1000 W', '1000')],
        price: [79, 249],
        weightKg: [0.8, 1.3],
      },
      {
        name: 'Mikser planetarny',
        code: 'MIX',
        specs: [opt('1000 W', '1000'), opt('1200 W', '1200')],
        price: [499, 1299],
        weightKg: [5.5, 7.5],
        variants: 'appliance',
      },
      { name: 'Ekspres przelewowy', code: 'CFM', specs: [opt('1,25 l', '125'), opt('1,5 l', '150')], price: [129, 399], weightKg: [1.6, 2.4] },
      { name: 'Ekspres ciśnieniowy', code: 'ESP', specs: [opt('15 bar', '15'), opt('19 bar', '19')], price: [599, 2499], weightKg: [4.5, 9] },
      { name: 'Młynek do kawy', code: 'GRD', specs: [opt('150 W', '150'), opt('200 W', '200')], price: [79, 349], weightKg: [0.7, 1.6] },
      { name: 'Robot kuchenny', code: 'FPR', specs: [opt('800 W', '800'), opt('1000 W', '1000')], price: [349, 999], weightKg: [3.5, 6] },
      { name: 'Sokowirówka', code: 'JCR', specs: [opt('500 W', '500'), opt('800 W', '800')], price: [149, 449], weightKg: [2.5, 4] },
      {
        name: 'Frytkownica beztłuszczowa',
        code: 'AFR',
        specs: [opt('3,5 l', '35'), opt('5,5 l', '55'), opt('8 l', '80')],
        price: [249, 699],
        weightKg: [3.2, 6.5],
        variants: 'tech',
      },
      { name: 'Gofrownica', code: 'WFL', specs: [opt('1000 W', '1000'), opt('1200 W', '1200')], price: [119, 299], weightKg: [1.8, 2.8] },
      { name: 'Opiekacz do kanapek', code: 'SND', specs: [opt('750 W', '750'), opt('900 W', '900')], price: [79, 189], weightKg: [1.3, 2] },
      { name: 'Odkurzacz bezprzewodowy', code: 'VAC', specs: [opt('22 V', '22V'), opt('25 V', '25V')], price: [599, 1599], weightKg: [2.4, 3.3] },
      { name: 'Żelazko parowe', code: 'IRN', specs: [opt('2400 W', '2400'), opt('2800 W', '2800')], price: [129, 399], weightKg: [1.3, 1.8] },
      {
        name: 'Suszarka do włosów',
        code: 'HDR',
        specs: [opt('1800 W', '1800'), opt('2200 W', '2200')],
        price: [89, 349],
        weightKg: [0.5, 0.8],
        variants: 'tech',
      },
      {
        name: 'Prostownica do włosów',
        code: 'HST',
        specs: [opt('z jonizacją', 'ION'), opt('ceramiczna', 'CER')],
        price: [99, 299],
        weightKg: [0.3, 0.5],
      },
      { name: 'Waga kuchenna', code: 'KSC', specs: [opt('5 kg', '5'), opt('10 kg', '10')], price: [39, 99], weightKg: [0.4, 0.7], variants: 'tech' },
      { name: 'Oczyszczacz powietrza', code: 'APU', specs: [opt('30 m²', '30'), opt('50 m²', '50')], price: [399, 1199], weightKg: [4, 7] },
      { name: 'Nawilżacz powietrza', code: 'HUM', specs: [opt('3 l', '3'), opt('5 l', '5')], price: [149, 399], weightKg: [1.5, 2.5] },
      { name: 'Wentylator stojący', code: 'FAN', specs: [opt('40 cm', '40'), opt('45 cm', '45')], price: [99, 299], weightKg: [3.5, 5.5] },
    ],
  },
  {
    name: 'Kuchnia',
    vat: 23,
    weight: 12,
    allegroCategoryId: '258831',
    types: [
      {
        name: 'Kubek termiczny',
        code: 'MUG',
        specs: [opt('350 ml', '350'), opt('450 ml', '450'), opt('500 ml', '500')],
        price: [39, 119],
        weightKg: [0.25, 0.4],
        variants: 'vivid',
      },
      {
        name: 'Patelnia granitowa',
        code: 'PAN',
        specs: [opt('24 cm', '24'), opt('26 cm', '26'), opt('28 cm', '28')],
        price: [79, 229],
        weightKg: [0.9, 1.5],
      },
      {
        name: 'Garnek stalowy',
        code: 'POT',
        specs: [opt('2,5 l', '25'), opt('4 l', '40'), opt('6 l', '60')],
        price: [89, 249],
        weightKg: [1.1, 2.3],
      },
      { name: 'Zestaw garnków', code: 'PTS', specs: [opt('6 elementów', '6'), opt('10 elementów', '10')], price: [299, 899], weightKg: [5, 9] },
      { name: 'Nóż szefa kuchni', code: 'KNF', specs: [opt('20 cm', '20'), opt('25 cm', '25')], price: [69, 349], weightKg: [0.2, 0.35] },
      { name: 'Zestaw noży w bloku', code: 'KNS', specs: [opt('5 szt.', '5'), opt('7 szt.', '7')], price: [199, 599], weightKg: [2, 3.2] },
      {
        name: 'Deska do krojenia bambusowa',
        code: 'BRD',
        specs: [opt('30x20 cm', '3020'), opt('40x30 cm', '4030')],
        price: [29, 89],
        weightKg: [0.6, 1.3],
      },
      {
        name: 'Pojemnik szklany na żywność',
        code: 'BOX',
        specs: [opt('0,6 l', '06'), opt('1 l', '10'), opt('1,5 l', '15')],
        price: [19.99, 49],
        weightKg: [0.4, 0.9],
      },
      {
        name: 'Butelka filtrująca',
        code: 'BTL',
        specs: [opt('0,6 l', '06'), opt('1 l', '10')],
        price: [49, 99],
        weightKg: [0.2, 0.3],
        variants: 'vivid',
      },
      {
        name: 'Dzbanek filtrujący',
        code: 'JUG',
        specs: [opt('2,4 l', '24'), opt('3,5 l', '35')],
        price: [59, 129],
        weightKg: [0.6, 0.9],
        variants: 'tech',
      },
      { name: 'Tortownica', code: 'CKT', specs: [opt('24 cm', '24'), opt('26 cm', '26')], price: [39, 89], weightKg: [0.5, 0.8] },
      {
        name: 'Zestaw sztućców',
        code: 'CUT',
        specs: [opt('24 elementy', '24'), opt('30 elementów', '30')],
        price: [129, 399],
        weightKg: [1.5, 2.5],
        variants: 'metal',
      },
      {
        name: 'Komplet talerzy porcelanowych',
        code: 'PLT',
        specs: [opt('12 elementów', '12'), opt('18 elementów', '18')],
        price: [149, 399],
        weightKg: [5, 8],
      },
      {
        name: 'Kawiarka',
        code: 'MKP',
        specs: [opt('3 filiżanki', '3'), opt('6 filiżanek', '6')],
        price: [79, 199],
        weightKg: [0.5, 0.8],
        variants: 'metal',
      },
      {
        name: 'Lunchbox dwukomorowy',
        code: 'LNB',
        specs: [opt('1 l', '10'), opt('1,2 l', '12')],
        price: [39, 79],
        weightKg: [0.3, 0.4],
        variants: 'vivid',
      },
      { name: 'Młynek do przypraw', code: 'SPG', specs: [opt('', '')], price: [39, 89], weightKg: [0.3, 0.4], variants: 'metal' },
      { name: 'Forma do pieczenia keksu', code: 'LOF', specs: [opt('25 cm', '25'), opt('30 cm', '30')], price: [29, 59], weightKg: [0.4, 0.6] },
    ],
  },
  {
    name: 'Elektronika',
    vat: 23,
    weight: 12,
    allegroCategoryId: '4',
    types: [
      {
        name: 'Słuchawki bezprzewodowe',
        code: 'HPH',
        specs: [opt('douszne', 'IE'), opt('nauszne', 'OE')],
        price: [129, 699],
        weightKg: [0.1, 0.35],
        variants: 'tech',
      },
      {
        name: 'Głośnik Bluetooth',
        code: 'SPK',
        specs: [opt('10 W', '10W'), opt('20 W', '20W'), opt('30 W', '30W')],
        price: [119, 599],
        weightKg: [0.4, 1.2],
        variants: 'tech',
      },
      {
        name: 'Powerbank',
        code: 'PWB',
        specs: [opt('10000 mAh', '10K'), opt('20000 mAh', '20K')],
        price: [79, 199],
        weightKg: [0.2, 0.45],
        variants: 'tech',
      },
      {
        name: 'Ładowarka sieciowa USB-C',
        code: 'CHG',
        specs: [opt('20 W', '20W'), opt('45 W', '45W'), opt('65 W', '65W')],
        price: [49, 199],
        weightKg: [0.08, 0.2],
        variants: 'tech',
      },
      { name: 'Kabel USB-C', code: 'CBL', specs: [opt('1 m', '1M'), opt('2 m', '2M')], price: [29, 69], weightKg: [0.04, 0.08] },
      { name: 'Mysz bezprzewodowa', code: 'MSE', specs: [opt('', '')], price: [49, 249], weightKg: [0.08, 0.15], variants: 'tech' },
      {
        name: 'Klawiatura mechaniczna',
        code: 'KBD',
        specs: [opt('TKL', 'TKL'), opt('pełnowymiarowa', 'FULL')],
        price: [249, 599],
        weightKg: [0.8, 1.3],
      },
      { name: 'Kamera internetowa', code: 'WCM', specs: [opt('Full HD', 'FHD'), opt('4K', '4K')], price: [149, 599], weightKg: [0.15, 0.25] },
      {
        name: 'Smartwatch',
        code: 'SWT',
        specs: [opt('42 mm', '42'), opt('46 mm', '46')],
        price: [399, 1299],
        weightKg: [0.15, 0.25],
        variants: 'tech',
      },
      { name: 'Opaska sportowa', code: 'BND', specs: [opt('', '')], price: [129, 249], weightKg: [0.05, 0.1], variants: 'tech' },
      { name: 'Czytnik e-booków', code: 'ERD', specs: [opt('6"', '6'), opt('7"', '7')], price: [449, 899], weightKg: [0.2, 0.3] },
      { name: 'Router Wi-Fi 6', code: 'RTR', specs: [opt('AX1800', 'AX1800'), opt('AX3000', 'AX3000')], price: [249, 599], weightKg: [0.5, 0.9] },
      {
        name: 'Pendrive',
        code: 'USB',
        specs: [opt('64 GB', '64'), opt('128 GB', '128'), opt('256 GB', '256')],
        price: [29, 119],
        weightKg: [0.02, 0.04],
      },
      {
        name: 'Karta pamięci microSD',
        code: 'SDC',
        specs: [opt('64 GB', '64'), opt('128 GB', '128'), opt('256 GB', '256')],
        price: [39, 159],
        weightKg: [0.01, 0.02],
      },
      {
        name: 'Dysk SSD zewnętrzny',
        code: 'SSD',
        specs: [opt('500 GB', '500G'), opt('1 TB', '1T'), opt('2 TB', '2T')],
        price: [299, 899],
        weightKg: [0.1, 0.15],
      },
      {
        name: 'Listwa zasilająca z wyłącznikiem',
        code: 'PWS',
        specs: [opt('5 gniazd', '5'), opt('8 gniazd', '8')],
        price: [49, 129],
        weightKg: [0.4, 0.7],
      },
    ],
  },
  {
    name: 'Oświetlenie',
    vat: 23,
    weight: 5,
    allegroCategoryId: '122625',
    types: [
      {
        name: 'Lampka biurkowa LED',
        code: 'DLP',
        specs: [opt('8 W', '8W'), opt('12 W', '12W')],
        price: [79, 249],
        weightKg: [0.8, 1.4],
        variants: 'tech',
      },
      {
        name: 'Żarówka LED',
        code: 'BLB',
        specs: [opt('E27 9 W', 'E27'), opt('E14 5 W', 'E14'), opt('GU10 5 W', 'GU10')],
        price: [9.99, 24.99],
        weightKg: [0.05, 0.08],
      },
      {
        name: 'Lampa wisząca',
        code: 'PND',
        specs: [opt('30 cm', '30'), opt('45 cm', '45')],
        price: [149, 499],
        weightKg: [1.2, 2.5],
        variants: 'metal',
      },
      { name: 'Taśma LED RGB', code: 'LED', specs: [opt('5 m', '5M'), opt('10 m', '10M')], price: [49, 129], weightKg: [0.2, 0.4] },
      {
        name: 'Lampa podłogowa',
        code: 'FLP',
        specs: [opt('150 cm', '150'), opt('170 cm', '170')],
        price: [199, 599],
        weightKg: [3.5, 6],
        variants: 'metal',
      },
      { name: 'Lampka nocna', code: 'NLP', specs: [opt('', '')], price: [49, 149], weightKg: [0.4, 0.8], variants: 'vivid' },
      {
        name: 'Kinkiet',
        code: 'WLL',
        specs: [opt('1-punktowy', '1P'), opt('2-punktowy', '2P')],
        price: [89, 249],
        weightKg: [0.6, 1.1],
        variants: 'metal',
      },
    ],
  },
  {
    name: 'Dom i ogród',
    vat: 23,
    weight: 10,
    allegroCategoryId: '5206',
    types: [
      {
        name: 'Doniczka ceramiczna',
        code: 'FPT',
        specs: [opt('14 cm', '14'), opt('18 cm', '18'), opt('24 cm', '24')],
        price: [24.99, 99],
        weightKg: [0.6, 2.5],
        variants: 'vivid',
      },
      { name: 'Konewka', code: 'WCN', specs: [opt('5 l', '5'), opt('10 l', '10')], price: [29, 69], weightKg: [0.4, 0.8] },
      { name: 'Wąż ogrodowy', code: 'HOS', specs: [opt('15 m', '15'), opt('25 m', '25')], price: [69, 179], weightKg: [2, 4] },
      { name: 'Sekator', code: 'SEC', specs: [opt('kowadełkowy', 'ANV'), opt('nożycowy', 'BYP')], price: [39, 129], weightKg: [0.2, 0.3] },
      { name: 'Grill węglowy', code: 'GRL', specs: [opt('47 cm', '47'), opt('57 cm', '57')], price: [249, 799], weightKg: [8, 14] },
      { name: 'Lampy solarne ogrodowe', code: 'SLR', specs: [opt('4 szt.', '4'), opt('8 szt.', '8')], price: [49, 129], weightKg: [0.8, 1.5] },
      { name: 'Leżak ogrodowy', code: 'LNG', specs: [opt('', '')], price: [149, 399], weightKg: [5, 8], variants: 'textile' },
      {
        name: 'Parasol ogrodowy',
        code: 'UMB',
        specs: [opt('2,7 m', '27'), opt('3 m', '30')],
        price: [199, 599],
        weightKg: [6, 10],
        variants: 'textile',
      },
      {
        name: 'Świeca zapachowa',
        code: 'CND',
        specs: [opt('180 g', '180'), opt('320 g', '320')],
        price: [29, 79],
        weightKg: [0.3, 0.6],
        variants: 'scent',
      },
      { name: 'Kosz na pranie', code: 'LND', specs: [opt('45 l', '45'), opt('60 l', '60')], price: [49, 119], weightKg: [0.8, 1.4] },
      {
        name: 'Organizer do szafy',
        code: 'ORG',
        specs: [opt('3 przegrody', '3'), opt('6 przegród', '6')],
        price: [29, 69],
        weightKg: [0.3, 0.6],
        variants: 'textile',
      },
      {
        name: 'Lustro ścienne okrągłe',
        code: 'MIR',
        specs: [opt('50 cm', '50'), opt('60 cm', '60'), opt('80 cm', '80')],
        price: [129, 399],
        weightKg: [3, 7],
        variants: 'metal',
      },
      {
        name: 'Zegar ścienny',
        code: 'CLK',
        specs: [opt('30 cm', '30'), opt('40 cm', '40')],
        price: [59, 199],
        weightKg: [0.6, 1.2],
        variants: 'metal',
      },
      { name: 'Wycieraczka kokosowa', code: 'MAT', specs: [opt('40x60 cm', '4060'), opt('60x90 cm', '6090')], price: [39, 99], weightKg: [1, 2.5] },
      { name: 'Skrzynka na narzędzia', code: 'TBX', specs: [opt('16"', '16'), opt('22"', '22')], price: [49, 129], weightKg: [1, 2] },
    ],
  },
  {
    name: 'Tekstylia domowe',
    vat: 23,
    weight: 6,
    allegroCategoryId: '20783',
    types: [
      {
        name: 'Poduszka dekoracyjna',
        code: 'PIL',
        specs: [opt('40x40 cm', '4040'), opt('45x45 cm', '4545')],
        price: [39, 89],
        weightKg: [0.4, 0.6],
        variants: 'textile',
      },
      {
        name: 'Koc z mikrofibry',
        code: 'THR',
        specs: [opt('150x200 cm', '150'), opt('200x220 cm', '200')],
        price: [59, 149],
        weightKg: [0.9, 1.5],
        variants: 'textile',
      },
      {
        name: 'Pościel bawełniana',
        code: 'BED',
        specs: [opt('160x200 cm', '160'), opt('200x220 cm', '200')],
        price: [119, 299],
        weightKg: [1.2, 1.8],
        variants: 'textile',
      },
      {
        name: 'Ręcznik kąpielowy',
        code: 'TWL',
        specs: [opt('50x100 cm', '50'), opt('70x140 cm', '70')],
        price: [29, 79],
        weightKg: [0.3, 0.7],
        variants: 'textile',
      },
      { name: 'Zasłona zaciemniająca', code: 'CRT', specs: [opt('140x250 cm', '140')], price: [79, 149], weightKg: [1, 1.5], variants: 'textile' },
      {
        name: 'Obrus plamoodporny',
        code: 'TBL',
        specs: [opt('140x180 cm', '180'), opt('140x220 cm', '220')],
        price: [49, 99],
        weightKg: [0.5, 0.8],
        variants: 'textile',
      },
      {
        name: 'Dywan',
        code: 'RUG',
        specs: [opt('120x170 cm', '120'), opt('160x230 cm', '160')],
        price: [199, 599],
        weightKg: [3, 7],
        variants: 'textile',
      },
      {
        name: 'Kołdra całoroczna',
        code: 'DUV',
        specs: [opt('155x200 cm', '155'), opt('200x220 cm', '200')],
        price: [149, 349],
        weightKg: [1.5, 2.5],
      },
    ],
  },
  {
    name: 'Zabawki',
    vat: 23,
    weight: 8,
    allegroCategoryId: '11818',
    types: [
      {
        name: 'Klocki konstrukcyjne',
        code: 'BRK',
        specs: [opt('250 el.', '250'), opt('500 el.', '500'), opt('1000 el.', '1000')],
        price: [59, 299],
        weightKg: [0.5, 1.8],
      },
      {
        name: 'Puzzle',
        code: 'PZL',
        specs: [opt('500 el.', '500'), opt('1000 el.', '1000'), opt('1500 el.', '1500')],
        price: [29, 79],
        weightKg: [0.4, 0.9],
      },
      { name: 'Lalka', code: 'DOL', specs: [opt('30 cm', '30'), opt('45 cm', '45')], price: [59, 189], weightKg: [0.3, 0.7] },
      {
        name: 'Pluszowy miś',
        code: 'TED',
        specs: [opt('30 cm', '30'), opt('50 cm', '50'), opt('80 cm', '80')],
        price: [39, 179],
        weightKg: [0.2, 1],
      },
      {
        name: 'Samochód zdalnie sterowany',
        code: 'RCC',
        specs: [opt('1:24', '24'), opt('1:16', '16')],
        price: [99, 299],
        weightKg: [0.5, 1.3],
        variants: 'vivid',
      },
      { name: 'Kolejka drewniana', code: 'TRN', specs: [opt('40 el.', '40'), opt('80 el.', '80')], price: [129, 299], weightKg: [1.5, 3] },
      {
        name: 'Hulajnoga dziecięca',
        code: 'SCT',
        specs: [opt('trójkołowa', '3W'), opt('dwukołowa', '2W')],
        price: [149, 299],
        weightKg: [2.5, 4],
        variants: 'vivid',
      },
      { name: 'Rowerek biegowy', code: 'BAL', specs: [opt('10"', '10'), opt('12"', '12')], price: [199, 399], weightKg: [3, 4.5], variants: 'vivid' },
      { name: 'Zestaw kreatywny', code: 'ART', specs: [opt('malowanie', 'PNT'), opt('biżuteria', 'JWL')], price: [39, 99], weightKg: [0.4, 0.8] },
      { name: 'Ciastolina zestaw', code: 'PLD', specs: [opt('8 kolorów', '8'), opt('16 kolorów', '16')], price: [29, 69], weightKg: [0.5, 1] },
      { name: 'Kostka logiczna', code: 'CUB', specs: [opt('3x3', '3'), opt('4x4', '4')], price: [24.99, 59], weightKg: [0.1, 0.2] },
      {
        name: 'Gra planszowa rodzinna',
        code: 'BGM',
        specs: [opt('2-4 graczy', '24'), opt('2-6 graczy', '26')],
        price: [69, 199],
        weightKg: [0.6, 1.4],
      },
    ],
  },
  {
    name: 'Dziecko',
    vat: 23,
    weight: 6,
    allegroCategoryId: '5417',
    types: [
      {
        name: 'Pieluszki jednorazowe',
        code: 'DIP',
        specs: [opt('rozmiar 3, 90 szt.', 'S3'), opt('rozmiar 4, 80 szt.', 'S4'), opt('rozmiar 5, 70 szt.', 'S5')],
        price: [69, 89],
        weightKg: [2, 2.6],
        vat: 8,
        series: false,
      },
      {
        name: 'Fotelik samochodowy',
        code: 'CST',
        specs: [opt('0-13 kg', '013'), opt('9-36 kg', '936')],
        price: [399, 1199],
        weightKg: [4, 9],
        vat: 5,
        variants: 'tech',
      },
      { name: 'Kaszka mleczno-ryżowa', code: 'BCR', specs: [opt('230 g', '230')], price: [9.99, 14.99], weightKg: [0.25, 0.25], vat: 5 },
      { name: 'Butelka dla niemowląt', code: 'BBT', specs: [opt('150 ml', '150'), opt('260 ml', '260')], price: [29, 59], weightKg: [0.1, 0.15] },
      { name: 'Body niemowlęce z długim rękawem', code: 'BDY', specs: [opt('', '')], price: [24.99, 49], weightKg: [0.08, 0.1], variants: 'baby' },
      {
        name: 'Śpiworek do spania',
        code: 'SLB',
        specs: [opt('0,5 TOG', '05'), opt('2,5 TOG', '25')],
        price: [89, 179],
        weightKg: [0.3, 0.5],
        variants: 'textile',
      },
      { name: 'Mata edukacyjna', code: 'EDM', specs: [opt('', '')], price: [149, 299], weightKg: [1.5, 2.5] },
      { name: 'Wózek spacerowy', code: 'STR', specs: [opt('', '')], price: [699, 1599], weightKg: [7, 10], variants: 'tech' },
      { name: 'Nosidełko ergonomiczne', code: 'BCA', specs: [opt('', '')], price: [199, 499], weightKg: [0.6, 0.9], variants: 'textile' },
    ],
  },
  {
    name: 'Książki',
    vat: 5,
    weight: 7,
    allegroCategoryId: '7',
    types: [],
  },
  {
    name: 'Żywność',
    vat: 5,
    weight: 7,
    allegroCategoryId: '258475',
    series: FOOD_SERIES,
    types: [
      {
        name: 'Kawa ziarnista',
        code: 'COF',
        specs: [opt('250 g', '250'), opt('500 g', '500'), opt('1 kg', '1KG')],
        price: [29.99, 99],
        weightKg: [0.25, 1],
        vat: 23,
      },
      { name: 'Kawa mielona', code: 'CFG', specs: [opt('250 g', '250'), opt('500 g', '500')], price: [24.99, 49], weightKg: [0.25, 0.5], vat: 23 },
      {
        name: 'Herbata czarna liściasta',
        code: 'TEA',
        specs: [opt('100 g', '100'), opt('250 g', '250')],
        price: [19.99, 44.99],
        weightKg: [0.1, 0.25],
        vat: 23,
      },
      { name: 'Herbata zielona', code: 'TEG', specs: [opt('100 g', '100'), opt('250 g', '250')], price: [19.99, 49], weightKg: [0.1, 0.25], vat: 23 },
      { name: 'Yerba mate', code: 'YRB', specs: [opt('500 g', '500'), opt('1 kg', '1KG')], price: [34.99, 64.99], weightKg: [0.5, 1], vat: 23 },
      { name: 'Miód lipowy', code: 'HNL', specs: [opt('400 g', '400'), opt('1 kg', '1KG')], price: [29.99, 59.99], weightKg: [0.5, 1.2] },
      { name: 'Miód gryczany', code: 'HNG', specs: [opt('400 g', '400'), opt('1 kg', '1KG')], price: [29.99, 64.99], weightKg: [0.5, 1.2] },
      { name: 'Miód wielokwiatowy', code: 'HNW', specs: [opt('400 g', '400'), opt('1 kg', '1KG')], price: [24.99, 49.99], weightKg: [0.5, 1.2] },
      {
        name: 'Oliwa z oliwek extra virgin',
        code: 'OIL',
        specs: [opt('500 ml', '500'), opt('1 l', '1L')],
        price: [34.99, 64.99],
        weightKg: [0.9, 1.6],
      },
      { name: 'Olej rzepakowy tłoczony na zimno', code: 'RAP', specs: [opt('500 ml', '500')], price: [14.99, 19.99], weightKg: [0.9, 0.9] },
      { name: 'Makaron spaghetti', code: 'SPA', specs: [opt('500 g', '500')], price: [6.99, 12.99], weightKg: [0.5, 0.5] },
      { name: 'Makaron penne', code: 'PEN', specs: [opt('500 g', '500')], price: [6.99, 12.99], weightKg: [0.5, 0.5] },
      { name: 'Kasza gryczana', code: 'GRT', specs: [opt('400 g', '400'), opt('1 kg', '1KG')], price: [5.99, 12.99], weightKg: [0.4, 1] },
      { name: 'Ryż basmati', code: 'RCE', specs: [opt('1 kg', '1KG')], price: [12.99, 19.99], weightKg: [1, 1] },
      { name: 'Konfitura truskawkowa', code: 'JAM', specs: [opt('280 g', '280')], price: [9.99, 16.99], weightKg: [0.45, 0.45] },
      { name: 'Sok jabłkowy tłoczony', code: 'JCE', specs: [opt('1 l', '1L'), opt('3 l', '3L')], price: [9.99, 24.99], weightKg: [1.1, 3.2] },
      {
        name: 'Orzechy włoskie łuskane',
        code: 'NUT',
        specs: [opt('200 g', '200'), opt('500 g', '500')],
        price: [14.99, 34.99],
        weightKg: [0.2, 0.5],
      },
    ],
  },
  {
    name: 'Kosmetyki',
    vat: 23,
    weight: 7,
    allegroCategoryId: '1429',
    series: COSMETIC_SERIES,
    types: [
      { name: 'Krem nawilżający do twarzy', code: 'FCR', specs: [opt('50 ml', '50')], price: [29.99, 89], weightKg: [0.1, 0.12] },
      { name: 'Szampon do włosów', code: 'SHP', specs: [opt('250 ml', '250'), opt('400 ml', '400')], price: [14.99, 39.99], weightKg: [0.3, 0.45] },
      { name: 'Odżywka do włosów', code: 'HCN', specs: [opt('200 ml', '200'), opt('400 ml', '400')], price: [14.99, 39.99], weightKg: [0.25, 0.45] },
      {
        name: 'Żel pod prysznic',
        code: 'SHG',
        specs: [opt('250 ml', '250'), opt('500 ml', '500')],
        price: [9.99, 24.99],
        weightKg: [0.3, 0.55],
        variants: 'scent',
      },
      { name: 'Balsam do ciała', code: 'BLM', specs: [opt('200 ml', '200'), opt('400 ml', '400')], price: [19.99, 44.99], weightKg: [0.25, 0.45] },
      {
        name: 'Mydło naturalne w kostce',
        code: 'SOP',
        specs: [opt('100 g', '100')],
        price: [9.99, 19.99],
        weightKg: [0.11, 0.11],
        variants: 'scent',
      },
      { name: 'Pasta do zębów', code: 'TPS', specs: [opt('75 ml', '75')], price: [9.99, 19.99], weightKg: [0.1, 0.1] },
      { name: 'Szczoteczka soniczna', code: 'TBR', specs: [opt('', '')], price: [149, 499], weightKg: [0.3, 0.5], variants: 'tech' },
      { name: 'Woda toaletowa', code: 'EDT', specs: [opt('50 ml', '50'), opt('100 ml', '100')], price: [89, 249], weightKg: [0.2, 0.35] },
      { name: 'Krem do rąk', code: 'HCR', specs: [opt('75 ml', '75')], price: [9.99, 24.99], weightKg: [0.09, 0.09] },
      { name: 'Olejek arganowy', code: 'ARG', specs: [opt('30 ml', '30'), opt('50 ml', '50')], price: [29.99, 69], weightKg: [0.08, 0.12] },
      { name: 'Płyn micelarny', code: 'MCL', specs: [opt('400 ml', '400')], price: [14.99, 29.99], weightKg: [0.45, 0.45] },
      { name: 'Serum z witaminą C', code: 'SRM', specs: [opt('30 ml', '30')], price: [39.99, 119], weightKg: [0.08, 0.08] },
    ],
  },
  {
    name: 'Zdrowie',
    vat: 8,
    weight: 3,
    allegroCategoryId: '121882',
    types: [
      { name: 'Ciśnieniomierz naramienny', code: 'BPM', specs: [opt('', '')], price: [129, 349], weightKg: [0.5, 0.7] },
      { name: 'Termometr bezdotykowy', code: 'THM', specs: [opt('', '')], price: [59, 149], weightKg: [0.15, 0.2] },
      {
        name: 'Inhalator nebulizator',
        code: 'NEB',
        specs: [opt('kompresorowy', 'CMP'), opt('siateczkowy', 'MSH')],
        price: [129, 299],
        weightKg: [0.3, 1.6],
      },
      { name: 'Pulsoksymetr napalcowy', code: 'OXI', specs: [opt('', '')], price: [59, 129], weightKg: [0.05, 0.08] },
      {
        name: 'Poduszka ortopedyczna',
        code: 'ORT',
        specs: [opt('50x30 cm', '50'), opt('60x40 cm', '60')],
        price: [99, 199],
        weightKg: [0.8, 1.3],
        vat: 23,
      },
      { name: 'Opaska uciskowa na kolano', code: 'KNE', specs: [opt('', '')], price: [39, 89], weightKg: [0.1, 0.15], variants: 'clothing' },
    ],
  },
  {
    name: 'Sport i turystyka',
    vat: 23,
    weight: 7,
    allegroCategoryId: '3919',
    types: [
      { name: 'Mata do jogi', code: 'YMT', specs: [opt('4 mm', '4'), opt('6 mm', '6')], price: [49, 149], weightKg: [0.9, 1.5], variants: 'vivid' },
      { name: 'Hantle', code: 'DMB', specs: [opt('2x2 kg', '2X2'), opt('2x5 kg', '2X5'), opt('2x8 kg', '2X8')], price: [59, 249], weightKg: [4, 16] },
      {
        name: 'Bidon sportowy',
        code: 'BDN',
        specs: [opt('500 ml', '500'), opt('750 ml', '750')],
        price: [24.99, 59],
        weightKg: [0.1, 0.15],
        variants: 'vivid',
      },
      {
        name: 'Plecak turystyczny',
        code: 'BPK',
        specs: [opt('30 l', '30'), opt('45 l', '45')],
        price: [149, 399],
        weightKg: [0.9, 1.5],
        variants: 'textile',
      },
      { name: 'Namiot turystyczny', code: 'TNT', specs: [opt('2-osobowy', '2P'), opt('3-osobowy', '3P')], price: [249, 699], weightKg: [2.5, 4] },
      { name: 'Śpiwór', code: 'SBG', specs: [opt('do 5°C', '5C'), opt('do -5°C', 'M5C')], price: [129, 349], weightKg: [1, 1.8] },
      { name: 'Kijki trekkingowe', code: 'TRK', specs: [opt('aluminiowe', 'ALU'), opt('karbonowe', 'CRB')], price: [89, 299], weightKg: [0.5, 0.7] },
      { name: 'Piłka nożna', code: 'FBL', specs: [opt('rozmiar 4', '4'), opt('rozmiar 5', '5')], price: [49, 149], weightKg: [0.4, 0.45] },
      { name: 'Kask rowerowy', code: 'HLM', specs: [opt('', '')], price: [99, 299], weightKg: [0.3, 0.4], variants: 'clothing' },
      {
        name: 'Koszulka do biegania',
        code: 'TSH',
        specs: [opt('męska', 'M'), opt('damska', 'W')],
        price: [59, 129],
        weightKg: [0.12, 0.15],
        variants: 'clothing',
      },
      { name: 'Legginsy sportowe', code: 'LEG', specs: [opt('damskie', 'W')], price: [79, 159], weightKg: [0.2, 0.25], variants: 'clothing' },
      { name: 'Skakanka z licznikiem', code: 'JRP', specs: [opt('', '')], price: [29, 69], weightKg: [0.2, 0.3] },
    ],
  },
  {
    name: 'Zwierzęta',
    vat: 23,
    weight: 4,
    allegroCategoryId: '1035',
    types: [
      { name: 'Karma sucha dla psa', code: 'DGF', specs: [opt('2 kg', '2KG'), opt('12 kg', '12KG')], price: [49, 249], weightKg: [2, 12] },
      { name: 'Karma mokra dla kota', code: 'CTF', specs: [opt('12x85 g', '12'), opt('24x85 g', '24')], price: [29, 59], weightKg: [1.1, 2.2] },
      { name: 'Legowisko dla psa', code: 'DBD', specs: [opt('', '')], price: [99, 249], weightKg: [1, 3], variants: 'pet' },
      { name: 'Drapak dla kota', code: 'SCR', specs: [opt('60 cm', '60'), opt('120 cm', '120')], price: [99, 349], weightKg: [3, 10] },
      { name: 'Smycz automatyczna', code: 'LSH', specs: [opt('5 m', '5M'), opt('8 m', '8M')], price: [39, 99], weightKg: [0.2, 0.4] },
      { name: 'Miska ceramiczna', code: 'BWL', specs: [opt('0,4 l', '04'), opt('1 l', '10')], price: [24.99, 49], weightKg: [0.5, 1] },
      { name: 'Żwirek bentonitowy', code: 'LIT', specs: [opt('5 l', '5L'), opt('10 l', '10L')], price: [19.99, 39.99], weightKg: [4, 8] },
    ],
  },
  {
    name: 'Biuro i szkoła',
    vat: 23,
    weight: 5,
    allegroCategoryId: '64540',
    types: [
      {
        name: 'Zeszyt A5 w kratkę',
        code: 'NTB',
        specs: [opt('32 kartki', '32'), opt('60 kartek', '60')],
        price: [2.99, 6.99],
        weightKg: [0.08, 0.15],
      },
      { name: 'Notes w kropki A5', code: 'DOT', specs: [opt('', '')], price: [24.99, 49], weightKg: [0.3, 0.35], variants: 'vivid' },
      { name: 'Długopisy żelowe', code: 'GEL', specs: [opt('6 szt.', '6'), opt('12 szt.', '12')], price: [14.99, 29.99], weightKg: [0.05, 0.1] },
      { name: 'Plecak szkolny', code: 'SBP', specs: [opt('20 l', '20'), opt('25 l', '25')], price: [99, 249], weightKg: [0.7, 1], variants: 'vivid' },
      { name: 'Kalkulator naukowy', code: 'CLC', specs: [opt('', '')], price: [49, 129], weightKg: [0.1, 0.15] },
      {
        name: 'Segregator A4',
        code: 'BIN',
        specs: [opt('5 cm', '5'), opt('7,5 cm', '75')],
        price: [9.99, 14.99],
        weightKg: [0.4, 0.5],
        variants: 'vivid',
      },
      { name: 'Kredki ołówkowe', code: 'CRY', specs: [opt('12 kolorów', '12'), opt('24 kolory', '24')], price: [12.99, 29.99], weightKg: [0.1, 0.2] },
      { name: 'Organizer na biurko', code: 'DSK', specs: [opt('', '')], price: [39, 89], weightKg: [0.5, 0.9], variants: 'tech' },
    ],
  },
];

/** Book titles are built from two halves that combine grammatically in any pairing. */
export const BOOK_TITLE_HEADS: readonly string[] = [
  'Cień',
  'Dom',
  'Zapach',
  'Sekret',
  'Lato',
  'Tajemnica',
  'Noc',
  'Ogród',
  'List',
  'Ślad',
  'Dziedzictwo',
  'Powrót',
  'Most',
  'Milczenie',
  'Echo',
  'Wyspa',
  'Zima',
  'Dziewczyna',
  'Światło',
  'Kołysanka',
];
export const BOOK_TITLE_TAILS: readonly string[] = [
  'nad Wisłą',
  'w Sopocie',
  'pod lipami',
  'z Kazimierza',
  'na Mazurach',
  'starej kamienicy',
  'w Tatrach',
  'o świcie',
  'z Podgórza',
  'na Helu',
  'w Bieszczadach',
  'nad Odrą',
  'za miastem',
  'w deszczu',
  'na Kaszubach',
  'bez imienia',
  'ostatniego lata',
  'z Żoliborza',
];
export const NON_FICTION_TITLES: readonly string[] = [
  'Kuchnia polska na co dzień',
  'Chleb domowy krok po kroku',
  'Ogród przez cały rok',
  'Zdrowe śniadania',
  'Finanse osobiste bez tajemnic',
  'Mazury. Przewodnik',
  'Tatry. Przewodnik',
  'Historia Gdańska',
  'Mali odkrywcy. Kosmos',
  'Mali odkrywcy. Dinozaury',
  'Polskie ptaki. Atlas',
  'Zioła w kuchni',
  'Pierogi na sto sposobów',
  'Rowerem po Polsce',
  'Kraków. Przewodnik',
  'Domowe przetwory',
  'Uważność dla zabieganych',
  'Programowanie w TypeScript',
  'Excel w praktyce',
  'Bajki na dobranoc',
];
/** Paperback, hardback gross price in PLN */
export const BOOK_PRICES: readonly (readonly [number, number])[] = [
  [34.99, 44.99],
  [39.99, 49.99],
  [29.99, 39.99],
  [44.99, 59.99],
  [49.99, 69.99],
];

// ---------------------------------------------------------------------------
// Free text
// ---------------------------------------------------------------------------

export const ESHOP_CUSTOMER_NOTES: readonly string[] = [
  'Proszę o kontakt telefoniczny przed dostawą.',
  'Paczkę proszę zostawić u sąsiada pod numerem 5, jeśli nie będzie mnie w domu.',
  'Proszę o fakturę na firmę, dane w zamówieniu.',
  'To prezent – proszę nie dołączać paragonu do paczki.',
  'Domofon nie działa, proszę dzwonić na telefon.',
  'Proszę o staranne zapakowanie, produkt szklany.',
  'Dostawa możliwa tylko po 16:00.',
  'Proszę dołączyć instrukcję w języku polskim.',
  'Kod do bramy: 1234#.',
];

export const ALLEGRO_MESSAGES: readonly string[] = [
  'Proszę o staranne zapakowanie.',
  'Czy mogę prosić o fakturę VAT? Dane firmy w formularzu.',
  'Proszę o wysyłkę jeszcze dziś, to prezent na urodziny.',
  'Proszę nie wkładać paragonu, to prezent.',
  'Czy produkt jest na pewno nowy i nieotwierany?',
  'Proszę o kontakt SMS przed wysyłką.',
];
