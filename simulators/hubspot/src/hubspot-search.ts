import { compareNumericIds } from './hubspot-mappers.ts';
import type { ObjectTypeInfo, PropertyDefinition } from './hubspot-properties.ts';
import type { CrmRecord, HubSpotStore } from './hubspot-store.ts';
import { parseDateTime } from './property-values.ts';

/**
 * The CRM search endpoint: filterGroups (OR) of filters (AND), a free-text `query`, sorts, and the limits HubSpot
 * enforces since 2024-08 (5 groups, 10 filters per group, 25 in total, 200 per page, 10 000 results per query).
 */

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 10;
export const MAX_FILTERS_TOTAL = 25;
export const MAX_SEARCH_LIMIT = 200;
/** HubSpot's search index cannot page past this many results of one query. */
export const SEARCH_RESULT_CAP = 10_000;

export interface SearchFilter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchRequest {
  query: string | null;
  filterGroups: SearchFilter[][];
  sorts: SearchSort[];
  properties: string[] | null;
  limit: number;
  after: number;
}

export interface SearchError {
  message: string;
  /** null for Jackson deserialisation failures, which HubSpot answers without a category */
  category: string | null;
}

const FILTER_CLASS = 'com.hubspot.inbounddb.publicobject.core.v3.search.Filter';

function jackson(problem: string): SearchError {
  return { message: `Invalid input JSON on line 1, column 1: Cannot construct instance of \`${FILTER_CLASS}\`, problem: ${problem}`, category: null };
}

function validation(message: string): SearchError {
  return { message, category: 'VALIDATION_ERROR' };
}

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Pseudo-properties HubSpot accepts in filters besides real ones (`associations.contact` on engagements). */
function isPseudoProperty(info: ObjectTypeInfo, name: string): boolean {
  return info.name === 'notes' && name === 'associations.contact';
}

export function parseSearchRequest(info: ObjectTypeInfo, body: unknown): { ok: true; request: SearchRequest } | { ok: false; error: SearchError } {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) return { ok: false, error: validation('Invalid input JSON: expected an object') };

  let rawGroups: unknown[];
  if (b['filterGroups'] !== undefined) {
    if (!Array.isArray(b['filterGroups'])) return { ok: false, error: validation('filterGroups must be an array') };
    rawGroups = b['filterGroups'];
  } else if (Array.isArray(b['filters'])) {
    // HubSpot still accepts a bare top-level `filters` list as one AND group.
    rawGroups = [{ filters: b['filters'] }];
  } else {
    rawGroups = [];
  }
  if (rawGroups.length > MAX_FILTER_GROUPS) {
    return { ok: false, error: validation(`Too many filter groups in request (found ${rawGroups.length}, max ${MAX_FILTER_GROUPS}).`) };
  }
  const filterGroups: SearchFilter[][] = [];
  let total = 0;
  for (const rawGroup of rawGroups) {
    const filters = (rawGroup as Record<string, unknown> | null)?.['filters'];
    if (!Array.isArray(filters)) return { ok: false, error: validation('each filterGroup needs a filters array') };
    if (filters.length > MAX_FILTERS_PER_GROUP) {
      return {
        ok: false,
        error: validation(`Too many filters in a filter group (found ${filters.length}, max ${MAX_FILTERS_PER_GROUP}).`),
      };
    }
    total += filters.length;
    const group: SearchFilter[] = [];
    for (const raw of filters) {
      const parsed = parseFilter(info, raw);
      if (!parsed.ok) return parsed;
      group.push(parsed.filter);
    }
    filterGroups.push(group);
  }
  if (total > MAX_FILTERS_TOTAL) {
    return { ok: false, error: validation(`Too many filters in request (found ${total}, max ${MAX_FILTERS_TOTAL}).`) };
  }

  const sorts: SearchSort[] = [];
  if (b['sorts'] !== undefined) {
    if (!Array.isArray(b['sorts'])) return { ok: false, error: validation('sorts must be an array') };
    for (const raw of b['sorts']) {
      let sort: SearchSort;
      if (typeof raw === 'string') {
        // The SDK models sorts as strings: "-lastmodifieddate" sorts descending.
        sort = raw.startsWith('-')
          ? { propertyName: raw.slice(1), direction: 'DESCENDING' }
          : { propertyName: raw.replace(/^\+/, ''), direction: 'ASCENDING' };
      } else if (typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>)['propertyName'] === 'string') {
        const r = raw as Record<string, unknown>;
        const direction = r['direction'] ?? 'ASCENDING';
        if (direction !== 'ASCENDING' && direction !== 'DESCENDING') {
          return { ok: false, error: validation(`Invalid sort direction ${String(direction)}; use ASCENDING or DESCENDING`) };
        }
        sort = { propertyName: r['propertyName'] as string, direction };
      } else {
        return { ok: false, error: validation('each sort must be a property name string or {propertyName, direction}') };
      }
      if (!info.properties.has(sort.propertyName)) {
        return { ok: false, error: validation(`Unable to sort by property ${sort.propertyName}: it does not exist`) };
      }
      sorts.push(sort);
    }
  }

  let properties: string[] | null = null;
  if (b['properties'] !== undefined) {
    if (!Array.isArray(b['properties']) || b['properties'].some((p) => typeof p !== 'string')) {
      return { ok: false, error: validation('properties must be an array of property names') };
    }
    properties = (b['properties'] as string[]).length > 0 ? (b['properties'] as string[]) : null;
  }

  let limit = 10;
  if (b['limit'] !== undefined) {
    const n = typeof b['limit'] === 'string' ? Number(b['limit']) : b['limit'];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return { ok: false, error: validation('limit must be a non-negative integer') };
    if (n > MAX_SEARCH_LIMIT) {
      return { ok: false, error: validation(`Invalid limit ${n}: the maximum number of results per page is ${MAX_SEARCH_LIMIT}.`) };
    }
    limit = n;
  }

  let after = 0;
  if (b['after'] !== undefined && b['after'] !== null && b['after'] !== '') {
    const text = scalar(b['after']);
    if (text === undefined || !/^\d+$/.test(text)) return { ok: false, error: validation(`Invalid after value ${JSON.stringify(b['after'])}`) };
    after = Number(text);
  }
  if (after >= SEARCH_RESULT_CAP) {
    return {
      ok: false,
      error: validation(
        `Search cannot page beyond ${SEARCH_RESULT_CAP} results (after=${after}). Narrow the query, e.g. with a lastmodifieddate filter.`,
      ),
    };
  }

  const query = b['query'] === undefined || b['query'] === null ? null : scalar(b['query']);
  if (query === undefined) return { ok: false, error: validation('query must be a string') };

  return { ok: true, request: { query: query?.trim() ? query.trim() : null, filterGroups, sorts, properties, limit, after } };
}

