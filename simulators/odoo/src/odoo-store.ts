import type { SimulatorStore } from '@omnigraph/simulator-core';
import { toPhoneDigits, type Dataset } from '@omnigraph/simulator-dataset';
import { compileDomain, type DomainBackend, type OdooRecord } from './odoo-domain.ts';
import { userError, valueError } from './odoo-errors.ts';
import { CURRENCY_PLN_ID, mapDataset, nowOdoo, productDisplayName, type MappedDataset, type OdooDemoCustomer } from './odoo-mappers.ts';
import { MODELS, type FieldDef, type ModelDef } from './odoo-models.ts';
import { refId, Table } from './odoo-table.ts';
import { validateRecords } from './odoo-records.ts';
import { PyFloat, pyRepr } from './py-format.ts';

export interface OdooCredentials {
  database: string;
  login: string;
  /** accepted as the password over JSON-RPC and as the bearer key over JSON-2 */
  apiKey: string;
  /** the bot user's id, what `common.authenticate` returns */
  uid: number;
}

export const DEFAULT_CREDENTIALS: OdooCredentials = {
  database: 'omnigraph',
  login: 'api-bot',
  apiKey: 'odoo-simulator-api-key',
  uid: 2,
};

/** Per-call evaluation state: the call's context plus memoized context-dependent data (stock scope). */
export interface CallEnv {
  ctx: Record<string, unknown>;
  memo: { scope?: StockScope };
}

export interface StockScope {
  locations: Set<number>;
  warehouses: Set<number>;
}

export function makeEnv(ctx: unknown): CallEnv {
  return { ctx: ctx && typeof ctx === 'object' && !Array.isArray(ctx) ? (ctx as Record<string, unknown>) : {}, memo: {} };
}

export interface OrderTerm {
  field: string;
  desc: boolean;
  nullsFirst: boolean;
}

const mappedCache = new WeakMap<Dataset, Map<string, MappedDataset>>();

/**
 * The simulated Odoo database: one {@link Table} per model, records kept exactly as Odoo returns them, plus the
 * little state Odoo derives from stock moves (outgoing quantities per product and warehouse).
 */
export class OdooStore implements SimulatorStore {
  readonly tables = new Map<string, Table>();
  /** product id → warehouse id → units in confirmed deliveries not yet shipped */
  readonly outgoing = new Map<number, Map<number, number>>();
  centralWarehouseId = 0;
  defaultPricelistId: number | false = false;
  demoCustomers: OdooDemoCustomer[] = [];
  /** last number used in a `S00042` sale order name */
  orderSequence = 0;
  /** per stock.picking.type id: the last number used in its `CODE/IN/00012` transfer names */
  readonly pickingSequences = new Map<number, number>();
  private readonly warehouseOfLocation = new Map<number, number | false>();

  private readonly loadDataset: () => Dataset;
  readonly credentials: OdooCredentials;

  constructor(loadDataset: () => Dataset, credentials: OdooCredentials) {
    this.loadDataset = loadDataset;
    this.credentials = credentials;
    for (const def of Object.values(MODELS)) this.tables.set(def.name, new Table(def));
    this.reset();
  }

  // ------------------------------------------------------------------------------------------------------------
  // SimulatorStore

  reset(): void {
    const ds = this.loadDataset();
    let perBot = mappedCache.get(ds);
    if (!perBot) {
      perBot = new Map();
      mappedCache.set(ds, perBot);
    }
    const botKey = `${this.credentials.uid}:${this.credentials.login}`;
    let mapped = perBot.get(botKey);
    if (!mapped) {
      mapped = mapDataset(ds, this.credentials);
      perBot.set(botKey, mapped);
    }
    for (const table of this.tables.values()) table.clear();
    this.warehouseOfLocation.clear();
    for (const [model, records] of Object.entries(mapped.records)) {
      const table = this.tables.get(model);
      if (!table) continue;
      // Shallow copies: nested arrays are shared with the cached mapping, so writes always replace them.
      for (const r of records) table.put({ ...r });
    }
    this.outgoing.clear();
    for (const o of mapped.outgoing) this.addOutgoing(o.productId, o.warehouseId, o.qty);
    this.centralWarehouseId = mapped.centralWarehouseId;
    this.defaultPricelistId = mapped.defaultPricelistId;
    this.demoCustomers = mapped.demoCustomers;
    this.orderSequence = 0;
    this.continueOrderSequence();
    this.pickingSequences.clear();
    this.continuePickingSequences();
  }

