/**
 * /wp-json/wc/v3/orders: list, read, create, update (PUT/PATCH/POST), delete, batch.
 */
import { createOrder, deleteOrder, updateOrder, type OrderWriteContext } from '../order-service.ts';
import { jsonResult, pagedResult, isWpError, editableRoutes, type WcContext, type WcRouteSpec } from '../wc-api.ts';
import { wpError, type WpError } from '../wp-errors.ts';
import { validateArgs, type ArgSpecs, type ParamSchema } from '../wp-params.ts';
import { foldSearchText, type WooCommerceStore } from '../woocommerce-store.ts';
import type { WcOrder } from '../woocommerce-types.ts';
import { wpFilterValue } from '../wp-dates.ts';
import { compareText, dateFilter, DATE_ARGS, ID_LIST_ARGS, idList, PAGE_ARGS, walk } from './list-support.ts';

/** get_order_statuses(): WooCommerce's registered statuses without the "wc-" prefix. */
export const ORDER_STATUSES = ['auto-draft', 'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft'];

const ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified'];

export const ORDER_COLLECTION_ARGS: ArgSpecs = {
  ...PAGE_ARGS,
  ...DATE_ARGS,
  ...ID_LIST_ARGS,
  offset: { schema: { type: 'integer' } },
  order: { schema: { type: 'string', enum: ['asc', 'desc'] }, default: 'desc' },
  orderby: { schema: { type: 'string', enum: ORDERBY }, default: 'date' },
  parent: { schema: { type: 'any' } },
  parent_exclude: { schema: { type: 'any' } },
  status: { schema: { type: 'array', items: { type: 'string', enum: ['any', 'trash', ...ORDER_STATUSES] } }, default: ['any'] },
  customer: { schema: { type: 'integer' } },
  product: { schema: { type: 'integer' } },
  dp: { schema: { type: 'integer' }, default: 2 },
};

const text: ParamSchema = { type: 'string' };
const metaList: ParamSchema = { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, key: text } } };

function address(withEmail: boolean): ParamSchema {
  return {
    type: 'object',
    properties: {
      first_name: text,
      last_name: text,
      company: text,
      address_1: text,
      address_2: text,
      city: text,
      state: text,
      postcode: text,
      country: text,
      ...(withEmail ? { email: { type: 'string', format: 'email', nullable: true } as ParamSchema } : {}),
      phone: text,
    },
  };
}

/** The writable order schema WordPress validates POST/PUT bodies against (money is always a string). */
export const ORDER_BODY_ARGS: ArgSpecs = {
  parent_id: { schema: { type: 'integer' } },
  status: { schema: { type: 'string', enum: ORDER_STATUSES } },
  currency: { schema: text },
  customer_id: { schema: { type: 'integer' } },
  customer_note: { schema: text },
  billing: { schema: address(true) },
  shipping: { schema: address(false) },
  payment_method: { schema: text },
  payment_method_title: { schema: text },
  transaction_id: { schema: text },
  meta_data: { schema: metaList },
  line_items: {
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: { type: 'string', nullable: true },
          product_id: { type: 'integer', nullable: true },
          variation_id: { type: 'integer' },
          quantity: { type: 'integer' },
          tax_class: text,
          subtotal: text,
          total: text,
          sku: text,
          meta_data: metaList,
        },
      },
    },
  },
  shipping_lines: {
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          method_title: { type: 'string', nullable: true },
          method_id: { type: 'string', nullable: true },
          instance_id: text,
          total: text,
          meta_data: metaList,
        },
      },
    },
  },
  fee_lines: {
    schema: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          name: { type: 'string', nullable: true },
          tax_class: text,
          tax_status: { type: 'string', enum: ['taxable', 'none'] },
          total: text,
          meta_data: metaList,
        },
      },
    },
  },
  coupon_lines: {
    schema: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, code: { type: 'string', nullable: true }, meta_data: metaList } },
    },
  },
  set_paid: { schema: { type: 'boolean' }, default: false },
};

const BATCH_LIMIT = 100;

function orderComparator(store: WooCommerceStore, orderby: string): { key: string; compare: (a: number, b: number) => number } {
  const get = (id: number) => store.orders.get(id)!;
  switch (orderby) {
    case 'id':
      return { key: 'id', compare: (a, b) => a - b };
    case 'modified':
      return { key: 'modified', compare: (a, b) => compareText(get(a).date_modified_gmt, get(b).date_modified_gmt) };
    default:
      // Orders are titled "Order &ndash; <date>", so title and slug order like the date.
      return { key: 'date', compare: (a, b) => compareText(get(a).date_created_gmt, get(b).date_created_gmt) };
  }
}

