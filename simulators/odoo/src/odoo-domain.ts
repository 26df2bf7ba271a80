import { typeError, valueError } from './odoo-errors.ts';
import type { FieldDef, ModelDef } from './odoo-models.ts';
import { pyRepr, pyTuple } from './py-format.ts';

/**
 * Odoo search domains: prefix-notation lists of conditions (`[['email', '=ilike', x], '|', A, B]`), validated and
 * evaluated with Odoo 19's semantics (null handling of `!=`/`not in`, `%`/`_` wildcards, dotted paths through
 * relations turning into `any`, `active_test`), compiled to predicates so a search runs them once per record.
 */

export type OdooRecord = Record<string, unknown>;

/** What domain evaluation needs from the store. */
export interface DomainBackend {
  modelDef(model: string): ModelDef | undefined;
  record(model: string, id: number): OdooRecord | undefined;
  /** a field's value as `read` returns it, computed fields included (the raw many2one pair or false) */
  value(model: string, rec: OdooRecord, field: string): unknown;
  displayName(model: string, id: number): string | false;
  /** ids of the records and all their descendants through the model's parent field */
  descendants(model: string, ids: readonly number[]): Set<number>;
  ancestors(model: string, ids: readonly number[]): Set<number>;
  /** ids whose indexed field matches the key (strings lower-cased), or undefined when the field is not indexed */
  indexLookup(model: string, field: string, key: unknown): readonly number[] | undefined;
}

export type Predicate = (rec: OdooRecord) => boolean;

export interface CompiledDomain {
  predicate: Predicate;
  /** ids worth testing, when an indexed condition narrows the search; undefined means scan everything */
  candidates: () => Set<number> | undefined;
  /** whether a condition on `active` appears (it switches Odoo's implicit active_test filter off) */
  mentionsActive: boolean;
}

type Node =
  | { kind: 'and' | 'or'; children: Node[] }
  | { kind: 'not'; child: Node }
  | { kind: 'const'; value: boolean }
  | { kind: 'leaf'; model: string; field: string; fieldDef: FieldDef; op: string; value: unknown; sub?: Node; raw: unknown[] };

const OPERATORS = new Set([
  '=',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '=?',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  'not =like',
  '=ilike',
  'not =ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
  'any',
  'not any',
]);

const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function compileDomain(backend: DomainBackend, model: string, domain: unknown): CompiledDomain {
  const tree = parse(backend, model, domain ?? []);
  const mentionsActive = leaves(tree).some((l) => l.field === 'active' && l.sub === undefined);
  return {
    predicate: compile(backend, tree),
    candidates: () => plan(backend, tree),
    mentionsActive,
  };
}

function leaves(node: Node): Extract<Node, { kind: 'leaf' }>[] {
  switch (node.kind) {
    case 'leaf':
      return [node];
    case 'and':
    case 'or':
      return node.children.flatMap(leaves);
    case 'not':
      return leaves(node.child);
    default:
      return [];
  }
}

function syntaxError(domain: unknown): never {
  throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
}

function parse(backend: DomainBackend, model: string, domain: unknown): Node {
  if (!Array.isArray(domain)) {
    if (domain === true || domain === false) return { kind: 'const', value: domain };
    syntaxError(domain);
  }
  // Prefix notation, read right to left with a stack; what is left over is AND-ed (Odoo's normalize_domain).
  const stack: Node[] = [];
  for (let i = domain.length - 1; i >= 0; i -= 1) {
    const item: unknown = domain[i];
    if (item === '&' || item === '|') {
      const a = stack.pop();
      const b = stack.pop();
      if (!a || !b) syntaxError(domain);
      stack.push({ kind: item === '&' ? 'and' : 'or', children: [a, b] });
    } else if (item === '!') {
      const a = stack.pop();
      if (!a) syntaxError(domain);
      stack.push({ kind: 'not', child: a });
    } else if (Array.isArray(item) && item.length === 3) {
      stack.push(parseCondition(backend, model, item));
    } else if (item === true || item === false) {
      stack.push({ kind: 'const', value: item });
    } else {
      syntaxError(domain);
    }
  }
  stack.reverse();
  if (stack.length === 0) return { kind: 'const', value: true };
  return stack.length === 1 ? stack[0]! : { kind: 'and', children: stack };
}

