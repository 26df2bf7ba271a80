import type { SimRequest } from '@omnigraph/simulator-core';
import { OBJECT_TYPES, resolveObjectType, type ObjectTypeInfo, type ObjectTypeName } from './hubspot-properties.ts';
import type { CrmRecord, HubSpotStore } from './hubspot-store.ts';

/** Record → the `SimplePublicObject(WithAssociations)` JSON of the v3 object APIs. */

export interface SerializeOptions {
  /** null: the type's default properties */
  properties: readonly string[] | null;
  propertiesWithHistory?: readonly string[] | null;
  /** object types whose associations to include (GET endpoints only) */
  associations?: readonly ObjectTypeName[] | null;
}

const ASSOCIATION_TYPE_NAMES: Record<string, string> = {
  'contacts->notes': 'contact_to_note',
  'notes->contacts': 'note_to_contact',
};

/** Names of the properties to return: the requested known ones plus the always-present ones, alphabetically. */
export function selectProperties(info: ObjectTypeInfo, requested: readonly string[] | null): string[] {
  if (requested === null) return [...info.defaultProperties];
  const names = new Set<string>(info.alwaysProperties);
  // HubSpot silently leaves out requested properties that do not exist.
  for (const p of requested) if (info.properties.has(p)) names.add(p);
  return [...names].sort();
}

export function serializeRecord(store: HubSpotStore, record: CrmRecord, options: SerializeOptions): Record<string, unknown> {
  const info = OBJECT_TYPES[record.type];
  const properties: Record<string, string | null> = {};
  for (const name of selectProperties(info, options.properties)) properties[name] = record.properties[name] ?? null;
  const out: Record<string, unknown> = { id: record.id, properties };
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown> = {};
    for (const name of options.propertiesWithHistory) {
      if (info.properties.has(name)) history[name] = store.history(record, name);
    }
    out['propertiesWithHistory'] = history;
  }
  out['createdAt'] = record.createdAt;
  out['updatedAt'] = record.updatedAt;
  out['archived'] = record.archived;
  if (record.archivedAt) out['archivedAt'] = record.archivedAt;
  if (options.associations && options.associations.length > 0) {
    const associations: Record<string, unknown> = {};
    for (const to of options.associations) {
      const ids = store.associatedIds(record.type, record.id, to);
      if (ids.length === 0) continue;
      const type = ASSOCIATION_TYPE_NAMES[`${record.type}->${to}`] ?? `${record.type}_to_${to}`;
      associations[to] = { results: ids.map((id) => ({ id, type })) };
    }
    if (Object.keys(associations).length > 0) out['associations'] = associations;
  }
  return out;
}

/** `properties=a,b&properties=c` → ['a','b','c']; absent or empty → null. */
export function listParam(req: SimRequest, name: string): string[] | null {
  const values = req.query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length > 0 ? values : null;
}

/** `associations=notes,0-46` → canonical type names; unknown types are ignored like HubSpot does. */
export function associationsParam(req: SimRequest): ObjectTypeName[] | null {
  const raw = listParam(req, 'associations');
  if (!raw) return null;
  const names = raw.map((r) => resolveObjectType(r)?.name).filter((n): n is ObjectTypeName => n !== undefined);
  return names.length > 0 ? [...new Set(names)] : null;
}

export function boolParam(req: SimRequest, name: string): boolean {
  return req.query.get(name)?.toLowerCase() === 'true';
}

/** The base URL the caller used, so `paging.next.link` leads back to this simulator rather than api.hubapi.com. */
export function baseUrl(req: SimRequest): string {
  const host = req.headers.host ?? 'localhost';
  return `http://${host}`;
}

export function pagingLink(req: SimRequest, after: string): string {
  const params = new URLSearchParams(req.query);
  params.set('after', after);
  return `${baseUrl(req)}${req.path}?${params.toString()}`;
}

export function bearerToken(req: SimRequest): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}
