/**
 * /wp-json/wc/v3/customers (WP users with WooCommerce data).
 *
 * - `email`: exact match, case-insensitive (WP_User_Query on user_email), validated as an email first.
 * - `search`: WP_User_Query's `*term*` over the columns WordPress picks from the term: only the email when it holds
 *   "@", login and ID when numeric, else login, URL, email, nicename and display name (not first/last name meta).
 * - `role`: `customer` by default, `all` for everybody (the shop administrator included).
 */
import { jsonResult, pagedResult, type WcContext, type WcRouteSpec } from '../wc-api.ts';
import { wpError } from '../wp-errors.ts';
import type { ArgSpecs } from '../wp-params.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import type { WcCustomer } from '../woocommerce-types.ts';
import { compareText, ID_LIST_ARGS, idList, PAGE_ARGS, walk } from './list-support.ts';

export const WP_ROLES = ['administrator', 'editor', 'author', 'contributor', 'subscriber', 'customer', 'shop_manager'];

const CUSTOMER_COLLECTION_ARGS: ArgSpecs = {
  ...PAGE_ARGS,
  ...ID_LIST_ARGS,
  offset: { schema: { type: 'integer' } },
  order: { schema: { type: 'string', enum: ['asc', 'desc'] }, default: 'asc' },
  orderby: { schema: { type: 'string', enum: ['id', 'include', 'name', 'registered_date'] }, default: 'name' },
  email: { schema: { type: 'string', format: 'email' } },
  role: { schema: { type: 'string', enum: ['all', ...WP_ROLES] }, default: 'customer' },
};

export function displayName(c: WcCustomer): string {
  const name = `${c.first_name} ${c.last_name}`.trim();
  return name === '' ? c.username : name;
}

function searchColumns(c: WcCustomer, term: string): string[] {
  if (term.includes('@')) return [c.email];
  if (/^\d+$/.test(term)) return [c.username, String(c.id)];
  return [c.username, c.email, c.username.replace(/[^a-z0-9_-]+/gi, '-'), displayName(c)];
}

function listCustomers(store: WooCommerceStore, ctx: WcContext) {
  const a = ctx.args;
  const include = idList(a['include']);
  const exclude = new Set(idList(a['exclude']));
  const role = String(a['role']);
  const term = typeof a['search'] === 'string' ? a['search'].replace(/^\*|\*$/g, '').toLowerCase() : '';
  const orderby = String(a['orderby']);
  const get = (id: number) => store.customers.get(id)!;

  let candidates: number[] | null = null;
  if (typeof a['email'] === 'string' && a['email'] !== '') {
    const id = store.customerByEmail.get(a['email'].toLowerCase());
    candidates = id === undefined ? [] : [id];
  } else if (include.length > 0) {
    candidates = include.filter((id) => store.customers.has(id));
  }

  let ordered: Iterable<number>;
  if (orderby === 'include' && include.length > 0) {
    ordered = candidates ?? include;
  } else {
    const compare =
      orderby === 'id'
        ? (x: number, y: number) => x - y
        : orderby === 'registered_date'
          ? (x: number, y: number) => compareText(get(x).date_created_gmt, get(y).date_created_gmt)
          : (x: number, y: number) => displayName(get(x)).localeCompare(displayName(get(y)), 'pl', { sensitivity: 'base' });
    const sorted = candidates ? candidates.sort((x, y) => compare(x, y) || x - y) : store.sortedIds('customers', orderby, compare);
    ordered = walk(sorted, a['order'] === 'desc');
  }

  const includeSet = include.length > 0 ? new Set(include) : null;
  const found: WcCustomer[] = [];
  for (const id of ordered) {
    const c = store.customers.get(id);
    if (!c) continue;
    if (role !== 'all' && c.role !== role) continue;
    if (includeSet && !includeSet.has(id)) continue;
    if (exclude.has(id)) continue;
    if (term !== '' && !searchColumns(c, term).some((col) => col.toLowerCase().includes(term))) continue;
    found.push(c);
  }
  return pagedResult(ctx, found);
}

export function customerRoutes(store: WooCommerceStore): WcRouteSpec[] {
  return [
    { method: 'GET', path: '/customers', permission: 'list', args: CUSTOMER_COLLECTION_ARGS, handler: (ctx) => listCustomers(store, ctx) },
    {
      method: 'GET',
      path: '/customers/:id',
      permission: 'view',
      digitParams: ['id'],
      args: { context: CUSTOMER_COLLECTION_ARGS['context']! },
      handler: (ctx) => {
        const customer = store.customers.get(Number(ctx.req.params['id']));
        return customer ? jsonResult(200, customer) : wpError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
      },
    },
  ];
}
