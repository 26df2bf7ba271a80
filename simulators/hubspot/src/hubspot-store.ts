import { RecordsError, type SimulatorStore } from '@omnigraph/simulator-core';
import type { Dataset } from '@omnigraph/simulator-dataset';
import {
  compareNumericIds,
  contactToWire,
  demoContacts,
  isoMillis,
  noteToWire,
  ownersFromNotes,
  phoneDigits,
  toTextPlPortal,
  type WireOwner,
  type WireProperties,
} from './hubspot-mappers.ts';
import { OBJECT_TYPES, objectTypesFor, type ObjectTypeInfo, type ObjectTypeName, type PortalVariant } from './hubspot-properties.ts';
import { normalizePropertyValue } from './property-values.ts';

export interface PropertyVersion {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

/** One CRM object, held as HubSpot stores it: string property values, unset properties absent. */
export interface CrmRecord {
  id: string;
  type: ObjectTypeName;
  properties: WireProperties;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  /** versions of properties written after the seed, newest first (seed values are synthesised on read) */
  history?: Map<string, PropertyVersion[]>;
}

export interface WriteSource {
  sourceType: string;
  sourceId: string;
}

export type StoreEvent =
  | { kind: 'creation'; record: CrmRecord; changes: [string, string][]; at: number }
  | { kind: 'propertyChange'; record: CrmRecord; changes: [string, string][]; at: number }
  | { kind: 'deletion'; record: CrmRecord; at: number }
  /** `record` is the primary (surviving) contact; `mergedIds` the contacts merged into it, now gone */
  | { kind: 'merge'; record: CrmRecord; mergedIds: string[]; at: number }
  /** the record was erased for good (GDPR delete): not even readable with `archived=true` */
  | { kind: 'gdprDeletion'; record: CrmRecord; at: number };

/** Properties whose values HubSpot derives from another property on every write. */
const DERIVED: Record<string, string> = {
  phone: 'hs_searchable_calculated_phone_number',
  mobilephone: 'hs_searchable_calculated_mobile_number',
};

/** Index keys: emails compare case-insensitively (HubSpot lowercases them), other unique values exactly. */
function indexKey(property: string, value: string): string {
  return property === 'email' ? value.toLowerCase() : value;
}

/** Non-unique properties indexed for search EQ lookups (phone matching is the hot path of identity resolution). */
const MULTI_INDEXED = ['hs_searchable_calculated_phone_number', 'hs_searchable_calculated_mobile_number'];

export class ObjectCollection {
  readonly byId = new Map<string, CrmRecord>();
  /** unique property → value → the active (non-archived) record holding it */
  readonly unique = new Map<string, Map<string, CrmRecord>>();
  readonly multi = new Map<string, Map<string, Set<CrmRecord>>>();
  /** a merged-away record id → the id of the record it was merged into (HubSpot keeps answering reads by old ids) */
  readonly mergedInto = new Map<string, string>();
  private sorted: CrmRecord[] = [];
  private sortedDirty = false;
  private maxId = 0n;

  readonly info: ObjectTypeInfo;

  constructor(info: ObjectTypeInfo) {
    this.info = info;
    for (const p of info.properties.values()) if (p.hasUniqueValue) this.unique.set(p.name, new Map());
    for (const name of MULTI_INDEXED) if (info.properties.has(name)) this.multi.set(name, new Map());
  }

  get size(): number {
    return this.byId.size;
  }

  nextId(): string {
    this.maxId += 1n;
    return this.maxId.toString();
  }

  /** All records, ordered by numeric id (the order of list endpoints). Sorted lazily after out-of-order inserts. */
  ordered(): readonly CrmRecord[] {
    if (this.sortedDirty) {
      this.sorted.sort((a, b) => compareNumericIds(a.id, b.id));
      this.sortedDirty = false;
    }
    return this.sorted;
  }

