import type { OdooRecord } from './odoo-domain.ts';
import { userError, valueError } from './odoo-errors.ts';
import { nowOdoo } from './odoo-mappers.ts';
import { MODELS } from './odoo-models.ts';
import { num, round, type CallEnv, type OdooStore } from './odoo-store.ts';
import { refId } from './odoo-table.ts';
import { convertVals, lineCommands, missingRecord, notNullError } from './odoo-writes.ts';
import { pyRepr } from './py-format.ts';

/**
 * Transfers (`stock.picking`) as Odoo 17+ makes and validates them: `create` with `move_ids` commands, `action_confirm`
 * and `button_validate`. Moves carry the demand (`product_uom_qty`) and the quantity (`quantity`, reserved then done;
 * `quantity_done` before 17) and `picked`. Validation moves the goods: each quant at the source loses the quantity, the
 * destination's gains it (a new quant when there is none), every touched quant's `write_date` is stamped so change
 * polling sees it. Like writes elsewhere, each call is validated completely before anything is applied.
 */

const RESERVABLE = new Set(['internal', 'transit']);

function usage(store: OdooStore, location: unknown): string {
  const id = refId(location);
  return id === false ? '' : String(store.table('stock.location').get(id)?.['usage'] ?? '');
}

function pair(store: OdooStore, model: string, rec: OdooRecord): [number, string] {
  return [rec['id'] as number, store.recordDisplayName(model, rec)];
}

// ----------------------------------------------------------------------------------------------------------------
// create

/** `stock.picking.create(vals_list)`: names from the operation type's sequence, state `draft`. */
export function createPickings(store: OdooStore, valsList: unknown): number[] {
  const list = Array.isArray(valsList) ? valsList : [valsList];
  const pickings = store.table('stock.picking');
  const moves = store.table('stock.move');
  const alloc = { picking: pickings.nextId, move: moves.nextId };
  const prepared = list.map((vals) => preparePicking(store, vals, alloc));
  return prepared.map(({ picking, moveRecs, typeId }) => {
    const name = picking['name'] || store.nextPickingName(typeId);
    picking['name'] = name;
    picking['display_name'] = name;
    pickings.put(picking);
    for (const m of moveRecs) moves.put({ ...m, reference: name, picking_id: [picking['id'] as number, String(name)] });
    return picking['id'] as number;
  });
}

function preparePicking(
  store: OdooStore,
  vals: unknown,
  alloc: { picking: number; move: number },
): { picking: OdooRecord; moveRecs: OdooRecord[]; typeId: number } {
  const def = MODELS['stock.picking']!;
  const changes = convertVals(store, def, vals, 'create', new Set(['state', 'date_done', 'picking_type_code']));
  const typeId = refId(changes['picking_type_id']);
  if (typeId === false) throw notNullError(def, 'picking_type_id');
  const type = store.table('stock.picking.type').get(typeId)!;
  const now = nowOdoo();
  const picking: OdooRecord = {
    ...store.defaults(def),
    name: false,
    state: 'draft',
    priority: '0',
    // _compute_location_id: the operation type's defaults unless given
    location_id: type['default_location_src_id'],
    location_dest_id: type['default_location_dest_id'],
    scheduled_date: now,
    company_id: type['company_id'],
    ...changes,
    picking_type_code: type['code'],
    id: alloc.picking++,
    create_date: now,
    write_date: now,
  };
  if (picking['location_id'] === false) throw notNullError(def, 'location_id');
  if (picking['location_dest_id'] === false) throw notNullError(def, 'location_dest_id');
  const moveRecs: OdooRecord[] = [];
  for (const [cmd, , mv] of lineCommands((vals as Record<string, unknown>)['move_ids'], 'stock.picking.move_ids')) {
    if (cmd !== 0) throw valueError(`Wrong value for stock.picking.move_ids: ${pyRepr((vals as Record<string, unknown>)['move_ids'])}`);
    moveRecs.push(prepareMove(store, picking, type, mv, alloc.move++, now));
  }
  return { picking, moveRecs, typeId };
}

function prepareMove(store: OdooStore, picking: OdooRecord, type: OdooRecord, vals: unknown, id: number, now: string): OdooRecord {
  const def = MODELS['stock.move']!;
  const changes = convertVals(store, def, vals ?? {}, 'create', new Set(['state', 'reference', 'picking_id']));
  const productId = refId(changes['product_id']);
  if (productId === false) throw notNullError(def, 'product_id');
  const product = store.table('product.product').get(productId)!;
  return {
    ...store.defaults(def),
    name: store.recordDisplayName('product.product', product),
    sequence: 10,
    origin: picking['origin'],
    product_uom_qty: 1,
    product_uom: product['uom_id'] ?? false,
    location_id: picking['location_id'],
    location_dest_id: picking['location_dest_id'],
    picking_type_id: pair(store, 'stock.picking.type', type),
    partner_id: picking['partner_id'],
    company_id: picking['company_id'],
    date: picking['scheduled_date'],
    ...changes,
    state: 'draft',
    id,
    create_date: now,
    write_date: now,
  };
}

