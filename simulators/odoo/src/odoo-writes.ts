import type { OdooRecord } from './odoo-domain.ts';
import { missingError, userError, validationError, valueError } from './odoo-errors.ts';
import { COMPANY_ID, CURRENCY_PLN_ID, nowOdoo } from './odoo-mappers.ts';
import { MODELS, type FieldDef, type ModelDef } from './odoo-models.ts';
import { makeEnv, num, parseOrder, round, type CallEnv, type OdooStore } from './odoo-store.ts';
import { refId } from './odoo-table.ts';
import { pyRepr } from './py-format.ts';

/**
 * create / write on `res.partner` and `sale.order` (with its `order_line` commands) and `sale.order.action_confirm`.
 * Each call is one transaction, as in Odoo: everything is validated and prepared first, then applied, so a failing
 * call leaves nothing behind. Every write stamps `write_date`, which is what change polling relies on.
 */

const MAGIC = new Set(['id', 'display_name', 'create_date', 'write_date', '__last_update']);

export function missingRecord(model: string, ids: readonly number[], uid: number): Error {
  const list = ids.length === 1 ? `${ids[0]},` : ids.join(', ');
  return missingError(`Record does not exist or has been deleted.\n(Record: ${model}(${list}), User: ${uid})`);
}

/** Odoo's field conversion (`convert_to_cache`): what create/write accept for each field type. */
function convert(store: OdooStore, def: ModelDef, name: string, f: FieldDef, v: unknown): unknown {
  const wrong = () => valueError(`Wrong value for ${def.name}.${name}: ${pyRepr(v)}`);
  switch (f.type) {
    case 'char':
    case 'text':
    case 'html':
      if (v === false || v === null || v === undefined) return false;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v === true ? 'True' : v);
      throw wrong();
    case 'boolean':
      return Boolean(v);
    case 'float':
    case 'monetary': {
      if (v === false || v === null || v === undefined) return 0;
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      if (!Number.isFinite(n)) throw valueError(`could not convert string to float: ${pyRepr(v)}`);
      return n;
    }
    case 'integer': {
      if (v === false || v === null || v === undefined) return 0;
      const n = typeof v === 'number' ? Math.trunc(v) : typeof v === 'string' ? Number(v) : NaN;
      if (!Number.isInteger(n)) throw valueError(`invalid literal for int() with base 10: ${pyRepr(v)}`);
      return n;
    }
    case 'selection':
      if (v === false || v === null || v === undefined) return false;
      if (typeof v === 'string' && f.selection?.some(([k]) => k === v)) return v;
      throw wrong();
    case 'datetime': {
      if (v === false || v === null || v === undefined) return false;
      if (typeof v !== 'string') throw wrong();
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v} 00:00:00`;
      if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(v)) return v.slice(0, 19);
      throw valueError(`time data ${pyRepr(v)} does not match format '%Y-%m-%d %H:%M:%S'`);
    }
    case 'many2one': {
      if (v === false || v === null || v === undefined) return false;
      if (typeof v !== 'number' || !Number.isInteger(v)) throw wrong();
      const target = f.relation ? store.tables.get(f.relation) : undefined;
      if (!target?.get(v)) throw missingRecord(f.relation ?? 'unknown', [v], store.credentials.uid);
      return [v, store.displayName(f.relation!, v) || String(v)];
    }
    case 'many2many':
      return applyX2manyCommands(store, f, [], v, def.name, name);
    default:
      throw wrong();
  }
}

/** many2many values: a list of ids or the command forms (6, 0, ids), (4, id), (3, id), (5,) */
function applyX2manyCommands(store: OdooStore, f: FieldDef, current: number[], v: unknown, model: string, name: string): number[] {
  if (!Array.isArray(v)) throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(v)}`);
  let ids = [...current];
  for (const item of v) {
    if (typeof item === 'number') {
      if (!ids.includes(item)) ids.push(item);
      continue;
    }
    if (!Array.isArray(item) || typeof item[0] !== 'number') throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(v)}`);
    const [cmd, a, b] = item as [number, unknown, unknown];
    if (cmd === 6) ids = Array.isArray(b) ? (b.filter((x) => typeof x === 'number') as number[]) : [];
    else if (cmd === 4 && typeof a === 'number' && !ids.includes(a)) ids.push(a);
    else if (cmd === 3 && typeof a === 'number') ids = ids.filter((x) => x !== a);
    else if (cmd === 5) ids = [];
    else if (cmd !== 4 && cmd !== 3) throw valueError(`Wrong value for ${model}.${name}: ${pyRepr(v)}`);
  }
  const target = f.relation ? store.tables.get(f.relation) : undefined;
  const missing = ids.filter((id) => !target?.get(id));
  if (missing.length > 0) throw missingRecord(f.relation ?? 'unknown', missing, store.credentials.uid);
  return ids;
}

/** converts create/write values; `mode` decides the wording of the unknown-field error (create vs write) */
export function convertVals(
  store: OdooStore,
  def: ModelDef,
  vals: unknown,
  mode: 'create' | 'write',
  skip: ReadonlySet<string> = new Set(),
): OdooRecord {
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) {
    throw valueError(`Wrong value for ${def.name}: ${pyRepr(vals)}`);
  }
  const out: OdooRecord = {};
  for (const [name, v] of Object.entries(vals as Record<string, unknown>)) {
    const f = def.fields[name];
    if (!f) {
      throw valueError(
        mode === 'create' ? `Invalid field ${pyRepr(name)} in ${pyRepr(def.name)}` : `Invalid field ${pyRepr(name)} on model ${pyRepr(def.name)}`,
      );
    }
    if (MAGIC.has(name) || skip.has(name)) continue;
    // Writing a computed field without inverse is ignored by Odoo (a warning in its log).
    if (f.compute || f.type === 'one2many') continue;
    out[name] = convert(store, def, name, f, v);
  }
  return out;
}

export function notNullError(def: ModelDef, field: string): Error {
  const f = def.fields[field]!;
  return validationError(
    'The operation cannot be completed:\n' +
      '- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${def.description} (${def.name})\n` +
      `Field: ${f.string} (${field})\n`,
  );
}