  /** Each operation type's sequence (`<warehouse code>/<sequence_code>/`, padding 5) continues after the names held. */
  private continuePickingSequences(): void {
    const prefixes = new Map<string, number>();
    for (const type of this.table('stock.picking.type').records.values()) prefixes.set(this.pickingPrefix(type), type['id'] as number);
    for (const picking of this.table('stock.picking').records.values()) {
      const m = /^(.*\/)(\d+)$/.exec(String(picking['name']));
      const typeId = m ? prefixes.get(m[1]!) : undefined;
      if (typeId !== undefined) this.pickingSequences.set(typeId, Math.max(this.pickingSequences.get(typeId) ?? 0, Number(m![2])));
    }
  }

  private pickingPrefix(type: OdooRecord): string {
    const warehouse = this.table('stock.warehouse').get(refId(type['warehouse_id']) as number);
    const code = warehouse ? String(warehouse['code']) : '';
    return `${code ? `${code}/` : ''}${String(type['sequence_code'])}/`;
  }

  /** the next name of an operation type's sequence, e.g. `WAW1/IN/00012` */
  nextPickingName(typeId: number): string {
    const type = this.table('stock.picking.type').get(typeId)!;
    const n = (this.pickingSequences.get(typeId) ?? 0) + 1;
    this.pickingSequences.set(typeId, n);
    return `${this.pickingPrefix(type)}${String(n).padStart(5, '0')}`;
  }

  /** Odoo's `sale.order` sequence continues after the highest `S…` number held (seeded or loaded orders). */
  private continueOrderSequence(): void {
    for (const order of this.table('sale.order').records.values()) {
      const m = /^S(\d+)$/.exec(String(order['name']));
      if (m) this.orderSequence = Math.max(this.orderSequence, Number(m[1]));
    }
  }

  loadRecords(payload: unknown): Record<string, number> {
    const batches = validateRecords(payload, (model, id) => this.tables.get(model)?.get(id) !== undefined);
    this.warehouseOfLocation.clear();
    const counts: Record<string, number> = {};
    for (const { model, records } of batches) {
      const table = this.tables.get(model)!;
      for (const incoming of records) {
        const id = incoming['id'] as number;
        const existing = table.get(id);
        const rec = existing ? { ...existing, ...incoming } : { ...this.defaults(table.def), ...incoming };
        if (!existing) {
          const now = nowOdoo();
          if (rec['create_date'] === false) rec['create_date'] = now;
          if (rec['write_date'] === false) rec['write_date'] = rec['create_date'];
        }
        this.normalizeLoaded(table.def, rec);
        table.put(rec);
      }
      counts[model] = records.length;
    }
    for (const { model } of batches) {
      if (model === 'sale.order' || model === 'sale.order.line') {
        for (const order of this.table('sale.order').records.values()) this.recomputeOrderIfLines(order);
      }
      if (model === 'sale.order') this.continueOrderSequence();
      if (model === 'stock.picking' || model === 'stock.picking.type') this.continuePickingSequences();
    }
    return counts;
  }

  describe(): Record<string, unknown> {
    const counts = Object.fromEntries([...this.tables].map(([name, t]) => [name, t.records.size]));
    const warehouses = [...this.table('stock.warehouse').records.values()].map((w) => ({
      id: w['id'],
      code: w['code'],
      name: w['name'],
      lot_stock_id: w['lot_stock_id'],
    }));
    const sampleSkus = [...this.table('product.product').records.values()]
      .filter((p) => p['active'] && typeof p['default_code'] === 'string')
      .slice(0, 5)
      .map((p) => p['default_code']);
    return {
      credentials: {
        database: this.credentials.database,
        login: this.credentials.login,
        apiKey: this.credentials.apiKey,
        uid: this.credentials.uid,
        jsonrpc: 'POST /jsonrpc {"service":"object","method":"execute_kw","args":[db, uid, apiKey, model, method, args, kwargs]}',
        json2: 'POST /json/2/<model>/<method> with "Authorization: bearer <apiKey>"',
      },
      counts,
      centralWarehouseId: this.centralWarehouseId,
      warehouses,
      sampleSkus,
      sampleOrderReferences: this.sampleOrderReferences(),
      demoCustomers: this.demoCustomers,
    };
  }

