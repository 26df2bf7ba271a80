/**
 * Argument validation the way WordPress core does it for every REST route (`WP_REST_Request::has_valid_params()` and
 * `rest_validate_value_from_schema()`), so bad input gets the real 400 body:
 *
 *   {"code":"rest_invalid_param","message":"Invalid parameter(s): per_page",
 *    "data":{"status":400,"params":{"per_page":"per_page must be between 1 (inclusive) and 100 (inclusive)"},
 *            "details":{"per_page":{"code":"rest_out_of_bounds","message":"…","data":null}}}}
 *
 * Query strings arrive as text, JSON bodies as typed values; WordPress accepts "10" for an integer and "true" for a
 * boolean in both, but not 10 for a string (a classic: `"regular_price": 19.99` is a 400).
 */
import { wpError, type WpError } from './wp-errors.ts';
import { isValidWpDate } from './wp-dates.ts';

export type ParamSchema =
  | { type: 'integer'; minimum?: number; maximum?: number; nullable?: boolean }
  | { type: 'number' }
  | { type: 'string'; enum?: readonly string[]; format?: 'date-time' | 'email'; nullable?: boolean }
  | { type: 'boolean' }
  | { type: 'array'; items?: ParamSchema }
  | { type: 'object'; properties?: Readonly<Record<string, ParamSchema>>; nullable?: boolean }
  | { type: 'any' };

interface Issue {
  code: string;
  message: string;
}

/** `wp_sprintf('%l', …)`: "a", "a and b", "a, b, and c". */
export function wpList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

function isIntegerLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && Math.round(value) === value;
  if (typeof value === 'string') return /^\s*[+-]?\d+(\.0*)?\s*$/.test(value) || /^\s*[+-]?\d+[eE]\+?\d+\s*$/.test(value);
  return false;
}

function isNumberLike(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function isBooleanLike(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  if (typeof value === 'number') return value === 0 || value === 1;
  return typeof value === 'string' && ['true', 'false', '1', '0'].includes(value.toLowerCase());
}

/** `wp_parse_list()`: arrays pass through, strings split on commas and whitespace. */
export function wpParseList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((s) => s !== '');
  if (value === null || value === undefined) return [];
  return [value];
}

/** `wp_parse_id_list()`: absint of every entry, duplicates dropped; junk becomes 0, as in WordPress. */
export function wpParseIdList(value: unknown): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const raw of wpParseList(value)) {
    const n = Math.abs(Math.trunc(Number.parseInt(String(raw), 10) || 0));
    if (!seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out;
}

function typeIssue(param: string, type: string): Issue {
  return { code: 'rest_invalid_type', message: `${param} is not of type ${type}.` };
}

/** `rest_validate_value_from_schema()` for the subset of JSON Schema WooCommerce routes use. */
export function validateValue(value: unknown, schema: ParamSchema, param: string): Issue | null {
  switch (schema.type) {
    case 'any':
      return null;
    case 'integer': {
      if (value === null && schema.nullable) return null;
      if (!isIntegerLike(value)) return typeIssue(param, schema.nullable ? 'integer,null' : 'integer');
      const n = Number(value);
      const { minimum, maximum } = schema;
      if (minimum !== undefined && maximum !== undefined && (n < minimum || n > maximum)) {
        return { code: 'rest_out_of_bounds', message: `${param} must be between ${minimum} (inclusive) and ${maximum} (inclusive)` };
      }
      if (minimum !== undefined && maximum === undefined && n < minimum) {
        return { code: 'rest_out_of_bounds', message: `${param} must be greater than or equal to ${minimum}` };
      }
      if (maximum !== undefined && minimum === undefined && n > maximum) {
        return { code: 'rest_out_of_bounds', message: `${param} must be less than or equal to ${maximum}` };
      }
      return null;
    }
    case 'number':
      return isNumberLike(value) ? null : typeIssue(param, 'number');
    case 'boolean':
      return isBooleanLike(value) ? null : typeIssue(param, 'boolean');
    case 'string': {
      if (value === null && schema.nullable) return null;
      if (typeof value !== 'string') return typeIssue(param, schema.nullable ? 'string,null' : 'string');
      if (schema.enum && !schema.enum.includes(value)) {
        return { code: 'rest_not_in_enum', message: `${param} is not one of ${wpList(schema.enum)}.` };
      }
      if (schema.format === 'date-time' && !isValidWpDate(value)) return { code: 'rest_invalid_date', message: 'Invalid date.' };
      // WordPress only checks the format of non-empty emails; "" is how an order says "no email".
      if (schema.format === 'email' && value !== '' && !isEmail(value)) {
        return { code: 'rest_invalid_email', message: 'Invalid email address.' };
      }
      return null;
    }
    case 'array': {
      if (typeof value !== 'string' && !Array.isArray(value)) return typeIssue(param, 'array');
      const items = wpParseList(value);
      if (schema.items) {
        for (let i = 0; i < items.length; i += 1) {
          const issue = validateValue(items[i], schema.items, `${param}[${i}]`);
          if (issue) return issue;
        }
      }
      return null;
    }
    case 'object': {
      if (value === null && schema.nullable) return null;
      // PHP decodes an empty JSON array and an empty object alike, so [] passes as an (empty) object.
      if (Array.isArray(value) && value.length === 0) return null;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeIssue(param, 'object');
      if (schema.properties) {
        const record = value as Record<string, unknown>;
        for (const [key, propSchema] of Object.entries(schema.properties)) {
          if (record[key] === undefined) continue;
          const issue = validateValue(record[key], propSchema, `${param}[${key}]`);
          if (issue) return issue;
        }
      }
      return null;
    }
  }
}

/** WordPress `is_email()` in spirit: local@domain.tld, no spaces. */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) && value.length >= 6;
}

