import type { Handler, RateLimiter, SimRequest, SimResponse } from '@omnigraph/simulator-core';
import type { HubSpotErrors } from './hubspot-errors.ts';
import { resolveObjectType, type ObjectTypeInfo } from './hubspot-properties.ts';
import type { HubSpotStore, WriteSource } from './hubspot-store.ts';
import { bearerToken } from './hubspot-wire.ts';

export interface HubSpotCredentials {
  /** private-app access token, sent as `Authorization: Bearer <token>` */
  token: string;
  /** the HubSpot account ("portal") id, in 429 group names and webhook events */
  portalId: number;
  /** the app id webhooks and write sources name */
  appId: number;
  /** the app's client secret, the key of X-HubSpot-Signature-v3 */
  appSecret: string;
}

/** What every route handler needs. */
export interface HubSpotContext {
  store: HubSpotStore;
  errors: HubSpotErrors;
  credentials: HubSpotCredentials;
  /** the separate, lower budget of the CRM search endpoints */
  searchLimiter: RateLimiter;
}

export function writeSource(ctx: HubSpotContext): WriteSource {
  return { sourceType: 'INTEGRATION', sourceId: String(ctx.credentials.appId) };
}

/**
 * Bearer check in front of a handler. No credentials at all → INVALID_AUTHENTICATION; a token HubSpot does not know
 * → EXPIRED_AUTHENTICATION (HubSpot cannot tell a mistyped token from an expired one).
 */
export function authed(ctx: HubSpotContext, handler: (req: SimRequest, token: string) => SimResponse | Promise<SimResponse>): Handler {
  return (req) => {
    const token = bearerToken(req);
    if (token === null) return ctx.errors.unauthorized();
    if (token !== ctx.credentials.token) return ctx.errors.expiredToken();
    return handler(req, token);
  };
}

/** Resolves the `:objectType` param or answers HubSpot's 400 for an object type it cannot infer. */
export function objectTypeOf(ctx: HubSpotContext, req: SimRequest): { info: ObjectTypeInfo } | { response: SimResponse } {
  const raw = req.params['objectType'] ?? '';
  const resolved = resolveObjectType(raw);
  if (!resolved) return { response: ctx.errors.validation(`Unable to infer object type from: ${raw}`) };
  // the portal's own property definitions (see PortalVariant)
  return { info: ctx.store.collections[resolved.name].info };
}

/** Counts the request once more under the path with the object type filled in (`GET /crm/v3/objects/contacts/:objectId`). */
export function countTyped(req: SimRequest, template: string, info: ObjectTypeInfo): void {
  req.count(`${req.method} ${template.replace(':objectType', info.name)}`);
}

/**
 * `authed`, then the `:objectType` param resolved (HubSpot's 400 when it cannot be) and the request counted under
 * `template` with the type filled in: the preamble of every endpoint on one object type.
 */
export function typedHandler(
  ctx: HubSpotContext,
  template: string,
  handler: (req: SimRequest, info: ObjectTypeInfo, token: string) => SimResponse | Promise<SimResponse>,
): Handler {
  return authed(ctx, (req, token) => {
    const t = objectTypeOf(ctx, req);
    if ('response' in t) return t.response;
    countTyped(req, template, t.info);
    return handler(req, t.info, token);
  });
}
