import type { Address, Dataset, ErpPartner, Location, PricelistItem, Product, VatRate } from '@omnigraph/simulator-dataset';
import type { OdooRecord } from './odoo-domain.ts';
import { mapErpOrders } from './odoo-order-mappers.ts';

/**
 * Pure dataset → Odoo wire-format mapping. Records come out exactly as `search_read` returns them in Odoo 19:
 * many2one `[id, "display name"]`, empty values `false`, UTC datetimes `"YYYY-MM-DD HH:MM:SS"`, money as floats.
 */

export const COMPANY_ID = 1;
export const CURRENCY_PLN_ID = 17;
export const COUNTRY_POLAND_ID = 179;
export const UOM_UNITS_ID = 1;
/** account.tax ids of the Polish sale VAT rates */
export const TAX_IDS: Readonly<Record<VatRate, number>> = { 23: 1, 8: 2, 5: 3 };

export type OdooSeed = Record<string, OdooRecord[]>;

export interface OdooDemoCustomer {
  key: string;
  description: string;
  partnerId: number | null;
  email: string | null;
  ref: string | null;
}

export interface MappedDataset {
  records: OdooSeed;
  /** units on their way out of a warehouse (confirmed deliveries), per product and warehouse */
  outgoing: Array<{ productId: number; warehouseId: number; qty: number }>;
  /** the warehouse sale orders reserve stock in */
  centralWarehouseId: number;
  defaultPricelistId: number | false;
  botPartnerId: number;
  demoCustomers: OdooDemoCustomer[];
}

