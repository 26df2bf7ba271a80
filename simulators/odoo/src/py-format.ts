/**
 * Odoo is a Python server: its error messages embed Python reprs (`('name', '=', 'x')`, `'res.partner'`) and its
 * JSON is written by `json.dumps`, which prints floats with a decimal point (`11.0`, never `11`) and uses `", "` /
 * `": "` separators. These helpers reproduce both so error texts and payloads read like the real server's.
 */

/** A number that Python holds as a float: serialized as `11.0`, not `11`. */
export class PyFloat {
  readonly value: number;

  constructor(value: number) {
    this.value = value;
  }
}

/** Python `repr()` of a JSON-ish value: strings single-quoted, `True`/`False`/`None`, lists, dicts. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value, false);
  if (value instanceof PyFloat) return pyNumber(value.value, true);
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyStr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Python repr of a tuple, e.g. a domain condition `('name', '=', 'x')`. */
export function pyTuple(items: readonly unknown[]): string {
  return items.length === 1 ? `(${pyRepr(items[0])},)` : `(${items.map(pyRepr).join(', ')})`;
}

function pyStr(s: string): string {
  // Python prefers single quotes and switches to double quotes only when the text holds a ' and no ".
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

function pyNumber(n: number, float: boolean): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (!float) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(n);
}

/**
 * `json.dumps(value, ensure_ascii=False)` as Odoo's `make_json_response` writes it. Plain JS numbers are written as
 * Python ints would be; wrap floats in {@link PyFloat}.
 */
export function pyJson(value: unknown): string {
  return write(value);
}

// String concatenation (V8 ropes) beats array push/join here; this runs on every response.
function write(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return pyNumber(value, false);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(String(value));
  }
  if (value instanceof PyFloat) return pyNumber(value.value, true);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = '[' + write(value[0]);
    for (let i = 1; i < value.length; i += 1) out += ', ' + write(value[i]);
    return out + ']';
  }
  let out = '{';
  let first = true;
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (first ? '' : ', ') + JSON.stringify(k) + ': ' + write(v);
    first = false;
  }
  return out + '}';
}

/** Removes the PyFloat wrappers, for callers that want plain JSON values (tests, records export). */
export function unwrapFloats(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(unwrapFloats);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, unwrapFloats(v)]));
  }
  return value;
}
