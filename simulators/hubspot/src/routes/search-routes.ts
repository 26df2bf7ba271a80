import type { Route, SimResponse } from '@omnigraph/simulator-core';
import { typedHandler, type HubSpotContext } from '../hubspot-context.ts';
import { readJsonBody } from '../hubspot-errors.ts';
import { parseSearchRequest, runSearch } from '../hubspot-search.ts';
import { serializeRecord } from '../hubspot-wire.ts';

export const SEARCH_POLICY_GROUP = (portalId: number) => `publicapi:private-app-search:${portalId}`;

/**
 * `POST …/{objectType}/search`. Search has its own budget (5 requests per second per token by default) on top of the
 * general one, answered with policy SECONDLY; its responses carry no X-HubSpot-RateLimit-* headers.
 */
export function searchRoutes(ctx: HubSpotContext, prefix: string): Route[] {
  const path = `${prefix}/:objectType/search`;
  return [
    {
      method: 'POST',
      path,
      handler: typedHandler(ctx, path, (req, info, token) => {
        const budget = ctx.searchLimiter.take(token);
        if (budget && !budget.admitted) return searchRateLimited(ctx, budget.info.retryAfterSeconds);
        const parsed = readJsonBody(req, ctx.errors);
        if (!parsed.ok) return parsed.response;
        const request = parseSearchRequest(info, parsed.value);
        if (!request.ok) {
          return request.error.category === null ? ctx.errors.error(400, request.error.message, null) : ctx.errors.validation(request.error.message);
        }
        const outcome = runSearch(ctx.store, info, request.request);
        const body: Record<string, unknown> = {
          total: outcome.total,
          results: outcome.results.map((r) => serializeRecord(ctx.store, r, { properties: request.request.properties })),
        };
        if (outcome.nextAfter !== null) body['paging'] = { next: { after: outcome.nextAfter } };
        return { status: 200, body };
      }),
    },
  ];
}

export function searchRateLimited(ctx: HubSpotContext, retryAfterSeconds: number): SimResponse {
  const correlationId = ctx.errors.correlationId();
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-hubspot-correlation-id': correlationId },
    body: {
      status: 'error',
      message: 'You have reached your secondly limit.',
      errorType: 'RATE_LIMIT',
      correlationId,
      policyName: 'SECONDLY',
      groupName: SEARCH_POLICY_GROUP(ctx.credentials.portalId),
    },
  };
}