// ----------------------------------------------------------------------------------------------------------------
// create

/** `model.create(vals_list)`; returns the new ids in order */
export function createRecords(store: OdooStore, model: string, valsList: unknown, env: CallEnv): number[] {
  const list = Array.isArray(valsList) ? valsList : [valsList];
  if (model === 'res.partner') {
    const prepared = list.map((vals, i) => preparePartner(store, vals, env, i));
    return prepared.map((rec) => {
      store.table('res.partner').put(rec);
      return rec['id'] as number;
    });
  }
  if (model === 'sale.order') {
    const alloc = { order: store.table('sale.order').nextId, line: store.table('sale.order.line').nextId };
    const prepared = list.map((vals) => prepareOrder(store, vals, env, alloc));
    return prepared.map(({ order, lines }) => {
      order['name'] = order['name'] || store.nextOrderName();
      store.table('sale.order').put(order);
      for (const l of lines) store.table('sale.order.line').put(l);
      store.recomputeOrderIfLines(order);
      return order['id'] as number;
    });
  }
  throw new Error(`create is not supported on ${model}`);
}

function preparePartner(store: OdooStore, vals: unknown, env: CallEnv, offset: number): OdooRecord {
  const def = MODELS['res.partner']!;
  const table = store.table('res.partner');
  const changes = convertVals(store, def, vals, 'create');
  const now = nowOdoo();
  const lang = typeof env.ctx['lang'] === 'string' && def.fields['lang']!.selection!.some(([k]) => k === env.ctx['lang']) ? env.ctx['lang'] : 'en_US';
  const rec: OdooRecord = {
    ...store.defaults(def),
    type: 'contact',
    lang,
    property_product_pricelist:
      store.defaultPricelistId === false ? false : [store.defaultPricelistId, store.displayName('product.pricelist', store.defaultPricelistId) || ''],
    ...changes,
    id: table.nextId + offset,
    create_date: now,
    write_date: now,
  };
  checkPartner(rec);
  return rec;
}

