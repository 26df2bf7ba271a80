import type { SimResponse } from '@omnigraph/simulator-core';
import type { HubSpotContext } from './hubspot-context.ts';
import type { WireProperties } from './hubspot-mappers.ts';
import { OBJECT_TYPES, uniqueProperties, type ObjectTypeInfo, type ObjectTypeName } from './hubspot-properties.ts';
import type { CrmRecord, ObjectCollection } from './hubspot-store.ts';
import { validateWriteProperties } from './property-values.ts';

/** Shared by the single-object and batch endpoints: lookups, write validation, unique conflicts, associations. */

/** Validates `idProperty`: absent or hs_object_id means record ids; anything else must be a unique property. */
export function checkIdProperty(ctx: HubSpotContext, info: ObjectTypeInfo, idProperty: string | null | undefined): SimResponse | null {
  if (idProperty === null || idProperty === undefined || idProperty === '' || idProperty === 'hs_object_id') return null;
  const def = info.properties.get(idProperty);
  if (!def) return ctx.errors.validation(`Property "${idProperty}" does not exist`);
  if (!def.hasUniqueValue) {
    return ctx.errors.validation(
      `${idProperty} is not a unique identifier property for ${info.name}; use one of ${uniqueProperties(info).join(', ')}`,
    );
  }
  return null;
}

/** A record by id or by a unique property; `archived` searches only the archived ones, as HubSpot does. */
export function findRecord(col: ObjectCollection, id: string, idProperty: string | null | undefined, archived: boolean): CrmRecord | undefined {
  const byUnique = idProperty && idProperty !== 'hs_object_id';
  if (!byUnique) {
    const r = col.byId.get(id);
    return r && r.archived === archived ? r : undefined;
  }
  return archived ? col.findArchivedByUnique(idProperty, id) : col.findUnique(idProperty, id);
}

/**
 * {@link findRecord} for reads: a live record's id that was merged away reads as the record it was merged into, whose
 * id differs ("fetching any records using the original IDs will return the new merged record with the new ID",
 * https://developers.hubspot.com/changelog/updated-merge-functionality-for-contacts-and-companies). No redirect: a 200
 * with the surviving record.
 */
export function findReadable(col: ObjectCollection, id: string, idProperty: string | null | undefined, archived: boolean): CrmRecord | undefined {
  const record = findRecord(col, id, idProperty, archived);
  if (record || archived || (idProperty && idProperty !== 'hs_object_id')) return record;
  return col.survivorOf(id);
}

export type PreparedWrite = { ok: true; properties: WireProperties } | { ok: false; response: SimResponse };

/** Validates a `properties` object; answers HubSpot's VALIDATION_ERROR body on unknown, read-only or bad values. */
export function prepareWrite(ctx: HubSpotContext, info: ObjectTypeInfo, input: unknown): PreparedWrite {
  const v = validateWriteProperties(info, input);
  if (v.ok) return v;
  if ('malformed' in v) return { ok: false, response: ctx.errors.validation(`Invalid input JSON: ${v.malformed}`) };
  return { ok: false, response: ctx.errors.propertyValues(v.problems) };
}

/**
 * The first unique property whose new value another active record already holds. HubSpot answers a taken email with
 * 409 "Contact already exists. Existing ID: …"; other unique properties collide the same way.
 */
export function uniqueConflict(
  ctx: HubSpotContext,
  col: ObjectCollection,
  properties: WireProperties,
  selfId: string | null,
  /** unique values already claimed earlier in the same batch, by the claiming input */
  pending?: Map<string, string>,
  /** who claims the values in `pending`: the record id, or a per-input key for records still to be created */
  owner: string = selfId ?? '',
): SimResponse | null {
  for (const name of col.unique.keys()) {
    if (name === 'hs_object_id') continue;
    const v = properties[name];
    if (v === undefined || v === '') continue;
    const holder = col.findUnique(name, v);
    const pendingKey = `${name}\u0000${name === 'email' ? v.toLowerCase() : v}`;
    const pendingHolder = pending?.get(pendingKey);
    if (holder && holder.id !== selfId) return conflict(ctx, col.info, name, holder.id);
    if (pendingHolder !== undefined && pendingHolder !== owner) {
      return ctx.errors.validation(`Duplicate value "${v}" for unique property ${name} in batch input`);
    }
    pending?.set(pendingKey, owner);
  }
  return null;
}