// ----------------------------------------------------------------------------------------------------------------
// action_confirm

function movesOf(store: OdooStore, pickingId: number): OdooRecord[] {
  const moves = store.table('stock.move');
  return (moves.lookup('picking_id', pickingId) ?? []).map((id) => moves.get(id)!);
}

function existing(store: OdooStore, ids: readonly number[]): OdooRecord[] {
  const pickings = store.table('stock.picking');
  const missing = ids.filter((id) => !pickings.get(id));
  if (missing.length > 0) throw missingRecord('stock.picking', missing, store.credentials.uid);
  return ids.map((id) => pickings.get(id)!);
}

/**
 * `stock.picking.action_confirm()`: draft moves become confirmed and are reserved at once (reservation method
 * `at_confirm`): from a non-internal location (vendors, customers) nothing is reserved, the move is simply available
 * (`should_bypass_reservation`), from stock the free quantity is reserved.
 */
export function confirmPickings(store: OdooStore, ids: readonly number[]): true {
  const now = nowOdoo();
  for (const picking of existing(store, ids)) confirmPicking(store, picking, now);
  return true;
}

function confirmPicking(store: OdooStore, picking: OdooRecord, now: string): void {
  if (picking['state'] !== 'draft') return;
  const moves = store.table('stock.move');
  let any = false;
  let all = true;
  for (const move of movesOf(store, picking['id'] as number)) {
    if (move['state'] !== 'draft') continue;
    const demand = num(move['product_uom_qty']);
    let qty = num(move['quantity']);
    if (!RESERVABLE.has(usage(store, move['location_id']))) qty = Math.max(qty, demand);
    else if (qty < demand)
      qty = round(qty + reserveAt(store, refId(move['product_id']) as number, refId(move['location_id']) as number, demand - qty, now));
    if (qty > 0) any = true;
    if (qty < demand) all = false;
    moves.update(move, {
      quantity: qty,
      state: qty >= demand ? 'assigned' : qty > 0 ? 'partially_available' : 'confirmed',
      write_date: now,
    });
  }
  store.table('stock.picking').update(picking, { state: any || all ? 'assigned' : 'confirmed', write_date: now });
}

function reserveAt(store: OdooStore, productId: number, locationId: number, qty: number, now: string): number {
  const locations = store.descendants('stock.location', [locationId]);
  const quants = store.table('stock.quant');
  let remaining = qty;
  for (const id of quants.lookup('product_id', productId) ?? []) {
    const q = quants.get(id)!;
    const loc = refId(q['location_id']);
    const free = num(q['quantity']) - num(q['reserved_quantity']);
    if (remaining <= 0 || loc === false || !locations.has(loc) || free <= 0) continue;
    const take = Math.min(free, remaining);
    quants.update(q, { reserved_quantity: round(num(q['reserved_quantity']) + take), write_date: now });
    remaining = round(remaining - take);
  }
  return round(qty - remaining);
}

// ----------------------------------------------------------------------------------------------------------------
// button_validate

/**
 * `stock.picking.button_validate()` as in Odoo 17+: a draft picking is confirmed first and its moves without a
 * quantity get their demand; no quantity at all → UserError; nothing `picked` → everything is; a picked quantity below
 * the demand → the "Create Backorder?" wizard's action (nothing moved yet) unless the context says
 * `skip_backorder`; otherwise the goods move and the picking is `done`. A done picking is left as it is.
 */