  insert(record: CrmRecord): void {
    const existing = this.byId.get(record.id);
    if (existing) {
      this.unindex(existing);
      const i = this.sorted.indexOf(existing);
      if (i >= 0) this.sorted[i] = record;
    } else {
      const last = this.sorted[this.sorted.length - 1];
      if (last && compareNumericIds(last.id, record.id) > 0) this.sortedDirty = true;
      this.sorted.push(record);
    }
    this.byId.set(record.id, record);
    const n = BigInt(record.id);
    if (n > this.maxId) this.maxId = n;
    this.index(record);
  }

  /** Forgets a record entirely (GDPR delete): gone from reads, lists and indexes, archived or not. */
  remove(record: CrmRecord): void {
    this.unindex(record);
    this.byId.delete(record.id);
    const i = this.sorted.indexOf(record);
    if (i >= 0) this.sorted.splice(i, 1);
  }

  index(record: CrmRecord): void {
    if (record.archived) return;
    for (const [name, map] of this.unique) {
      const v = name === 'hs_object_id' ? record.id : record.properties[name];
      if (v !== undefined) map.set(indexKey(name, v), record);
    }
    for (const [name, map] of this.multi) {
      const v = record.properties[name];
      if (v === undefined) continue;
      let set = map.get(v);
      if (!set) map.set(v, (set = new Set()));
      set.add(record);
    }
  }

  unindex(record: CrmRecord): void {
    for (const [name, map] of this.unique) {
      const v = name === 'hs_object_id' ? record.id : record.properties[name];
      if (v !== undefined && map.get(indexKey(name, v)) === record) map.delete(indexKey(name, v));
    }
    for (const [name, map] of this.multi) {
      const v = record.properties[name];
      if (v !== undefined) map.get(v)?.delete(record);
    }
  }

  /** An active record by a unique property (`email` case-insensitively), or by id for `hs_object_id`. */
  findUnique(property: string, value: string): CrmRecord | undefined {
    if (property === 'hs_object_id') {
      const r = this.byId.get(value);
      return r && !r.archived ? r : undefined;
    }
    return this.unique.get(property)?.get(indexKey(property, value));
  }

  /** The live record a merged-away id now reads as, following merges of merges; undefined when there is none. */
  survivorOf(id: string): CrmRecord | undefined {
    let next = this.mergedInto.get(id);
    for (let hops = 0; next !== undefined && hops < 100; hops++) {
      const r = this.byId.get(next);
      if (r && !r.archived) return r;
      next = this.mergedInto.get(next);
    }
    return undefined;
  }

  /** Archived records are out of the unique indexes (their values are free again), so they are found by a scan. */
  findArchivedByUnique(property: string, value: string): CrmRecord | undefined {
    const key = indexKey(property, value);
    for (const r of this.sorted) {
      if (!r.archived) continue;
      const v = property === 'hs_object_id' ? r.id : r.properties[property];
      if (v !== undefined && indexKey(property, v) === key) return r;
    }
    return undefined;
  }
}

export interface HubSpotStoreOptions {
  dataset: () => Dataset;
  /** what `describe()` shows under credentials */
  credentials: () => Record<string, unknown>;
  /** how the portal defined our custom contact properties; @default 'standard' */
  portalVariant?: PortalVariant | undefined;
}

/**
 * Contacts, notes, their associations and the owners, built from the canonical dataset and kept in HubSpot's wire
 * format, with indexes by id, every unique property and the searchable phone numbers.
 */
export class HubSpotStore implements SimulatorStore {
  collections!: Record<ObjectTypeName, ObjectCollection>;
  /** note id → contact ids, and the reverse; Sets keep association order stable */
  noteContacts = new Map<string, Set<string>>();
  contactNotes = new Map<string, Set<string>>();
  owners: WireOwner[] = [];
  ownersById = new Map<string, WireOwner>();
  /**
   * How long a new record stays invisible to search (HubSpot's index is eventually consistent); 0 = at once. Reads by
   * id, batch reads and associations are never delayed.
   */
  searchIndexLagMs = 0;
  /** notified of every API write, for webhooks */
  listener: ((event: StoreEvent) => void) | null = null;
  private resetHooks: (() => void)[] = [];
  private datasetCreatedAt = '';

