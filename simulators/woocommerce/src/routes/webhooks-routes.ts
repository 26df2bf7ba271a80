/**
 * /wp-json/wc/v3/webhooks (WC_REST_Webhooks_V2_Controller): list, create, read, update, delete.
 *
 * Quirks kept: a missing webhook answers 400 "ID is invalid." on read and update (404 only on delete); DELETE needs
 * `force=true` (501 otherwise, webhooks have no trash); a new webhook is always `active` whatever status is posted;
 * the secret is never shown.
 */
import { createHash } from 'node:crypto';
import type { WebhookDispatcher } from '../webhook-dispatcher.ts';
import { API_PREFIX, jsonResult, pagedResult, editableRoutes, type WcContext, type WcRouteSpec } from '../wc-api.ts';
import { localFromMs, nowPair } from '../wp-dates.ts';
import { wpError } from '../wp-errors.ts';
import { SITE_TOKEN } from '../wp-json.ts';
import type { ArgSpecs } from '../wp-params.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import type { WcWebhook, WebhookStatus } from '../woocommerce-types.ts';
import { compareText, idList, PAGE_ARGS, walk } from './list-support.ts';

const RESOURCES = ['coupon', 'customer', 'order', 'product'];
const EVENTS = ['created', 'updated', 'deleted', 'restored'];

/** WC_Webhook::get_default_topic_hooks(): the WordPress actions behind each topic. */
const TOPIC_HOOKS: Record<string, string[]> = {
  'coupon.created': ['woocommerce_process_shop_coupon_meta', 'woocommerce_new_coupon'],
  'coupon.updated': ['woocommerce_process_shop_coupon_meta', 'woocommerce_update_coupon'],
  'coupon.deleted': ['wp_trash_post'],
  'coupon.restored': ['untrashed_post'],
  'customer.created': ['user_register', 'woocommerce_created_customer', 'woocommerce_new_customer'],
  'customer.updated': ['profile_update', 'woocommerce_update_customer'],
  'customer.deleted': ['delete_user'],
  'customer.restored': [],
  'order.created': ['woocommerce_new_order'],
  'order.updated': ['woocommerce_update_order', 'woocommerce_order_refunded', 'woocommerce_delete_order_refund'],
  'order.deleted': ['wp_trash_post', 'woocommerce_trash_order'],
  'order.restored': ['untrashed_post', 'woocommerce_untrash_order'],
  'product.created': ['woocommerce_process_product_meta', 'woocommerce_new_product', 'woocommerce_new_product_variation'],
  'product.updated': ['woocommerce_process_product_meta', 'woocommerce_update_product', 'woocommerce_update_product_variation'],
  'product.deleted': ['wp_trash_post'],
  'product.restored': ['untrashed_post'],
};

/** wc_is_webhook_valid_topic() */
export function isValidTopic(topic: string): boolean {
  if (topic.startsWith('action.')) return topic.length > 'action.'.length;
  const [resource, event, extra] = topic.split('.');
  return extra === undefined && RESOURCES.includes(resource ?? '') && EVENTS.includes(event ?? '');
}

/** wc_is_valid_url(): http(s) with a host. */
function isValidUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function topicParts(topic: string): { resource: string; event: string; hooks: string[] } {
  if (topic.startsWith('action.')) {
    const hook = topic.slice('action.'.length);
    return { resource: 'action', event: hook, hooks: [hook] };
  }
  const [resource = '', event = ''] = topic.split('.');
  return { resource, event, hooks: TOPIC_HOOKS[topic] ?? [] };
}