  /** a few references to try `orderByReference` with: the newest channel orders' names and parcel numbers */
  private sampleOrderReferences(): { saleOrderNames: unknown[]; trackingRefs: unknown[] } {
    const orders = [...this.table('sale.order').records.values()].filter((o) => o['client_order_ref'] !== false).slice(-3);
    const pickings = [...this.table('stock.picking').records.values()].filter((p) => p['carrier_tracking_ref'] !== false).slice(-3);
    return { saleOrderNames: orders.map((o) => o['name']), trackingRefs: pickings.map((p) => p['carrier_tracking_ref']) };
  }

  // ------------------------------------------------------------------------------------------------------------
  // access

  table(model: string): Table {
    const t = this.tables.get(model);
    if (!t) throw new Error(`no table for ${model}`);
    return t;
  }

  hasModel(model: string): boolean {
    return this.tables.has(model);
  }

  backend(env: CallEnv): DomainBackend {
    return {
      modelDef: (model) => MODELS[model],
      record: (model, id) => this.tables.get(model)?.get(id),
      value: (model, rec, field) => this.value(model, rec, field, env),
      displayName: (model, id) => this.displayName(model, id),
      descendants: (model, ids) => this.descendants(model, ids),
      ancestors: (model, ids) => this.ancestors(model, ids),
      indexLookup: (model, field, key) => this.tables.get(model)?.lookup(field, key),
    };
  }

  /** a field's value as Odoo computes it, raw (many2one pairs, false for empty) */
  value(model: string, rec: OdooRecord, field: string, env: CallEnv): unknown {
    const def = MODELS[model]?.fields[field];
    return def ? this.fieldValue(model, def, rec, field, env) : undefined;
  }

  private fieldValue(model: string, def: FieldDef, rec: OdooRecord, field: string, env: CallEnv): unknown {
    if (!def.compute) {
      const v = rec[field];
      return v === undefined ? emptyValue(def) : v;
    }
    return this.computed(model, rec, field, env);
  }

  displayName(model: string, id: number): string | false {
    const rec = this.tables.get(model)?.get(id);
    return rec ? this.recordDisplayName(model, rec) : false;
  }

  recordDisplayName(model: string, rec: OdooRecord): string {
    switch (model) {
      case 'res.partner':
        return this.partnerCompleteName(rec);
      case 'sale.order':
        return String(rec['name']);
      case 'sale.order.line': {
        const order = refId(rec['order_id']);
        const orderName = order !== false ? this.displayName('sale.order', order) : false;
        const first = String(rec['name'] || '').split('\n')[0] ?? '';
        return orderName ? `${orderName} - ${first}` : first;
      }
      default:
        return typeof rec['display_name'] === 'string' ? rec['display_name'] : fallbackDisplayName(model, rec);
    }
  }

  private partnerCompleteName(rec: OdooRecord): string {
    let name = typeof rec['name'] === 'string' ? rec['name'] : '';
    const parent = refId(rec['parent_id']);
    if (parent !== false) {
      if (!name && rec['type'] !== 'contact') {
        name =
          ({ invoice: 'Invoice Address', delivery: 'Delivery Address', other: 'Other Address' } as Record<string, string>)[String(rec['type'])] ?? '';
      }
      if (!rec['is_company']) {
        const commercial = this.commercialPartner(rec);
        const c = this.table('res.partner').get(commercial);
        const companyName = c && c['is_company'] ? c['name'] : this.table('res.partner').get(parent)?.['name'];
        name = `${typeof companyName === 'string' ? companyName : ''}, ${name}`;
      }
    }
    return name.trim();
  }

  private commercialPartner(rec: OdooRecord): number {
    let current = rec;
    for (let depth = 0; depth < 20; depth += 1) {
      const parent = refId(current['parent_id']);
      if (current['is_company'] || parent === false) return current['id'] as number;
      const next = this.table('res.partner').get(parent);
      if (!next) return current['id'] as number;
      current = next;
    }
    return current['id'] as number;
  }