function checkPartner(rec: OdooRecord): void {
  // res_partner_check_name: CHECK((type = 'contact' AND name IS NOT NULL) OR (type != 'contact'))
  if (rec['type'] === 'contact' && (rec['name'] === false || rec['name'] === '')) {
    throw validationError('The operation cannot be completed: Contacts require a name');
  }
}

function prepareOrder(
  store: OdooStore,
  vals: unknown,
  env: CallEnv,
  alloc: { order: number; line: number },
): { order: OdooRecord; lines: OdooRecord[] } {
  const def = MODELS['sale.order']!;
  const changes = convertVals(store, def, vals, 'create', new Set(['amount_untaxed', 'amount_tax', 'amount_total']));
  if (changes['partner_id'] === undefined || changes['partner_id'] === false) throw notNullError(def, 'partner_id');
  const partner = refId(changes['partner_id']) as number;
  const partnerRec = store.table('res.partner').get(partner)!;
  const now = nowOdoo();
  const warehouseId = store.centralWarehouseId;
  const pricelist = refId(partnerRec['property_product_pricelist']) || store.defaultPricelistId;
  const order: OdooRecord = {
    ...store.defaults(def),
    name: false,
    state: 'draft',
    date_order: now,
    partner_invoice_id: changes['partner_id'],
    partner_shipping_id: changes['partner_id'],
    pricelist_id: pricelist === false ? false : [pricelist, store.displayName('product.pricelist', pricelist) || ''],
    currency_id: [CURRENCY_PLN_ID, 'PLN'],
    company_id: [COMPANY_ID, store.displayName('res.company', COMPANY_ID) || ''],
    user_id: [store.credentials.uid, store.displayName('res.users', store.credentials.uid) || 'API Bot'],
    warehouse_id: warehouseId ? [warehouseId, store.displayName('stock.warehouse', warehouseId) || ''] : false,
    ...changes,
    id: alloc.order++,
    create_date: now,
    write_date: now,
  };
  const commands = (vals as Record<string, unknown>)['order_line'];
  const lines: OdooRecord[] = [];
  for (const cmd of lineCommands(commands)) {
    if (cmd[0] !== 0) continue;
    lines.push(prepareLine(store, order, cmd[2], alloc.line++, now, env));
  }
  return { order, lines };
}

type LineCommand = [number, unknown, unknown];

/** one2many commands `[[0, 0, vals], [1, id, vals], [2, id], …]` of `field` (for the error text) */
export function lineCommands(v: unknown, field = 'sale.order.order_line'): LineCommand[] {
  if (v === undefined || v === false || v === null) return [];
  if (!Array.isArray(v)) throw valueError(`Wrong value for ${field}: ${pyRepr(v)}`);
  return v.map((c) => {
    if (!Array.isArray(c) || typeof c[0] !== 'number' || c[0] < 0 || c[0] > 6) {
      throw valueError(`Wrong value for ${field}: ${pyRepr(v)}`);
    }
    return [c[0], c[1], c[2]] as LineCommand;
  });
}

function prepareLine(store: OdooStore, order: OdooRecord, vals: unknown, id: number, now: string, env: CallEnv): OdooRecord {
  const def = MODELS['sale.order.line']!;
  const changes = convertVals(store, def, vals ?? {}, 'create', new Set(['order_id', 'price_subtotal', 'price_tax', 'price_total']));
  const productId = refId(changes['product_id']);
  if (productId === false && !changes['display_type']) {
    throw validationError('The operation cannot be completed: Missing required fields on accountable sale order line.');
  }
  const product = productId !== false ? store.table('product.product').get(productId) : undefined;
  const qty = changes['product_uom_qty'] !== undefined ? num(changes['product_uom_qty']) : 1;
  const pricelist = refId(order['pricelist_id']);
  const priceUnit =
    changes['price_unit'] !== undefined ? num(changes['price_unit']) : product ? pricelistPrice(store, product, qty, pricelist, now, env) : 0;
  const line: OdooRecord = {
    ...store.defaults(def),
    order_id: [order['id'] as number, String(order['name'] || 'New')],
    sequence: 10,
    product_id: changes['product_id'] ?? false,
    name: product ? store.recordDisplayName('product.product', product) : '',
    product_uom_id: product ? product['uom_id'] : false,
    tax_ids: product ? (product['taxes_id'] as number[]) : [],
    company_id: order['company_id'],
    ...changes,
    product_uom_qty: qty,
    price_unit: priceUnit,
    id,
    create_date: now,
    write_date: now,
  };
  computeLine(store, line);
  return line;
}