/**
 * The part of the full, date-sorted order list a GMT date filter can match, found by binary search: polling with
 * `modified_after=…&dates_are_gmt=true&orderby=modified` is the gateway's change feed and must not scan.
 */
function dateWindow(store: WooCommerceStore, sorted: readonly number[], key: string, a: Record<string, unknown>): [number, number] {
  if (a['dates_are_gmt'] !== true || (key !== 'date' && key !== 'modified')) return [0, sorted.length];
  const column = (id: number) => {
    const o = store.orders.get(id)!;
    return key === 'date' ? o.date_created_gmt : o.date_modified_gmt;
  };
  const afterArg = key === 'date' ? a['after'] : a['modified_after'];
  const beforeArg = key === 'date' ? a['before'] : a['modified_before'];
  const firstAbove = (bound: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (column(sorted[mid]!) <= bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const firstAtOrAbove = (bound: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (column(sorted[mid]!) < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const after = typeof afterArg === 'string' ? wpFilterValue(afterArg) : null;
  const before = typeof beforeArg === 'string' ? wpFilterValue(beforeArg) : null;
  return [after === null ? 0 : firstAbove(after), before === null ? sorted.length : firstAtOrAbove(before)];
}

function listOrders(store: WooCommerceStore, ctx: WcContext) {
  const a = ctx.args;
  const include = idList(a['include']);
  const exclude = new Set(idList(a['exclude']));
  const parents = idList(a['parent']);
  const parentExclude = new Set(idList(a['parent_exclude']));
  const statuses = (a['status'] as string[]).map(String);
  const anyStatus = statuses.includes('any');
  const statusSet = new Set(statuses);
  const customer = a['customer'] as number | undefined;
  const product = a['product'] as number | undefined;
  const term = typeof a['search'] === 'string' ? foldSearchText(a['search'].trim()) : '';
  const byDate = dateFilter(a);
  const orderby = String(a['orderby']);
  const desc = a['order'] === 'desc';

  let ordered: Iterable<number>;
  if (include.length > 0 && orderby === 'include') {
    // ORDER BY FIELD(ID, …): the requested order, whatever `order` says.
    ordered = include;
  } else {
    const { key, compare } = orderComparator(store, orderby);
    let subset: number[] | null = null;
    if (include.length > 0) subset = include.filter((id) => store.orders.has(id));
    else if (customer !== undefined) subset = [...(store.ordersByCustomer.get(customer) ?? [])];
    else if (product !== undefined) subset = [...(store.ordersByProduct.get(product) ?? [])];
    else if (term.includes('@') && !/\s/.test(term)) subset = [...store.ordersMatchingEmailTerm(term)];
    if (subset) {
      ordered = walk(
        subset.sort((x, y) => compare(x, y) || x - y),
        desc,
      );
    } else {
      const sorted = store.sortedIds('orders', key, compare);
      ordered = walk(sorted.slice(...dateWindow(store, sorted, key, a)), desc);
    }
  }

  const includeSet = include.length > 0 ? new Set(include) : null;
  const matches: WcOrder[] = [];
  for (const id of ordered) {
    const o = store.orders.get(id);
    if (!o) continue;
    if (anyStatus ? o.status === 'trash' || o.status === 'auto-draft' : !statusSet.has(o.status)) continue;
    if (includeSet && !includeSet.has(id)) continue;
    if (exclude.has(id)) continue;
    if (customer !== undefined && o.customer_id !== customer) continue;
    if (product !== undefined && !o.line_items.some((l) => l.product_id === product)) continue;
    if (parents.length > 0 && !parents.includes(o.parent_id)) continue;
    if (parentExclude.has(o.parent_id)) continue;
    if (term !== '' && !(store.orderSearchText.get(id) ?? '').includes(term)) continue;
    if (byDate && !byDate(o)) continue;
    matches.push(o);
  }
  return pagedResult(ctx, matches);
}

function writeContext(store: WooCommerceStore, ctx: WcContext): OrderWriteContext {
  return { store, events: ctx.events };
}

function batchError(id: unknown, error: WpError) {
  return { id, error: { code: error.code, message: error.message, data: error.data } };
}

/**
 * WC_REST_Controller::batch_items(): at most 100 objects over create + update + delete (413 otherwise); each item
 * answered in place, failures as `{id, error: {code, message, data}}`; deletes are forced (no trash, so no
 * `order.deleted` webhook). Items are validated against the order schema like single writes.
 */
function batchOrders(store: WooCommerceStore, ctx: WcContext) {
  const body = ctx.body;
  const lists = {
    create: Array.isArray(body['create']) ? body['create'] : [],
    update: Array.isArray(body['update']) ? body['update'] : [],
    delete: Array.isArray(body['delete']) ? body['delete'] : [],
  };
  const total = lists.create.length + lists.update.length + lists.delete.length;
  if (total > BATCH_LIMIT) {
    return wpError(413, 'woocommerce_rest_request_entity_too_large', `Unable to accept more than ${BATCH_LIMIT} items for this request.`);
  }
  const wc = writeContext(store, ctx);
  const response: Record<string, unknown[]> = {};
  if (lists.create.length > 0) {
    response['create'] = lists.create.map((raw) => {
      const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const valid = validateArgs(item, ORDER_BODY_ARGS);
      if (!valid.ok) return batchError(0, valid.error);
      const result = createOrder(wc, { ...item, ...valid.values });
      return isWpError(result) ? batchError(0, result) : result;
    });
  }
  if (lists.update.length > 0) {
    response['update'] = lists.update.map((raw) => {
      const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const valid = validateArgs(item, ORDER_BODY_ARGS);
      if (!valid.ok) return batchError(item['id'] ?? null, valid.error);
      const result = updateOrder(wc, Number(item['id'] ?? 0), { ...item, ...valid.values });
      return isWpError(result) ? batchError(item['id'] ?? null, result) : result;
    });
  }
  if (lists.delete.length > 0) {
    const out: unknown[] = [];
    for (const raw of lists.delete) {
      const id = Math.trunc(Number(raw)) || 0;
      if (id === 0) continue;
      const result = deleteOrder(wc, id, true);
      out.push(isWpError(result) ? batchError(id, result) : result);
    }
    response['delete'] = out;
  }
  return jsonResult(200, response);
}

export function orderRoutes(store: WooCommerceStore): WcRouteSpec[] {
  return [
    { method: 'GET', path: '/orders', permission: 'list', args: ORDER_COLLECTION_ARGS, handler: (ctx) => listOrders(store, ctx) },
    {
      method: 'POST',
      path: '/orders',
      permission: 'create',
      args: ORDER_BODY_ARGS,
      handler: (ctx) => {
        const result = createOrder(writeContext(store, ctx), { ...ctx.body, ...ctx.args });
        if (isWpError(result)) return result;
        return jsonResult(201, result, { location: `${ctx.site}/wp-json/wc/v3/orders/${result.id}` });
      },
    },
    ...(['POST', 'PUT', 'PATCH'] as const).map((method): WcRouteSpec => ({
      method,
      path: '/orders/batch',
      permission: 'batch',
      handler: (ctx) => batchOrders(store, ctx),
    })),
    {
      method: 'GET',
      path: '/orders/:id',
      permission: 'view',
      digitParams: ['id'],
      args: { context: ORDER_COLLECTION_ARGS['context']!, dp: ORDER_COLLECTION_ARGS['dp']! },
      handler: (ctx) => {
        const order = store.orders.get(Number(ctx.req.params['id']));
        return order ? jsonResult(200, order) : wpError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
      },
    },
    ...editableRoutes({
      path: '/orders/:id',
      permission: 'edit',
      digitParams: ['id'],
      args: ORDER_BODY_ARGS,
      handler: (ctx) => {
        const body = { ...ctx.body, ...ctx.args };
        // `set_paid` defaults to false; only an explicit true counts on updates.
        if (ctx.body['set_paid'] === undefined && ctx.req.query.get('set_paid') === null) delete body['set_paid'];
        const result = updateOrder(writeContext(store, ctx), Number(ctx.req.params['id']), body);
        return isWpError(result) ? result : jsonResult(200, result);
      },
    }),
    {
      method: 'DELETE',
      path: '/orders/:id',
      permission: 'delete',
      digitParams: ['id'],
      args: { force: { schema: { type: 'boolean' }, default: false } },
      handler: (ctx) => {
        const result = deleteOrder(writeContext(store, ctx), Number(ctx.req.params['id']), ctx.args['force'] === true);
        return isWpError(result) ? result : jsonResult(200, result);
      },
    },
  ];
}
