import type { OdooRecord } from './odoo-domain.ts';
import { accessError, httpError, indexError, OdooError, attributeError, typeError, userError, validationError } from './odoo-errors.ts';
import { MODELS, WRITE_METHODS, type FieldDef, type ModelDef } from './odoo-models.ts';
import { makeEnv, type CallEnv, type OdooStore } from './odoo-store.ts';
import { refId } from './odoo-table.ts';
import { confirmPickings, createPickings, validatePickings } from './odoo-pickings.ts';
import { confirmOrders, createRecords, writeRecords } from './odoo-writes.ts';
import { pyRepr } from './py-format.ts';

/**
 * The ORM methods both wire formats reach, with Odoo 19's signatures. JSON-RPC calls them like `call_kw` does
 * (positional `args`, record methods take the ids as `args[0]`, Python's own TypeError texts), JSON-2 like its
 * controller does (named parameters bound with `inspect.signature`, `ids` and `context` apart, 422 on a bad
 * binding).
 */

export type Wire = 'jsonrpc' | 'json2';

interface Param {
  name: string;
  required?: boolean;
}

interface MethodSpec {
  qualname: string;
  /** `@api.model`: no ids */
  apiModel: boolean;
  params: Param[];
  /** `**kwargs` */
  varKw?: boolean;
  models?: readonly string[];
  run(call: RunCall, args: Record<string, unknown>, extra: Record<string, unknown>): unknown;
}

interface RunCall {
  store: OdooStore;
  model: string;
  def: ModelDef;
  ids: number[];
  env: CallEnv;
  wire: Wire;
}

const p = (name: string, required = false): Param => ({ name, required });

const SPECS: Record<string, MethodSpec> = {
  search_read: {
    qualname: 'BaseModel.search_read',
    apiModel: true,
    params: [p('domain'), p('fields'), p('offset'), p('limit'), p('order')],
    varKw: true,
    run: (c, a, extra) => {
      const readKw = readKwargs(extra);
      const ids = c.store.search(c.model, a['domain'] ?? [], {
        offset: intArg(a['offset'], 0),
        limit: intArg(a['limit'], 0),
        order: orderArg(a['order']),
        env: c.env,
      });
      return c.store.read(c.model, ids, fieldsArg(a['fields']), c.env, readKw.load);
    },
  },
  search: {
    qualname: 'BaseModel.search',
    apiModel: true,
    params: [p('domain', true), p('offset'), p('limit'), p('order')],
    run: (c, a) =>
      c.store.search(c.model, a['domain'] ?? [], {
        offset: intArg(a['offset'], 0),
        limit: intArg(a['limit'], 0),
        order: orderArg(a['order']),
        env: c.env,
      }),
  },
  search_count: {
    qualname: 'BaseModel.search_count',
    apiModel: true,
    params: [p('domain', true), p('limit')],
    run: (c, a) => c.store.search(c.model, a['domain'] ?? [], { limit: intArg(a['limit'], 0), env: c.env, count: true }).length,
  },
  read: {
    qualname: 'BaseModel.read',
    apiModel: false,
    params: [p('fields'), p('load')],
    run: (c, a) => c.store.read(c.model, c.ids, fieldsArg(a['fields']), c.env, a['load'] === undefined ? '_classic_read' : a['load']),
  },
  fields_get: {
    qualname: 'BaseModel.fields_get',
    apiModel: true,
    params: [p('allfields'), p('attributes')],
    run: (c, a) => fieldsGet(c.def, a['allfields'], a['attributes']),
  },
  name_search: {
    qualname: 'BaseModel.name_search',
    apiModel: true,
    params: [p('name'), p('domain'), p('operator'), p('limit')],
    run: (c, a) => nameSearch(c, a),
  },
  create: {
    qualname: 'BaseModel.create',
    apiModel: true,
    params: [p('vals_list', true)],
    run: (c, a) => {
      checkWritable(c, 'create');
      const valsList = a['vals_list'];
      const ids =
        c.model === 'sale.order.line'
          ? createLines(c, valsList)
          : c.model === 'stock.picking'
            ? createPickings(c.store, valsList)
            : createRecords(c.store, c.model, valsList, c.env);
      // call_kw special-cases create: a single dict gives an id; JSON-2 always answers the recordset's ids.
      return c.wire === 'jsonrpc' && !Array.isArray(valsList) ? ids[0] : ids;
    },
  },
  write: {
    qualname: 'BaseModel.write',
    apiModel: false,
    params: [p('vals', true)],
    run: (c, a) => {
      checkWritable(c, 'write');
      if (c.model === 'sale.order.line') return writeLines(c, a['vals']);
      return writeRecords(c.store, c.model, c.ids, a['vals'], c.env);
    },
  },
  unlink: {
    qualname: 'BaseModel.unlink',
    apiModel: false,
    params: [],
    run: (c) => {
      checkWritable(c, 'unlink');
      return unlink(c);
    },
  },
  copy: {
    qualname: 'BaseModel.copy',
    apiModel: false,
    params: [p('default')],
    run: (c) => {
      throw noAccess(c.def, 'create');
    },
  },
  // res.users.context_get: the calling user's context, with its uid (the one way an API-key caller learns who it is)
  context_get: {
    qualname: 'Users.context_get',
    apiModel: true,
    params: [],
    models: ['res.users'],
    run: (c) => ({ lang: 'pl_PL', tz: 'Europe/Warsaw', uid: c.store.credentials.uid }),
  },
  action_confirm: {
    qualname: 'SaleOrder.action_confirm',
    apiModel: false,
    params: [],
    models: ['sale.order', 'stock.picking'],
    run: (c) => (c.model === 'stock.picking' ? confirmPickings(c.store, c.ids) : confirmOrders(c.store, c.ids)),
  },
  button_validate: {
    qualname: 'Picking.button_validate',
    apiModel: false,
    params: [],
    models: ['stock.picking'],
    run: (c) => validatePickings(c.store, c.ids, c.env),
  },
};

