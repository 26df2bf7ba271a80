/**
 * Operations for the scope-matrix test, generated from the API schema so a field added to the graph is queried
 * without anyone editing the test. For each root field: everything reachable below it, printed in several shapes
 * (direct, aliased, named fragments, through interfaces, `__typename` everywhere), each split until it passes the
 * partner limits — an operation refused for its size would prove nothing about leaks.
 */
import { getNamedType, isAbstractType, isCompositeType, isInterfaceType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import type { GraphQLCompositeType, GraphQLField, GraphQLSchema } from 'graphql';
import { checkOperationLimits, DEFAULT_OPERATION_LIMITS } from '../gateway/src/limits/operation-limits.ts';

export const VARIANTS = ['direct', 'aliased', 'fragments', 'interfaces', 'typename'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Argument values for one field, already as GraphQL literals (e.g. `"PL-123"`, `["A","B"]`); several sets = several operations. */
export type ArgumentSets = Record<string, string>[];
/** `Type.field` → argument sets; a field with a non-null argument and no entry here is skipped (and reported). */
export type ArgumentValues = Record<string, ArgumentSets>;

export interface GeneratedOperation {
  /** e.g. `orderByReference#1 interfaces part 2/3` */
  name: string;
  rootField: string;
  variant: Variant;
  query: string;
}

export interface GeneratedMatrix {
  operations: GeneratedOperation[];
  /** `Type.field` coordinates left out because a non-null argument had no value */
  skipped: string[];
}

/** Personal-looking fields (and fields of types about people) go first when only 25 leaves may carry an alias. */
const PERSONAL_FIELD = /^(name|firstName|lastName|street|postalCode|city)$|mail|phone|login|note/i;
const PERSONAL_TYPE = /^(Customer|Address|ParcelLocker|Delivery)$|Order$/;
const MAX_ALIASES = 25;

interface FieldSel {
  kind: 'field';
  name: string;
  args: string;
  alias?: string;
  sub?: SelSet;
}
interface InlineSel {
  kind: 'inline';
  on: string;
  sub: SelSet;
}
type Sel = FieldSel | InlineSel;
interface SelSet {
  type: string;
  items: Sel[];
}

const lit = (args: Record<string, string> | undefined) =>
  args && Object.keys(args).length > 0
    ? `(${Object.entries(args)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')})`
    : '';

class Builder {
  readonly skipped = new Set<string>();
  private readonly schema: GraphQLSchema;
  private readonly argValues: ArgumentValues;
  private readonly throughInterfaces: boolean;

  constructor(schema: GraphQLSchema, argValues: ArgumentValues, throughInterfaces: boolean) {
    this.schema = schema;
    this.argValues = argValues;
    this.throughInterfaces = throughInterfaces;
  }

  /**
   * Every field below `type`. A type already on the path is entered once more with its leaf fields only (Order →
   * customer → the customer's own fields), which bounds the recursion and keeps the depth within the limit. So is a
   * type met just above the partner depth limit (e.g. the Product of a `priceDrift` entry, three levels down): deeper
   * fields no partner operation can reach, and the type's full selection is generated where it is met higher up.
   */
  selectionOf(type: GraphQLCompositeType, path: readonly string[]): SelSet {
    // An implementation and its interface are the same entity: meeting either again is a re-entry.
    const related = isAbstractType(type)
      ? [type.name, ...this.schema.getPossibleTypes(type).map((t) => t.name)]
      : [type.name, ...(isObjectType(type) ? type.getInterfaces().map((i) => i.name) : [])];
    const reentered = related.some((name) => path.includes(name)) || path.length >= DEFAULT_OPERATION_LIMITS.maxDepth - 1;
    const onPath = [...path, type.name];
    const items: Sel[] = [];
    if (isAbstractType(type)) {
      const shared = isInterfaceType(type) ? Object.values(type.getFields()) : [];
      items.push(...this.fields(type.name, shared, onPath, reentered));
      for (const impl of this.schema.getPossibleTypes(type)) {
        const own = Object.values(impl.getFields()).filter((f) => this.throughInterfaces || !shared.some((s) => s.name === f.name));
        const sub = { type: impl.name, items: this.fields(impl.name, own, [...onPath, impl.name], reentered) };
        if (sub.items.length > 0) items.push({ kind: 'inline', on: impl.name, sub });
      }
      return { type: type.name, items };
    }
    const fields = Object.values(type.getFields());
    items.push(...this.fields(type.name, fields, onPath, reentered));
    if (this.throughInterfaces && isObjectType(type)) {
      for (const iface of type.getInterfaces()) {
        const sub = { type: iface.name, items: this.fields(iface.name, Object.values(iface.getFields()), onPath, reentered) };
        if (sub.items.length > 0) items.push({ kind: 'inline', on: iface.name, sub });
      }
    }
    return { type: type.name, items };
  }

  private fields(parent: string, fields: GraphQLField<unknown, unknown>[], path: readonly string[], leavesOnly: boolean): Sel[] {
    const out: Sel[] = [];
    for (const field of fields) {
      const named = getNamedType(field.type);
      if (leavesOnly && !isLeafType(named)) continue;
      const argSets = this.argumentsFor(parent, field);
      if (argSets === undefined) continue;
      // Below the root only the first argument set is used: one value per nested argument is enough to reach the data.
      const args = lit(argSets[0]);
      if (isLeafType(named)) out.push({ kind: 'field', name: field.name, args });
      else if (isCompositeType(named)) {
        const sub = this.selectionOf(named, path);
        if (sub.items.length > 0) out.push({ kind: 'field', name: field.name, args, sub });
      }
    }
    return out;
  }

  /** undefined = skip the field (a required argument has no value) */
  argumentsFor(parent: string, field: GraphQLField<unknown, unknown>): ArgumentSets | undefined {
    const given = this.argValues[`${parent}.${field.name}`];
    if (given !== undefined) return given;
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (required.length > 0) {
      this.skipped.add(`${parent}.${field.name}`);
      return undefined;
    }
    return [{}];
  }
}

function print(set: SelSet, indent: string, fragments?: Map<string, string>): string {
  const lines = set.items.map((item) => {
    if (item.kind === 'inline') {
      if (fragments) return `${indent}...${fragmentFor(item.sub, fragments)}`;
      return `${indent}... on ${item.on} {\n${print(item.sub, `${indent}  `)}\n${indent}}`;
    }
    const head = `${indent}${item.alias ? `${item.alias}: ` : ''}${item.name}${item.args}`;
    if (!item.sub) return head;
    if (fragments) return `${head} { ...${fragmentFor(item.sub, fragments)} }`;
    return `${head} {\n${print(item.sub, `${indent}  `)}\n${indent}}`;
  });
  return lines.join('\n');
}

/**
 * One named fragment per type; a type selected differently on different paths (re-entered with leaves only) gets a
 * numbered fragment per distinct body, since one name must mean one selection.
 */
function fragmentFor(set: SelSet, fragments: Map<string, string>): string {
  const body = print(set, '  ', fragments);
  for (const [name, text] of fragments) if (text === `fragment ${name} on ${set.type} {\n${body}\n}`) return name;
  let n = 1;
  while (fragments.has(n === 1 ? `${set.type}Fields` : `${set.type}Fields${n}`)) n++;
  const name = n === 1 ? `${set.type}Fields` : `${set.type}Fields${n}`;
  fragments.set(name, `fragment ${name} on ${set.type} {\n${body}\n}`);
  return name;
}

function withTypename(set: SelSet): SelSet {
  const items = set.items.map((item): Sel => (item.sub ? { ...item, sub: withTypename(item.sub) } : item) as Sel);
  return { type: set.type, items: [{ kind: 'field', name: '__typename', args: '' }, ...items] };
}

/** Aliases on at most MAX_ALIASES leaves, personal-looking ones first (breadth-first within each group). */
function withAliases(set: SelSet): SelSet {
  const copy = structuredClone(set);
  const leaves: { leaf: FieldSel; rank: number }[] = [];
  const walk = (s: SelSet) => {
    for (const item of s.items) {
      if (item.kind === 'field' && !item.sub)
        leaves.push({ leaf: item, rank: (PERSONAL_FIELD.test(item.name) ? 2 : 0) + (PERSONAL_TYPE.test(s.type) ? 1 : 0) });
      else if (item.sub) walk(item.sub);
    }
  };
  walk(copy);
  // Array.prototype.sort is stable: equally personal leaves keep their schema order.
  const ordered = leaves.sort((a, b) => b.rank - a.rank).map((l) => l.leaf);
  ordered.slice(0, MAX_ALIASES).forEach((leaf, i) => (leaf.alias = `a${i}_${leaf.name}`));
  return copy;
}

function render(root: FieldSel, variant: Variant, opName: string): string {
  const name = opName.replace(/[^A-Za-z0-9_]/g, '_');
  if (variant === 'fragments') {
    const fragments = new Map<string, string>();
    const head = `${root.name}${root.args}`;
    const line = root.sub ? `${head} { ...${fragmentFor(root.sub, fragments)} }` : head;
    return `query ${name} {\n  ${line}\n}\n${[...fragments.values()].join('\n')}`;
  }
  return `query ${name} {\n${print({ type: 'Query', items: [root] }, '  ')}\n}`;
}

function fitsPartnerLimits(query: string, schema: GraphQLSchema): boolean {
  return checkOperationLimits({ body: { query }, schema }, DEFAULT_OPERATION_LIMITS).ok;
}

/**
 * Splits a root field's selection into parts that each pass the limits: first by its top-level children, then a
 * child that is too big on its own is split one level deeper. Throws when a single leaf path cannot fit, since
 * silently dropping it would hollow out the matrix.
 */
function split(root: FieldSel, variant: Variant, name: string, schema: GraphQLSchema): string[] {
  const fits = (r: FieldSel) => fitsPartnerLimits(render(r, variant, name), schema);
  if (fits(root)) return [render(root, variant, name)];
  if (!root.sub) throw new Error(`${name}: a root leaf does not fit the partner limits`);
  const parts: FieldSel[] = [];
  let current: Sel[] = [];
  const rootWith = (items: Sel[]): FieldSel => ({ ...root, sub: { type: root.sub!.type, items } });
  for (const item of root.sub.items) {
    if (fits(rootWith([...current, item]))) {
      current.push(item);
      continue;
    }
    if (current.length > 0) parts.push(rootWith(current));
    current = [];
    if (fits(rootWith([item]))) current = [item];
    else if (item.sub) {
      // Too big alone: treat the child as the root of a smaller problem and re-wrap each of its parts.
      const inner = split1(item, (s) => fits(rootWith([s])));
      parts.push(...inner.map((s) => rootWith([s])));
    } else throw new Error(`${name}: ${item.kind === 'field' ? item.name : item.on} does not fit the partner limits`);
  }
  if (current.length > 0) parts.push(rootWith(current));
  return parts.map((p, i) => render(p, variant, `${name} part ${i + 1}/${parts.length}`));
}

function split1(item: Sel, fits: (s: Sel) => boolean): Sel[] {
  const out: Sel[] = [];
  let current: Sel[] = [];
  const withItems = (items: Sel[]): Sel => ({ ...item, sub: { type: item.sub!.type, items } }) as Sel;
  for (const child of item.sub!.items) {
    if (fits(withItems([...current, child]))) current.push(child);
    else {
      if (current.length > 0) out.push(withItems(current));
      current = [];
      if (fits(withItems([child]))) current = [child];
      else if (child.sub) out.push(...split1(child, (s) => fits(withItems([s]))).map((s) => withItems([s])));
      else throw new Error(`${child.kind === 'field' ? child.name : child.on} does not fit the partner limits`);
    }
  }
  if (current.length > 0) out.push(withItems(current));
  return out;
}

/** The whole matrix of operations for the schema's Query type. */
export function generateScopeMatrixOperations(schema: GraphQLSchema, argValues: ArgumentValues): GeneratedMatrix {
  const direct = new Builder(schema, argValues, false);
  const viaInterfaces = new Builder(schema, argValues, true);
  const operations: GeneratedOperation[] = [];
  const queryType = schema.getQueryType()!;
  for (const field of Object.values(queryType.getFields())) {
    const argSets = direct.argumentsFor('Query', field);
    if (argSets === undefined) continue;
    const named = getNamedType(field.type);
    argSets.forEach((args, setIndex) => {
      const label = argSets.length > 1 ? `${field.name}#${setIndex + 1}` : field.name;
      const build = (builder: Builder): FieldSel => ({
        kind: 'field',
        name: field.name,
        args: lit(args),
        ...(isCompositeType(named) ? { sub: builder.selectionOf(named, ['Query']) } : {}),
      });
      const plain = build(direct);
      const shapes: Record<Variant, FieldSel> = {
        direct: plain,
        aliased: { ...plain, ...(plain.sub ? { sub: withAliases(plain.sub) } : {}) },
        fragments: plain,
        interfaces: build(viaInterfaces),
        typename: { ...plain, ...(plain.sub ? { sub: withTypename(plain.sub) } : {}) },
      };
      for (const variant of VARIANTS) {
        const name = `${label} ${variant}`;
        for (const query of split(shapes[variant], variant, name, schema)) {
          const partName = /query (\S+)/.exec(query)![1]!;
          operations.push({ name: partName, rootField: field.name, variant, query });
        }
      }
    });
  }
  return { operations, skipped: [...new Set([...direct.skipped, ...viaInterfaces.skipped])].sort() };
}