/** ISO 8601 (`2026-05-12T08:20:14.000Z`) → Odoo's `2026-05-12 08:20:14` (UTC, second precision). */
export function toOdooDatetime(iso: string | null | undefined): string | false {
  if (!iso) return false;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return false;
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

export function nowOdoo(): string {
  return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

/** grosze → the float Odoo stores (PLN with two decimals) */
export function groszeToFloat(grosze: number): number {
  return Math.round(grosze) / 100;
}

export function productDisplayName(sku: string | null, fullName: string): string {
  return sku ? `[${sku}] ${fullName}` : fullName;
}

export function mapDataset(ds: Dataset, bot: { uid: number; login: string }): MappedDataset {
  const company = ds.company;
  const companyPair = [COMPANY_ID, company.name] as const;
  const currencyPair = [CURRENCY_PLN_ID, 'PLN'] as const;
  const countryPair = [COUNTRY_POLAND_ID, 'Poland'] as const;
  const uomPair = [UOM_UNITS_ID, 'Units'] as const;
  const epoch = earliest(ds);

  // --- categories, with the missing ancestors of "All / Saleable / X" added so child_of works
  const categories = new Map<string, { id: number; name: string; completeName: string }>();
  for (const c of ds.categories) categories.set(c.completeName, { id: c.id, name: c.name, completeName: c.completeName });
  let nextCategoryId = Math.max(0, ...ds.categories.map((c) => c.id)) + 1;
  for (const c of [...ds.categories].sort((a, b) => a.completeName.localeCompare(b.completeName))) {
    const parts = c.completeName.split(' / ');
    for (let i = 1; i < parts.length; i += 1) {
      const prefix = parts.slice(0, i).join(' / ');
      if (!categories.has(prefix)) categories.set(prefix, { id: nextCategoryId++, name: parts[i - 1]!, completeName: prefix });
    }
  }
  const categoryRecords: OdooRecord[] = [...categories.values()]
    .sort((a, b) => a.id - b.id)
    .map((c) => {
      const parentName = c.completeName.split(' / ').slice(0, -1).join(' / ');
      const parent = parentName ? categories.get(parentName) : undefined;
      return {
        id: c.id,
        display_name: c.completeName,
        name: c.name,
        complete_name: c.completeName,
        parent_id: parent ? [parent.id, parent.completeName] : false,
        create_date: epoch,
        write_date: epoch,
      };
    });
  const categoryById = new Map(ds.categories.map((c) => [c.id, c]));

  // --- taxes
  const taxes: OdooRecord[] = ([23, 8, 5] as const).map((rate, i) => ({
    id: TAX_IDS[rate],
    display_name: `${rate}%`,
    name: `${rate}%`,
    amount: rate,
    amount_type: 'percent',
    type_tax_use: 'sale',
    price_include_override: false,
    include_base_amount: false,
    is_base_affected: true,
    description: `<p>VAT ${rate}%</p>`,
    sequence: i + 1,
    active: true,
    company_id: [...companyPair],
    create_date: epoch,
    write_date: epoch,
  }));

  // --- products and templates
  const products: OdooRecord[] = [];
  const templates = new Map<number, { first: Product; variants: Product[] }>();
  for (const p of ds.products) {
    const t = templates.get(p.templateId);
    if (t) t.variants.push(p);
    else templates.set(p.templateId, { first: p, variants: [p] });
  }
  for (const t of templates.values()) t.variants.sort((a, b) => a.id - b.id);
  const templateRecords: OdooRecord[] = [...templates.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, { variants }]) => {
      const first = variants[0]!;
      return {
        id,
        display_name: first.templateName,
        name: first.templateName,
        // Odoo shows the template's Internal Reference only when it has a single variant.
        default_code: variants.length === 1 ? first.sku : false,
        categ_id: categoryPair(categoryById.get(first.categoryId), first.categoryId),
        type: 'consu',
        is_storable: true,
        uom_id: [...uomPair],
        list_price: groszeToFloat(first.listPriceNet),
        standard_price: groszeToFloat(first.standardPriceNet),
        taxes_id: [TAX_IDS[first.vatRate]],
        active: variants.some((v) => v.active),
        create_date: toOdooDatetime(first.createdAt),
        write_date: toOdooDatetime(maxIso(variants.map((v) => v.updatedAt))),
      };
    });
  for (const p of [...ds.products].sort((a, b) => a.id - b.id)) {
    const tmplFirst = templates.get(p.templateId)!.variants[0]!;
    products.push({
      id: p.id,
      display_name: productDisplayName(p.sku, p.name),
      name: p.templateName,
      default_code: p.sku || false,
      barcode: p.ean ?? false,
      product_tmpl_id: [p.templateId, p.templateName],
      categ_id: categoryPair(categoryById.get(p.categoryId), p.categoryId),
      type: 'consu',
      is_storable: true,
      uom_id: [...uomPair],
      // list_price is the template's (related field); a variant's own price shows in lst_price (price_extra).
      list_price: groszeToFloat(tmplFirst.listPriceNet),
      lst_price: groszeToFloat(p.listPriceNet),
      standard_price: groszeToFloat(p.standardPriceNet),
      taxes_id: [TAX_IDS[p.vatRate]],
      weight: p.weightKg,
      sale_ok: true,
      purchase_ok: true,
      active: p.active,
      company_id: false,
      create_date: toOdooDatetime(p.createdAt),
      write_date: toOdooDatetime(p.updatedAt),
    });
  }
  const productById = new Map(ds.products.map((p) => [p.id, p]));

  // --- partners: the company, known customers, store addresses, the API bot
  const partners = new Map<number, OdooRecord>();
  const pricelistById = new Map(ds.pricelists.map((pl) => [pl.id, pl]));
  const defaultPricelist = [...ds.pricelists].sort((a, b) => a.id - b.id)[0];
  const pricelistPair = (id: number | null): OdooRecord[string] => {
    const pl = id !== null ? pricelistById.get(id) : defaultPricelist;
    return pl ? [pl.id, pricelistDisplayName(pl)] : false;
  };
  const addressFields = (a: Address | null): OdooRecord => ({
    street: a?.street ?? false,
    street2: false,
    zip: a?.zip ?? false,
    city: a?.city ?? false,
    country_id: a ? [...countryPair] : false,
  });
  const partnerRecord = (p: ErpPartner): OdooRecord => ({
    id: p.id,
    name: p.name,
    type: 'contact',
    parent_id: false,
    is_company: p.isCompany,
    ref: p.ref ?? false,
    vat: p.vat ?? false,
    email: p.email ?? false,
    phone: p.phone ?? false,
    ...addressFields(p.address),
    partner_latitude: 0,
    partner_longitude: 0,
    comment: false,
    lang: 'pl_PL',
    property_product_pricelist: pricelistPair(p.pricelistId),
    company_id: false,
    active: true,
    create_date: toOdooDatetime(p.createdAt),
    write_date: toOdooDatetime(p.updatedAt),
  });
  for (const p of ds.erpPartners) partners.set(p.id, partnerRecord(p));
  if (!partners.has(company.erpPartnerId)) {
    partners.set(company.erpPartnerId, {
      ...partnerRecord({
        id: company.erpPartnerId,
        name: company.name,
        email: null,
        phone: null,
        isCompany: true,
        ref: null,
        vat: company.vat,
        address: company.address,
        pricelistId: null,
        createdAt: ds.generatedAt,
        updatedAt: ds.generatedAt,
      }),
      create_date: epoch,
      write_date: epoch,
    });
  }
  const companyPartner = partners.get(company.erpPartnerId)!;
  Object.assign(companyPartner, { is_company: true, vat: company.vat || companyPartner['vat'] });
  for (const loc of ds.locations) {
    const existing = partners.get(loc.partnerId);
    const base: OdooRecord = existing ?? {
      ...partnerRecord({
        id: loc.partnerId,
        name: loc.name,
        email: null,
        phone: loc.phone,
        isCompany: false,
        ref: null,
        vat: null,
        address: loc.address,
        pricelistId: null,
        createdAt: ds.generatedAt,
        updatedAt: ds.generatedAt,
      }),
      create_date: epoch,
      write_date: epoch,
    };
    // Store and warehouse addresses are child contacts of the company; geolocation lives in base_geolocalize's
    // partner_latitude/partner_longitude, opening hours in the (HTML) notes.
    // The dataset names site partners as Odoo displays them ("Company, Site"); the record's own name is the site.
    const prefix = `${company.name}, `;
    const ownName = String(base['name']).startsWith(prefix) ? String(base['name']).slice(prefix.length) : base['name'];
    Object.assign(base, {
      name: ownName,
      type: 'other',
      parent_id: [company.erpPartnerId, company.name],
      is_company: false,
      ...addressFields(loc.address),
      phone: loc.phone,
      partner_latitude: loc.latitude,
      partner_longitude: loc.longitude,
      comment: loc.openingHours ? `<p>${escapeHtml(loc.openingHours)}</p>` : false,
    });
    partners.set(loc.partnerId, base);
  }
  const botPartnerId = Math.max(0, ...partners.keys()) + 1;
  partners.set(botPartnerId, {
    ...partnerRecord({
      id: botPartnerId,
      name: 'API Bot',
      email: null,
      phone: null,
      isCompany: false,
      ref: null,
      vat: null,
      address: null,
      pricelistId: null,
      createdAt: ds.generatedAt,
      updatedAt: ds.generatedAt,
    }),
    parent_id: [company.erpPartnerId, company.name],
    create_date: epoch,
    write_date: epoch,
  });
  const partnerName = (id: number) => {
    const p = partners.get(id);
    if (!p) return String(id);
    const parent = p['parent_id'];
    return Array.isArray(parent) && !p['is_company'] ? `${String(parent[1])}, ${String(p['name'])}` : String(p['name']);
  };

  // --- locations and warehouses
  const maxLocationId = Math.max(0, ...ds.locations.flatMap((l) => [l.stockLocationId, l.viewLocationId]));
  const PHYSICAL = maxLocationId + 1;
  const PARTNERS = maxLocationId + 2;
  const CUSTOMERS = maxLocationId + 3;
  const VENDORS = maxLocationId + 4;
  const locRecord = (id: number, name: string, complete: string, usage: string, parent: readonly [number, string] | false) => ({
    id,
    display_name: complete,
    name,
    complete_name: complete,
    usage,
    location_id: parent ? [...parent] : false,
    company_id: usage === 'internal' || (usage === 'view' && parent !== false) ? [...companyPair] : false,
    active: true,
    create_date: epoch,
    write_date: epoch,
  });
  const locations: OdooRecord[] = [
    locRecord(PHYSICAL, 'Physical Locations', 'Physical Locations', 'view', false),
    locRecord(PARTNERS, 'Partners', 'Partners', 'view', false),
    locRecord(CUSTOMERS, 'Customers', 'Partners/Customers', 'customer', [PARTNERS, 'Partners']),
    locRecord(VENDORS, 'Vendors', 'Partners/Vendors', 'supplier', [PARTNERS, 'Partners']),
  ];
  const warehouses: OdooRecord[] = [];
  const locationById = new Map<number, Location>();
  ds.locations.forEach((loc, i) => {
    locationById.set(loc.stockLocationId, loc);
    locations.push(locRecord(loc.viewLocationId, loc.code, loc.code, 'view', [PHYSICAL, 'Physical Locations']));
    locations.push(locRecord(loc.stockLocationId, 'Stock', `${loc.code}/Stock`, 'internal', [loc.viewLocationId, loc.code]));
    warehouses.push({
      id: loc.warehouseId,
      display_name: loc.name,
      name: loc.name,
      code: loc.code,
      lot_stock_id: [loc.stockLocationId, `${loc.code}/Stock`],
      view_location_id: [loc.viewLocationId, loc.code],
      partner_id: [loc.partnerId, partnerName(loc.partnerId)],
      company_id: [...companyPair],
      sequence: i + 1,
      active: true,
      create_date: epoch,
      write_date: epoch,
    });
  });
  locations.sort((a, b) => (a['id'] as number) - (b['id'] as number));
  warehouses.sort((a, b) => (a['id'] as number) - (b['id'] as number));
  // Each warehouse's receipt and delivery operation types, as Odoo creates them with the warehouse (sequences
  // `CODE/IN/…`, `CODE/OUT/…`): receipts come from Partners/Vendors into CODE/Stock, deliveries go to Partners/Customers.
  const pickingTypes: OdooRecord[] = [];
  const outgoingTypeOfWarehouse = new Map<number, readonly [number, string]>();
  for (const w of warehouses) {
    const wid = w['id'] as number;
    const stock = w['lot_stock_id'] as [number, string];
    const base = pickingTypes.length;
    const type = (offset: number, name: string, code: string, seq: string, src: readonly [number, string], dest: readonly [number, string]) => ({
      id: base + offset,
      display_name: `${String(w['name'])}: ${name}`,
      name,
      code,
      sequence_code: seq,
      sequence: offset,
      is_favorite: false,
      warehouse_id: [wid, String(w['name'])],
      default_location_src_id: [...src],
      default_location_dest_id: [...dest],
      company_id: [...companyPair],
      active: true,
      create_date: epoch,
      write_date: epoch,
    });
    pickingTypes.push(type(1, 'Receipts', 'incoming', 'IN', [VENDORS, 'Partners/Vendors'], stock));
    pickingTypes.push(type(2, 'Delivery Orders', 'outgoing', 'OUT', stock, [CUSTOMERS, 'Partners/Customers']));
    outgoingTypeOfWarehouse.set(wid, [base + 2, `${String(w['name'])}: Delivery Orders`]);
  }
  const central = ds.locations.find((l) => l.kind === 'warehouse') ?? ds.locations[0];

  // --- quants: the dataset's stock, plus delivered goods sitting in Partners/Customers (Odoo keeps quants there,
  // which is why a stock query must filter on location_id.usage = internal).
  const quants: OdooRecord[] = [];
  const outgoing = new Map<string, { productId: number; warehouseId: number; qty: number }>();
  const productPair = (id: number): [number, string] => {
    const p = productById.get(id);
    return [id, p ? productDisplayName(p.sku, p.name) : String(id)];
  };
  for (const q of [...ds.stock].sort((a, b) => a.id - b.id)) {
    const loc = locationById.get(q.locationId);
    quants.push({
      id: q.id,
      display_name: `${loc ? `${loc.code}/Stock` : q.locationId} - ${productById.get(q.productId)?.sku ?? q.productId}`,
      product_id: productPair(q.productId),
      location_id: [q.locationId, loc ? `${loc.code}/Stock` : String(q.locationId)],
      lot_id: false,
      package_id: false,
      owner_id: false,
      company_id: [...companyPair],
      quantity: q.quantity,
      reserved_quantity: q.reserved,
      in_date: toOdooDatetime(q.inDate),
      create_date: toOdooDatetime(q.inDate),
      write_date: toOdooDatetime(q.updatedAt),
    });
    if (q.reserved > 0 && loc) {
      const key = `${q.productId}:${loc.warehouseId}`;
      const o = outgoing.get(key) ?? { productId: q.productId, warehouseId: loc.warehouseId, qty: 0 };
      o.qty += q.reserved;
      outgoing.set(key, o);
    }
  }
  let nextQuantId = Math.max(0, ...ds.stock.map((q) => q.id)) + 1;
  for (const p of [...ds.products].sort((a, b) => a.id - b.id)) {
    if (p.id % 3 !== 0) continue;
    quants.push({
      id: nextQuantId++,
      display_name: `Partners/Customers - ${p.sku}`,
      product_id: productPair(p.id),
      location_id: [CUSTOMERS, 'Partners/Customers'],
      lot_id: false,
      package_id: false,
      owner_id: false,
      company_id: [...companyPair],
      quantity: (p.id % 5) + 1,
      reserved_quantity: 0,
      in_date: toOdooDatetime(p.updatedAt),
      create_date: toOdooDatetime(p.updatedAt),
      write_date: toOdooDatetime(p.updatedAt),
    });
  }

  // --- pricelists
  const pricelists: OdooRecord[] = [...ds.pricelists]
    .sort((a, b) => a.id - b.id)
    .map((pl, i) => ({
      id: pl.id,
      display_name: pricelistDisplayName(pl),
      name: pricelistName(pl),
      currency_id: [...currencyPair],
      company_id: false,
      sequence: (i + 1) * 10,
      active: true,
      create_date: epoch,
      write_date: epoch,
    }));
  const items: OdooRecord[] = [...ds.pricelistItems]
    .sort((a, b) => a.id - b.id)
    .map((it) => pricelistItemRecord(it, pricelistPair(it.pricelistId), productById, categoryById, epoch));

  // --- reference data
  const uom: OdooRecord[] = [{ id: UOM_UNITS_ID, display_name: 'Units', name: 'Units', sequence: 1, active: true }];
  const currencies: OdooRecord[] = [{ id: CURRENCY_PLN_ID, display_name: 'PLN', name: 'PLN', symbol: 'zł', rounding: 0.01, active: true }];
  const countries: OdooRecord[] = [{ id: COUNTRY_POLAND_ID, display_name: 'Poland', name: 'Poland', code: 'PL' }];
  const companies: OdooRecord[] = [
    {
      id: COMPANY_ID,
      display_name: company.name,
      name: company.name,
      partner_id: [company.erpPartnerId, company.name],
      currency_id: [...currencyPair],
      vat: company.vat || false,
      account_price_include: 'tax_excluded',
      sequence: 10,
    },
  ];
  const users: OdooRecord[] = [
    {
      id: bot.uid,
      display_name: 'API Bot',
      name: 'API Bot',
      login: bot.login,
      partner_id: [botPartnerId, partnerName(botPartnerId)],
      company_id: [...companyPair],
      active: true,
    },
  ];

  // --- channel orders in the ERP: the partners the connectors created, sale orders, pickings, carriers
  for (const p of ds.erpChannelPartners) partners.set(p.id, partnerRecord(p));
  const pricelistOfPartner = new Map(ds.erpPartners.map((p) => [p.id, p.pricelistId]));
  const erpOrders = mapErpOrders(ds, {
    partnerName,
    companyPair,
    currencyPair,
    warehouses: new Map(ds.locations.map((l) => [l.code, { id: l.warehouseId, name: l.name, stockLocationId: l.stockLocationId }] as const)),
    customersLocationId: CUSTOMERS,
    pricelistOf: (id) => pricelistPair(pricelistOfPartner.get(id) ?? null),
  });

  const warehouseOfStock = new Map(ds.locations.map((l) => [l.stockLocationId, l.warehouseId]));
  for (const picking of erpOrders['stock.picking']) {
    const source = Array.isArray(picking['location_id']) ? (picking['location_id'][0] as number) : undefined;
    const type = source !== undefined ? outgoingTypeOfWarehouse.get(warehouseOfStock.get(source) ?? -1) : undefined;
    picking['picking_type_id'] = type ? [...type] : false;
  }

  // --- partner display names (complete_name) once every partner exists
  const partnerRecords = [...partners.values()].sort((a, b) => (a['id'] as number) - (b['id'] as number));

  const erpPartnerByContact = new Map(ds.crmContacts.map((c) => [c.id, c.erpPartnerId]));
  const demoCustomers: OdooDemoCustomer[] = ds.demoCustomers.map((d) => {
    const partnerId = erpPartnerByContact.get(d.crmContactId) ?? null;
    const rec = partnerId !== null ? partners.get(partnerId) : undefined;
    return {
      key: d.key,
      description: d.description,
      partnerId: rec ? partnerId : null,
      email: rec && typeof rec['email'] === 'string' ? rec['email'] : d.email,
      ref: rec && typeof rec['ref'] === 'string' ? rec['ref'] : null,
    };
  });

  return {
    records: {
      'product.category': categoryRecords,
      'account.tax': taxes,
      'uom.uom': uom,
      'res.currency': currencies,
      'res.country': countries,
      'res.company': companies,
      'res.users': users,
      'product.template': templateRecords,
      'product.product': products,
      'res.partner': partnerRecords,
      'stock.location': locations,
      'stock.warehouse': warehouses,
      'stock.picking.type': pickingTypes,
      'stock.quant': quants,
      'product.pricelist': pricelists,
      'product.pricelist.item': items,
      'sale.order': erpOrders['sale.order'],
      'sale.order.line': [],
      'stock.picking': erpOrders['stock.picking'],
      'delivery.carrier': erpOrders['delivery.carrier'],
    },
    outgoing: [...outgoing.values()],
    centralWarehouseId: central?.warehouseId ?? 0,
    defaultPricelistId: defaultPricelist?.id ?? false,
    botPartnerId,
    demoCustomers,
  };
}

