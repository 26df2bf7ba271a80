import { z } from 'zod';
import { mapAxiosErrorToUpstreamError } from '@omnigraph/shared/errors';
import { compactRefs, uniqueIds, type ChangeEvent, type ChangeKind, type PolledChangeSource } from '@omnigraph/shared/freshness';
import type { OdooTransport } from './odoo-transport.ts';

/**
 * Odoo has no change feed in its external API, so changes are polled on `write_date` (every model has it, UTC, second
 * precision) through JSON-2 `search_read`, one source per model:
 * - `product.product` → `product` events (variant ids + SKUs);
 * - `product.template` → `product` events for the template's variants (name, price, taxes live on the template);
 * - `stock.quant` → `stock` events for the quants' products (a reservation or an inventory change).
 *
 * Two traps: (1) many rows share one `write_date` second, so the cursor is the pair (write_date, id), never the date
 * alone; (2) Odoo stamps `write_date` with the transaction's start time, so a long transaction commits rows dated
 * before rows already seen. Each poll therefore re-reads an overlap window behind the cursor and reports the rows of
 * that window it has not reported yet (their `id@write_date` keys are kept in the cursor). A window larger than one
 * page falls back to the strict (write_date, id) keyset for that poll. Deleted rows are invisible to this polling
 * (a quant at 0 may be removed); the cache TTL still bounds those.
 * https://www.odoo.com/documentation/19.0/developer/reference/external_api.html
 */

export interface OdooChangeFeedOptions {
  /** the ERP client's connection (createOdooConnection): one socket pool and one JSON-RPC login per process */
  transport: OdooTransport;
  /** how far behind the cursor each poll looks again for late commits, in seconds. @default 30 */
  overlapSeconds?: number;
  /** rows per `search_read`. @default 500 */
  pageSize?: number;
}

/** row keys kept for the overlap window; beyond this a late row may be reported twice (harmless). */
const MAX_SEEN = 2_000;

const OdooDatetime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const Many2one = z.union([z.tuple([z.number(), z.string()]), z.literal(false)]);
const ChangedRowDto = z.object({
  id: z.number(),
  write_date: OdooDatetime,
  product_id: Many2one.optional(),
  quantity: z.number().optional(),
  reserved_quantity: z.number().optional(),
});
const ChangedRowsDto = z.array(ChangedRowDto);
const VariantDto = z.array(z.object({ id: z.number(), default_code: z.union([z.string(), z.literal(false)]), product_tmpl_id: Many2one.optional() }));
type ChangedRow = z.infer<typeof ChangedRowDto>;

interface Cursor {
  /** last (write_date, id) reported */
  w: string;
  id: number;
  /** keys (`write_date|id|quantities`) of rows inside the overlap window already reported */
  seen: string[];
}

interface ModelFeed {
  name: string;
  model: 'product.product' | 'product.template' | 'stock.quant';
  kind: ChangeKind;
  fields: string[];
}

const FEEDS: readonly ModelFeed[] = [
  { name: 'odoo-product-changes', model: 'product.product', kind: 'product', fields: ['write_date'] },
  { name: 'odoo-template-changes', model: 'product.template', kind: 'product', fields: ['write_date'] },
  { name: 'odoo-stock-changes', model: 'stock.quant', kind: 'stock', fields: ['write_date', 'product_id', 'quantity', 'reserved_quantity'] },
];

const EPOCH = '1970-01-01 00:00:00';
// Quantities are part of a quant's key: two reservations of one quant within the same second are two changes.
const keyOf = (row: ChangedRow) => `${row.write_date}|${row.id}|${row.quantity ?? ''}|${row.reserved_quantity ?? ''}`;
const writeDateOf = (key: string) => key.slice(0, 19);
const after = (a: { w: string; id: number }, b: { w: string; id: number }) => a.w > b.w || (a.w === b.w && a.id > b.id);

