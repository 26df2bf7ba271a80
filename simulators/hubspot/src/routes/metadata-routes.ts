import type { Route } from '@omnigraph/simulator-core';
import { authed, objectTypeOf, type HubSpotContext } from '../hubspot-context.ts';
import { propertyToWire } from '../hubspot-properties.ts';
import { pagingLink } from '../hubspot-wire.ts';

/** Property schemas (`/crm/v3/properties/{objectType}`) and the owners behind the notes (`/crm/v3/owners`). */
export function propertyRoutes(ctx: HubSpotContext, prefix: string): Route[] {
  return [
    {
      method: 'GET',
      path: `${prefix}/:objectType`,
      handler: authed(ctx, (req) => {
        const t = objectTypeOf(ctx, req);
        if ('response' in t) return t.response;
        const createdAt = ctx.store.propertiesCreatedAt;
        return { status: 200, body: { results: [...t.info.properties.values()].map((p) => propertyToWire(p, createdAt)) } };
      }),
    },
    {
      method: 'GET',
      path: `${prefix}/:objectType/:propertyName`,
      handler: authed(ctx, (req) => {
        const t = objectTypeOf(ctx, req);
        if ('response' in t) return t.response;
        const name = req.params['propertyName']!;
        const def = t.info.properties.get(name);
        if (!def) {
          return ctx.errors.error(404, `Unable to find property ${name} for object type ${t.info.objectTypeId}`, 'OBJECT_NOT_FOUND');
        }
        return { status: 200, body: propertyToWire(def, ctx.store.propertiesCreatedAt) };
      }),
    },
  ];
}

export const MAX_OWNERS_LIMIT = 500;

export function ownerRoutes(ctx: HubSpotContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/crm/v3/owners',
      handler: authed(ctx, (req) => {
        const rawLimit = req.query.get('limit');
        const limit = rawLimit ? Number(rawLimit) : 100;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_OWNERS_LIMIT) {
          return ctx.errors.validation(`limit must be an integer between 1 and ${MAX_OWNERS_LIMIT}, got ${rawLimit}`);
        }
        const after = req.query.get('after');
        const offset = after ? Number(after) : 0;
        if (!Number.isInteger(offset) || offset < 0) return ctx.errors.validation(`Invalid after value "${after}"`);
        const email = req.query.get('email')?.toLowerCase();
        const archived = req.query.get('archived') === 'true';
        const owners = ctx.store.owners.filter((o) => o.archived === archived && (!email || o.email === email));
        const body: Record<string, unknown> = { results: owners.slice(offset, offset + limit) };
        if (offset + limit < owners.length) {
          const next = String(offset + limit);
          body['paging'] = { next: { after: next, link: pagingLink(req, next) } };
        }
        return { status: 200, body };
      }),
    },
    {
      method: 'GET',
      path: '/crm/v3/owners/:ownerId',
      handler: authed(ctx, (req) => {
        const owner = ctx.store.ownersById.get(req.params['ownerId']!);
        if (!owner) return ctx.errors.resourceNotFound();
        return { status: 200, body: owner };
      }),
    },
  ];
}
