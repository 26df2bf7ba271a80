/**
 * WooCommerce-specific admin routes under /__simulator, so tests can await webhook deliveries.
 */
import { ADMIN_PREFIX, type Route } from '@omnigraph/simulator-core';
import type { WebhookDispatcher } from '../webhook-dispatcher.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';

export function adminRoutes(store: WooCommerceStore, dispatcher: WebhookDispatcher): Route[] {
  return [
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/webhook-deliveries`,
      name: 'webhook delivery log, newest last; filters ?webhook_id=, ?topic=, ?kind=ping|delivery, ?resource_id=',
      handler: (req) => {
        const webhookId = req.query.get('webhook_id');
        const topic = req.query.get('topic');
        const kind = req.query.get('kind');
        const resourceId = req.query.get('resource_id');
        const deliveries = dispatcher.log.filter(
          (d) =>
            (webhookId === null || String(d.webhookId) === webhookId) &&
            (topic === null || d.topic === topic) &&
            (kind === null || d.kind === kind) &&
            (resourceId === null || String(d.resourceId) === resourceId),
        );
        return { status: 200, body: { deliveries } };
      },
    },
    {
      method: 'DELETE',
      path: `${ADMIN_PREFIX}/webhook-deliveries`,
      name: 'clears the webhook delivery log',
      handler: () => {
        dispatcher.log = [];
        return { status: 204 };
      },
    },
    {
      method: 'PUT',
      path: `${ADMIN_PREFIX}/tax-settings`,
      name: 'the tax knob: {"pricesIncludeTax": false} serves net product prices, {"settingsReadableBy": "read_write"} refuses the read-only key settings and taxes',
      handler: (req) => {
        const parsed = req.json();
        const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
        if (typeof body['pricesIncludeTax'] === 'boolean') store.taxSettings = { ...store.taxSettings, pricesIncludeTax: body['pricesIncludeTax'] };
        if (body['settingsReadableBy'] === 'all' || body['settingsReadableBy'] === 'read_write') {
          store.taxSettings = { ...store.taxSettings, settingsReadableBy: body['settingsReadableBy'] };
        }
        return { status: 200, body: store.taxSettings };
      },
    },
    {
      method: 'GET',
      path: `${ADMIN_PREFIX}/webhooks`,
      name: 'webhooks with what the API never shows: secret and failure_count',
      handler: () => ({
        status: 200,
        body: {
          webhooks: [...store.webhooks.values()].map((w) => ({ ...w.wire, secret: w.secret, failure_count: w.failureCount })),
        },
      }),
    },
  ];
}
