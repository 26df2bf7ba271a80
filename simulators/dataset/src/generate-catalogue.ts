/**
 * The ERP side of the catalogue: categories, product templates and variants, locations,
 * stock and pricelists.
 *
 * Each template draws from its own stream and templates are produced in order, so the
 * catalogue of a smaller scale is a prefix of a larger one: SKU-KET-17-STL is the same
 * product with the same price at scale 0.2 and at scale 5.
 */
import type { Category, Location, Pricelist, PricelistItem, Product, StockQuant, VatRate } from './dataset-types.ts';
import { DAY_MS, NOW_MS, WINDOW_START_MS, iso, timeBetween } from './clock.ts';
import { ean13CheckDigit } from './identifiers.ts';
import { grossFromNet, isExactGross, netFromGross } from './money.ts';
import {
  BOOK_PRICES,
  BOOK_TITLE_HEADS,
  BOOK_TITLE_TAILS,
  CATEGORIES,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  NON_FICTION_TITLES,
  PREMIUM_SERIES_CODES,
  SERIES,
  STORE_SITES,
  SURNAMES,
  VARIANT_SETS,
  asciiFold,
  surnameFor,
  type CategorySpec,
  type Option,
} from './polish-data.ts';
import { Random } from './random.ts';

/**
 * Demo customers buy from the first products of the catalogue; these are always active,
 * listed in the e-shop and on Allegro, and older than the order window, so the demo
 * histories come out the same at every seed and scale.
 */
export const DEMO_POOL_SIZE = 120;
export const MIN_PRODUCTS = 150;

export interface Template {
  id: number;
  name: string;
  categoryId: number;
  categoryName: string;
  allegroCategoryId: string;
  products: Product[];
}

export interface Catalogue {
  categories: Category[];
  templates: Template[];
  products: Product[];
}

const ts = (isoTime: string): number => Date.parse(isoTime);

/** Rounds a target price to what a Polish shop would print, then to a gross the ERP can hold exactly. */
export function nicePriceGrosze(pln: number, vat: VatRate, rng: Random): number {
  let gross: number;
  if (pln < 10) gross = Math.max(199, Math.round(pln) * 100 - 1);
  else if (pln < 60) gross = Math.max(499, Math.round(pln / 5) * 500 - 1);
  else if (pln < 1000) gross = Math.round(pln / 10) * 1000 - (rng.chance(0.5) ? 1 : 100);
  else gross = Math.round(pln / 50) * 5000 - 100;
  // Whole-złoty steps keep the ".99" or ".00" ending; not every gross has a net that maps onto it.
  for (const step of [0, -100, 100, -200, 200, -300, 300, -1, 1, -2, 2]) {
    if (gross + step > 0 && isExactGross(gross + step, vat)) return gross + step;
  }
  return grossFromNet(netFromGross(gross, vat), vat);
}

function bookTemplate(rng: Random): { title: string; name: string; code: string; prices: readonly [number, number] } {
  const title = rng.chance(0.75) ? `${rng.pick(BOOK_TITLE_HEADS)} ${rng.pick(BOOK_TITLE_TAILS)}` : rng.pick(NON_FICTION_TITLES);
  const female = rng.chance(0.55);
  const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES).name;
  const author = `${first} ${surnameFor(rng.pick(SURNAMES), female ? 'f' : 'm')}`;
  const initials = asciiFold(title)
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 2 || /^[A-Z]/.test(w))
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 5);
  return { title, name: `${title} – ${author}`, code: `BOOK-${initials}`, prices: rng.pick(BOOK_PRICES) };
}

interface TemplateDraft {
  name: string;
  skuStem: string;
  category: CategorySpec;
  vat: VatRate;
  priceGross: number[];
  variants: (Option | null)[];
  weightKg: number;
}