function computeLine(store: OdooStore, line: OdooRecord): void {
  const subtotal = round(num(line['price_unit']) * num(line['product_uom_qty']) * (1 - num(line['discount']) / 100));
  let tax = 0;
  for (const tid of (line['tax_ids'] as number[]) ?? []) {
    const t = store.table('account.tax').get(tid);
    if (t && t['amount_type'] === 'percent') tax += round((subtotal * num(t['amount'])) / 100);
    else if (t && t['amount_type'] === 'fixed') tax += round(num(t['amount']) * num(line['product_uom_qty']));
  }
  line['price_subtotal'] = subtotal;
  line['price_tax'] = round(tax);
  line['price_total'] = round(subtotal + tax);
}

/**
 * The unit price a quotation line gets: the first matching rule of the order's pricelist in Odoo's rule order
 * (variant, template, category, global; bigger minimum quantity first), else the variant's sales price.
 */
export function pricelistPrice(
  store: OdooStore,
  product: OdooRecord,
  qty: number,
  pricelistId: number | false,
  now: string,
  env: CallEnv = makeEnv({}),
): number {
  const base = num(product['lst_price']) || num(product['list_price']);
  if (pricelistId === false) return base;
  const items = store.table('product.pricelist.item');
  const categ = refId(product['categ_id']);
  const categories = categ === false ? new Set<number>() : store.ancestors('product.category', [categ]);
  const tmpl = refId(product['product_tmpl_id']);
  const matching = (items.lookup('pricelist_id', pricelistId) ?? []).filter((id) => {
    const it = items.get(id)!;
    switch (it['applied_on']) {
      case '0_product_variant':
        if (refId(it['product_id']) !== product['id']) return false;
        break;
      case '1_product':
        if (refId(it['product_tmpl_id']) !== tmpl) return false;
        break;
      case '2_product_category': {
        const c = refId(it['categ_id']);
        if (c === false || !categories.has(c)) return false;
        break;
      }
      default:
        break;
    }
    if (num(it['min_quantity']) > qty) return false;
    if (typeof it['date_start'] === 'string' && it['date_start'] > now) return false;
    if (typeof it['date_end'] === 'string' && it['date_end'] < now) return false;
    return true;
  });
  if (matching.length === 0) return base;
  const def = MODELS['product.pricelist.item']!;
  const [first] = store.sortIds(def.name, matching, parseOrder(def, def.order), env);
  const rule = items.get(first!)!;
  if (rule['compute_price'] === 'fixed') return round(num(rule['fixed_price']));
  if (rule['compute_price'] === 'percentage') return round(base * (1 - num(rule['percent_price']) / 100));
  return round(formulaPrice(rule, base));
}

/** `product.pricelist.item._compute_price` for `formula` on the sales price: discount, rounding, surcharge, margins */
export function formulaPrice(rule: OdooRecord, base: number): number {
  let price = base - base * (num(rule['price_discount']) / 100);
  const step = num(rule['price_round']);
  if (step) price = Math.round(price / step) * step;
  price += num(rule['price_surcharge']);
  const minMargin = num(rule['price_min_margin']);
  const maxMargin = num(rule['price_max_margin']);
  if (minMargin) price = Math.max(price, base + minMargin);
  if (maxMargin) price = Math.min(price, base + maxMargin);
  return price;
}

// ----------------------------------------------------------------------------------------------------------------
// write

