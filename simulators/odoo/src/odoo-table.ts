import type { OdooRecord } from './odoo-domain.ts';
import type { FieldDef, ModelDef } from './odoo-models.ts';

/** `[id, name]` or a bare id → the id; anything else → false. */
export function refId(v: unknown): number | false {
  if (Array.isArray(v)) return typeof v[0] === 'number' ? v[0] : false;
  return typeof v === 'number' ? v : false;
}

function indexKey(def: FieldDef, v: unknown): unknown {
  if (def.type === 'many2one') return refId(v);
  if (typeof v === 'string') return v.toLowerCase();
  return v;
}

/**
 * One model's records in wire format, keyed by id, with value → ids indexes on the fields marked `index` (strings
 * lower-cased, many2one by target id), so lookups by SKU, email, product or order stay O(k).
 */
export class Table {
  readonly records = new Map<number, OdooRecord>();
  private readonly indexes = new Map<string, { def: FieldDef; map: Map<unknown, Set<number>> }>();
  nextId = 1;
  /** true while records were inserted in ascending id order (the default `id` sort then needs no work) */
  ascending = true;
  private lastId = 0;

  readonly def: ModelDef;

  constructor(def: ModelDef) {
    this.def = def;
    for (const [name, f] of Object.entries(def.fields)) {
      if (f.index) this.indexes.set(name, { def: f, map: new Map() });
    }
  }

  get(id: number): OdooRecord | undefined {
    return this.records.get(id);
  }

  /** inserts or replaces a record (by its `id`) and indexes it */
  put(rec: OdooRecord): void {
    const id = rec['id'] as number;
    const old = this.records.get(id);
    if (old) this.unindex(old);
    else {
      if (id < this.lastId) this.ascending = false;
      this.lastId = Math.max(this.lastId, id);
    }
    this.records.set(id, rec);
    this.index(rec);
    if (id >= this.nextId) this.nextId = id + 1;
  }

  /** applies changes to a stored record in place, keeping the indexes right */
  update(rec: OdooRecord, changes: OdooRecord): void {
    const touched = Object.keys(changes).some((k) => this.indexes.has(k));
    if (touched) this.unindex(rec);
    Object.assign(rec, changes);
    if (touched) this.index(rec);
  }

  remove(id: number): void {
    const rec = this.records.get(id);
    if (!rec) return;
    this.unindex(rec);
    this.records.delete(id);
  }

  /** ids whose indexed field equals the key; undefined when the field has no index */
  lookup(field: string, key: unknown): readonly number[] | undefined {
    const idx = this.indexes.get(field);
    if (!idx) return undefined;
    const k = typeof key === 'string' ? key.toLowerCase() : key;
    const hits = idx.map.get(k);
    return hits ? [...hits] : [];
  }

  hasIndex(field: string): boolean {
    return this.indexes.has(field);
  }

  clear(): void {
    this.records.clear();
    for (const idx of this.indexes.values()) idx.map.clear();
    this.nextId = 1;
    this.lastId = 0;
    this.ascending = true;
  }

  private index(rec: OdooRecord): void {
    const id = rec['id'] as number;
    for (const [name, idx] of this.indexes) {
      const key = indexKey(idx.def, rec[name]);
      if (key === false || key === undefined || key === null || key === '') continue;
      let set = idx.map.get(key);
      if (!set) {
        set = new Set();
        idx.map.set(key, set);
      }
      set.add(id);
    }
  }

  private unindex(rec: OdooRecord): void {
    const id = rec['id'] as number;
    for (const [name, idx] of this.indexes) {
      const key = indexKey(idx.def, rec[name]);
      const set = idx.map.get(key);
      if (!set) continue;
      set.delete(id);
      if (set.size === 0) idx.map.delete(key);
    }
  }
}
