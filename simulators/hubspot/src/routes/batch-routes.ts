import type { Route, SimResponse } from '@omnigraph/simulator-core';
import { authed, countTyped, objectTypeOf, writeSource, type HubSpotContext } from '../hubspot-context.ts';
import { readJsonBody } from '../hubspot-errors.ts';
import type { WireProperties } from '../hubspot-mappers.ts';
import type { ObjectTypeInfo, ObjectTypeName } from '../hubspot-properties.ts';
import type { CrmRecord } from '../hubspot-store.ts';
import { boolParam, serializeRecord } from '../hubspot-wire.ts';
import {
  batchTimes,
  checkIdProperty,
  findReadable,
  findRecord,
  linkAssociations,
  missingRequired,
  parseCreateAssociations,
  prepareWrite,
  uniqueConflict,
  writtenNames,
} from '../object-operations.ts';

export const MAX_BATCH_INPUTS = 100;
/** Reading property histories is heavier, so HubSpot allows half the inputs. */
export const MAX_BATCH_HISTORY_INPUTS = 50;

type Inputs = { ok: true; inputs: Record<string, unknown>[] } | { ok: false; response: SimResponse };

function readInputs(ctx: HubSpotContext, body: Record<string, unknown>, max = MAX_BATCH_INPUTS): Inputs {
  const inputs = body['inputs'];
  if (!Array.isArray(inputs)) {
    return { ok: false, response: ctx.errors.validation('Invalid input JSON on line 1, column 1: inputs is required and must be an array') };
  }
  if (inputs.length > max) {
    const message =
      max === MAX_BATCH_HISTORY_INPUTS
        ? `The maximum number of inputs supported in a batch request for property histories is ${max}. Please reduce the number of items and try again`
        : `The maximum number of inputs supported in a batch is ${max}. Please reduce the number of items and try again`;
    return { ok: false, response: ctx.errors.validation(message) };
  }
  if (inputs.some((i) => typeof i !== 'object' || i === null || Array.isArray(i))) {
    return { ok: false, response: ctx.errors.validation('Invalid input JSON: each input must be an object') };
  }
  return { ok: true, inputs: inputs as Record<string, unknown>[] };
}

function inputId(input: Record<string, unknown>): string | null {
  const id = input['id'];
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return null;
}

function stringList(v: unknown): string[] | null {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
}

function notFoundError(info: ObjectTypeInfo, ids: string[]): Record<string, unknown> {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${info.singularUpper} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
    links: {},
    errors: [],
  };
}

function batchResponse(status: number, results: unknown[], startedAt: Date, errors: Record<string, unknown>[] = []): SimResponse {
  const body: Record<string, unknown> = { status: 'COMPLETE', results };
  if (errors.length > 0) {
    body['numErrors'] = errors.length;
    body['errors'] = errors;
  }
  Object.assign(body, batchTimes(startedAt));
  return { status: errors.length > 0 ? 207 : status, body };
}

/** Rejects the same id twice in one update/upsert batch, as HubSpot does. `keys` parallel `ids`. */
function duplicateIds(ctx: HubSpotContext, ids: string[], keys: string[] = ids): SimResponse | null {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  keys.forEach((key, i) => {
    if (seen.has(key)) dupes.add(ids[i]!);
    seen.add(key);
  });
  if (dupes.size === 0) return null;
  return ctx.errors.validation(`Duplicate IDs found in batch input: [${[...dupes].join(', ')}]. IDs must be unique`);
}

export function batchRoutes(ctx: HubSpotContext, prefix: string): Route[] {
  const path = `${prefix}/:objectType/batch/:action`;
  return [
    {
      method: 'POST',
      path,
      handler: authed(ctx, (req) => {
        const t = objectTypeOf(ctx, req);
        if ('response' in t) return t.response;
        const { info } = t;
        const action = req.params['action']!;
        if (!['read', 'create', 'update', 'upsert', 'archive'].includes(action)) return ctx.errors.resourceNotFound();
        countTyped(req, path.replace(':action', action), info);
        const parsed = readJsonBody(req, ctx.errors);
        if (!parsed.ok) return parsed.response;
        const body = (parsed.value ?? {}) as Record<string, unknown>;
        if (typeof body !== 'object' || Array.isArray(body)) return ctx.errors.validation('Invalid input JSON: expected an object');
        const startedAt = new Date();
        switch (action) {
          case 'read':
            return batchRead(ctx, info, body, boolParam(req, 'archived'), startedAt);
          case 'create':
            return batchCreate(ctx, info, body, startedAt);
          case 'update':
            return batchUpdate(ctx, info, body, startedAt);
          case 'upsert':
            return batchUpsert(ctx, info, body, startedAt);
          default:
            return batchArchive(ctx, info.name, body);
        }
      }),
    },
  ];
}