function draftTemplate(rng: Random, usedNames: Set<string>): TemplateDraft {
  for (let attempt = 0; ; attempt++) {
    const category = rng.weighted(CATEGORIES.map((c) => [c, c.weight] as const));
    if (category.types.length === 0) {
      const book = bookTemplate(rng);
      if (usedNames.has(book.name) && attempt < 200) continue;
      const multi = rng.chance(0.4);
      const covers = multi ? [...VARIANT_SETS.cover] : [null];
      const vat = category.vat;
      return {
        name: book.name,
        skuStem: `SKU-${book.code}`,
        category,
        vat,
        priceGross: covers.map((c) => nicePriceGrosze(c?.code === 'HB' ? book.prices[1] : book.prices[0], vat, rng)),
        variants: covers,
        weightKg: rng.float(0.3, 0.8),
      };
    }
    const type = rng.pick(category.types);
    const specIndex = rng.int(0, type.specs.length - 1);
    const spec = type.specs[specIndex] as Option;
    const seriesList = category.series ?? SERIES;
    const series = type.series === false || (attempt === 0 && rng.chance(0.5)) ? null : rng.pick(seriesList);
    const name = [type.name, series?.label, spec.label].filter((part) => part).join(' ');
    if (usedNames.has(name) && attempt < 200) continue;

    const vat = type.vat ?? category.vat;
    const frac = type.specs.length > 1 ? specIndex / (type.specs.length - 1) : rng.next();
    let pln = (type.price[0] + (type.price[1] - type.price[0]) * frac) * rng.float(0.9, 1.1);
    if (series && PREMIUM_SERIES_CODES.has(series.code)) pln *= 1.2;
    const gross = nicePriceGrosze(pln, vat, rng);
    let variants: (Option | null)[] = [null];
    if (type.variants && rng.chance(0.4)) {
      const set: readonly Option[] = VARIANT_SETS[type.variants];
      const chosen = new Set(rng.sample(set, rng.int(2, Math.min(4, set.length))));
      variants = set.filter((o) => chosen.has(o));
    }
    const stem = ['SKU', type.code, series?.code, spec.code].filter((part) => part).join('-');
    return {
      name: attempt >= 200 ? `${name} ${attempt}` : name,
      skuStem: stem,
      category,
      vat,
      priceGross: variants.map(() => gross),
      variants,
      weightKg: rng.float(type.weightKg[0], type.weightKg[1]),
    };
  }
}