function parseCondition(backend: DomainBackend, model: string, item: unknown[]): Node {
  const [left, rawOp, value] = item;
  // Odoo's historical TRUE_LEAF / FALSE_LEAF
  if (left === 1 && rawOp === '=' && value === 1) return { kind: 'const', value: true };
  if (left === 0 && rawOp === '=' && value === 1) return { kind: 'const', value: false };
  if (typeof left !== 'string' || left === '') {
    throw typeErrorCondition('Empty field name', item);
  }
  if (typeof rawOp !== 'string') throw valueError(`Invalid operator in condition ${pyTuple(item)}`);
  let op = rawOp.toLowerCase();
  if (op === '<>') op = '!=';
  if (!OPERATORS.has(op)) throw valueError(`Invalid operator in condition ${pyTuple(item)}`);
  const def = backend.modelDef(model);
  const [head, ...rest] = left.split('.');
  const fieldDef = def?.fields[head!];
  if (!def || !fieldDef) throw valueError(`Invalid field ${model}.${head} in condition ${pyTuple(item)}`);
  if (rest.length > 0) {
    if (!fieldDef.relation) {
      throw valueError(`Invalid field ${model}.${left} in condition ${pyTuple(item)}`);
    }
    // Odoo rewrites ('a.b', op, v) into ('a', 'any', [('b', op, v)]) whatever the operator, negative ones included.
    const sub = parseCondition(backend, fieldDef.relation, [rest.join('.'), rawOp, value]);
    return { kind: 'leaf', model, field: head!, fieldDef, op: 'any', value: null, sub, raw: item };
  }
  if (op === 'any' || op === 'not any') {
    if (!fieldDef.relation) throw valueError(`Invalid operator in condition ${pyTuple(item)}`);
    const sub = parse(backend, fieldDef.relation, value);
    return { kind: 'leaf', model, field: head!, fieldDef, op, value: null, sub, raw: item };
  }
  return { kind: 'leaf', model, field: head!, fieldDef, op, value: normalizeValue(fieldDef, op, value), raw: item };
}

function typeErrorCondition(message: string, item: unknown[]) {
  return typeError(`${message} in condition ${pyTuple(item)}`);
}

function normalizeValue(def: FieldDef, op: string, value: unknown): unknown {
  if (value === null || value === undefined) return false;
  if (def.type === 'datetime' || def.type === 'date') {
    const conv = (v: unknown) => (typeof v === 'string' ? toDatetime(def, v) : v);
    return Array.isArray(value) ? value.map(conv) : conv(value);
  }
  if ((def.type === 'float' || def.type === 'monetary' || def.type === 'integer') && typeof value === 'string' && op !== 'in') {
    const n = Number(value);
    return Number.isFinite(n) && value.trim() !== '' ? n : value;
  }
  return value;
}