  private readonly options: HubSpotStoreOptions;

  constructor(options: HubSpotStoreOptions) {
    this.options = options;
    this.build();
  }

  /** Runs after every reset, e.g. to clear the daily rate-limit counters and the webhook log. */
  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  private build(): void {
    const dataset = this.options.dataset();
    this.datasetCreatedAt = isoMillis(dataset.generatedAt);
    const variant = this.options.portalVariant ?? 'standard';
    const types = objectTypesFor(variant);
    this.collections = { contacts: new ObjectCollection(types.contacts), notes: new ObjectCollection(types.notes) };
    this.noteContacts = new Map();
    this.contactNotes = new Map();
    for (const c of dataset.crmContacts) {
      const w = variant === 'text-pl' ? toTextPlPortal(contactToWire(c)) : contactToWire(c);
      this.collections.contacts.insert({ ...w, type: 'contacts', archived: false });
    }
    for (const n of dataset.crmNotes) {
      const w = noteToWire(n);
      this.collections.notes.insert({
        id: w.id,
        type: 'notes',
        properties: w.properties,
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
        archived: false,
      });
      for (const contactId of w.contactIds) this.associate(w.id, contactId);
    }
    this.owners = ownersFromNotes(dataset.crmNotes, dataset.generatedAt);
    this.ownersById = new Map(this.owners.map((o) => [o.id, o]));
  }

  get propertiesCreatedAt(): string {
    return this.datasetCreatedAt;
  }

  reset(): void {
    this.build();
    for (const hook of this.resetHooks) hook();
  }

  associate(noteId: string, contactId: string): void {
    let toContacts = this.noteContacts.get(noteId);
    if (!toContacts) this.noteContacts.set(noteId, (toContacts = new Set()));
    toContacts.add(contactId);
    let toNotes = this.contactNotes.get(contactId);
    if (!toNotes) this.contactNotes.set(contactId, (toNotes = new Set()));
    toNotes.add(noteId);
  }

  /** Ids associated with a record of `from` type, ordered numerically. */
  associatedIds(from: ObjectTypeName, id: string, to: ObjectTypeName): string[] {
    let ids: Set<string> | undefined;
    if (from === 'contacts' && to === 'notes') ids = this.contactNotes.get(id);
    else if (from === 'notes' && to === 'contacts') ids = this.noteContacts.get(id);
    if (!ids) return [];
    const live = [...ids].filter((x) => {
      const r = this.collections[to].byId.get(x);
      return r !== undefined && !r.archived;
    });
    return live.sort(compareNumericIds);
  }

  /** Creates a record from validated, normalised properties; fires a creation event. */
  create(type: ObjectTypeName, properties: WireProperties, source: WriteSource): CrmRecord {
    const col = this.collections[type];
    const info = col.info;
    const now = new Date();
    const at = now.toISOString();
    const id = col.nextId();
    const props: WireProperties = {};
    for (const [k, v] of Object.entries(properties)) if (v !== '') props[k] = v;
    deriveProperties(props, Object.keys(properties));
    props[info.createdProperty] = at;
    props[info.modifiedProperty] = at;
    props['hs_object_id'] = id;
    const record: CrmRecord = { id, type, properties: props, createdAt: at, updatedAt: at, archived: false, history: new Map() };
    for (const [k, v] of Object.entries(props)) record.history!.set(k, [{ value: v, timestamp: at, ...source }]);
    col.insert(record);
    this.listener?.({ kind: 'creation', record, changes: Object.entries(props), at: now.getTime() });
    return record;
  }