export function validatePickings(store: OdooStore, ids: readonly number[], env: CallEnv): true | Record<string, unknown> {
  const pickings = existing(store, ids);
  const now = nowOdoo();
  for (const picking of pickings) {
    if (picking['state'] === 'cancel') throw userError('You cannot validate a transfer that is cancelled.');
  }
  const open = pickings.filter((p) => p['state'] !== 'done');
  for (const picking of open) {
    const wasDraft = picking['state'] === 'draft';
    confirmPicking(store, picking, now);
    if (wasDraft) {
      for (const move of movesOf(store, picking['id'] as number)) {
        if (num(move['quantity']) === 0 && num(move['product_uom_qty']) !== 0)
          store.table('stock.move').update(move, { quantity: move['product_uom_qty'] });
      }
    }
  }
  const empty = open.filter((p) => movesOf(store, p['id'] as number).every((m) => num(m['quantity']) === 0));
  if (empty.length > 0) {
    throw userError(
      'You cannot validate a transfer if no quantities are reserved nor done. You can use the info button on the top right corner of your screen to learn more about the stock moves.',
    );
  }
  for (const picking of open) {
    const moves = movesOf(store, picking['id'] as number);
    if (!moves.some((m) => m['picked'] === true)) for (const m of moves) store.table('stock.move').update(m, { picked: true });
  }
  const short = open.filter((p) =>
    movesOf(store, p['id'] as number).some((m) => m['picked'] === true && num(m['quantity']) < num(m['product_uom_qty'])),
  );
  if (short.length > 0 && env.ctx['skip_backorder'] !== true) {
    return {
      name: 'Create Backorder?',
      type: 'ir.actions.act_window',
      view_mode: 'form',
      res_model: 'stock.backorder.confirmation',
      views: [[false, 'form']],
      view_id: false,
      target: 'new',
      context: { button_validate_picking_ids: ids, default_pick_ids: short.map((p) => [4, p['id']]), default_show_transfers: false },
    };
  }
  for (const picking of open) done(store, picking, now);
  return true;
}

function done(store: OdooStore, picking: OdooRecord, now: string): void {
  const moves = store.table('stock.move');
  for (const move of movesOf(store, picking['id'] as number)) {
    if (move['picked'] !== true || num(move['quantity']) === 0) {
      moves.update(move, { state: 'cancel', write_date: now });
      continue;
    }
    const productId = refId(move['product_id']) as number;
    const qty = num(move['quantity']);
    const src = refId(move['location_id']) as number;
    const dest = refId(move['location_dest_id']) as number;
    if (RESERVABLE.has(usage(store, move['location_id']))) {
      takeFrom(store, productId, src, qty, now);
      const warehouse = store.locationWarehouse(src);
      if (warehouse !== false && picking['picking_type_code'] === 'outgoing') store.addOutgoing(productId, warehouse, -qty);
    } else {
      // Odoo keeps quants outside the company too (Partners/Customers, Vendors), negative when goods come from there
      addTo(store, productId, src, -qty, now);
    }
    addTo(store, productId, dest, qty, now);
    moves.update(move, { state: 'done', write_date: now });
  }
  store.table('stock.picking').update(picking, { state: 'done', date_done: now, write_date: now });
}

/** the reserved goods leave their quants (reserved and on hand both fall), oldest first */
function takeFrom(store: OdooStore, productId: number, locationId: number, qty: number, now: string): void {
  const locations = store.descendants('stock.location', [locationId]);
  const quants = store.table('stock.quant');
  let remaining = qty;
  for (const id of quants.lookup('product_id', productId) ?? []) {
    const q = quants.get(id)!;
    const loc = refId(q['location_id']);
    if (remaining <= 0 || loc === false || !locations.has(loc) || num(q['quantity']) <= 0) continue;
    const take = Math.min(num(q['quantity']), remaining);
    quants.update(q, {
      quantity: round(num(q['quantity']) - take),
      reserved_quantity: round(Math.max(0, num(q['reserved_quantity']) - take)),
      write_date: now,
    });
    remaining = round(remaining - take);
  }
  if (remaining > 0) addTo(store, productId, locationId, -remaining, now);
}

/** `stock.quant._update_available_quantity`: the (product, location) quant without lot/package/owner, or a new one */
function addTo(store: OdooStore, productId: number, locationId: number, qty: number, now: string): void {
  const quants = store.table('stock.quant');
  const found = (quants.lookup('product_id', productId) ?? [])
    .map((id) => quants.get(id)!)
    .find((q) => refId(q['location_id']) === locationId && q['lot_id'] === false && q['package_id'] === false && q['owner_id'] === false);
  if (found) {
    quants.update(found, { quantity: round(num(found['quantity']) + qty), write_date: now, ...(qty > 0 ? { in_date: now } : {}) });
    return;
  }
  const product = store.table('product.product').get(productId)!;
  const location = store.table('stock.location').get(locationId)!;
  const productPair = pair(store, 'product.product', product);
  const locationPair = pair(store, 'stock.location', location);
  quants.put({
    ...store.defaults(MODELS['stock.quant']!),
    id: quants.nextId,
    display_name: `${locationPair[1]} - ${productPair[1]}`,
    product_id: productPair,
    location_id: locationPair,
    company_id: location['company_id'],
    quantity: qty,
    reserved_quantity: 0,
    in_date: now,
    create_date: now,
    write_date: now,
  });
}