function toDatetime(def: FieldDef, v: string): string {
  if (def.type === 'date') {
    if (DATE_RE.test(v.slice(0, 10))) return v.slice(0, 10);
    throw valueError(`time data ${pyRepr(v)} does not match format '%Y-%m-%d'`);
  }
  // fields.Datetime.to_datetime: a bare date means midnight; anything but "%Y-%m-%d %H:%M:%S" is refused
  // (an ISO "T" separator included), which is a classic client bug.
  if (DATE_RE.test(v)) return `${v} 00:00:00`;
  const head = v.slice(0, 19);
  if (DATETIME_RE.test(head)) return head;
  throw valueError(`time data ${pyRepr(v)} does not match format '%Y-%m-%d %H:%M:%S'`);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

function compile(backend: DomainBackend, node: Node): Predicate {
  switch (node.kind) {
    case 'const':
      return node.value ? () => true : () => false;
    case 'and': {
      const parts = node.children.map((c) => compile(backend, c));
      return (rec) => parts.every((p) => p(rec));
    }
    case 'or': {
      const parts = node.children.map((c) => compile(backend, c));
      return (rec) => parts.some((p) => p(rec));
    }
    case 'not': {
      const inner = compile(backend, node.child);
      return (rec) => !inner(rec);
    }
    case 'leaf':
      return compileLeaf(backend, node);
  }
}

function isNull(v: unknown): boolean {
  return v === false || v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

function refId(v: unknown): number | false {
  if (Array.isArray(v)) return typeof v[0] === 'number' ? v[0] : false;
  return typeof v === 'number' ? v : false;
}

function compileLeaf(backend: DomainBackend, leaf: Extract<Node, { kind: 'leaf' }>): Predicate {
  const { model, field, fieldDef: def, op, value } = leaf;
  const get = (rec: OdooRecord) => backend.value(model, rec, field);

  if (op === 'any' || op === 'not any') {
    const comodel = def.relation!;
    const sub = leaf.sub ? compile(backend, leaf.sub) : () => true;
    const matches = (id: number) => {
      const r = backend.record(comodel, id);
      return r !== undefined && sub(r);
    };
    const any = (rec: OdooRecord) => {
      const v = get(rec);
      if (def.type === 'many2one') {
        const id = refId(v);
        return id !== false && matches(id);
      }
      return Array.isArray(v) && v.some((id) => typeof id === 'number' && matches(id));
    };
    return op === 'any' ? any : (rec) => !any(rec);
  }

  if (op === '=?') {
    if (isNull(value)) return () => true;
    return compileLeaf(backend, { ...leaf, op: '=' });
  }

  if (op === 'child_of' || op === 'parent_of') {
    const target = def.type === 'many2one' || def.type === 'many2many' || def.type === 'one2many' ? def.relation! : model;
    const ids = (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === 'number');
    const set = op === 'child_of' ? backend.descendants(target, ids) : backend.ancestors(target, ids);
    if (field === 'id') return (rec) => set.has(rec['id'] as number);
    return (rec) => {
      const v = get(rec);
      if (def.type === 'many2one') {
        const id = refId(v);
        return id !== false && set.has(id);
      }
      return Array.isArray(v) && v.some((id) => set.has(id as number));
    };
  }

  const relational = def.type === 'many2one' || def.type === 'one2many' || def.type === 'many2many';
  if (relational) return compileRelational(backend, leaf);

  switch (op) {
    case '=':
      if (isNull(value)) return (rec) => isNull(get(rec));
      return (rec) => equals(get(rec), value);
    case '!=':
      if (isNull(value)) return (rec) => !isNull(get(rec));
      // Odoo adds "OR field IS NULL" to a != on a value.
      return (rec) => !equals(get(rec), value);
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const withNull = list.some(isNull);
      const set = new Set(list.filter((v) => !isNull(v)));
      const inSet = (rec: OdooRecord) => {
        const v = get(rec);
        if (isNull(v)) return withNull || (def.type === 'boolean' && set.has(false));
        return set.has(v) || (typeof v === 'number' && set.has(String(v)));
      };
      return op === 'in' ? inSet : (rec) => !inSet(rec);
    }
    case '<':
    case '>':
    case '<=':
    case '>=':
      return (rec) => {
        const v = get(rec);
        if (isNull(v) && def.type !== 'boolean') return false;
        return compare(v, value, op);
      };
    default:
      return compileLike(op, value, get);
  }
}

function compileRelational(backend: DomainBackend, leaf: Extract<Node, { kind: 'leaf' }>): Predicate {
  const { model, field, fieldDef: def, op, value } = leaf;
  const comodel = def.relation!;
  const ids = (rec: OdooRecord): number[] => {
    const v = backend.value(model, rec, field);
    if (def.type === 'many2one') {
      const id = refId(v);
      return id === false ? [] : [id];
    }
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
  };
  const names = (rec: OdooRecord): string[] =>
    ids(rec)
      .map((id) => backend.displayName(comodel, id))
      .filter((n): n is string => typeof n === 'string');

  switch (op) {
    case '=':
    case '!=': {
      let positive: Predicate;
      if (isNull(value)) positive = (rec) => ids(rec).length === 0;
      else if (typeof value === 'string') positive = (rec) => names(rec).includes(value);
      else positive = (rec) => ids(rec).includes(value as number);
      return op === '=' ? positive : (rec) => !positive(rec);
    }
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const withNull = list.some(isNull);
      const idSet = new Set(list.filter((v): v is number => typeof v === 'number'));
      const nameSet = new Set(list.filter((v): v is string => typeof v === 'string'));
      const positive = (rec: OdooRecord) => {
        const found = ids(rec);
        if (found.length === 0) return withNull;
        return found.some((id) => idSet.has(id)) || (nameSet.size > 0 && names(rec).some((n) => nameSet.has(n)));
      };
      return op === 'in' ? positive : (rec) => !positive(rec);
    }
    case '<':
    case '>':
    case '<=':
    case '>=':
      return (rec) => {
        const found = ids(rec);
        return found.length > 0 && compare(found[0], value, op);
      };
    default:
      // like/ilike on a relational field search the related records' display names (Odoo's name_search).
      return compileLike(op, value, (rec) => {
        const n = names(rec);
        return n.length === 0 ? false : n;
      });
  }
}