export function writeRecords(store: OdooStore, model: string, ids: readonly number[], vals: unknown, env: CallEnv): true {
  const table = store.table(model);
  const missing = ids.filter((id) => !table.get(id));
  if (missing.length > 0) throw missingRecord(model, missing, store.credentials.uid);
  const def = MODELS[model]!;
  const now = nowOdoo();
  if (model === 'res.partner') {
    const changes = convertVals(store, def, vals, 'write');
    for (const id of ids) checkPartner({ ...table.get(id)!, ...changes });
    for (const id of ids) table.update(table.get(id)!, { ...changes, write_date: now });
    return true;
  }
  if (model === 'sale.order') {
    const changes = convertVals(store, def, vals, 'write', new Set(['amount_untaxed', 'amount_tax', 'amount_total']));
    if ('partner_id' in changes && changes['partner_id'] === false) throw notNullError(def, 'partner_id');
    const commands = lineCommands((vals as Record<string, unknown>)['order_line']);
    const lines = store.table('sale.order.line');
    // validate every command before applying any
    const plan: Array<() => void> = [];
    let nextLineId = lines.nextId;
    for (const id of ids) {
      const order = table.get(id)!;
      const merged = { ...order, ...changes };
      for (const [cmd, a, b] of commands) {
        if (cmd === 0) {
          const line = prepareLine(store, merged, b, nextLineId++, now, env);
          plan.push(() => lines.put(line));
        } else if (cmd === 1 || cmd === 2 || cmd === 3) {
          const line = typeof a === 'number' ? lines.get(a) : undefined;
          if (!line || refId(line['order_id']) !== id) throw missingRecord('sale.order.line', [Number(a)], store.credentials.uid);
          if (cmd === 1) {
            const upd = convertVals(store, MODELS['sale.order.line']!, b, 'write', new Set(['order_id']));
            const next = { ...line, ...upd, write_date: now };
            computeLine(store, next);
            plan.push(() => lines.update(line, next));
          } else {
            plan.push(() => lines.remove(a as number));
          }
        } else if (cmd === 5) {
          for (const lid of lines.lookup('order_id', id) ?? []) plan.push(() => lines.remove(lid));
        }
      }
      plan.push(() => {
        table.update(order, { ...changes, write_date: now });
        if ((lines.lookup('order_id', id) ?? []).length === 0) {
          table.update(order, { amount_untaxed: 0, amount_tax: 0, amount_total: 0 });
        } else store.recomputeOrderIfLines(order);
      });
    }
    for (const step of plan) step();
    return true;
  }
  throw new Error(`write is not supported on ${model}`);
}

// ----------------------------------------------------------------------------------------------------------------
// action_confirm

/**
 * `sale.order.action_confirm()`: quotation → sales order. The delivery it creates reserves stock in the order's
 * warehouse (oldest quants first, never more than is free) and counts as outgoing for the forecast.
 */
export function confirmOrders(store: OdooStore, ids: readonly number[]): true {
  const orders = store.table('sale.order');
  const missing = ids.filter((id) => !orders.get(id));
  if (missing.length > 0) throw missingRecord('sale.order', missing, store.credentials.uid);
  const lines = store.table('sale.order.line');
  for (const id of ids) {
    const order = orders.get(id)!;
    if (order['state'] !== 'draft' && order['state'] !== 'sent') {
      throw userError('Some orders are not in a state requiring confirmation.');
    }
    const orderLines = (lines.lookup('order_id', id) ?? []).map((l) => lines.get(l)!);
    if (orderLines.some((l) => !l['display_type'] && refId(l['product_id']) === false)) {
      throw userError('A line on these orders missing a product, you cannot confirm it.');
    }
  }
  const now = nowOdoo();
  for (const id of ids) {
    const order = orders.get(id)!;
    orders.update(order, { state: 'sale', date_order: now, write_date: now });
    const warehouseId = refId(order['warehouse_id']) || store.centralWarehouseId;
    const productLines = (lines.lookup('order_id', id) ?? []).map((lid) => lines.get(lid)!).filter((l) => refId(l['product_id']) !== false);
    if (productLines.length > 0) createDelivery(store, order, warehouseId, productLines, now);
  }
  return true;
}

/**
 * What the sale order's procurement does (sale_stock): one delivery in the warehouse's outgoing operation type, from its
 * stock location to Partners/Customers, `origin` the order's name, a move per line reserved at once (`action_assign`):
 * `quantity` is what could be reserved, the move `assigned` / `partially_available` / `confirmed`, the picking
 * `assigned` as soon as anything is reserved (move_type `direct`), `confirmed` otherwise.
 */