  private pair(model: string, id: number | false): [number, string] | false {
    if (id === false) return false;
    const name = this.displayName(model, id);
    return [id, name === false ? String(id) : name];
  }

  private computed(model: string, rec: OdooRecord, field: string, env: CallEnv): unknown {
    if (field === 'display_name') return this.recordDisplayName(model, rec);
    const id = rec['id'] as number;
    switch (`${model}.${field}`) {
      case 'product.product.qty_available':
      case 'product.product.virtual_available':
      case 'product.product.free_qty':
      case 'product.product.incoming_qty':
      case 'product.product.outgoing_qty':
        return this.productQuantities(id, env)[field as keyof ProductQuantities];
      case 'product.product.currency_id':
      case 'product.pricelist.item.currency_id':
      case 'sale.order.line.currency_id':
        return this.pair('res.currency', CURRENCY_PLN_ID);
      // Odoo 18+: the override, else the company's default (account.tax._compute_price_include)
      case 'account.tax.price_include': {
        const override = rec['price_include_override'];
        if (override === 'tax_included' || override === 'tax_excluded') return override === 'tax_included';
        const company = this.table('res.company').get(refId(rec['company_id']) as number);
        return company?.['account_price_include'] === 'tax_included';
      }
      case 'res.currency.decimal_places': {
        const rounding = num(rec['rounding']);
        return rounding > 0 && rounding < 1 ? Math.ceil(Math.log10(1 / rounding)) : 0;
      }
      case 'product.template.product_variant_ids':
        return this.one2many('product.product', 'product_tmpl_id', id);
      case 'product.template.product_variant_count':
        return this.one2many('product.product', 'product_tmpl_id', id).length;
      case 'product.pricelist.item_ids':
        return this.one2many('product.pricelist.item', 'pricelist_id', id);
      case 'stock.location.warehouse_id':
        return this.pair('stock.warehouse', this.locationWarehouse(id));
      case 'stock.quant.product_tmpl_id': {
        const p = this.table('product.product').get(refId(rec['product_id']) as number);
        return p ? this.pair('product.template', refId(p['product_tmpl_id'])) : false;
      }
      case 'stock.quant.product_uom_id': {
        const p = this.table('product.product').get(refId(rec['product_id']) as number);
        return p ? this.pair('uom.uom', refId(p['uom_id'])) : false;
      }
      case 'stock.quant.warehouse_id': {
        const loc = refId(rec['location_id']);
        return loc === false ? false : this.pair('stock.warehouse', this.locationWarehouse(loc));
      }
      case 'stock.quant.available_quantity':
        return num(rec['quantity']) - num(rec['reserved_quantity']);
      case 'res.partner.complete_name':
        return this.partnerCompleteName(rec);
      case 'res.partner.child_ids':
        return this.one2many('res.partner', 'parent_id', id, true);
      case 'res.partner.commercial_partner_id':
        return this.pair('res.partner', this.commercialPartner(rec));
      case 'sale.order.order_line':
        return this.one2many('sale.order.line', 'order_id', id);
      case 'sale.order.picking_ids':
        return this.one2many('stock.picking', 'sale_id', id);
      case 'stock.picking.move_ids':
        return this.one2many('stock.move', 'picking_id', id);
      case 'res.partner.phone_sanitized': {
        // phone_validation formats with the partner's country (every partner here is Polish): E.164, false if invalid
        const digits = typeof rec['phone'] === 'string' ? toPhoneDigits(rec['phone']) : null;
        return digits === null ? false : `+48${digits}`;
      }
      case 'sale.order.line.state': {
        const order = this.table('sale.order').get(refId(rec['order_id']) as number);
        return order ? order['state'] : false;
      }
      default:
        return false;
    }
  }

  /** ids of `model` whose `inverse` many2one points at `id`, in the model's default order */
  one2many(model: string, inverse: string, id: number, activeOnly = false): number[] {
    const table = this.table(model);
    let ids = [...(table.lookup(inverse, id) ?? [])];
    if (activeOnly && table.def.fields['active']) ids = ids.filter((i) => table.get(i)?.['active'] !== false);
    return this.sortIds(model, ids, parseOrder(table.def, table.def.order), makeEnv({}));
  }

