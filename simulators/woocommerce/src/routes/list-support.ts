/**
 * Shared pieces of the collection endpoints: WooCommerce's date filters, id lists and ordering.
 */
import { wpFilterValue } from '../wp-dates.ts';
import { wpParseIdList, type ArgSpecs } from '../wp-params.ts';

interface Dated {
  date_created: string;
  date_created_gmt: string;
  date_modified: string | null;
  date_modified_gmt: string | null;
}

/** context, page, per_page and search: how every WooCommerce collection's arguments start, in registration order. */
export const PAGE_ARGS: ArgSpecs = {
  context: { schema: { type: 'string', enum: ['view', 'edit'] }, default: 'view' },
  page: { schema: { type: 'integer', minimum: 1 }, default: 1 },
  per_page: { schema: { type: 'integer', minimum: 1, maximum: 100 }, default: 10 },
  search: { schema: { type: 'string' } },
};

/** The date arguments of WC_REST_CRUD_Controller collections, in registration order. */
export const DATE_ARGS: ArgSpecs = {
  after: { schema: { type: 'string', format: 'date-time' } },
  before: { schema: { type: 'string', format: 'date-time' } },
  modified_after: { schema: { type: 'string', format: 'date-time' } },
  modified_before: { schema: { type: 'string', format: 'date-time' } },
  dates_are_gmt: { schema: { type: 'boolean' }, default: false },
};

export const ID_LIST_ARGS: ArgSpecs = {
  // wp_parse_id_list sanitizes without validating: "abc" becomes 0 and simply matches nothing.
  exclude: { schema: { type: 'any' } },
  include: { schema: { type: 'any' } },
};

/**
 * `after`/`before` on the creation date, `modified_after`/`modified_before` on the modification date; the local
 * or the GMT column depending on `dates_are_gmt`; bounds are exclusive (WP_Date_Query's default).
 */
export function dateFilter(args: Record<string, unknown>): ((record: Dated) => boolean) | null {
  const gmt = args['dates_are_gmt'] === true;
  const bound = (name: string) => (typeof args[name] === 'string' ? wpFilterValue(args[name] as string) : null);
  const after = bound('after');
  const before = bound('before');
  const modifiedAfter = bound('modified_after');
  const modifiedBefore = bound('modified_before');
  if (after === null && before === null && modifiedAfter === null && modifiedBefore === null) return null;
  return (r) => {
    const created = gmt ? r.date_created_gmt : r.date_created;
    const modified = (gmt ? r.date_modified_gmt : r.date_modified) ?? created;
    if (after !== null && !(created > after)) return false;
    if (before !== null && !(created < before)) return false;
    if (modifiedAfter !== null && !(modified > modifiedAfter)) return false;
    if (modifiedBefore !== null && !(modified < modifiedBefore)) return false;
    return true;
  };
}

export function idList(value: unknown): number[] {
  return value === undefined || value === '' ? [] : wpParseIdList(value);
}

/** Ascending comparison of two optional strings (null sorts first, as NULL does in MySQL). */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Candidate ids in their final order. `sortedAsc` is the collection sorted ascending by the ordering column (ties
 * by id); `desc` walks it backwards, which gives "column DESC, ID DESC" exactly as WooCommerce orders.
 */
export function* walk(ids: readonly number[], desc: boolean): Generator<number> {
  if (desc) for (let i = ids.length - 1; i >= 0; i -= 1) yield ids[i]!;
  else for (const id of ids) yield id;
}