  /**
   * Applies validated changes ("" clears a property). Timestamps move and an event fires only when a value really
   * changed, as in HubSpot, where re-sending the same value creates no new version.
   */
  update(record: CrmRecord, changes: WireProperties, source: WriteSource): string[] {
    const col = this.collections[record.type];
    const effective: WireProperties = { ...changes };
    for (const [from, to] of Object.entries(DERIVED)) {
      if (from in effective) effective[to] = phoneDigits(effective[from]) ?? '';
    }
    const changed = Object.entries(effective).filter(([k, v]) => (record.properties[k] ?? '') !== v);
    if (changed.length === 0) return [];
    const now = new Date();
    const at = now.toISOString();
    col.unindex(record);
    for (const [k, v] of changed) {
      this.ensureHistory(record, k);
      record.history!.get(k)!.unshift({ value: v, timestamp: at, ...source });
      if (v === '') delete record.properties[k];
      else record.properties[k] = v;
    }
    const modified = col.info.modifiedProperty;
    this.ensureHistory(record, modified);
    record.history!.get(modified)!.unshift({ value: at, timestamp: at, sourceType: 'CALCULATED', sourceId: 'ObjectPropertyUpdatesSource' });
    record.properties[modified] = at;
    record.updatedAt = at;
    col.index(record);
    this.listener?.({ kind: 'propertyChange', record, changes: changed, at: now.getTime() });
    return changed.map(([k]) => k);
  }

  archive(record: CrmRecord): void {
    if (record.archived) return;
    const col = this.collections[record.type];
    col.unindex(record);
    const now = new Date();
    record.archived = true;
    record.archivedAt = now.toISOString();
    record.updatedAt = record.archivedAt;
    this.listener?.({ kind: 'deletion', record, at: now.getTime() });
  }

  /**
   * Merges `merged` into `primary` (POST /crm/v3/objects/contacts/merge): the primary keeps its id and its values;
   * properties it lacks are taken from the merged contact, whose e-mail joins `hs_additional_emails`; the merged
   * contact is archived (and leaves the unique indexes, so its values can move to the primary). Notes follow.
   */
  merge(primary: CrmRecord, merged: CrmRecord, source: WriteSource): void {
    const col = this.collections[primary.type];
    col.unindex(merged);
    merged.archived = true;
    const now = new Date();
    merged.archivedAt = now.toISOString();
    merged.updatedAt = merged.archivedAt;
    const system = new Set(['hs_object_id', 'createdate', 'lastmodifieddate', 'email', 'hs_additional_emails', 'hs_merged_object_ids']);
    const changes: WireProperties = {};
    for (const [k, v] of Object.entries(merged.properties)) {
      if (system.has(k) || v === '' || (primary.properties[k] ?? '') !== '') continue;
      changes[k] = v;
    }
    const extra = [primary.properties['hs_additional_emails'], merged.properties['email'], merged.properties['hs_additional_emails']]
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .join(';');
    col.unindex(primary);
    for (const [k, v] of Object.entries(changes)) primary.properties[k] = v;
    if (extra !== '') primary.properties['hs_additional_emails'] = extra;
    // the merged contact's id, and the ids merged into it before, now read as the primary
    primary.properties['hs_merged_object_ids'] = [primary.properties['hs_merged_object_ids'], merged.id, merged.properties['hs_merged_object_ids']]
      .filter((x): x is string => typeof x === 'string' && x !== '')
      .join(';');
    col.mergedInto.set(merged.id, primary.id);
    primary.properties[col.info.modifiedProperty] = now.toISOString();
    primary.updatedAt = now.toISOString();
    for (const [k, v] of Object.entries(changes)) {
      this.ensureHistory(primary, k);
      primary.history!.get(k)!.unshift({ value: v, timestamp: primary.updatedAt, ...source });
    }
    col.index(primary);
    for (const noteId of this.contactNotes.get(merged.id) ?? []) this.associate(noteId, primary.id);
    this.listener?.({ kind: 'merge', record: primary, mergedIds: [merged.id], at: now.getTime() });
  }

  /** Erases a contact for good (POST /crm/v3/objects/contacts/gdpr-delete): no archive copy remains. */
  gdprDelete(record: CrmRecord): void {
    this.collections[record.type].remove(record);
    for (const noteId of this.contactNotes.get(record.id) ?? []) this.noteContacts.get(noteId)?.delete(record.id);
    this.contactNotes.delete(record.id);
    this.listener?.({ kind: 'gdprDeletion', record, at: Date.now() });
  }