const WRITABLE = new Set(['res.partner', 'sale.order', 'sale.order.line']);
/** the bot is an Inventory user: it may create transfers (write/unlink on them are not simulated and refused) */
const CREATABLE = new Set([...WRITABLE, 'stock.picking']);

function noAccess(def: ModelDef, op: string): OdooError {
  const group = def.name.startsWith('stock.')
    ? 'Inventory/Administrator'
    : def.name === 'account.tax'
      ? 'Invoicing/Billing Administrator'
      : def.name.startsWith('product.') || def.name === 'uom.uom'
        ? 'Sales/Administrator'
        : 'Administration/Settings';
  return accessError(
    `You are not allowed to ${WRITE_METHODS[op] ?? op} '${def.description}' (${def.name}) records.\n\n` +
      `This operation is allowed for the following groups:\n\t- ${group}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}

function checkWritable(c: RunCall, op: string): void {
  if (!(op === 'create' ? CREATABLE : WRITABLE).has(c.model)) throw noAccess(c.def, op);
}

export interface MethodCall {
  model: string;
  method: string;
  wire: Wire;
  /** JSON-2: the `ids` body parameter */
  ids?: unknown;
  /** JSON-RPC: execute_kw's positional args */
  args: unknown[];
  kwargs: Record<string, unknown>;
  /** JSON-2: the `context` body parameter */
  context?: unknown;
}

/** Resolves, binds and runs one ORM call; throws {@link OdooError} the way the wire format's Odoo would. */
export function callMethod(store: OdooStore, call: MethodCall): unknown {
  const { model, method, wire } = call;
  const def = MODELS[model];
  if (!def || !store.hasModel(model)) {
    if (wire === 'json2') throw httpError(404, `the model ${pyRepr(model)} does not exist`);
    throw userError(`Object ${model} doesn't exist`);
  }
  if (method.startsWith('_')) {
    throw accessError(`Private methods (such as '${model}.${method}') cannot be called remotely.`);
  }
  const spec = SPECS[method];
  if (!spec || (spec.models && !spec.models.includes(model))) {
    const msg = `The method '${model}.${method}' does not exist`;
    if (wire === 'json2') throw httpError(404, msg);
    throw attributeError(msg);
  }

  let ids: number[] = [];
  let positional = call.args;
  const kwargs = { ...call.kwargs };
  let context: unknown;
  if (wire === 'jsonrpc') {
    context = kwargs['context'];
    delete kwargs['context'];
    if (!spec.apiModel) {
      if (positional.length === 0) throw indexError('list index out of range');
      ids = idsArg(positional[0]);
      positional = positional.slice(1);
    }
  } else {
    context = call.context;
    ids = idsArg(call.ids ?? []);
    if (spec.apiModel && ids.length > 0) throw httpError(422, `cannot call ${model}.${method} with ids`);
  }
  const { bound, extra } = wire === 'jsonrpc' ? bindCall(spec, positional, kwargs) : bindSignature(spec, kwargs);
  const env = makeEnv(context);
  return spec.run({ store, model, def, ids, env, wire }, bound, extra);
}