function conflict(ctx: HubSpotContext, info: ObjectTypeInfo, property: string, existingId: string): SimResponse {
  const message =
    info.name === 'contacts' && property === 'email'
      ? `Contact already exists. Existing ID: ${existingId}`
      : `A ${info.singularUpper.toLowerCase()} with the same value for the unique property ${property} already exists. Existing ID: ${existingId}`;
  return ctx.errors.error(409, message, 'CONFLICT');
}

/** The association types this portal knows: HUBSPOT_DEFINED note↔contact. */
const ASSOCIATION_TYPES: Record<string, { to: ObjectTypeName; typeId: number }> = {
  'notes->contacts': { to: 'contacts', typeId: 202 },
  'contacts->notes': { to: 'notes', typeId: 201 },
};

export function associationTypeId(from: ObjectTypeName, to: ObjectTypeName): number | null {
  return ASSOCIATION_TYPES[`${from}->${to}`]?.typeId ?? null;
}

/**
 * Validates `associations: [{to:{id}, types:[{associationCategory, associationTypeId}]}]` of a create: the target must
 * exist and the type must be a HUBSPOT_DEFINED id from this object type. Returns the targets to link once the record
 * exists.
 */
export function parseCreateAssociations(
  ctx: HubSpotContext,
  info: ObjectTypeInfo,
  input: unknown,
): { ok: true; targets: { to: ObjectTypeName; id: string }[] } | { ok: false; response: SimResponse } {
  if (input === undefined || input === null) return { ok: true, targets: [] };
  const invalid = (detail: string) => ({
    ok: false as const,
    response: ctx.errors.validation('One or more associations are invalid', { context: { detail: [detail] } }),
  });
  if (!Array.isArray(input)) return invalid('associations must be an array');
  const targets: { to: ObjectTypeName; id: string }[] = [];
  for (const a of input) {
    const to = (a as Record<string, unknown> | null)?.['to'] as Record<string, unknown> | undefined;
    const types = (a as Record<string, unknown> | null)?.['types'];
    const rawId = to?.['id'];
    const id = typeof rawId === 'number' ? String(rawId) : rawId;
    if (typeof id !== 'string' || !Array.isArray(types) || types.length === 0) {
      return invalid('each association needs to.id and a non-empty types array');
    }
    let target: ObjectTypeName | null = null;
    for (const t of types) {
      const tt = t as Record<string, unknown>;
      const known = Object.entries(ASSOCIATION_TYPES).find(
        ([key, v]) => key.startsWith(`${info.name}->`) && v.typeId === Number(tt['associationTypeId']),
      );
      if (tt['associationCategory'] !== 'HUBSPOT_DEFINED' || !known) {
        return invalid(
          `association type ${String(tt['associationCategory'])}/${String(tt['associationTypeId'])} is not valid from ${info.objectTypeId}`,
        );
      }
      target = known[1].to;
    }
    const targetRecord = ctx.store.collections[target!].byId.get(id);
    if (!targetRecord || targetRecord.archived) return invalid(`${OBJECT_TYPES[target!].objectTypeId} ${id} does not exist`);
    targets.push({ to: target!, id });
  }
  return { ok: true, targets };
}

export function linkAssociations(ctx: HubSpotContext, record: CrmRecord, targets: { to: ObjectTypeName; id: string }[]): void {
  for (const t of targets) {
    if (record.type === 'notes' && t.to === 'contacts') ctx.store.associate(record.id, t.id);
    else if (record.type === 'contacts' && t.to === 'notes') ctx.store.associate(t.id, record.id);
  }
}

/** HubSpot requires the activity timestamp on engagements. */
export function missingRequired(ctx: HubSpotContext, info: ObjectTypeInfo, properties: WireProperties): SimResponse | null {
  if (info.name === 'notes' && !properties['hs_timestamp']) {
    return ctx.errors.propertyValues([{ isValid: false, message: 'hs_timestamp is required', error: 'REQUIRED_PROPERTY', name: 'hs_timestamp' }]);
  }
  return null;
}

export function batchTimes(startedAt: Date): { startedAt: string; completedAt: string } {
  return { startedAt: startedAt.toISOString(), completedAt: new Date().toISOString() };
}

/** The names a write response shows: what was written plus the always-present properties. */
export function writtenNames(info: ObjectTypeInfo, written: Iterable<string>): string[] {
  return [...new Set<string>([...info.alwaysProperties, ...written])];
}