  /** Versions of a property, newest first; a seed value counts as one version written when the record was made. */
  history(record: CrmRecord, property: string): PropertyVersion[] {
    const written = record.history?.get(property);
    if (written) return written;
    return seedVersion(record, property);
  }

  private ensureHistory(record: CrmRecord, property: string): void {
    if (!record.history) record.history = new Map();
    if (!record.history.has(property)) record.history.set(property, seedVersion(record, property));
  }

  loadRecords(payload: unknown): Record<string, number> {
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new RecordsError('records must be a JSON object like { "contacts": [...], "notes": [...] }');
    }
    const p = payload as Record<string, unknown>;
    const unknownKeys = Object.keys(p).filter((k) => k !== 'contacts' && k !== 'notes');
    if (unknownKeys.length > 0) {
      throw new RecordsError(`unknown record kinds ${unknownKeys.join(', ')}; expected "contacts" and/or "notes"`);
    }
    // Validate everything first so a bad payload loads nothing.
    const contacts = parseRecords(this.collections.contacts.info, p['contacts']);
    const notes = parseRecords(this.collections.notes.info, p['notes']);
    const contactIds = new Set([...this.collections.contacts.byId.keys(), ...contacts.map((c) => c.record.id)]);
    for (const [i, n] of notes.entries()) {
      for (const cid of n.associatedContacts) {
        if (!contactIds.has(cid)) throw new RecordsError(`notes[${i}].associations.contacts: contact ${cid} does not exist`);
      }
    }
    this.checkUniqueCollisions(contacts.map((c) => c.record));
    for (const { record } of contacts) this.collections.contacts.insert(record);
    for (const { record, associatedContacts } of notes) {
      this.collections.notes.insert(record);
      for (const cid of associatedContacts) this.associate(record.id, cid);
    }
    return { contacts: contacts.length, notes: notes.length };
  }

  private checkUniqueCollisions(records: CrmRecord[]): void {
    const col = this.collections.contacts;
    const seen = new Map<string, string>();
    for (const [i, r] of records.entries()) {
      if (r.archived) continue;
      for (const name of col.unique.keys()) {
        if (name === 'hs_object_id') continue;
        const v = r.properties[name];
        if (v === undefined) continue;
        const key = `${name}\u0000${indexKey(name, v)}`;
        const other = seen.get(key);
        if (other !== undefined && other !== r.id) {
          throw new RecordsError(`contacts[${i}].properties.${name}: "${v}" is also used by contact ${other} in this payload`);
        }
        seen.set(key, r.id);
        const holder = col.findUnique(name, v);
        if (holder && holder.id !== r.id) {
          throw new RecordsError(`contacts[${i}].properties.${name}: "${v}" already belongs to contact ${holder.id}`);
        }
      }
    }
  }

  describe(): Record<string, unknown> {
    const dataset = this.options.dataset();
    const count = (col: ObjectCollection) => {
      let archived = 0;
      for (const r of col.byId.values()) if (r.archived) archived += 1;
      return { total: col.size, archived };
    };
    return {
      portal: 'HubSpot CRM (private app)',
      portalVariant: this.options.portalVariant ?? 'standard',
      credentials: this.options.credentials(),
      counts: { contacts: count(this.collections.contacts), notes: count(this.collections.notes), owners: this.owners.length },
      demoCustomers: demoContacts(dataset),
    };
  }
}

function seedVersion(record: CrmRecord, property: string): PropertyVersion[] {
  const value = property === 'hs_object_id' ? record.id : record.properties[property];
  if (value === undefined) return [];
  const info = OBJECT_TYPES[record.type];
  const timestamp = property === info.modifiedProperty ? record.updatedAt : record.createdAt;
  return [{ value, timestamp, sourceType: property === info.modifiedProperty || property === 'hs_object_id' ? 'CALCULATED' : 'CRM_UI' }];
}

function deriveProperties(props: WireProperties, written: string[]): void {
  for (const [from, to] of Object.entries(DERIVED)) {
    if (!written.includes(from)) continue;
    const digits = phoneDigits(props[from]);
    if (digits) props[to] = digits;
    else delete props[to];
  }
}

