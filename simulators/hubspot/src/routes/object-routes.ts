import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { typedHandler, writeSource, type HubSpotContext } from '../hubspot-context.ts';
import { readJsonBody } from '../hubspot-errors.ts';
import { compareNumericIds, type WireProperties } from '../hubspot-mappers.ts';
import type { ObjectTypeInfo } from '../hubspot-properties.ts';
import { associationsParam, boolParam, listParam, pagingLink, serializeRecord, type SerializeOptions } from '../hubspot-wire.ts';
import {
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

/** Basic object endpoints: list, read, create, update, archive. HubSpot caps list pages at 100. */
export const MAX_LIST_LIMIT = 100;

const NUMERIC_ID = /^\d+$/;

export function parseLimit(req: SimRequest, max: number, fallback: number): number | string {
  const raw = req.query.get('limit');
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) return `Unable to parse limit value "${raw}": not an integer`;
  const n = Number(raw);
  if (n < 1) return `limit must be at least 1, got ${n}`;
  if (n > max) return `limit must be less than or equal to ${max}, got ${n}`;
  return n;
}

/** What a GET serializes, from its `properties`, `propertiesWithHistory` and `associations` query params. */
function readOptions(req: SimRequest): SerializeOptions {
  return {
    properties: listParam(req, 'properties'),
    propertiesWithHistory: listParam(req, 'propertiesWithHistory'),
    associations: associationsParam(req),
  };
}

/** `:objectId` and `?idProperty` of an item path, once the idProperty is known to name a unique property. */
function itemKey(ctx: HubSpotContext, info: ObjectTypeInfo, req: SimRequest): { id: string; idProperty: string | null } | { response: SimResponse } {
  const idProperty = req.query.get('idProperty');
  const bad = checkIdProperty(ctx, info, idProperty);
  if (bad) return { response: bad };
  return { id: req.params['objectId']!, idProperty };
}

/** The JSON body of a create or update and its validated `properties`. */
function readWrite(
  ctx: HubSpotContext,
  info: ObjectTypeInfo,
  req: SimRequest,
): { ok: true; body: Record<string, unknown>; properties: WireProperties } | { ok: false; response: SimResponse } {
  const parsed = readJsonBody(req, ctx.errors);
  if (!parsed.ok) return parsed;
  const body = (parsed.value ?? {}) as Record<string, unknown>;
  const write = prepareWrite(ctx, info, body['properties']);
  if (!write.ok) return write;
  return { ok: true, body, properties: write.properties };
}

export function objectRoutes(ctx: HubSpotContext, prefix: string): Route[] {
  const collectionPath = `${prefix}/:objectType`;
  const itemPath = `${prefix}/:objectType/:objectId`;

  return [
    {
      method: 'GET',
      path: collectionPath,
      handler: typedHandler(ctx, collectionPath, (req, info) => {
        const limit = parseLimit(req, MAX_LIST_LIMIT, 10);
        if (typeof limit === 'string') return ctx.errors.validation(limit);
        const after = req.query.get('after');
        if (after !== null && after !== '' && !NUMERIC_ID.test(after)) {
          return ctx.errors.validation(`Invalid after value "${after}": paging cursors are the ones returned in paging.next.after`);
        }
        const archived = boolParam(req, 'archived');
        const ordered = ctx.store.collections[info.name].ordered();
        // First record with id >= after: the cursor HubSpot returns is the last id + 1.
        let lo = 0;
        if (after) {
          let hi = ordered.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (compareNumericIds(ordered[mid]!.id, after) < 0) lo = mid + 1;
            else hi = mid;
          }
        }
        const options = readOptions(req);
        const results: Record<string, unknown>[] = [];
        let i = lo;
        let lastId: string | null = null;
        for (; i < ordered.length && results.length < limit; i += 1) {
          const r = ordered[i]!;
          if (r.archived !== archived) continue;
          results.push(serializeRecord(ctx.store, r, options));
          lastId = r.id;
        }
        let more = false;
        for (; i < ordered.length; i += 1) {
          if (ordered[i]!.archived === archived) {
            more = true;
            break;
          }
        }
        const body: Record<string, unknown> = { results };
        if (more && lastId !== null) {
          const next = (BigInt(lastId) + 1n).toString();
          body['paging'] = { next: { after: next, link: pagingLink(req, next) } };
        }
        return { status: 200, body };
      }),
    },
    {
      method: 'GET',
      path: itemPath,
      handler: typedHandler(ctx, itemPath, (req, info) => {
        const key = itemKey(ctx, info, req);
        if ('response' in key) return key.response;
        const { id, idProperty } = key;
        const byUnique = idProperty && idProperty !== 'hs_object_id';
        if (!byUnique && !NUMERIC_ID.test(id)) return ctx.errors.notNumeric(id);
        const record = findReadable(ctx.store.collections[info.name], id, idProperty, boolParam(req, 'archived'));
        // HubSpot answers an unknown numeric id (or an idProperty value nobody has) with a bare 404, no body.
        if (!record) return { status: 404, body: '' };
        return { status: 200, body: serializeRecord(ctx.store, record, readOptions(req)) };
      }),
    },
    {
      method: 'POST',
      path: collectionPath,
      handler: typedHandler(ctx, collectionPath, (req, info) => {
        const write = readWrite(ctx, info, req);
        if (!write.ok) return write.response;
        const required = missingRequired(ctx, info, write.properties);
        if (required) return required;
        const col = ctx.store.collections[info.name];
        const conflict = uniqueConflict(ctx, col, write.properties, null);
        if (conflict) return conflict;
        const assoc = parseCreateAssociations(ctx, info, write.body['associations']);
        if (!assoc.ok) return assoc.response;
        const record = ctx.store.create(info.name, write.properties, writeSource(ctx));
        linkAssociations(ctx, record, assoc.targets);
        return { status: 201, body: serializeRecord(ctx.store, record, { properties: Object.keys(record.properties) }) };
      }),
    },
    {
      method: 'PATCH',
      path: itemPath,
      handler: typedHandler(ctx, itemPath, (req, info) => {
        const key = itemKey(ctx, info, req);
        if ('response' in key) return key.response;
        const col = ctx.store.collections[info.name];
        const record = findRecord(col, key.id, key.idProperty, false);
        if (!record) return ctx.errors.notNumeric(key.id);
        const write = readWrite(ctx, info, req);
        if (!write.ok) return write.response;
        const conflict = uniqueConflict(ctx, col, write.properties, record.id);
        if (conflict) return conflict;
        ctx.store.update(record, write.properties, writeSource(ctx));
        return {
          status: 200,
          body: serializeRecord(ctx.store, record, { properties: writtenNames(info, Object.keys(write.properties)) }),
        };
      }),
    },
    {
      method: 'DELETE',
      path: itemPath,
      handler: typedHandler(ctx, itemPath, (req, info) => {
        const record = ctx.store.collections[info.name].byId.get(req.params['objectId']!);
        // Archiving is idempotent: an unknown or already archived id is a 204 too.
        if (record) ctx.store.archive(record);
        return { status: 204 };
      }),
    },
  ];
}