function webhookLinks(id: number) {
  return {
    self: [{ href: `${SITE_TOKEN}${API_PREFIX}/webhooks/${id}` }],
    collection: [{ href: `${SITE_TOKEN}${API_PREFIX}/webhooks` }],
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Webhook created on Nov 24, 2026 @ 01:16 AM" (strftime('%b %d, %Y @ %I:%M %p') in site time). */
function defaultName(): string {
  const local = localFromMs(Date.now());
  const [date = '', time = ''] = local.split('T');
  const [y, m, d] = date.split('-');
  const [hh = '0', mm = '00'] = time.split(':');
  const hour = Number(hh);
  const h12 = String(hour % 12 === 0 ? 12 : hour % 12).padStart(2, '0');
  return `Webhook created on ${MONTHS[Number(m) - 1]} ${d}, ${y} @ ${h12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** wp_generate_password(50, true, true), made repeatable. */
function generatedSecret(id: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_ []{}<>~`+=,.;:/?|';
  const digest = createHash('sha512').update(`webhook-secret:${id}`).digest();
  let out = '';
  for (let i = 0; i < 50; i += 1) out += alphabet[digest[i]! % alphabet.length];
  return out;
}

const STATUS_ENUM = ['active', 'paused', 'disabled'];

const WEBHOOK_BODY_ARGS: ArgSpecs = {
  name: { schema: { type: 'string' } },
  status: { schema: { type: 'string', enum: STATUS_ENUM } },
  topic: { schema: { type: 'string' } },
  delivery_url: { schema: { type: 'string' } },
  secret: { schema: { type: 'string' } },
};

const WEBHOOK_COLLECTION_ARGS: ArgSpecs = {
  ...PAGE_ARGS,
  after: { schema: { type: 'string', format: 'date-time' } },
  before: { schema: { type: 'string', format: 'date-time' } },
  exclude: { schema: { type: 'any' } },
  include: { schema: { type: 'any' } },
  offset: { schema: { type: 'integer' } },
  order: { schema: { type: 'string', enum: ['asc', 'desc'] }, default: 'desc' },
  orderby: { schema: { type: 'string', enum: ['date', 'id', 'title'] }, default: 'date' },
  status: { schema: { type: 'string', enum: ['all', ...STATUS_ENUM] }, default: 'all' },
};

function listWebhooks(store: WooCommerceStore, ctx: WcContext) {
  const a = ctx.args;
  const include = new Set(idList(a['include']));
  const exclude = new Set(idList(a['exclude']));
  const status = String(a['status']);
  const term = typeof a['search'] === 'string' ? a['search'].toLowerCase() : '';
  const orderby = String(a['orderby']);
  const all = [...store.webhooks.values()].map((w) => w.wire);
  const compare =
    orderby === 'id'
      ? (x: WcWebhook, y: WcWebhook) => x.id - y.id
      : orderby === 'title'
        ? (x: WcWebhook, y: WcWebhook) => compareText(x.name, y.name) || x.id - y.id
        : (x: WcWebhook, y: WcWebhook) => compareText(x.date_created_gmt, y.date_created_gmt) || x.id - y.id;
  const sorted = all.sort(compare);
  const found: WcWebhook[] = [];
  for (const index of walk(
    sorted.map((_, i) => i),
    a['order'] === 'desc',
  )) {
    const w = sorted[index]!;
    if (status !== 'all' && w.status !== status) continue;
    if (include.size > 0 && !include.has(w.id)) continue;
    if (exclude.has(w.id)) continue;
    if (term !== '' && !w.name.toLowerCase().includes(term)) continue;
    if (typeof a['after'] === 'string' && !(w.date_created > a['after'].slice(0, 19))) continue;
    if (typeof a['before'] === 'string' && !(w.date_created < a['before'].slice(0, 19))) continue;
    found.push(w);
  }
  return pagedResult(ctx, found);
}

function createWebhook(store: WooCommerceStore, dispatcher: WebhookDispatcher, ctx: WcContext) {
  const b = ctx.args;
  if (b['id'] !== undefined && b['id'] !== 0 && b['id'] !== '') {
    return wpError(400, 'woocommerce_rest_shop_webhook_exists', 'Cannot create existing shop_webhook.');
  }
  const topic = String(b['topic'] ?? '').toLowerCase();
  if (topic === '' || !isValidTopic(topic)) {
    return wpError(400, 'woocommerce_rest_shop_webhook_invalid_topic', 'Webhook topic is required and must be valid.');
  }
  const url = String(b['delivery_url'] ?? '');
  if (url === '' || !isValidUrl(url)) {
    return wpError(
      400,
      'woocommerce_rest_shop_webhook_invalid_delivery_url',
      'Webhook delivery URL must be a valid URL starting with http:// or https://.',
    );
  }
  const id = store.webhookIds.next();
  const now = nowPair();
  const parts = topicParts(topic);
  const name = typeof b['name'] === 'string' && b['name'] !== '' ? b['name'] : defaultName();
  const wire: WcWebhook = {
    id,
    name,
    status: 'active',
    topic,
    resource: parts.resource,
    event: parts.event,
    hooks: parts.hooks,
    delivery_url: url,
    date_created: now.local,
    date_created_gmt: now.gmt,
    date_modified: now.local,
    date_modified_gmt: now.gmt,
    _links: webhookLinks(id),
  };
  const secret = typeof b['secret'] === 'string' && b['secret'] !== '' ? b['secret'] : generatedSecret(id);
  store.webhooks.set(id, { wire, secret, failureCount: 0 });
  dispatcher.ping(id, ctx.site);
  return jsonResult(201, wire, { location: `${ctx.site}${API_PREFIX}/webhooks/${id}` });
}

function updateWebhook(store: WooCommerceStore, ctx: WcContext) {
  const id = Number(ctx.req.params['id']);
  const record = store.webhooks.get(id);
  if (!record) return wpError(400, 'woocommerce_rest_shop_webhook_invalid_id', 'ID is invalid.');
  const b = ctx.args;
  let wire = { ...record.wire };
  let secret = record.secret;
  if (typeof b['topic'] === 'string' && b['topic'] !== '') {
    const topic = b['topic'].toLowerCase();
    if (!isValidTopic(topic)) return wpError(400, 'woocommerce_rest_shop_webhook_invalid_topic', 'Webhook topic must be valid.');
    const parts = topicParts(topic);
    wire = { ...wire, topic, resource: parts.resource, event: parts.event, hooks: parts.hooks };
  }
  if (typeof b['delivery_url'] === 'string' && b['delivery_url'] !== '') {
    if (!isValidUrl(b['delivery_url'])) {
      return wpError(
        400,
        'woocommerce_rest_shop_webhook_invalid_delivery_url',
        'Webhook delivery URL must be a valid URL starting with http:// or https://.',
      );
    }
    wire = { ...wire, delivery_url: b['delivery_url'] };
  }
  if (typeof b['secret'] === 'string' && b['secret'] !== '') secret = b['secret'];
  if (typeof b['status'] === 'string' && b['status'] !== '') wire = { ...wire, status: b['status'] as WebhookStatus };
  if (typeof b['name'] === 'string' && b['name'] !== '') wire = { ...wire, name: b['name'] };
  const now = nowPair();
  wire = { ...wire, date_modified: now.local, date_modified_gmt: now.gmt };
  // failure_count is kept: a re-activated webhook that failed 6 times is disabled again by its next failure.
  store.webhooks.set(id, { ...record, wire, secret });
  return jsonResult(200, wire);
}

export function webhookRoutes(store: WooCommerceStore, dispatcher: WebhookDispatcher): WcRouteSpec[] {
  return [
    { method: 'GET', path: '/webhooks', permission: 'list', args: WEBHOOK_COLLECTION_ARGS, handler: (ctx) => listWebhooks(store, ctx) },
    {
      method: 'POST',
      path: '/webhooks',
      permission: 'create',
      args: {
        ...WEBHOOK_BODY_ARGS,
        topic: { ...WEBHOOK_BODY_ARGS['topic']!, required: true },
        delivery_url: { ...WEBHOOK_BODY_ARGS['delivery_url']!, required: true },
      },
      handler: (ctx) => createWebhook(store, dispatcher, ctx),
    },
    {
      method: 'GET',
      path: '/webhooks/:id',
      permission: 'view',
      digitParams: ['id'],
      args: { context: WEBHOOK_COLLECTION_ARGS['context']! },
      handler: (ctx) => {
        const id = Number(ctx.req.params['id']);
        if (id === 0) return wpError(404, 'woocommerce_rest_shop_webhook_invalid_id', 'Invalid ID.');
        const record = store.webhooks.get(id);
        return record ? jsonResult(200, record.wire) : wpError(400, 'woocommerce_rest_shop_webhook_invalid_id', 'ID is invalid.');
      },
    },
    ...editableRoutes({
      path: '/webhooks/:id',
      permission: 'edit',
      digitParams: ['id'],
      args: WEBHOOK_BODY_ARGS,
      handler: (ctx) => updateWebhook(store, ctx),
    }),
    {
      method: 'DELETE',
      path: '/webhooks/:id',
      permission: 'delete',
      digitParams: ['id'],
      args: { force: { schema: { type: 'boolean' }, default: false } },
      handler: (ctx) => {
        if (ctx.args['force'] !== true) return wpError(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
        const id = Number(ctx.req.params['id']);
        const record = store.webhooks.get(id);
        if (!record) return wpError(404, 'woocommerce_rest_shop_webhook_invalid_id', 'Invalid ID.');
        store.webhooks.delete(id);
        return jsonResult(200, record.wire);
      },
    },
  ];
}