/** Python's own argument binding, with its TypeError texts (what JSON-RPC clients see). */
function bindCall(spec: MethodSpec, positional: unknown[], named: Record<string, unknown>) {
  const q = spec.qualname;
  const max = spec.params.length;
  if (positional.length > max) {
    const required = spec.params.filter((x) => x.required).length;
    const given = positional.length + 1;
    throw typeError(
      required === max
        ? `${q}() takes ${max + 1} positional argument${max + 1 === 1 ? '' : 's'} but ${given} were given`
        : `${q}() takes from ${required + 1} to ${max + 1} positional arguments but ${given} were given`,
    );
  }
  const bound: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  positional.forEach((v, i) => {
    bound[spec.params[i]!.name] = v;
  });
  for (const [k, v] of Object.entries(named)) {
    const known = spec.params.some((x) => x.name === k);
    if (!known) {
      if (spec.varKw) extra[k] = v;
      else throw typeError(`${q}() got an unexpected keyword argument '${k}'`);
      continue;
    }
    if (k in bound) throw typeError(`${q}() got multiple values for argument '${k}'`);
    bound[k] = v;
  }
  const missing = spec.params.filter((x) => x.required && !(x.name in bound)).map((x) => `'${x.name}'`);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    throw typeError(`${q}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  return { bound, extra };
}

/** `inspect.signature(func).bind(records, **kwargs)`, as the JSON-2 controller does: failures are 422s. */
function bindSignature(spec: MethodSpec, named: Record<string, unknown>) {
  const bound: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const param of spec.params) {
    if (param.name in named) bound[param.name] = named[param.name];
    else if (param.required) throw httpError(422, `missing a required argument: '${param.name}'`);
  }
  for (const [k, v] of Object.entries(named)) {
    if (spec.params.some((x) => x.name === k)) continue;
    if (!spec.varKw) throw httpError(422, `got an unexpected keyword argument '${k}'`);
    extra[k] = v;
  }
  return { bound, extra };
}

function readKwargs(extra: Record<string, unknown>): { load: unknown } {
  for (const k of Object.keys(extra)) {
    if (k !== 'load') throw typeError(`BaseModel.read() got an unexpected keyword argument '${k}'`);
  }
  return { load: extra['load'] === undefined ? '_classic_read' : extra['load'] };
}

function idsArg(v: unknown): number[] {
  if (typeof v === 'number' && Number.isInteger(v)) return [v];
  if (v === false || v === null || v === undefined) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x))) return v as number[];
  throw typeError(`Invalid ids ${pyRepr(v)}`);
}

function intArg(v: unknown, fallback: number): number {
  if (v === undefined || v === null || v === false) return fallback;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  // the value ends up in SQL's LIMIT/OFFSET, where PostgreSQL refuses it
  const shown = typeof v === 'string' ? v : JSON.stringify(v);
  const m = `invalid input syntax for type bigint: "${shown}"\n`;
  throw new OdooError('psycopg2.errors.InvalidTextRepresentation', m, [m], 500);
}

function orderArg(v: unknown): string | false {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (typeof v !== 'string') throw typeError(`expected string or bytes-like object, got '${pyType(v)}'`);
  return v;
}

function fieldsArg(v: unknown): string[] | null {
  if (v === undefined || v === null || v === false) return null;
  // Python iterates whatever it is given: a bare string becomes its characters (and fails as invalid fields).
  if (typeof v === 'string') return [...v];
  if (Array.isArray(v)) return v as string[];
  throw typeError(`'${pyType(v)}' object is not iterable`);
}

function pyType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'list';
  if (v === null) return 'NoneType';
  return typeof v === 'object' ? 'dict' : 'str';
}

// ----------------------------------------------------------------------------------------------------------------

function describeField(name: string, f: FieldDef): Record<string, unknown> {
  const stored = !f.compute;
  const d: Record<string, unknown> = {
    change_default: false,
    company_dependent: false,
    groupable: stored,
    name,
    readonly: Boolean(f.readonly || (f.compute && !f.writable)),
    required: Boolean(f.required),
    searchable: true,
    sortable: stored,
    store: stored,
    string: f.string,
    type: f.type,
  };
  if (f.help) d['help'] = f.help;
  if (f.relation) {
    d['relation'] = f.relation;
    d['context'] = {};
    d['domain'] = [];
  }
  if (f.inverseName) d['relation_field'] = f.inverseName;
  if (f.selection) d['selection'] = f.selection.map(([k, v]) => [k, v]);
  return d;
}

function fieldsGet(def: ModelDef, allfields: unknown, attributes: unknown): Record<string, unknown> {
  const names =
    Array.isArray(allfields) && allfields.length > 0 ? allfields.filter((n) => typeof n === 'string' && def.fields[n]) : Object.keys(def.fields);
  const attrs = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes as string[]) : undefined;
  const out: Record<string, unknown> = {};
  for (const name of names as string[]) {
    const d = describeField(name, def.fields[name]!);
    out[name] = attrs ? Object.fromEntries(Object.entries(d).filter(([k]) => attrs.has(k))) : d;
  }
  return out;
}

function nameSearch(c: RunCall, a: Record<string, unknown>): Array<[number, string]> {
  const name = typeof a['name'] === 'string' ? a['name'] : '';
  const operator = typeof a['operator'] === 'string' ? a['operator'] : 'ilike';
  const limit = intArg(a['limit'], 100);
  const base = Array.isArray(a['domain']) ? (a['domain'] as unknown[]) : [];
  let nameDomain: unknown[] = [];
  if (name) {
    if (c.model === 'product.product') {
      nameDomain = ['|', '|', ['default_code', operator, name], ['name', operator, name], ['barcode', '=', name]];
    } else if (c.model === 'res.partner') {
      nameDomain = ['|', '|', '|', ['complete_name', operator, name], ['email', operator, name], ['ref', operator, name], ['vat', operator, name]];
    } else if (c.def.fields['name']) {
      nameDomain = [['name', operator, name]];
    } else {
      nameDomain = [['display_name', operator, name]];
    }
  }
  const ids = c.store.search(c.model, [...base, ...nameDomain], { limit, env: c.env });
  return ids.map((id) => [id, c.store.displayName(c.model, id) || String(id)]);
}

// ----------------------------------------------------------------------------------------------------------------
// sale.order.line through its order, and unlink

function createLines(c: RunCall, valsList: unknown): number[] {
  const list = Array.isArray(valsList) ? valsList : [valsList];
  const lines = c.store.table('sale.order.line');
  const created: number[] = [];
  for (const vals of list) {
    if (typeof vals !== 'object' || vals === null) throw typeError(`Wrong value for sale.order.line: ${pyRepr(vals)}`);
    const { order_id: orderId, ...rest } = vals as Record<string, unknown>;
    if (typeof orderId !== 'number') {
      throw validationError(
        'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n' +
          '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
          'Model: Sales Order Line (sale.order.line)\nField: Order Reference (order_id)\n',
      );
    }
    const before = lines.nextId;
    writeRecords(c.store, 'sale.order', [orderId], { order_line: [[0, 0, rest]] }, c.env);
    created.push(before);
  }
  return created;
}

function writeLines(c: RunCall, vals: unknown): true {
  const lines = c.store.table('sale.order.line');
  for (const id of c.ids) {
    const line = lines.get(id);
    const order = line ? refId(line['order_id']) : false;
    if (order === false) {
      throw new OdooError(
        'odoo.exceptions.MissingError',
        `Record does not exist or has been deleted.\n(Record: sale.order.line(${id},), User: ${c.store.credentials.uid})`,
        [],
        404,
      );
    }
    writeRecords(c.store, 'sale.order', [order], { order_line: [[1, id, vals]] }, c.env);
  }
  return true;
}

function unlink(c: RunCall): true {
  const table = c.store.table(c.model);
  const recs = c.ids.map((id) => table.get(id)).filter((r): r is OdooRecord => r !== undefined);
  if (c.model === 'sale.order') {
    if (recs.some((r) => r['state'] !== 'draft' && r['state'] !== 'cancel')) {
      throw userError('You can not delete a sent quotation or a confirmed sales order. You must first cancel it.');
    }
    const lines = c.store.table('sale.order.line');
    for (const r of recs) {
      for (const lid of lines.lookup('order_id', r['id']) ?? []) lines.remove(lid);
      table.remove(r['id'] as number);
    }
    return true;
  }
  if (c.model === 'res.partner') {
    const orders = c.store.table('sale.order');
    for (const r of recs) {
      if ((orders.lookup('partner_id', r['id']) ?? []).length > 0) {
        throw validationError(
          'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
            'Model: Sales Order (sale.order)\nConstraint: sale_order_partner_id_fkey\n',
        );
      }
    }
    for (const r of recs) table.remove(r['id'] as number);
    return true;
  }
  for (const r of recs) {
    const order = refId(r['order_id']);
    if (order !== false) writeRecords(c.store, 'sale.order', [order], { order_line: [[2, r['id'], false]] }, c.env);
  }
  return true;
}