function batchRead(ctx: HubSpotContext, info: ObjectTypeInfo, body: Record<string, unknown>, archived: boolean, startedAt: Date): SimResponse {
  const propertiesWithHistory = stringList(body['propertiesWithHistory']);
  const withHistory = propertiesWithHistory !== null && propertiesWithHistory.length > 0;
  const read = readInputs(ctx, body, withHistory ? MAX_BATCH_HISTORY_INPUTS : MAX_BATCH_INPUTS);
  if (!read.ok) return read.response;
  const idProperty = typeof body['idProperty'] === 'string' ? body['idProperty'] : null;
  const bad = checkIdProperty(ctx, info, idProperty);
  if (bad) return bad;
  const properties = stringList(body['properties']);
  const options = { properties: properties && properties.length > 0 ? properties : null, propertiesWithHistory };
  const col = ctx.store.collections[info.name];
  const seen = new Set<CrmRecord>();
  const missing: string[] = [];
  const results: unknown[] = [];
  for (const input of read.inputs) {
    const id = inputId(input);
    if (id === null) return ctx.errors.validation('Invalid input JSON: each input needs an id');
    const record = findReadable(col, id, idProperty, archived);
    if (!record) {
      if (!missing.includes(id)) missing.push(id);
      continue;
    }
    if (seen.has(record)) continue;
    seen.add(record);
    results.push(serializeRecord(ctx.store, record, options));
  }
  return batchResponse(200, results, startedAt, missing.length > 0 ? [notFoundError(info, missing)] : []);
}

function batchCreate(ctx: HubSpotContext, info: ObjectTypeInfo, body: Record<string, unknown>, startedAt: Date): SimResponse {
  const read = readInputs(ctx, body);
  if (!read.ok) return read.response;
  const col = ctx.store.collections[info.name];
  const pending = new Map<string, string>();
  const prepared: { properties: WireProperties; targets: { to: ObjectTypeName; id: string }[] }[] = [];
  // HubSpot validates the whole batch first: one bad input fails the request and nothing is created.
  for (const [i, input] of read.inputs.entries()) {
    const write = prepareWrite(ctx, info, input['properties']);
    if (!write.ok) return write.response;
    const required = missingRequired(ctx, info, write.properties);
    if (required) return required;
    const conflict = uniqueConflict(ctx, col, write.properties, null, pending, `new#${i}`);
    if (conflict) return conflict;
    const assoc = parseCreateAssociations(ctx, info, input['associations']);
    if (!assoc.ok) return assoc.response;
    prepared.push({ properties: write.properties, targets: assoc.targets });
  }
  const results = prepared.map((p) => {
    const record = ctx.store.create(info.name, p.properties, writeSource(ctx));
    linkAssociations(ctx, record, p.targets);
    return serializeRecord(ctx.store, record, { properties: Object.keys(record.properties) });
  });
  return batchResponse(201, results, startedAt);
}