function parseFilter(info: ObjectTypeInfo, raw: unknown): { ok: true; filter: SearchFilter } | { ok: false; error: SearchError } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: validation('each filter must be an object') };
  const f = raw as Record<string, unknown>;
  const propertyName = f['propertyName'];
  if (typeof propertyName !== 'string' || propertyName === '') return { ok: false, error: jackson('propertyName is required') };
  const operator = f['operator'] ?? 'EQ';
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
    return {
      ok: false,
      error: {
        message: `Invalid input JSON on line 1, column 1: Cannot deserialize value of type \`com.hubspot.inbounddb.publicobject.core.v3.search.FilterOperator\` from String ${JSON.stringify(String(operator))}: not one of the values accepted for Enum class: [${OPERATORS.join(', ')}]`,
        category: null,
      },
    };
  }
  if (!info.properties.has(propertyName) && !isPseudoProperty(info, propertyName)) {
    return { ok: false, error: validation(`Property "${propertyName}" does not exist on object type ${info.objectTypeId}`) };
  }
  const op = operator as Operator;
  const filter: SearchFilter = { propertyName, operator: op };
  const value = scalar(f['value']);
  const highValue = scalar(f['highValue']);
  if (value !== undefined) filter.value = value;
  if (highValue !== undefined) filter.highValue = highValue;
  if (Array.isArray(f['values'])) filter.values = f['values'].map((v) => scalar(v) ?? '');
  switch (op) {
    case 'BETWEEN':
      if (value === undefined) return { ok: false, error: jackson('operator BETWEEN requires a value') };
      if (highValue === undefined) return { ok: false, error: jackson('operator BETWEEN requires a highValue') };
      break;
    case 'IN':
    case 'NOT_IN':
      if (!filter.values || filter.values.length === 0) return { ok: false, error: jackson(`operator ${op} requires values`) };
      break;
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      break;
    default:
      if (value === undefined) return { ok: false, error: jackson(`operator ${op} requires a value`) };
  }
  return { ok: true, filter };
}

type Getter = (r: CrmRecord) => string | undefined;
type Predicate = (r: CrmRecord) => boolean;

interface Comparable {
  kind: 'number' | 'string';
  n: number;
  s: string;
}

function comparable(def: PropertyDefinition | undefined, value: string): Comparable {
  if (def?.type === 'number') {
    const n = Number(value);
    if (!Number.isNaN(n) && value.trim() !== '') return { kind: 'number', n, s: value };
  }
  if (def?.type === 'datetime' || def?.type === 'date') {
    const n = parseDateTime(value);
    if (n !== null) return { kind: 'number', n, s: value };
  }
  return { kind: 'string', n: Number.NaN, s: value.toLowerCase() };
}