function pricelistItemRecord(
  it: PricelistItem,
  pricelistPair: unknown,
  productById: ReadonlyMap<number, Product>,
  categoryById: ReadonlyMap<number, { id: number; completeName: string }>,
  epoch: string | false,
): OdooRecord {
  const product = it.productId !== null ? productById.get(it.productId) : undefined;
  const category = it.categoryId !== null ? categoryById.get(it.categoryId) : undefined;
  const productName = product ? productDisplayName(product.sku, product.name) : String(it.productId);
  const displayName =
    it.appliedOn === '0_product_variant'
      ? `Variant: ${productName}`
      : it.appliedOn === '2_product_category'
        ? `Category: ${category?.completeName ?? it.categoryId}`
        : 'All Products';
  return {
    id: it.id,
    display_name: displayName,
    pricelist_id: pricelistPair,
    applied_on: it.appliedOn,
    product_tmpl_id: product ? [product.templateId, product.templateName] : false,
    product_id: it.productId !== null ? [it.productId, productName] : false,
    categ_id: it.categoryId !== null ? [it.categoryId, category?.completeName ?? String(it.categoryId)] : false,
    compute_price: it.computePrice,
    fixed_price: it.fixedPriceNet !== null ? groszeToFloat(it.fixedPriceNet) : 0,
    percent_price: it.percentPrice ?? 0,
    base: 'list_price',
    min_quantity: it.minQuantity,
    date_start: toOdooDatetime(it.dateStart),
    date_end: toOdooDatetime(it.dateEnd),
    company_id: false,
    create_date: epoch,
    write_date: epoch,
  };
}

/** The dataset names pricelists as Odoo displays them ("Stali klienci (PLN)"); Odoo appends the currency itself. */
function pricelistName(pl: { name: string; currency: string }): string {
  const suffix = ` (${pl.currency})`;
  return pl.name.endsWith(suffix) ? pl.name.slice(0, -suffix.length) : pl.name;
}

function pricelistDisplayName(pl: { name: string; currency: string }): string {
  return `${pricelistName(pl)} (${pl.currency})`;
}

function categoryPair(c: { id: number; completeName: string } | undefined, id: number): [number, string] {
  return [id, c?.completeName ?? String(id)];
}

function earliest(ds: Dataset): string | false {
  const times = [...ds.products.map((p) => p.createdAt), ...ds.erpPartners.map((p) => p.createdAt)].filter(Boolean).sort();
  return toOdooDatetime(times[0] ?? ds.generatedAt);
}

function maxIso(values: readonly string[]): string {
  return [...values].sort().at(-1) ?? '';
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