/** The value after WordPress's sanitize step: integers, booleans and lists become real types. */
export function coerceValue(value: unknown, schema: ParamSchema): unknown {
  switch (schema.type) {
    case 'integer':
      return value === null ? null : Math.trunc(Number(value));
    case 'number':
      return Number(value);
    case 'boolean':
      return typeof value === 'string' ? value.toLowerCase() === 'true' || value === '1' : Boolean(value);
    case 'array': {
      const items = wpParseList(value);
      const itemSchema = schema.items;
      return itemSchema ? items.map((item) => coerceValue(item, itemSchema)) : items;
    }
    default:
      return value;
  }
}

export interface ArgSpec {
  schema: ParamSchema;
  required?: boolean;
  default?: unknown;
}

export type ArgSpecs = Readonly<Record<string, ArgSpec>>;

export type ValidationResult = { ok: true; values: Record<string, unknown> } | { ok: false; error: WpError };

/**
 * `has_valid_params()` + `sanitize_params()`: required args first ("Missing parameter(s): …"), then every present
 * arg validated in registration order, all failures reported in one 400.
 */
export function validateArgs(input: Readonly<Record<string, unknown>>, specs: ArgSpecs): ValidationResult {
  const missing = Object.entries(specs)
    .filter(([name, spec]) => spec.required && (input[name] === undefined || input[name] === null))
    .map(([name]) => name);
  if (missing.length > 0) {
    return {
      ok: false,
      error: wpError(400, 'rest_missing_callback_param', `Missing parameter(s): ${missing.join(', ')}`, { params: missing }),
    };
  }
  const params: Record<string, string> = {};
  const details: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = input[name];
    if (raw === undefined) {
      if (spec.default !== undefined) values[name] = spec.default;
      continue;
    }
    const issue = validateValue(raw, spec.schema, name);
    if (issue) {
      params[name] = issue.message;
      details[name] = { code: issue.code, message: issue.message, data: null };
      continue;
    }
    values[name] = coerceValue(raw, spec.schema);
  }
  const invalid = Object.keys(params);
  if (invalid.length > 0) {
    return {
      ok: false,
      error: wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${invalid.join(', ')}`, { params, details }),
    };
  }
  return { ok: true, values };
}

/**
 * Query parameters as PHP sees them: `a[]=1&a[]=2` is an array, a repeated plain key keeps its last value.
 */
export function queryToParams(query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(query.keys())) {
    if (key.endsWith('[]')) {
      out[key.slice(0, -2)] = query.getAll(key);
    } else {
      const all = query.getAll(key);
      out[key] = all[all.length - 1];
    }
  }
  return out;
}