function compare(a: Comparable, b: Comparable): number {
  if (a.kind === 'number' && b.kind === 'number') return a.n - b.n;
  return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
}

function wildcardRegex(pattern: string): RegExp {
  const source = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** HubSpot tokenises text on whitespace and punctuation; a token may also be the whole value (an email). */
function tokens(value: string): string[] {
  const lower = value.toLowerCase();
  const out = new Set<string>([lower]);
  for (const t of lower.split(/[\s,;]+/)) if (t) out.add(t);
  for (const t of lower.split(/[^\p{L}\p{N}]+/u)) if (t) out.add(t);
  return [...out];
}

function compileFilter(store: HubSpotStore, info: ObjectTypeInfo, f: SearchFilter): Predicate {
  if (f.propertyName === 'associations.contact') {
    const targets = new Set(f.values ?? (f.value !== undefined ? [f.value] : []));
    const has = (r: CrmRecord) => {
      const ids = store.noteContacts.get(r.id);
      if (!ids) return false;
      for (const id of ids) if (targets.has(id)) return true;
      return false;
    };
    switch (f.operator) {
      case 'NEQ':
      case 'NOT_IN':
        return (r) => !has(r);
      case 'HAS_PROPERTY':
        return (r) => (store.noteContacts.get(r.id)?.size ?? 0) > 0;
      case 'NOT_HAS_PROPERTY':
        return (r) => (store.noteContacts.get(r.id)?.size ?? 0) === 0;
      default:
        return has;
    }
  }
  const def = info.properties.get(f.propertyName);
  const name = f.propertyName;
  const get: Getter = (r) => r.properties[name];
  const single = (target: string) => {
    const t = comparable(def, target);
    return (v: string) => compare(comparable(def, v), t) === 0;
  };
  // A multiple-checkbox property (`hs_additional_emails`, enumeration + checkbox) holds `a;b;c`. HubSpot's search
  // compares each of those values, not the joined string: EQ / IN match a record holding the value among others,
  // NEQ / NOT_IN one holding none of them (docs: "Search the CRM", multiple checkbox values).
  const eq =
    def?.type === 'enumeration' && def.fieldType === 'checkbox'
      ? (target: string) => {
          const test = single(target);
          return (v: string) => v.split(';').some((part) => part.trim() !== '' && test(part.trim()));
        }
      : single;
  switch (f.operator) {
    case 'EQ': {
      const test = eq(f.value!);
      return (r) => {
        const v = get(r);
        return v !== undefined && test(v);
      };
    }
    case 'NEQ': {
      const test = eq(f.value!);
      return (r) => {
        const v = get(r);
        return v === undefined || !test(v);
      };
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const t = comparable(def, f.value!);
      const ok = { LT: (c: number) => c < 0, LTE: (c: number) => c <= 0, GT: (c: number) => c > 0, GTE: (c: number) => c >= 0 }[f.operator];
      return (r) => {
        const v = get(r);
        return v !== undefined && ok(compare(comparable(def, v), t));
      };
    }
    case 'BETWEEN': {
      const lo = comparable(def, f.value!);
      const hi = comparable(def, f.highValue!);
      return (r) => {
        const v = get(r);
        if (v === undefined) return false;
        const c = comparable(def, v);
        return compare(c, lo) >= 0 && compare(c, hi) <= 0;
      };
    }
    case 'IN':
    case 'NOT_IN': {
      const tests = f.values!.map(eq);
      const inside = (v: string) => tests.some((t) => t(v));
      return f.operator === 'IN'
        ? (r) => {
            const v = get(r);
            return v !== undefined && inside(v);
          }
        : (r) => {
            const v = get(r);
            return v === undefined || !inside(v);
          };
    }
    case 'HAS_PROPERTY':
      return (r) => get(r) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (r) => get(r) === undefined;
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const pattern = f.value!.trim();
      const re = pattern.includes('*') ? wildcardRegex(pattern) : null;
      const lower = pattern.toLowerCase();
      // A token match implies the longest literal piece is a substring: a cheap reject before tokenising.
      const piece = lower.split('*').reduce((a, b) => (b.length > a.length ? b : a), '');
      const contains = (v: string) => v.toLowerCase().includes(piece) && tokens(v).some((t) => (re ? re.test(t) : t === lower));
      return f.operator === 'CONTAINS_TOKEN'
        ? (r) => {
            const v = get(r);
            return v !== undefined && contains(v);
          }
        : (r) => {
            const v = get(r);
            return v === undefined || !contains(v);
          };
    }
  }
}