  // ------------------------------------------------------------------------------------------------------------
  // stock

  /** the warehouse whose view location contains this location (cached: locations only change on reset/records) */
  locationWarehouse(locationId: number): number | false {
    const cached = this.warehouseOfLocation.get(locationId);
    if (cached !== undefined) return cached;
    const views = new Map<number, number>();
    for (const w of this.table('stock.warehouse').records.values()) {
      const v = refId(w['view_location_id']);
      if (v !== false) views.set(v, w['id'] as number);
    }
    let found: number | false = false;
    let current: number | false = locationId;
    for (let depth = 0; current !== false && depth < 20; depth += 1) {
      const wh = views.get(current);
      if (wh !== undefined) {
        found = wh;
        break;
      }
      current = refId(this.table('stock.location').get(current)?.['location_id']);
    }
    this.warehouseOfLocation.set(locationId, found);
    return found;
  }

  /**
   * The internal locations a product quantity is computed over, per Odoo's `_get_domain_locations`: the context's
   * `location`, else its `warehouse_id` (older versions: `warehouse`), else every warehouse of the company.
   */
  stockScope(env: CallEnv): StockScope {
    if (env.memo.scope) return env.memo.scope;
    const ctx = env.ctx;
    const warehousesTable = this.table('stock.warehouse');
    let roots: number[];
    const location = ctx['location'];
    const warehouse = ctx['warehouse_id'] ?? ctx['warehouse'];
    if (location !== undefined && location !== null && location !== false) {
      roots = this.resolveRefs('stock.location', location, 'complete_name');
    } else if (warehouse !== undefined && warehouse !== null && warehouse !== false) {
      roots = this.resolveRefs('stock.warehouse', warehouse, 'name')
        .map((id) => refId(warehousesTable.get(id)?.['view_location_id']))
        .filter((v): v is number => v !== false);
    } else {
      roots = [...warehousesTable.records.values()]
        .filter((w) => w['active'] !== false)
        .map((w) => refId(w['view_location_id']))
        .filter((v): v is number => v !== false);
    }
    const locTable = this.table('stock.location');
    const locations = new Set([...this.descendants('stock.location', roots)].filter((id) => locTable.get(id)?.['usage'] === 'internal'));
    const warehouses = new Set<number>();
    for (const w of warehousesTable.records.values()) {
      const stock = refId(w['lot_stock_id']);
      if (stock !== false && locations.has(stock)) warehouses.add(w['id'] as number);
    }
    env.memo.scope = { locations, warehouses };
    return env.memo.scope;
  }

  /** context values may be an id, a list of ids or a name (searched with ilike, as Odoo does) */
  private resolveRefs(model: string, v: unknown, nameField: string): number[] {
    const list = Array.isArray(v) ? v : [v];
    const out: number[] = [];
    for (const item of list) {
      if (typeof item === 'number') out.push(item);
      else if (typeof item === 'string') {
        const needle = item.toLowerCase();
        for (const rec of this.table(model).records.values()) {
          if (
            String(rec[nameField] ?? '')
              .toLowerCase()
              .includes(needle)
          )
            out.push(rec['id'] as number);
        }
      }
    }
    return out;
  }

  productQuantities(productId: number, env: CallEnv): ProductQuantities {
    const scope = this.stockScope(env);
    const quants = this.table('stock.quant');
    let qty = 0;
    let free = 0;
    for (const qid of quants.lookup('product_id', productId) ?? []) {
      const q = quants.get(qid)!;
      const loc = refId(q['location_id']);
      if (loc === false || !scope.locations.has(loc)) continue;
      qty += num(q['quantity']);
      free += num(q['quantity']) - num(q['reserved_quantity']);
    }
    let out = 0;
    for (const [wh, n] of this.outgoing.get(productId) ?? []) if (scope.warehouses.has(wh)) out += n;
    const incoming = 0;
    return {
      qty_available: round(qty),
      free_qty: round(free),
      incoming_qty: incoming,
      outgoing_qty: round(out),
      virtual_available: round(qty + incoming - out),
    };
  }