function equals(v: unknown, value: unknown): boolean {
  if (v === value) return true;
  if (typeof v === 'number' && typeof value === 'string') return String(v) === value;
  if (typeof v === 'string' && typeof value === 'number') return v === String(value);
  return false;
}

function compare(v: unknown, value: unknown, op: string): boolean {
  let a = v;
  let b = value;
  if (typeof a === 'boolean') a = a ? 1 : 0;
  if (typeof b === 'boolean') b = b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '' && Number.isFinite(Number(b))) b = Number(b);
  if (typeof a === 'string' && typeof b === 'number') b = String(b);
  if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) return false;
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

/** SQL LIKE: `%` any run, `_` one character; `like`/`ilike` wrap the value in `%…%` (Odoo does not escape it). */
export function likeRegExp(pattern: string, wrap: boolean, insensitive: boolean): RegExp {
  let src = '';
  for (const ch of pattern) {
    if (ch === '%') src += '.*';
    else if (ch === '_') src += '.';
    else src += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(wrap ? src : `^${src}$`, insensitive ? 'is' : 's');
}

function compileLike(op: string, value: unknown, get: (rec: OdooRecord) => unknown): Predicate {
  const negative = op.startsWith('not ');
  const base = negative ? op.slice(4) : op;
  const insensitive = base.includes('ilike');
  const wrap = !base.startsWith('=');
  const text = isNull(value) ? '' : String(value);
  // Odoo optimizes ('f', 'ilike', '') to TRUE (and its negation to FALSE), nulls included.
  if (wrap && text === '') return negative ? () => false : () => true;
  const re = likeRegExp(text, wrap, insensitive);
  const test = (v: unknown) => {
    if (isNull(v)) return false;
    if (Array.isArray(v)) return v.some((x) => re.test(String(x)));
    return re.test(String(v));
  };
  // Negative likes keep the nulls, as in Odoo's SQL ("NOT ILIKE … OR IS NULL").
  return negative ? (rec) => !test(get(rec)) : (rec) => test(get(rec));
}

// ---------------------------------------------------------------------------------------------------------------
// Index planning: find one AND-ed condition an index can answer, so hot lookups (by id, SKU, email, product) do
// not scan the model. The predicate still runs on the candidates, so a plan only has to be a superset.

function plan(backend: DomainBackend, node: Node): Set<number> | undefined {
  const conjuncts = node.kind === 'and' ? node.children : [node];
  let best: Set<number> | undefined;
  for (const c of conjuncts) {
    if (c.kind === 'const' && !c.value) return new Set();
    if (c.kind !== 'leaf') continue;
    const found = planLeaf(backend, c);
    if (found && (!best || found.size < best.size)) best = found;
  }
  return best;
}

function planLeaf(backend: DomainBackend, leaf: Extract<Node, { kind: 'leaf' }>): Set<number> | undefined {
  const { model, field, fieldDef: def, op, value } = leaf;
  if (op === 'any' && leaf.sub && def.type === 'many2one') {
    const sub = plan(backend, leaf.sub);
    if (!sub) return undefined;
    const out = new Set<number>();
    for (const id of sub) {
      const hits = backend.indexLookup(model, field, id);
      if (!hits) return undefined;
      for (const h of hits) out.add(h);
    }
    return out;
  }
  let keys: unknown[];
  if (op === '=' || op === 'in') {
    keys = Array.isArray(value) ? value : [value];
    if (keys.some(isNull)) return undefined;
  } else if (op === '=ilike' && typeof value === 'string' && !/[%_]/.test(value)) {
    keys = [value];
  } else {
    return undefined;
  }
  if (field === 'id') {
    return new Set(keys.filter((k): k is number => typeof k === 'number' && backend.record(model, k) !== undefined));
  }
  if (def.type === 'many2one' && keys.some((k) => typeof k !== 'number')) return undefined;
  const out = new Set<number>();
  for (const k of keys) {
    const hits = backend.indexLookup(model, field, typeof k === 'string' ? k.toLowerCase() : k);
    if (!hits) return undefined;
    for (const h of hits) out.add(h);
  }
  return out;
}