export function odooDatetimeMinus(datetime: string, seconds: number): string {
  const ms = Date.parse(`${datetime.replace(' ', 'T')}Z`) - seconds * 1_000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** The three polled sources (products, templates, stock quants). */
export function createOdooChangeFeeds(options: OdooChangeFeedOptions): PolledChangeSource[] {
  const { transport } = options;
  const overlapSeconds = options.overlapSeconds ?? 30;
  const pageSize = options.pageSize ?? 500;
  // Archived products change too (archiving is a change), so the active filter is off for every read.
  const context = { active_test: false };

  async function call<S extends z.ZodType>(model: string, method: string, body: object, schema: S): Promise<z.infer<S>> {
    try {
      const response = await transport.post(model, method, { ...body, context });
      return schema.parse(response.data);
    } catch (error) {
      throw mapAxiosErrorToUpstreamError(error, { serviceName: 'erp', operation: 'pollChanges' });
    }
  }

  const searchRead = (model: string, domain: unknown[], fields: string[], order: string) =>
    call(model, 'search_read', { domain, fields, order, limit: pageSize }, ChangedRowsDto);

  /** product ids + SKUs of the changed rows (variants of templates, products of quants) */
  async function variantsOf(feed: ModelFeed, rows: ChangedRow[]): Promise<{ ids: string[]; skus: string[] }> {
    if (rows.length === 0) return { ids: [], skus: [] };
    let domain: unknown[];
    if (feed.model === 'product.template') domain = [['product_tmpl_id', 'in', rows.map((r) => r.id)]];
    else if (feed.model === 'stock.quant') domain = [['id', 'in', uniqueIds(rows.map((r) => (r.product_id ? r.product_id[0] : null))).map(Number)]];
    else domain = [['id', 'in', rows.map((r) => r.id)]];
    const variants = await call('product.product', 'search_read', { domain, fields: ['default_code'], order: 'id asc' }, VariantDto);
    return { ids: uniqueIds(variants.map((v) => v.id)), skus: uniqueIds(variants.map((v) => v.default_code || null)) };
  }

  return FEEDS.map((feed) => ({
    name: feed.name,
    async initialCursor() {
      const [latest] = await call(
        feed.model,
        'search_read',
        { domain: [], fields: ['write_date'], order: 'write_date desc, id desc', limit: 1 },
        ChangedRowsDto,
      );
      const cursor: Cursor = { w: latest?.write_date ?? EPOCH, id: latest?.id ?? 0, seen: [] };
      // What is already inside the window counts as seen: a first start reports only what changes from now on.
      if (latest)
        cursor.seen = (
          await searchRead(feed.model, [['write_date', '>=', odooDatetimeMinus(cursor.w, overlapSeconds)]], feed.fields, 'write_date asc, id asc')
        ).map(keyOf);
      return JSON.stringify(cursor);
    },
    async poll(raw) {
      const cursor = JSON.parse(raw) as Cursor;
      const seen = new Set(cursor.seen);
      const windowStart = odooDatetimeMinus(cursor.w, overlapSeconds);
      let rows = await searchRead(feed.model, [['write_date', '>=', windowStart]], feed.fields, 'write_date asc, id asc');
      let more = false;
      if (rows.length >= pageSize) {
        // The window alone fills a page (a bulk update): page strictly after the cursor this time.
        rows = await searchRead(
          feed.model,
          ['|', ['write_date', '>', cursor.w], '&', ['write_date', '=', cursor.w], ['id', '>', cursor.id]],
          feed.fields,
          'write_date asc, id asc',
        );
        more = rows.length >= pageSize;
      }
      const fresh = rows.filter((r) => !seen.has(keyOf(r)));
      let next = { w: cursor.w, id: cursor.id };
      for (const r of rows) if (after({ w: r.write_date, id: r.id }, next)) next = { w: r.write_date, id: r.id };
      const nextWindow = odooDatetimeMinus(next.w, overlapSeconds);
      const nextSeen = [...cursor.seen.filter((k) => writeDateOf(k) >= nextWindow), ...fresh.map(keyOf)];
      const events: ChangeEvent[] = [];
      if (fresh.length > 0) {
        const { ids, skus } = await variantsOf(feed, fresh);
        const refs = compactRefs({ skus });
        const at = fresh.reduce((max, r) => (r.write_date > max ? r.write_date : max), fresh[0]!.write_date);
        if (ids.length > 0) {
          events.push({
            system: 'odoo',
            kind: feed.kind,
            ids,
            at: new Date(`${at.replace(' ', 'T')}Z`).toISOString(),
            cause: `odoo:write_date:${feed.model}`,
            ...(refs ? { refs } : {}),
          });
        }
      }
      return { events, cursor: JSON.stringify({ ...next, seen: nextSeen.slice(-MAX_SEEN) }), more };
    },
  }));
}