  addOutgoing(productId: number, warehouseId: number, qty: number): void {
    let per = this.outgoing.get(productId);
    if (!per) {
      per = new Map();
      this.outgoing.set(productId, per);
    }
    per.set(warehouseId, (per.get(warehouseId) ?? 0) + qty);
  }

  // ------------------------------------------------------------------------------------------------------------
  // hierarchy

  descendants(model: string, ids: readonly number[]): Set<number> {
    const def = MODELS[model];
    const out = new Set<number>(ids.filter((id) => this.tables.get(model)?.get(id)));
    if (!def?.parentField) return out;
    const table = this.table(model);
    const children = new Map<number, number[]>();
    for (const rec of table.records.values()) {
      const parent = refId(rec[def.parentField]);
      if (parent === false) continue;
      const list = children.get(parent);
      if (list) list.push(rec['id'] as number);
      else children.set(parent, [rec['id'] as number]);
    }
    const queue = [...out];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const c of children.get(id) ?? []) {
        if (!out.has(c)) {
          out.add(c);
          queue.push(c);
        }
      }
    }
    return out;
  }

  ancestors(model: string, ids: readonly number[]): Set<number> {
    const def = MODELS[model];
    const table = this.tables.get(model);
    const out = new Set<number>();
    for (const id of ids) {
      let current: number | false = id;
      for (let depth = 0; current !== false && table?.get(current) && depth < 50; depth += 1) {
        out.add(current);
        current = def?.parentField ? refId(table.get(current)?.[def.parentField]) : false;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------------------
  // search and read

  search(
    model: string,
    domain: unknown,
    options: { offset?: number; limit?: number | false; order?: string | false; env: CallEnv; count?: boolean },
  ): number[] {
    const table = this.table(model);
    const env = options.env;
    const compiled = compileDomain(this.backend(env), model, domain);
    const activeTest = table.def.fields['active'] !== undefined && env.ctx['active_test'] !== false && !compiled.mentionsActive;
    const terms = parseOrder(table.def, options.order || table.def.order);
    const candidates = compiled.candidates();
    const found: OdooRecord[] = [];
    const consider = (rec: OdooRecord) => {
      if (activeTest && rec['active'] === false) return;
      if (compiled.predicate(rec)) found.push(rec);
    };
    if (candidates) {
      for (const id of candidates) {
        const rec = table.get(id);
        if (rec) consider(rec);
      }
    } else {
      for (const rec of table.records.values()) consider(rec);
    }
    const offset = options.offset ?? 0;
    const limit = options.limit || undefined;
    if (options.count) return found.slice(0, limit).map((r) => r['id'] as number);
    const byIdOnly = terms.length === 1 && terms[0]!.field === 'id' && !terms[0]!.desc;
    if (!(byIdOnly && !candidates && table.ascending)) this.sortRecords(model, found, terms, env);
    const page = limit === undefined ? found.slice(offset) : found.slice(offset, offset + limit);
    return page.map((r) => r['id'] as number);
  }

  sortIds(model: string, ids: number[], terms: OrderTerm[], env: CallEnv): number[] {
    const table = this.table(model);
    const recs = ids.map((id) => table.get(id)).filter((r): r is OdooRecord => r !== undefined);
    this.sortRecords(model, recs, terms, env);
    return recs.map((r) => r['id'] as number);
  }

  private sortRecords(model: string, recs: OdooRecord[], terms: OrderTerm[], env: CallEnv): void {
    const cmp = this.comparator(model, terms, env, 0);
    recs.sort((a, b) => cmp(a, b) || (a['id'] as number) - (b['id'] as number));
  }

  private comparator(model: string, terms: OrderTerm[], env: CallEnv, depth: number): (a: OdooRecord, b: OdooRecord) => number {
    const def = MODELS[model]!;
    const parts = terms.map((t) => {
      const f = def.fields[t.field]!;
      let sub: ((a: OdooRecord, b: OdooRecord) => number) | undefined;
      const comodel = f.type === 'many2one' ? f.relation! : undefined;
      if (comodel && MODELS[comodel] && this.tables.has(comodel) && depth < 2) {
        sub = this.comparator(comodel, parseOrder(MODELS[comodel]!, MODELS[comodel]!.order), env, depth + 1);
      }
      return (a: OdooRecord, b: OdooRecord) => {
        let va = this.value(model, a, t.field, env);
        let vb = this.value(model, b, t.field, env);
        if (f.type === 'many2one') {
          const ia = refId(va);
          const ib = refId(vb);
          if (ia === false || ib === false) return nullOrder(ia === false, ib === false, t);
          if (ia === ib) return 0;
          const ra = this.tables.get(comodel!)?.get(ia);
          const rb = this.tables.get(comodel!)?.get(ib);
          const c = sub && ra && rb ? sub(ra, rb) || ia - ib : ia - ib;
          return t.desc ? -c : c;
        }
        if (f.type === 'one2many' || f.type === 'many2many') return 0;
        if (f.type === 'boolean') {
          va = va ? 1 : 0;
          vb = vb ? 1 : 0;
        }
        const na = va === false || va === null || va === undefined;
        const nb = vb === false || vb === null || vb === undefined;
        if (na || nb) return nullOrder(na, nb, t);
        const c = (va as number | string) < (vb as number | string) ? -1 : (va as number | string) > (vb as number | string) ? 1 : 0;
        return t.desc ? -c : c;
      };
    });
    return (a, b) => {
      for (const p of parts) {
        const c = p(a, b);
        if (c !== 0) return c;
      }
      return 0;
    };
  }

  /**
   * `read(fields, load)`: `id` first then the fields in the order asked, many2one as `[id, name]` (bare ids when
   * `load` is not `'_classic_read'`), floats as Python floats. Ids that do not exist are skipped, as Odoo does.
   */
  read(model: string, ids: readonly number[], fields: readonly string[] | null, env: CallEnv, load: unknown = '_classic_read'): OdooRecord[] {
    const table = this.table(model);
    const columns = this.checkFields(table.def, fields)
      .filter((name) => name !== 'id')
      .map((name) => [name, table.def.fields[name]!] as const);
    const classic = load === '_classic_read';
    const out: OdooRecord[] = [];
    for (const id of ids) {
      const rec = table.get(id);
      if (!rec) continue;
      const row: OdooRecord = { id };
      for (const [name, def] of columns) row[name] = this.render(def, this.fieldValue(model, def, rec, name, env), classic);
      out.push(row);
    }
    return out;
  }

  checkFields(def: ModelDef, fields: readonly string[] | null): string[] {
    if (!fields || fields.length === 0) return Object.keys(def.fields);
    for (const f of fields) {
      if (typeof f !== 'string' || !def.fields[f]) {
        throw valueError(`Invalid field ${pyRepr(f)} on model ${pyRepr(def.name)}`);
      }
    }
    return [...fields];
  }

  private render(def: FieldDef, v: unknown, classic: boolean): unknown {
    switch (def.type) {
      case 'many2one': {
        const id = refId(v);
        if (id === false) return false;
        if (!classic) return id;
        const live = def.relation ? this.displayName(def.relation, id) : false;
        return [id, live !== false ? live : Array.isArray(v) && typeof v[1] === 'string' ? v[1] : String(id)];
      }
      case 'float':
      case 'monetary':
        return new PyFloat(typeof v === 'number' ? v : 0);
      case 'integer':
        return typeof v === 'number' ? v : 0;
      case 'boolean':
        return v === true;
      case 'one2many':
      case 'many2many':
        return Array.isArray(v) ? v : [];
      default:
        return v === undefined || v === null || v === '' ? false : v;
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // helpers for writes and records

  defaults(def: ModelDef): OdooRecord {
    const rec: OdooRecord = {};
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.compute || name === 'id') continue;
      rec[name] = name === 'active' ? true : emptyValue(f);
    }
    return rec;
  }

  /** fills the display names Odoo would have computed for a loaded record that came without them */
  private normalizeLoaded(def: ModelDef, rec: OdooRecord): void {
    if (!def.writable && typeof rec['display_name'] !== 'string') {
      rec['display_name'] = fallbackDisplayName(def.name, rec);
    }
    if (def.name === 'product.product' && (rec['lst_price'] === 0 || rec['lst_price'] === undefined)) {
      rec['lst_price'] = rec['list_price'];
    }
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.type === 'many2one' && typeof rec[name] === 'number') {
        const id = rec[name] as number;
        const live = f.relation ? this.displayName(f.relation, id) : false;
        rec[name] = [id, live === false ? String(id) : live];
      }
    }
  }

  recomputeOrderIfLines(order: OdooRecord): void {
    const lines = this.table('sale.order.line').lookup('order_id', order['id']) ?? [];
    if (lines.length === 0) return;
    let untaxed = 0;
    let tax = 0;
    for (const lid of lines) {
      const l = this.table('sale.order.line').get(lid)!;
      untaxed += num(l['price_subtotal']);
      tax += num(l['price_tax']);
    }
    order['amount_untaxed'] = round(untaxed);
    order['amount_tax'] = round(tax);
    order['amount_total'] = round(untaxed + tax);
  }

  /** `Partners/Customers` (Odoo's `stock.stock_location_customers`): the first location of usage `customer` */
  customersLocation(): [number, string] | false {
    for (const loc of this.table('stock.location').records.values()) {
      if (loc['usage'] === 'customer') return [loc['id'] as number, this.recordDisplayName('stock.location', loc)];
    }
    return false;
  }

  nextOrderName(): string {
    this.orderSequence += 1;
    return `S${String(this.orderSequence).padStart(5, '0')}`;
  }
}

