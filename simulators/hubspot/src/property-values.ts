import type { PropertyProblem } from './hubspot-errors.ts';
import type { ObjectTypeInfo, PropertyDefinition } from './hubspot-properties.ts';
import type { WireProperties } from './hubspot-mappers.ts';

/**
 * Validation and normalisation of property values the way HubSpot does it on writes: everything ends up a string;
 * numbers, booleans, datetimes, enumerations and emails are checked against the property's type, and problems are
 * reported as the `{isValid:false, message, error, name}` entries HubSpot embeds in its VALIDATION_ERROR message.
 */

export type Normalized = { ok: true; value: string } | { ok: false; problem: PropertyProblem };

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;
const EPOCH_MS = /^-?\d{1,15}$/;

function problem(def: PropertyDefinition, error: string, message: string): Normalized {
  return { ok: false, problem: { isValid: false, message, error, name: def.name } };
}

/** Parses a HubSpot datetime value: epoch milliseconds or ISO 8601 (a bare date is midnight UTC). */
export function parseDateTime(value: string): number | null {
  const v = value.trim();
  if (EPOCH_MS.test(v)) return Number(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

/** Checks one non-empty string value against its property's type and returns the stored form. */
export function normalizePropertyValue(def: PropertyDefinition, raw: string): Normalized {
  const value = raw.trim();
  if (def.name === 'email') {
    if (!EMAIL.test(value)) return problem(def, 'INVALID_EMAIL', `Email address ${raw} is invalid`);
    // HubSpot stores primary emails lowercased.
    return { ok: true, value: value.toLowerCase() };
  }
  switch (def.type) {
    case 'number':
      if (!NUMBER.test(value)) return problem(def, 'INVALID_INTEGER', `${raw} was not a valid number.`);
      return { ok: true, value };
    case 'bool': {
      const lower = value.toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        return problem(def, 'INVALID_BOOLEAN', `${raw} was not a valid boolean, expected one of [true, false].`);
      }
      return { ok: true, value: lower };
    }
    case 'date': {
      // a date property holds a day: midnight UTC as epoch ms or YYYY-MM-DD, answered as YYYY-MM-DD
      const ms = parseDateTime(value);
      if (ms === null) return problem(def, 'INVALID_DATE', `${raw} was not a valid long.`);
      const iso = new Date(ms).toISOString();
      if (!iso.endsWith('T00:00:00.000Z')) return problem(def, 'INVALID_DATE', `${raw} is at ${iso.slice(11, 23)} UTC, not midnight!`);
      return { ok: true, value: iso.slice(0, 10) };
    }
    case 'datetime': {
      const ms = parseDateTime(value);
      if (ms === null) return problem(def, 'INVALID_DATE', `${raw} was not a valid long.`);
      return { ok: true, value: new Date(ms).toISOString() };
    }
    case 'enumeration': {
      if (def.options.length === 0) return { ok: true, value };
      const allowed = new Set(def.options.map((o) => o.value));
      // Multi-select (checkbox) values are ;-separated.
      const parts = def.fieldType === 'checkbox' ? value.split(';') : [value];
      const bad = parts.find((part) => !allowed.has(part));
      if (bad !== undefined) {
        const list = def.options.map((o) => `label: "${o.label}"\nvalue: "${o.value}"`).join(', ');
        return problem(def, 'INVALID_OPTION', `${bad} was not one of the allowed options: [${list}]`);
      }
      return { ok: true, value };
    }
    case 'string':
    case 'phone_number':
      return { ok: true, value: raw };
  }
}

export type WriteValidation =
  { ok: true; properties: WireProperties } | { ok: false; problems: PropertyProblem[] } | { ok: false; malformed: string };

/**
 * Validates the `properties` object of a create/update. Numbers and booleans are accepted and stringified (HubSpot
 * coerces them); null or "" clears the property; objects and arrays are malformed input.
 */
export function validateWriteProperties(info: ObjectTypeInfo, input: unknown): WriteValidation {
  if (input === undefined || input === null) return { ok: true, properties: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, malformed: 'properties must be an object of property names to string values' };
  }
  const problems: PropertyProblem[] = [];
  const properties: WireProperties = {};
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    const def = info.properties.get(name);
    if (!def) {
      problems.push({ isValid: false, message: `Property "${name}" does not exist`, error: 'PROPERTY_DOESNT_EXIST', name });
      continue;
    }
    if (raw !== null && typeof raw === 'object') {
      return { ok: false, malformed: `property ${name} must be a string, number or boolean` };
    }
    if (def.readOnlyValue) {
      problems.push({
        isValid: false,
        message: `${name} is a read only property; its value cannot be set.`,
        error: 'READ_ONLY_VALUE',
        name,
      });
      continue;
    }
    const text = raw === null || raw === undefined ? '' : String(raw);
    if (text === '') {
      properties[name] = '';
      continue;
    }
    const normalized = normalizePropertyValue(def, text);
    if (normalized.ok) properties[name] = normalized.value;
    else problems.push(normalized.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, properties };
}
