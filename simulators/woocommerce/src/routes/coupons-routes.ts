/**
 * /wp-json/wc/v3/coupons: list (`code` exact, case-insensitive; `search` in the code) and read.
 */
import { jsonResult, pagedResult, type WcContext, type WcRouteSpec } from '../wc-api.ts';
import { wpError } from '../wp-errors.ts';
import type { ArgSpecs } from '../wp-params.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import type { WcCoupon } from '../woocommerce-types.ts';
import { compareText, dateFilter, DATE_ARGS, ID_LIST_ARGS, idList, PAGE_ARGS, walk } from './list-support.ts';

const COUPON_COLLECTION_ARGS: ArgSpecs = {
  ...PAGE_ARGS,
  ...DATE_ARGS,
  ...ID_LIST_ARGS,
  offset: { schema: { type: 'integer' } },
  order: { schema: { type: 'string', enum: ['asc', 'desc'] }, default: 'desc' },
  orderby: { schema: { type: 'string', enum: ['date', 'id', 'include', 'title', 'slug', 'modified'] }, default: 'date' },
  code: { schema: { type: 'string' } },
};

function listCoupons(store: WooCommerceStore, ctx: WcContext) {
  const a = ctx.args;
  const include = idList(a['include']);
  const exclude = new Set(idList(a['exclude']));
  const term = typeof a['search'] === 'string' ? a['search'].toLowerCase() : '';
  const byDate = dateFilter(a);
  const orderby = String(a['orderby']);
  const get = (id: number) => store.coupons.get(id)!;

  let candidates: number[] | null = null;
  if (typeof a['code'] === 'string' && a['code'] !== '') {
    // wc_get_coupon_id_by_code(); no match becomes post__in = [0], i.e. nothing.
    const coupon = store.couponByCodeLookup(a['code']);
    candidates = coupon ? [coupon.id] : [];
  } else if (include.length > 0) {
    candidates = include.filter((id) => store.coupons.has(id));
  }
  let ordered: Iterable<number>;
  if (orderby === 'include' && include.length > 0) ordered = (candidates ?? include).filter((id) => include.includes(id));
  else {
    const compare =
      orderby === 'id'
        ? (x: number, y: number) => x - y
        : orderby === 'modified'
          ? (x: number, y: number) => compareText(get(x).date_modified_gmt, get(y).date_modified_gmt)
          : orderby === 'title' || orderby === 'slug'
            ? (x: number, y: number) => compareText(get(x).code, get(y).code)
            : (x: number, y: number) => compareText(get(x).date_created_gmt, get(y).date_created_gmt);
    const sorted = candidates ? candidates.sort((x, y) => compare(x, y) || x - y) : store.sortedIds('coupons', orderby, compare);
    ordered = walk(sorted, a['order'] === 'desc');
  }
  const includeSet = include.length > 0 ? new Set(include) : null;
  const found: WcCoupon[] = [];
  for (const id of ordered) {
    const c = store.coupons.get(id);
    if (!c || c.status === 'trash') continue;
    if (includeSet && !includeSet.has(id)) continue;
    if (exclude.has(id)) continue;
    if (term !== '' && !c.code.toLowerCase().includes(term)) continue;
    if (byDate && !byDate(c)) continue;
    found.push(c);
  }
  return pagedResult(ctx, found);
}

export function couponRoutes(store: WooCommerceStore): WcRouteSpec[] {
  return [
    { method: 'GET', path: '/coupons', permission: 'list', args: COUPON_COLLECTION_ARGS, handler: (ctx) => listCoupons(store, ctx) },
    {
      method: 'GET',
      path: '/coupons/:id',
      permission: 'view',
      digitParams: ['id'],
      args: { context: COUPON_COLLECTION_ARGS['context']! },
      handler: (ctx) => {
        const coupon = store.coupons.get(Number(ctx.req.params['id']));
        return coupon ? jsonResult(200, coupon) : wpError(404, 'woocommerce_rest_shop_coupon_invalid_id', 'Invalid ID.');
      },
    },
  ];
}