function batchUpdate(ctx: HubSpotContext, info: ObjectTypeInfo, body: Record<string, unknown>, startedAt: Date): SimResponse {
  const read = readInputs(ctx, body);
  if (!read.ok) return read.response;
  const col = ctx.store.collections[info.name];
  const ids: string[] = [];
  for (const input of read.inputs) {
    const id = inputId(input);
    if (id === null) return ctx.errors.validation('Invalid input JSON: each input needs an id');
    ids.push(id);
  }
  const dupes = duplicateIds(ctx, ids);
  if (dupes) return dupes;
  const pending = new Map<string, string>();
  const prepared: { record: CrmRecord; properties: WireProperties }[] = [];
  const missing: string[] = [];
  for (const [i, input] of read.inputs.entries()) {
    const idProperty = typeof input['idProperty'] === 'string' ? input['idProperty'] : null;
    const bad = checkIdProperty(ctx, info, idProperty);
    if (bad) return bad;
    const write = prepareWrite(ctx, info, input['properties']);
    if (!write.ok) return write.response;
    const record = findRecord(col, ids[i]!, idProperty, false);
    if (!record) {
      missing.push(ids[i]!);
      continue;
    }
    const conflict = uniqueConflict(ctx, col, write.properties, record.id, pending);
    if (conflict) return conflict;
    prepared.push({ record, properties: write.properties });
  }
  const results = prepared.map(({ record, properties }) => {
    ctx.store.update(record, properties, writeSource(ctx));
    return serializeRecord(ctx.store, record, { properties: writtenNames(info, Object.keys(properties)) });
  });
  return batchResponse(200, results, startedAt, missing.length > 0 ? [notFoundError(info, missing)] : []);
}

/** Creates or updates by a unique `idProperty`; results say `new: true` for the created ones. */
function batchUpsert(ctx: HubSpotContext, info: ObjectTypeInfo, body: Record<string, unknown>, startedAt: Date): SimResponse {
  const read = readInputs(ctx, body);
  if (!read.ok) return read.response;
  const col = ctx.store.collections[info.name];
  const prepared: { id: string; idProperty: string | null; properties: WireProperties }[] = [];
  const keys: string[] = [];
  for (const input of read.inputs) {
    const id = inputId(input);
    if (id === null) return ctx.errors.validation('Invalid input JSON: each input needs an id');
    const idProperty = typeof input['idProperty'] === 'string' ? input['idProperty'] : null;
    const bad = checkIdProperty(ctx, info, idProperty);
    if (bad) return bad;
    const write = prepareWrite(ctx, info, input['properties']);
    if (!write.ok) return write.response;
    keys.push(`${idProperty ?? 'hs_object_id'}\u0000${idProperty === 'email' ? id.toLowerCase() : id}`);
    prepared.push({ id, idProperty, properties: write.properties });
  }
  const dupes = duplicateIds(
    ctx,
    prepared.map((p) => p.id),
    keys,
  );
  if (dupes) return dupes;
  const pending = new Map<string, string>();
  const plan: { record: CrmRecord | null; properties: WireProperties }[] = [];
  for (const [i, p] of prepared.entries()) {
    const existing = findRecord(col, p.id, p.idProperty, false) ?? null;
    if (!existing && (!p.idProperty || p.idProperty === 'hs_object_id')) {
      // Upserting by record id cannot create: HubSpot needs a unique property value to create from.
      return ctx.errors.validation(`Object ${p.id} does not exist and cannot be created without a unique idProperty`);
    }
    const properties = existing ? p.properties : { ...p.properties, [p.idProperty!]: p.id };
    if (!existing) {
      const required = missingRequired(ctx, info, properties);
      if (required) return required;
    }
    const conflict = uniqueConflict(ctx, col, properties, existing?.id ?? null, pending, existing?.id ?? `new#${i}`);
    if (conflict) return conflict;
    plan.push({ record: existing, properties });
  }
  const results = plan.map(({ record, properties }) => {
    if (record) {
      ctx.store.update(record, properties, writeSource(ctx));
      return { ...serializeRecord(ctx.store, record, { properties: writtenNames(info, Object.keys(properties)) }), new: false };
    }
    const created = ctx.store.create(info.name, properties, writeSource(ctx));
    return { ...serializeRecord(ctx.store, created, { properties: Object.keys(created.properties) }), new: true };
  });
  return batchResponse(200, results, startedAt);
}

function batchArchive(ctx: HubSpotContext, type: ObjectTypeName, body: Record<string, unknown>): SimResponse {
  const read = readInputs(ctx, body);
  if (!read.ok) return read.response;
  const ids: string[] = [];
  for (const input of read.inputs) {
    const id = inputId(input);
    if (id === null) return ctx.errors.validation('Invalid input JSON: each input needs an id');
    ids.push(id);
  }
  const col = ctx.store.collections[type];
  for (const id of ids) {
    const record = col.byId.get(id);
    if (record) ctx.store.archive(record);
  }
  return { status: 204 };
}
