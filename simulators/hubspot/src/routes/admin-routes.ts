import { ADMIN_PREFIX, type RateLimitConfig, type RateLimiter, type Route, zodProblems } from '@omnigraph/simulator-core';
import { z } from 'zod';
import type { HubSpotStore } from '../hubspot-store.ts';
import { parseSubscription, type WebhookDispatcher } from '../webhook-dispatcher.ts';

/**
 * Simulator-only controls. HubSpot configures webhook subscriptions in the app settings, not through the API, so the
 * simulator takes them here; tests read the delivery log to await deliveries.
 */

const webhookSchema = z
  .object({
    targetUrl: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'targetUrl must be an http(s) URL')
      .nullable()
      .optional(),
    appSecret: z.string().min(1).optional(),
    subscriptions: z.array(z.string().refine((s) => parseSubscription(s) !== null, 'unknown subscription type')).optional(),
    maxConcurrentRequests: z.number().int().min(1).max(100).optional(),
    retryDelaysMs: z.array(z.number().int().min(0).max(3_600_000)).max(10).optional(),
    timeoutMs: z.number().int().min(1).max(60_000).optional(),
  })
  .strict();

const rateLimitSchema = z
  .object({ limit: z.number().int().min(1), windowMs: z.number().int().min(1) })
  .strict()
  .nullable();

const indexLagSchema = z.object({ lagMs: z.number().int().min(0).max(600_000) }).strict();

export function adminRoutes(
  webhooks: WebhookDispatcher,
  searchLimiter: RateLimiter,
  initialSearch: RateLimitConfig | null,
  store: HubSpotStore,
): Route[] {
  return [
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/webhooks`,
      name: 'webhook settings: targetUrl, appSecret, subscriptions, maxConcurrentRequests, retryDelaysMs, timeoutMs',
      handler: () => ({ status: 200, body: webhooks.current() }),
    },
    {
      method: 'PUT',
      path: `${ADMIN_PREFIX}/webhooks`,
      name: 'configure webhooks { targetUrl, appSecret?, subscriptions?: ["contact.creation","contact.propertyChange[:prop]","contact.deletion","object.creation",…], maxConcurrentRequests?, retryDelaysMs?, timeoutMs? }',
      handler: (req) => {
        const parsed = webhookSchema.safeParse(req.json());
        if (!parsed.success) throw new Error(`invalid webhook settings: ${zodProblems(parsed.error).join('; ')}`);
        const current = webhooks.current();
        const next = parsed.data;
        webhooks.configure({
          targetUrl: next.targetUrl === undefined ? current.targetUrl : next.targetUrl,
          appSecret: next.appSecret ?? current.appSecret,
          subscriptions: next.subscriptions ?? current.subscriptions,
          maxConcurrentRequests: next.maxConcurrentRequests ?? current.maxConcurrentRequests,
          retryDelaysMs: next.retryDelaysMs ?? current.retryDelaysMs,
          timeoutMs: next.timeoutMs ?? current.timeoutMs,
        });
        return { status: 200, body: webhooks.current() };
      },
    },
    {
      method: 'DELETE',
      path: `${ADMIN_PREFIX}/webhooks`,
      name: 'switch webhooks off',
      handler: () => {
        webhooks.configure({ ...webhooks.current(), targetUrl: null });
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/webhook-deliveries`,
      name: 'log of webhook delivery attempts (status, attemptNumber, events), oldest first',
      handler: () => ({ status: 200, body: { deliveries: webhooks.deliveries() } }),
    },
    {
      method: 'DELETE',
      path: `${ADMIN_PREFIX}/webhook-deliveries`,
      name: 'clear the webhook delivery log',
      handler: () => {
        webhooks.clearLog();
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/search-rate-limit`,
      name: 'the separate search budget {limit, windowMs} | null',
      handler: () => ({ status: 200, body: { searchRateLimit: searchLimiter.config() } }),
    },
    {
      method: 'PUT',
      path: `${ADMIN_PREFIX}/search-rate-limit`,
      name: 'set the search budget { limit, windowMs } or null to switch it off (default 5 per 1000 ms)',
      handler: (req) => {
        const parsed = rateLimitSchema.safeParse(req.json() ?? null);
        if (!parsed.success) throw new Error(`invalid search rate limit: ${zodProblems(parsed.error).join('; ')}`);
        searchLimiter.configure(parsed.data);
        return { status: 200, body: { searchRateLimit: searchLimiter.config(), default: initialSearch } };
      },
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/search-index-lag`,
      name: 'how long a new record stays invisible to search {lagMs}',
      handler: () => ({ status: 200, body: { lagMs: store.searchIndexLagMs } }),
    },
    {
      method: 'PUT',
      path: `${ADMIN_PREFIX}/search-index-lag`,
      name: 'set the search index lag { lagMs } (0 = new records are searchable at once; default 0)',
      handler: (req) => {
        const parsed = indexLagSchema.safeParse(req.json() ?? null);
        if (!parsed.success) throw new Error(`invalid search index lag: ${zodProblems(parsed.error).join('; ')}`);
        store.searchIndexLagMs = parsed.data.lagMs;
        return { status: 200, body: { lagMs: store.searchIndexLagMs } };
      },
    },
  ];
}
