import { RecordsError } from '@omnigraph/simulator-core';
import type { OdooRecord } from './odoo-domain.ts';
import { MODELS, type FieldDef } from './odoo-models.ts';

/**
 * Validates a `POST /__simulator/records` payload: `{ "<model>": [ <records as search_read returns them> ] }`.
 * Checks what would make the store lie (unknown model or field, wrong wire types, missing id or required field on
 * a new record) and reports every problem at once. Computed fields (quantities, display names of writable models,
 * one2many lists) are dropped: the simulator derives them like Odoo does.
 */
export function validateRecords(payload: unknown, exists: (model: string, id: number) => boolean): Array<{ model: string; records: OdooRecord[] }> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new RecordsError('records payload must be an object: { "<model>": [ <records as search_read returns them> ] }');
  }
  const problems: string[] = [];
  const batches: Array<{ model: string; records: OdooRecord[] }> = [];
  // Load order matters for display names of many2one pairs given as bare ids: referenced models first.
  const order = Object.keys(MODELS);
  const entries = Object.entries(payload as Record<string, unknown>).sort(
    ([a], [b]) => (order.indexOf(a) === -1 ? 999 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 999 : order.indexOf(b)),
  );
  for (const [model, list] of entries) {
    const def = MODELS[model];
    if (!def) {
      problems.push(`unknown model ${JSON.stringify(model)}; known models: ${order.join(', ')}`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`${model}: expected an array of records`);
      continue;
    }
    const records: OdooRecord[] = [];
    list.forEach((raw, i) => {
      const where = `${model}[${i}]`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push(`${where}: expected a record object`);
        return;
      }
      const rec = raw as Record<string, unknown>;
      const id = rec['id'];
      if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) {
        problems.push(`${where}.id: expected a positive integer, got ${JSON.stringify(id)}`);
        return;
      }
      const isNew = !exists(model, id);
      const out: OdooRecord = { id };
      for (const [name, value] of Object.entries(rec)) {
        if (name === 'id') continue;
        const f = def.fields[name];
        if (!f) {
          problems.push(`${where}.${name}: unknown field of ${model}`);
          continue;
        }
        // Computed fields are derived by the simulator; display_name is kept for read-only models (products,
        // locations…) because their names cannot change through the API.
        if (f.compute && !(name === 'display_name' && !def.writable)) continue;
        const err = checkValue(f, value);
        if (err) problems.push(`${where}.${name}: ${err}, got ${JSON.stringify(value)}`);
        else out[name] = value;
      }
      if (isNew) {
        for (const [name, f] of Object.entries(def.fields)) {
          if (f.required && !f.compute && (out[name] === undefined || out[name] === false)) {
            problems.push(`${where}.${name}: required for a new ${model} record`);
          }
        }
      }
      records.push(out);
    });
    batches.push({ model, records });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    if (problems.length > 20) shown.push(`… and ${problems.length - 20} more`);
    throw new RecordsError(`invalid Odoo records:\n${shown.join('\n')}`);
  }
  return batches;
}

const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(f: FieldDef, v: unknown): string | null {
  switch (f.type) {
    case 'integer':
      return Number.isInteger(v) ? null : 'expected an integer';
    case 'float':
    case 'monetary':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'expected a number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'expected true or false';
    case 'char':
    case 'text':
    case 'html':
      return typeof v === 'string' || v === false ? null : 'expected a string or false (Odoo sends false for empty)';
    case 'selection':
      if (v === false) return null;
      if (typeof v !== 'string') return 'expected a selection key or false';
      return f.selection && !f.selection.some(([k]) => k === v) ? `expected one of ${f.selection.map(([k]) => k).join(', ')}` : null;
    case 'datetime':
      return v === false || (typeof v === 'string' && DATETIME_RE.test(v)) ? null : 'expected "YYYY-MM-DD HH:MM:SS" (UTC) or false';
    case 'date':
      return v === false || (typeof v === 'string' && DATE_RE.test(v)) ? null : 'expected "YYYY-MM-DD" or false';
    case 'many2one':
      if (v === false) return null;
      if (Number.isInteger(v) && (v as number) > 0) return null;
      return Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && typeof v[1] === 'string'
        ? null
        : 'expected [id, "display name"], an id or false';
    case 'one2many':
    case 'many2many':
      return Array.isArray(v) && v.every((x) => Number.isInteger(x)) ? null : 'expected a list of ids';
    default:
      return null;
  }
}