interface ParsedRecord {
  record: CrmRecord;
  associatedContacts: string[];
}

const ID_PATTERN = /^[1-9]\d{0,17}$/;

function parseTime(where: string, value: unknown, fallback: string | undefined): string {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    return new Date().toISOString();
  }
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new RecordsError(`${where} must be an ISO 8601 datetime string`);
  }
  return isoMillis(value);
}

/** Validates records in the wire format of `GET /crm/v3/objects/{type}/{id}`: string property values only. */
function parseRecords(info: ObjectTypeInfo, input: unknown): ParsedRecord[] {
  const type = info.name;
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw new RecordsError(`${type} must be an array`);
  const ids = new Set<string>();
  return input.map((raw, i) => {
    const where = `${type}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordsError(`${where} must be an object`);
    const r = raw as Record<string, unknown>;
    const allowed = new Set(['id', 'properties', 'createdAt', 'updatedAt', 'archived', 'archivedAt', 'associations']);
    const extra = Object.keys(r).filter((k) => !allowed.has(k));
    if (extra.length > 0) throw new RecordsError(`${where}: unknown field(s) ${extra.join(', ')}`);
    if (typeof r['id'] !== 'string' || !ID_PATTERN.test(r['id'])) {
      throw new RecordsError(`${where}.id must be a numeric string like "51234567801" (HubSpot ids are strings)`);
    }
    const id = r['id'];
    if (ids.has(id)) throw new RecordsError(`${where}.id "${id}" appears twice in this payload`);
    ids.add(id);
    if (typeof r['properties'] !== 'object' || r['properties'] === null || Array.isArray(r['properties'])) {
      throw new RecordsError(`${where}.properties must be an object of string values`);
    }
    const props: WireProperties = {};
    for (const [name, value] of Object.entries(r['properties'] as Record<string, unknown>)) {
      const def = info.properties.get(name);
      if (!def) {
        throw new RecordsError(`${where}.properties.${name}: unknown ${type} property; known: ${[...info.properties.keys()].join(', ')}`);
      }
      if (value === null) continue;
      if (typeof value !== 'string') {
        throw new RecordsError(
          `${where}.properties.${name} must be a string or null, got ${typeof value} (HubSpot property values are strings: "${String(value)}")`,
        );
      }
      if (value === '') continue;
      const normalized = normalizePropertyValue(def, value);
      if (!normalized.ok) throw new RecordsError(`${where}.properties.${name}: ${normalized.problem.message}`);
      props[name] = normalized.value;
    }
    const createdAt = parseTime(`${where}.createdAt`, r['createdAt'], props[info.createdProperty]);
    const updatedAt = parseTime(`${where}.updatedAt`, r['updatedAt'], props[info.modifiedProperty] ?? createdAt);
    if (r['archived'] !== undefined && typeof r['archived'] !== 'boolean') throw new RecordsError(`${where}.archived must be a boolean`);
    const archived = r['archived'] === true;
    props[info.createdProperty] = createdAt;
    props[info.modifiedProperty] = updatedAt;
    props['hs_object_id'] = id;
    deriveProperties(
      props,
      Object.keys(DERIVED).filter((k) => props[k] !== undefined && props[DERIVED[k]!] === undefined),
    );
    const record: CrmRecord = { id, type, properties: props, createdAt, updatedAt, archived };
    if (archived) record.archivedAt = parseTime(`${where}.archivedAt`, r['archivedAt'], updatedAt);
    const associatedContacts: string[] = [];
    if (r['associations'] !== undefined) {
      if (type !== 'notes') throw new RecordsError(`${where}.associations is only supported on notes`);
      const a = r['associations'] as Record<string, unknown> | null;
      const list = a && typeof a === 'object' ? a['contacts'] : undefined;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || !ID_PATTERN.test(x))) {
        throw new RecordsError(`${where}.associations must look like { "contacts": ["51234567801"] }`);
      }
      associatedContacts.push(...(list as string[]));
    }
    return { record, associatedContacts };
  });
}