export interface ProductQuantities {
  qty_available: number;
  virtual_available: number;
  free_qty: number;
  incoming_qty: number;
  outgoing_qty: number;
}

function nullOrder(na: boolean, nb: boolean, t: OrderTerm): number {
  if (na && nb) return 0;
  // PostgreSQL: NULLS LAST for ASC, NULLS FIRST for DESC, unless the order says otherwise.
  const nullsFirst = t.nullsFirst;
  return na ? (nullsFirst ? -1 : 1) : nullsFirst ? 1 : -1;
}

const ORDER_PART = /^\s*([a-z0-9:_]+)(\.id)?(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;

/** parses `"field asc, other desc"` the way Odoo validates it */
export function parseOrder(def: ModelDef, order: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    const m = ORDER_PART.exec(part);
    if (!m) {
      throw userError(
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
    }
    const field = m[1]!;
    if (!def.fields[field]) throw valueError(`Invalid field ${pyRepr(field)} on model ${pyRepr(def.name)}`);
    const desc = (m[3] ?? 'asc').toLowerCase() === 'desc';
    const nulls = m[4]?.toLowerCase();
    terms.push({ field, desc, nullsFirst: nulls ? nulls === 'first' : desc });
  }
  return terms;
}

export function emptyValue(def: FieldDef): unknown {
  switch (def.type) {
    case 'float':
    case 'monetary':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'one2many':
    case 'many2many':
      return [];
    default:
      return false;
  }
}

function fallbackDisplayName(model: string, rec: OdooRecord): string {
  const name = typeof rec['name'] === 'string' ? rec['name'] : '';
  switch (model) {
    case 'product.product':
      return productDisplayName(typeof rec['default_code'] === 'string' ? rec['default_code'] : null, name);
    case 'stock.location':
    case 'product.category':
      return typeof rec['complete_name'] === 'string' ? rec['complete_name'] : name;
    case 'product.pricelist':
      return `${name} (PLN)`;
    case 'stock.quant':
      return `${Array.isArray(rec['location_id']) ? String(rec['location_id'][1]) : ''} - ${
        Array.isArray(rec['product_id']) ? String(rec['product_id'][1]) : ''
      }`;
    case 'product.pricelist.item':
      return rec['applied_on'] === '0_product_variant' && Array.isArray(rec['product_id'])
        ? `Variant: ${String(rec['product_id'][1])}`
        : rec['applied_on'] === '2_product_category' && Array.isArray(rec['categ_id'])
          ? `Category: ${String(rec['categ_id'][1])}`
          : 'All Products';
    default:
      return name || `${model},${String(rec['id'])}`;
  }
}

export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** Odoo rounds quantities to the UoM precision and money to the currency's 0.01. */
export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round((v + Number.EPSILON) * f) / f;
}