function createDelivery(store: OdooStore, order: OdooRecord, warehouseId: number, lines: OdooRecord[], now: string): void {
  const types = store.table('stock.picking.type');
  const typeId = (types.lookup('warehouse_id', warehouseId) ?? []).find((t) => types.get(t)!['code'] === 'outgoing');
  const type = typeId !== undefined ? types.get(typeId)! : undefined;
  const warehouse = store.table('stock.warehouse').get(warehouseId);
  const source = type ? type['default_location_src_id'] : (warehouse?.['lot_stock_id'] ?? false);
  const customers = store.customersLocation();
  const pickings = store.table('stock.picking');
  const moves = store.table('stock.move');
  const pickingId = pickings.nextId;
  const name =
    typeId !== undefined ? store.nextPickingName(typeId) : `${String(warehouse?.['code'] ?? 'WH')}/OUT/${String(pickingId).padStart(5, '0')}`;
  const pickingPair: [number, string] = [pickingId, name];
  let reservedAny = false;
  let nextMove = moves.nextId;
  for (const line of lines) {
    const productId = refId(line['product_id']) as number;
    const demand = num(line['product_uom_qty']);
    const reserved = reserve(store, productId, warehouseId, demand, now);
    if (reserved > 0) reservedAny = true;
    moves.put({
      ...store.defaults(MODELS['stock.move']!),
      id: nextMove++,
      name: line['name'],
      sequence: 10,
      reference: name,
      origin: order['name'],
      product_id: line['product_id'],
      product_uom_qty: demand,
      quantity: reserved,
      picked: false,
      product_uom: line['product_uom_id'] ?? false,
      location_id: source,
      location_dest_id: customers,
      picking_id: pickingPair,
      picking_type_id: type ? [typeId!, store.recordDisplayName('stock.picking.type', type)] : false,
      partner_id: order['partner_shipping_id'],
      sale_line_id: [line['id'] as number, store.recordDisplayName('sale.order.line', line)],
      state: reserved >= demand ? 'assigned' : reserved > 0 ? 'partially_available' : 'confirmed',
      date: now,
      company_id: order['company_id'],
      create_date: now,
      write_date: now,
    });
  }
  pickings.put({
    ...store.defaults(MODELS['stock.picking']!),
    id: pickingId,
    display_name: name,
    name,
    origin: order['name'],
    partner_id: order['partner_shipping_id'],
    state: reservedAny ? 'assigned' : 'confirmed',
    priority: '0',
    picking_type_id: type ? [typeId!, store.recordDisplayName('stock.picking.type', type)] : false,
    picking_type_code: 'outgoing',
    location_id: source,
    location_dest_id: customers,
    scheduled_date: order['commitment_date'] || now,
    sale_id: [order['id'] as number, String(order['name'])],
    carrier_id: order['carrier_id'] ?? false,
    company_id: order['company_id'],
    create_date: now,
    write_date: now,
  });
}

/** reserves up to `qty` in the warehouse's stock (oldest quants first, never more than free); returns what it got */
function reserve(store: OdooStore, productId: number, warehouseId: number, qty: number, now: string): number {
  store.addOutgoing(productId, warehouseId, qty);
  const warehouse = store.table('stock.warehouse').get(warehouseId);
  const stockLocation = warehouse ? refId(warehouse['lot_stock_id']) : false;
  if (stockLocation === false) return 0;
  const locations = store.descendants('stock.location', [stockLocation]);
  const quants = store.table('stock.quant');
  const candidates = (quants.lookup('product_id', productId) ?? [])
    .map((id) => quants.get(id)!)
    .filter((q) => {
      const loc = refId(q['location_id']);
      return loc !== false && locations.has(loc) && num(q['quantity']) - num(q['reserved_quantity']) > 0;
    })
    .sort((a, b) => String(a['in_date']).localeCompare(String(b['in_date'])) || (a['id'] as number) - (b['id'] as number));
  let remaining = qty;
  for (const q of candidates) {
    if (remaining <= 0) break;
    const take = Math.min(remaining, num(q['quantity']) - num(q['reserved_quantity']));
    quants.update(q, { reserved_quantity: round(num(q['reserved_quantity']) + take), write_date: now });
    remaining = round(remaining - take);
  }
  return round(qty - remaining);
}
