import type { Route, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import { authed, type HubSpotContext } from '../hubspot-context.ts';
import { readJsonBody } from '../hubspot-errors.ts';
import { resolveObjectType, type ObjectTypeInfo } from '../hubspot-properties.ts';
import { pagingLink } from '../hubspot-wire.ts';
import { associationTypeId, batchTimes } from '../object-operations.ts';
import { MAX_BATCH_INPUTS } from './batch-routes.ts';

/** The v4 associations API: per-object listing (≤ 500 per page) and batch read, `toObjectId` as a JSON number. */
export const MAX_ASSOCIATION_LIMIT = 500;

function encodeCursor(offset: number): string {
  return Buffer.from(`0-${offset}`).toString('base64url');
}

function decodeCursor(after: string): number | null {
  const m = /^0-(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

function associationEntry(typeId: number, toId: string): Record<string, unknown> {
  // v4 models toObjectId as int64: a JSON number, unlike the string ids of the v3 object APIs.
  return { toObjectId: Number(toId), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }] };
}

function resolvePair(ctx: HubSpotContext, req: SimRequest): { from: ObjectTypeInfo; to: ObjectTypeInfo } | { response: SimResponse } {
  const rawFrom = req.params['fromObjectType'] ?? '';
  const rawTo = req.params['toObjectType'] ?? '';
  const from = resolveObjectType(rawFrom);
  if (!from) return { response: ctx.errors.validation(`Unable to infer object type from: ${rawFrom}`) };
  const to = resolveObjectType(rawTo);
  if (!to) return { response: ctx.errors.validation(`Unable to infer object type from: ${rawTo}`) };
  return { from, to };
}

export function associationRoutes(ctx: HubSpotContext): Route[] {
  const listPath = '/crm/v4/objects/:fromObjectType/:objectId/associations/:toObjectType';
  const batchPath = '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read';
  return [
    {
      method: 'GET',
      path: listPath,
      handler: authed(ctx, (req) => {
        const pair = resolvePair(ctx, req);
        if ('response' in pair) return pair.response;
        req.count(`GET /crm/v4/objects/${pair.from.name}/:objectId/associations/${pair.to.name}`);
        const rawLimit = req.query.get('limit');
        let limit = MAX_ASSOCIATION_LIMIT;
        if (rawLimit !== null && rawLimit !== '') {
          const n = Number(rawLimit);
          if (!Number.isInteger(n) || n < 1) return ctx.errors.validation(`Unable to parse limit value "${rawLimit}"`);
          if (n > MAX_ASSOCIATION_LIMIT) {
            return ctx.errors.validation(`limit must be less than or equal to ${MAX_ASSOCIATION_LIMIT}, got ${n}`);
          }
          limit = n;
        }
        const after = req.query.get('after');
        const offset = after ? decodeCursor(after) : 0;
        if (offset === null) return ctx.errors.validation(`Invalid after value "${after}"`);
        const typeId = associationTypeId(pair.from.name, pair.to.name);
        const ids = typeId === null ? [] : ctx.store.associatedIds(pair.from.name, req.params['objectId']!, pair.to.name);
        const page = ids.slice(offset, offset + limit);
        const body: Record<string, unknown> = { results: page.map((id) => associationEntry(typeId!, id)) };
        if (offset + limit < ids.length) {
          const next = encodeCursor(offset + limit);
          body['paging'] = { next: { after: next, link: pagingLink(req, next) } };
        }
        return { status: 200, body };
      }),
    },
    {
      method: 'POST',
      path: batchPath,
      handler: authed(ctx, (req) => {
        const pair = resolvePair(ctx, req);
        if ('response' in pair) return pair.response;
        req.count(`POST /crm/v4/associations/${pair.from.name}/${pair.to.name}/batch/read`);
        const parsed = readJsonBody(req, ctx.errors);
        if (!parsed.ok) return parsed.response;
        const inputs = (parsed.value as Record<string, unknown> | undefined)?.['inputs'];
        if (!Array.isArray(inputs)) return ctx.errors.validation('Invalid input JSON on line 1, column 1: inputs is required and must be an array');
        if (inputs.length > MAX_BATCH_INPUTS) {
          return ctx.errors.validation(
            `The maximum number of inputs supported in a batch is ${MAX_BATCH_INPUTS}. Please reduce the number of items and try again`,
          );
        }
        const startedAt = new Date();
        const typeId = associationTypeId(pair.from.name, pair.to.name);
        const results: unknown[] = [];
        const errors: unknown[] = [];
        const seen = new Set<string>();
        for (const input of inputs) {
          const raw = (input as Record<string, unknown> | null)?.['id'];
          const id = typeof raw === 'number' ? String(raw) : raw;
          if (typeof id !== 'string') return ctx.errors.validation('Invalid input JSON: each input needs an id');
          if (seen.has(id)) continue;
          seen.add(id);
          const rawAfter = (input as Record<string, unknown>)['after'];
          const offset = typeof rawAfter === 'string' && rawAfter !== '' ? decodeCursor(rawAfter) : 0;
          if (offset === null) return ctx.errors.validation(`Invalid after value "${String(rawAfter)}"`);
          const ids = typeId === null ? [] : ctx.store.associatedIds(pair.from.name, id, pair.to.name);
          if (ids.length === 0) {
            errors.push({
              status: 'error',
              category: 'OBJECT_NOT_FOUND',
              subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
              message: `No ${pair.to.name} is associated with ${pair.from.name} ${id}.`,
              context: { fromObjectId: [id], fromObjectType: [pair.from.objectTypeId], toObjectType: [pair.to.objectTypeId] },
              links: {},
              errors: [],
            });
            continue;
          }
          const page = ids.slice(offset, offset + MAX_ASSOCIATION_LIMIT);
          const result: Record<string, unknown> = { from: { id }, to: page.map((toId) => associationEntry(typeId!, toId)) };
          if (offset + MAX_ASSOCIATION_LIMIT < ids.length) {
            result['paging'] = { next: { after: encodeCursor(offset + MAX_ASSOCIATION_LIMIT) } };
          }
          results.push(result);
        }
        const body: Record<string, unknown> = { status: 'COMPLETE', results };
        if (errors.length > 0) {
          body['numErrors'] = errors.length;
          body['errors'] = errors;
        }
        Object.assign(body, batchTimes(startedAt));
        return { status: errors.length > 0 ? 207 : 200, body };
      }),
    },
  ];
}