function uniqueSku(stem: string, suffix: string | undefined, used: Set<string>): string {
  const base = suffix ? `${stem}-${suffix}` : stem;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = suffix ? `${stem}${n}-${suffix}` : `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function buildCatalogue(seed: number, targetProducts: number): Catalogue {
  const categories: Category[] = CATEGORIES.map((c, i) => ({
    id: 10 + i,
    name: c.name,
    completeName: `All / Saleable / ${c.name}`,
  }));
  const categoryIdByName = new Map(categories.map((c) => [c.name, c.id]));
  const usedNames = new Set<string>();
  const usedSkus = new Set<string>();
  const usedEans = new Set<string>();
  const templates: Template[] = [];
  const products: Product[] = [];

  for (let templateId = 1; products.length < targetProducts; templateId++) {
    const rng = Random.derive(seed, 'template', templateId);
    const draft = draftTemplate(rng, usedNames);
    usedNames.add(draft.name);
    const categoryId = categoryIdByName.get(draft.category.name) as number;
    const supplier = String(rng.int(1000, 9999));
    const inPool = products.length < DEMO_POOL_SIZE;
    const createdMs = inPool
      ? timeBetween(rng, ts('2023-01-09T08:00:00Z'), ts('2024-06-01T00:00:00Z'))
      : rng.chance(0.8)
        ? timeBetween(rng, ts('2022-06-01T08:00:00Z'), WINDOW_START_MS)
        : timeBetween(rng, WINDOW_START_MS, NOW_MS - 20 * DAY_MS);
    const template: Template = {
      id: templateId,
      name: draft.name,
      categoryId,
      categoryName: draft.category.name,
      allegroCategoryId: draft.category.allegroCategoryId,
      products: [],
    };
    draft.variants.forEach((variant, i) => {
      const id = products.length + 1;
      const sku = uniqueSku(draft.skuStem, variant?.code, usedSkus);
      usedSkus.add(sku);
      let ean: string | null = null;
      if (!rng.chance(0.03)) {
        do {
          const first12 = `590${supplier}${rng.digits(5)}`;
          ean = first12 + String(ean13CheckDigit(first12));
        } while (usedEans.has(ean));
        usedEans.add(ean);
      }
      const listPriceGross = draft.priceGross[i] as number;
      const listPriceNet = netFromGross(listPriceGross, draft.vat);
      const productCreated = createdMs + i * rng.int(0, 120) * 1000;
      const product: Product = {
        id,
        templateId,
        templateName: draft.name,
        sku,
        ean,
        name: variant ? `${draft.name} (${variant.label})` : draft.name,
        variantLabel: variant?.label ?? null,
        categoryId,
        vatRate: draft.vat,
        listPriceNet,
        listPriceGross: grossFromNet(listPriceNet, draft.vat),
        standardPriceNet: Math.round(listPriceNet * rng.float(0.48, 0.72)),
        weightKg: Math.round(draft.weightKg * rng.float(0.97, 1.03) * 1000) / 1000,
        active: id <= DEMO_POOL_SIZE || !rng.chance(0.02),
        createdAt: iso(productCreated),
        updatedAt: iso(timeBetween(rng, Math.max(productCreated, NOW_MS - 400 * DAY_MS), NOW_MS - DAY_MS)),
      };
      products.push(product);
      template.products.push(product);
    });
    templates.push(template);
  }
  return { categories, templates, products };
}

export function buildLocations(): Location[] {
  return STORE_SITES.map((site, i) => {
    const warehouseId = i + 1;
    return {
      warehouseId,
      code: site.code,
      name: site.name,
      kind: site.code === 'CEN' ? 'warehouse' : 'store',
      stockLocationId: 10 * warehouseId + 2,
      viewLocationId: 10 * warehouseId + 1,
      partnerId: 10 + warehouseId,
      address: { street: site.street, city: site.city, zip: site.zip, countryCode: 'PL' },
      latitude: site.latitude,
      longitude: site.longitude,
      phone: site.phone,
      openingHours: site.openingHours,
    };
  });
}

export interface StockResult {
  stock: StockQuant[];
  /** quantity − reserved summed over all locations, by product id */
  availableByProduct: Map<number, number>;
  /** quantity − reserved at the central warehouse, by product id */
  centralAvailableByProduct: Map<number, number>;
}

export function buildStock(seed: number, products: readonly Product[], locations: readonly Location[]): StockResult {
  const rng = Random.derive(seed, 'stock');
  const storeShare = new Map(locations.map((l) => [l.warehouseId, l.kind === 'warehouse' ? 0.93 : rng.float(0.6, 0.8)]));
  const stock: StockQuant[] = [];
  const availableByProduct = new Map<number, number>();
  const centralAvailableByProduct = new Map<number, number>();
  for (const product of products) {
    // Bestsellers are stocked deeper everywhere; the factor is per product.
    const depth = rng.chance(0.15) ? rng.float(2, 4) : rng.float(0.4, 1.5);
    let available = 0;
    for (const location of locations) {
      const central = location.kind === 'warehouse';
      const carries = product.active ? rng.chance(storeShare.get(location.warehouseId) as number) : central && rng.chance(0.3);
      if (!carries) continue;
      let quantity = 0;
      if (product.active && !rng.chance(central ? 0.06 : 0.1)) {
        quantity = central ? Math.round(rng.int(5, 180) * depth) : Math.max(1, Math.round(rng.int(1, 14) * depth));
      }
      const reserved = quantity > 0 && rng.chance(0.2) ? rng.int(1, Math.max(1, Math.ceil(quantity / 3))) : 0;
      const inMs = timeBetween(rng, Math.max(Date.parse(product.createdAt), NOW_MS - 300 * DAY_MS), NOW_MS - 3 * DAY_MS);
      stock.push({
        id: stock.length + 1,
        productId: product.id,
        locationId: location.stockLocationId,
        quantity,
        reserved,
        inDate: iso(inMs),
        updatedAt: iso(timeBetween(rng, inMs, NOW_MS - 60_000)),
      });
      available += quantity - reserved;
      if (central) centralAvailableByProduct.set(product.id, quantity - reserved);
    }
    availableByProduct.set(product.id, available);
  }
  return { stock, availableByProduct, centralAvailableByProduct };
}

export function buildPricelists(
  seed: number,
  products: readonly Product[],
  categories: readonly Category[],
): { pricelists: Pricelist[]; pricelistItems: PricelistItem[] } {
  const rng = Random.derive(seed, 'pricelists');
  const pricelists: Pricelist[] = [
    { id: 1, name: 'Cennik publiczny (PLN)', currency: 'PLN' },
    { id: 2, name: 'Stali klienci (PLN)', currency: 'PLN' },
  ];
  const categoryId = (name: string): number => categories.find((c) => c.name === name)?.id ?? (categories[0] as Category).id;
  const active = products.filter((p) => p.active);
  const picks = rng.sample(active, 6);
  const items: PricelistItem[] = [];
  const add = (item: Omit<PricelistItem, 'id'>): void => {
    items.push({ id: items.length + 1, ...item });
  };
  const none = { productId: null, categoryId: null, fixedPriceNet: null, percentPrice: null, dateStart: null, dateEnd: null };
  const fixed = (p: Product, factor: number): number => Math.round((p.listPriceNet * factor) / 100) * 100;

  // Public pricelist: an autumn toy promotion still running at GENERATED_AT, two promo prices, one bulk price.
  add({
    ...none,
    pricelistId: 1,
    appliedOn: '2_product_category',
    categoryId: categoryId('Zabawki'),
    computePrice: 'percentage',
    percentPrice: 10,
    minQuantity: 0,
    dateStart: '2026-10-20T00:00:00.000Z',
    dateEnd: '2026-11-30T22:59:59.000Z',
  });
  for (const p of picks.slice(0, 2)) {
    add({
      ...none,
      pricelistId: 1,
      appliedOn: '0_product_variant',
      productId: p.id,
      computePrice: 'fixed',
      fixedPriceNet: fixed(p, 0.9),
      minQuantity: 0,
    });
  }
  const bulk = picks[2];
  if (bulk)
    add({
      ...none,
      pricelistId: 1,
      appliedOn: '0_product_variant',
      productId: bulk.id,
      computePrice: 'fixed',
      fixedPriceNet: fixed(bulk, 0.85),
      minQuantity: 10,
    });

  // Regular customers: 5 % on everything, more on two categories, fixed prices from 5 pieces.
  add({ ...none, pricelistId: 2, appliedOn: '3_global', computePrice: 'percentage', percentPrice: 5, minQuantity: 0 });
  add({
    ...none,
    pricelistId: 2,
    appliedOn: '2_product_category',
    categoryId: categoryId('AGD drobne'),
    computePrice: 'percentage',
    percentPrice: 10,
    minQuantity: 0,
  });
  add({
    ...none,
    pricelistId: 2,
    appliedOn: '2_product_category',
    categoryId: categoryId('Kuchnia'),
    computePrice: 'percentage',
    percentPrice: 8,
    minQuantity: 3,
  });
  for (const p of picks.slice(3)) {
    add({
      ...none,
      pricelistId: 2,
      appliedOn: '0_product_variant',
      productId: p.id,
      computePrice: 'fixed',
      fixedPriceNet: fixed(p, 0.8),
      minQuantity: 5,
    });
  }
  return { pricelists, pricelistItems: items };
}