/** Candidates from an index when a group has an EQ on an indexed property, so phone/email lookups do not scan. */
function indexedCandidates(store: HubSpotStore, info: ObjectTypeInfo, group: SearchFilter[]): CrmRecord[] | null {
  const col = store.collections[info.name];
  for (const f of group) {
    if (f.operator !== 'EQ' || f.value === undefined) continue;
    if (col.unique.has(f.propertyName)) {
      const r = col.findUnique(f.propertyName, f.value);
      return r ? [r] : [];
    }
    const multi = col.multi.get(f.propertyName);
    if (multi) return [...(multi.get(f.value) ?? [])];
  }
  return null;
}

function queryPredicate(info: ObjectTypeInfo, query: string): Predicate {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const digitTerms = terms.map((term) => (/^[\d\s+()-]+$/.test(term) ? term.replace(/\D/g, '') : null));
  return (r) => {
    // Cheap reject: every term must appear as a substring (or, for numbers, in some value's digits).
    const values = info.querySearchable.map((name) => r.properties[name]).filter((v): v is string => v !== undefined);
    const lowered = values.map((v) => v.toLowerCase());
    const plausible = terms.every(
      (term, i) =>
        lowered.some((v) => v.includes(term)) || (digitTerms[i] ? values.some((v) => v.replace(/\D/g, '').includes(digitTerms[i]!)) : false),
    );
    if (!plausible) return false;
    const haystack: string[] = [];
    for (const name of info.querySearchable) {
      const v = r.properties[name];
      if (v === undefined) continue;
      haystack.push(...tokens(v));
      const digits = v.replace(/\D/g, '');
      if (digits.length >= 3) haystack.push(digits);
    }
    return terms.every((term, i) => {
      const digits = digitTerms[i];
      return haystack.some((t) => t.startsWith(term) || (digits !== null && digits !== '' && digits !== undefined && t.includes(digits)));
    });
  };
}

/** Sorts by the requested properties, computing each record's sort keys once rather than per comparison. */
function sortRecords(info: ObjectTypeInfo, records: CrmRecord[], sorts: SearchSort[]): CrmRecord[] {
  if (sorts.length === 0) return records.sort((a, b) => compareNumericIds(a.id, b.id));
  const keys = sorts.map((s) => ({ def: info.properties.get(s.propertyName), name: s.propertyName, dir: s.direction === 'DESCENDING' ? -1 : 1 }));
  const decorated = records.map((r) => ({
    r,
    k: keys.map((k) => (r.properties[k.name] === undefined ? undefined : comparable(k.def, r.properties[k.name]!))),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i += 1) {
      const va = a.k[i];
      const vb = b.k[i];
      // Records without the property go last in both directions, like the search index does.
      if (va === undefined || vb === undefined) {
        if (va === vb) continue;
        return va === undefined ? 1 : -1;
      }
      const c = compare(va, vb);
      if (c !== 0) return c * keys[i]!.dir;
    }
    return compareNumericIds(a.r.id, b.r.id);
  });
  return decorated.map((d) => d.r);
}

export interface SearchOutcome {
  total: number;
  results: CrmRecord[];
  nextAfter: string | null;
}

export function runSearch(store: HubSpotStore, info: ObjectTypeInfo, request: SearchRequest): SearchOutcome {
  const col = store.collections[info.name];
  const groups = request.filterGroups.filter((g) => g.length > 0);
  const compiled = groups.map((g) => g.map((f) => compileFilter(store, info, f)));
  const textMatch = request.query ? queryPredicate(info, request.query) : null;
  const matchesGroups = (r: CrmRecord) => compiled.length === 0 || compiled.some((g) => g.every((p) => p(r)));
  // HubSpot's search index trails writes (eventually consistent): a record created less than `searchIndexLagMs` ago is
  // not found yet, while reads by id, batch reads and associations see it at once.
  const indexedBefore = Date.now() - store.searchIndexLagMs;
  const indexed = (r: CrmRecord) => store.searchIndexLagMs <= 0 || Date.parse(r.createdAt) <= indexedBefore;
  const matches = (r: CrmRecord) => !r.archived && indexed(r) && matchesGroups(r) && (textMatch === null || textMatch(r));

  let candidates: readonly CrmRecord[];
  const hinted = groups.length > 0 ? groups.map((g) => indexedCandidates(store, info, g)) : [null];
  if (hinted.every((h) => h !== null)) {
    const seen = new Set<CrmRecord>();
    for (const h of hinted) for (const r of h!) seen.add(r);
    candidates = [...seen];
  } else {
    candidates = col.ordered();
  }
  const matched = sortRecords(info, candidates.filter(matches), request.sorts);
  const end = Math.min(request.after + request.limit, SEARCH_RESULT_CAP);
  const results = matched.slice(request.after, end);
  const next = request.after + request.limit;
  // Like the real index, the cursor keeps coming past 10 000; following it then fails with a 400.
  return { total: matched.length, results, nextAfter: next < matched.length && request.limit > 0 ? String(next) : null };
}
