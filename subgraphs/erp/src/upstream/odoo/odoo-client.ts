import type { Upstream } from '@omnigraph/shared/upstream';
import type { ErpClient, ErpLocationModel } from '../erp-client.ts';
import { z } from 'zod';
import {
  OdooCountryListDto,
  OdooMany2one,
  OdooPartnerAddressListDto,
  OdooProductListDto,
  OdooStockQuantListDto,
  OdooWarehouseListDto,
} from './odoo-dtos.ts';
import { createOdooCatalogueSkus } from './odoo-catalogue-skus.ts';
import { createOdooDiscovery } from './odoo-discovery.ts';
import { createOdooDeliveries } from './odoo-deliveries.ts';
import { createOdooLookups, type PartnerPhoneField } from './odoo-lookup.ts';
import { missingOdooGroupChildren, ODOO_TAX_FIELDS, OdooTaxListDto, type OdooTaxDto } from './odoo-taxes.ts';
import { createOdooPricing } from './odoo-pricing.ts';
import type { OdooProtocol, OdooTransport } from './odoo-transport.ts';
import { createOdooWrites } from './odoo-writes.ts';
import { mapOdooProductDtoToErpProduct, mapOdooQuantsToErpStockRows, mapOdooWarehouseToErpLocation } from './odoo-mappers.ts';

/**
 * SKUs per `default_code in [...]` call. Odoo has no server maximum, but a long domain and a large answer run into the
 * worker's `limit_time_real`; upstream-apis.md §4.2 advises ≤ 500–1000 rows per call, and one SKU has up to one quant
 * per internal location (about ten here), so 200 SKUs keep a stock answer near 2 000 rows.
 */
export const ODOO_MAX_SKUS_PER_CALL = 200;

/** Taxes are effectively immutable (Odoo refuses to change the amount of a tax that has been used). */
const DEFAULT_TAX_CACHE_TTL_MS = 60 * 60 * 1_000;

export interface OdooClientOptions {
  /** the Odoo connection (createOdooConnection: HTTP client, database, credentials, protocol); the client never reads env */
  transport: OdooTransport;
  /** the shared upstream-call helper for this Odoo server (deadline, retries, breaker, bulkhead, budget) */
  upstream: Upstream;
  /** ODOO_PROTOCOL, as the transport speaks it: JSON-RPC servers (Odoo ≤ 18) lack some tax fields. @default 'json2' */
  protocol?: OdooProtocol | undefined;
  /** how long VAT rates read from `account.tax` are kept in process. @default 3_600_000 (1 hour) */
  taxCacheTtlMs?: number;
  /** @default Date.now */
  now?: () => number;
  /** where partners' phone numbers are searched (ERP_PARTNER_PHONE_FIELDS). @default ['phone'] */
  partnerPhoneFields?: readonly PartnerPhoneField[];
  /**
   * The company whose taxes price the products (ERP_COMPANY_ID); unset: the API user's company (`res.users`
   * `company_id`, asked once per process).
   */
  companyId?: number | undefined;
}

const PRODUCT_FIELDS = [
  'default_code',
  'display_name',
  'name',
  'barcode',
  'lst_price',
  'taxes_id',
  'currency_id',
  'active',
  'product_tmpl_id',
  'categ_id',
  'uom_id',
];
const QUANT_FIELDS = ['product_id', 'location_id', 'warehouse_id', 'quantity', 'reserved_quantity', 'write_date'];
const WAREHOUSE_FIELDS = ['name', 'code', 'lot_stock_id', 'partner_id'];
const PARTNER_ADDRESS_FIELDS = ['street', 'street2', 'zip', 'city', 'country_id', 'partner_latitude', 'partner_longitude', 'phone', 'comment'];

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The ERP role over Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with named parameters, `Authorization:
 * bearer <api key>`, HTTP 200 with the bare result, real HTTP statuses for errors
 * (https://www.odoo.com/documentation/19.0/developer/reference/external_api.html), or — ODOO_PROTOCOL=jsonrpc, Odoo
 * ≤ 18 — the same calls as `execute_kw` over `/jsonrpc` (odoo-transport.ts). Every call is one transaction; reads may
 * be retried by the shared helper, the write steps' calls (odoo-writes.ts) never are.
 */
export function createOdooClient(options: OdooClientOptions): ErpClient {
  const { transport } = options;
  const now = options.now ?? Date.now;
  const taxTtlMs = options.taxCacheTtlMs ?? DEFAULT_TAX_CACHE_TTL_MS;
  let company: Promise<number> | null = options.companyId === undefined ? null : Promise.resolve(options.companyId);

  /**
   * One Odoo call (JSON-2's named body, sent in the configured wire format) through the shared helper, validated. `operation` is the role method (`getProductsBySkus`), never
   * the Odoo model or URL: errors name the role.
   */
  function call<S extends z.ZodType>(
    operation: string,
    request: { model: string; method: string; body: object },
    schema: S,
    callOptions: { idempotent?: boolean } = {},
  ): Promise<z.infer<S>> {
    return options.upstream.call({
      operation,
      // reads (search_read, read) change nothing when repeated; writes (create, action_confirm, button_validate) say
      // so and are never retried by the helper: the write steps look their document up by tag instead
      idempotent: callOptions.idempotent ?? true,
      send: (signal) => transport.post(request.model, request.method, request.body as Record<string, unknown>, signal),
      parse: (response) => schema.parse(response.data),
    });
  }

  /**
   * Reads by id through an in-process cache (taxes, currencies: effectively immutable — Odoo refuses to change the
   * amount of a used tax): one `read` for the ids not cached yet; a failed read is not kept.
   */
  function cachedRead<V>(
    cache: Map<number, { value: Promise<V | undefined>; expiresAtMs: number }>,
    ids: readonly number[],
    read: (missing: number[]) => Promise<Map<number, V>>,
  ): Promise<Map<number, V>> {
    const at = now();
    const unique = [...new Set(ids)];
    const missing = unique.filter((id) => {
      const cached = cache.get(id);
      return cached === undefined || cached.expiresAtMs <= at;
    });
    if (missing.length > 0) {
      const answer = read(missing);
      for (const id of missing) {
        const value = answer.then((found) => found.get(id));
        cache.set(id, { value, expiresAtMs: at + taxTtlMs });
        value.catch(() => cache.delete(id));
      }
    }
    return Promise.all(unique.map(async (id) => [id, await cache.get(id)?.value] as const)).then((entries) => {
      const out = new Map<number, V>();
      for (const [id, value] of entries) if (value !== undefined) out.set(id, value);
      return out;
    });
  }
  const taxValues = new Map<number, { value: Promise<OdooTaxDto | undefined>; expiresAtMs: number }>();
  const roundingValues = new Map<number, { value: Promise<number | undefined>; expiresAtMs: number }>();

  /**
   * The `account.tax` fields this Odoo has: every one of ODOO_TAX_FIELDS over JSON-2 (19+); over JSON-RPC (≤ 18) asked
   * once with `fields_get`, as Odoo 17 has no `price_include_override` and refuses a read naming it.
   */
  let taxFields: Promise<string[]> | null = (options.protocol ?? 'json2') === 'json2' ? Promise.resolve(ODOO_TAX_FIELDS) : null;
  function getTaxFields(): Promise<string[]> {
    if (taxFields === null) {
      const asked = call(
        'getProductsBySkus',
        { model: 'account.tax', method: 'fields_get', body: { attributes: ['type'] } },
        z.record(z.string(), z.unknown()),
      ).then((fields) => ODOO_TAX_FIELDS.filter((f) => f in fields));
      taxFields = asked;
      asked.catch(() => {
        if (taxFields === asked) taxFields = null;
      });
    }
    return taxFields;
  }

  /** Taxes by id (`account.tax` `read`), and the children of the groups among them (a second read, once). */
  async function getTaxes(ids: readonly number[]): Promise<Map<number, OdooTaxDto>> {
    const readTaxes = async (missing: number[]) => {
      const fields = await getTaxFields();
      const rows = await call('getProductsBySkus', { model: 'account.tax', method: 'read', body: { ids: missing, fields } }, OdooTaxListDto);
      return new Map(rows.map((t) => [t.id, t]));
    };
    const taxes = await cachedRead(taxValues, ids, readTaxes);
    for (let depth = 0; depth < 5; depth += 1) {
      const children = missingOdooGroupChildren(ids, taxes);
      if (children.length === 0) break;
      for (const [id, tax] of await cachedRead(taxValues, children, readTaxes)) taxes.set(id, tax);
    }
    return taxes;
  }

  /** `res.currency` `rounding` by currency id. */
  function getRoundings(ids: readonly number[]): Promise<Map<number, number>> {
    return cachedRead(roundingValues, ids, (missing) =>
      call(
        'getProductsBySkus',
        { model: 'res.currency', method: 'read', body: { ids: missing, fields: ['rounding'] } },
        z.array(z.object({ id: z.number().int(), rounding: z.number() })),
      ).then((rows) => new Map(rows.map((c) => [c.id, c.rounding]))),
    );
  }

  /**
   * The company whose taxes count: ERP_COMPANY_ID, else the API user's (`res.users` `context_get` names the uid, its
   * `read` the company), asked once per process.
   */
  function getCompanyId(): Promise<number> {
    if (company === null) {
      const asked = (async () => {
        const context = await call(
          'getProductsBySkus',
          { model: 'res.users', method: 'context_get', body: {} },
          z.object({ uid: z.number().int() }).passthrough(),
        );
        const [user] = await call(
          'getProductsBySkus',
          { model: 'res.users', method: 'read', body: { ids: [context.uid], fields: ['company_id'] } },
          z.array(z.object({ id: z.number().int(), company_id: OdooMany2one })),
        );
        if (!user) throw new Error(`res.users ${context.uid} is not readable`);
        return user.company_id[0];
      })();
      company = asked;
      asked.catch(() => {
        if (company === asked) company = null;
      });
    }
    return company;
  }

  /**
   * Which company's taxes count only matters when the products hold taxes of several companies: a single-company
   * database (and a batch of one company's taxes) costs no call for it; once known (or configured) it is always used.
   */
  async function companyFor(taxIds: readonly number[], taxes: ReadonlyMap<number, OdooTaxDto>): Promise<number | null> {
    const companies = new Set(
      taxIds.flatMap((id) => {
        const owner = taxes.get(id)?.company_id;
        return owner === undefined || owner === false ? [] : [owner[0]];
      }),
    );
    return company !== null || companies.size > 1 ? getCompanyId() : null;
  }

  return {
    // sale orders by name / parcel number and partners by identity (odoo-lookup.ts)
    ...createOdooLookups(call, options.partnerPhoneFields ?? ['phone']),
    // partners' pricelists (odoo-pricing.ts) and the write steps' calls (odoo-writes.ts)
    ...createOdooPricing(call),
    // the active SKUs page by page, for the pricing subgraph's catalogue-wide report (odoo-catalogue-skus.ts)
    ...createOdooCatalogueSkus(call),
    // the search index's catalogue pages and the category tree (odoo-discovery.ts)
    ...createOdooDiscovery(call),
    // channel orders' sale orders and their outgoing deliveries (odoo-deliveries.ts)
    ...createOdooDeliveries({ call, now, cacheTtlMs: taxTtlMs }),
    ...createOdooWrites({ call, getTaxes, companyFor }),

    /** `product.product/search_read`, archived variants included (the domain mentions `active`). */
    async getProductsBySkus({ skus }) {
      const unique = [...new Set(skus)];
      if (unique.length === 0) return [];
      const pages = await Promise.all(
        chunk(unique, ODOO_MAX_SKUS_PER_CALL).map((part) =>
          call(
            'getProductsBySkus',
            {
              model: 'product.product',
              method: 'search_read',
              body: {
                domain: [
                  ['default_code', 'in', part],
                  ['active', 'in', [true, false]],
                ],
                fields: PRODUCT_FIELDS,
              },
            },
            OdooProductListDto,
          ),
        ),
      );
      const dtos = pages.flat();
      const taxIds = dtos.flatMap((dto) => dto.taxes_id);
      const [taxes, roundingOf] = await Promise.all([
        getTaxes(taxIds),
        getRoundings(dtos.flatMap((dto) => (dto.currency_id === false ? [] : [dto.currency_id[0]]))),
      ]);
      const companyId = await companyFor(taxIds, taxes);
      const products = [];
      for (const dto of dtos) {
        const product = mapOdooProductDtoToErpProduct(dto, taxes, { companyId, roundingOf });
        if (product) products.push(product);
      }
      return products;
    },

    /**
     * `stock.quant/search_read` in internal locations only: Odoo also keeps quants of delivered goods in
     * `Partners/Customers`, which are not stock.
     */
    async getStockBySkus({ skus }) {
      const unique = [...new Set(skus)];
      if (unique.length === 0) return [];
      const pages = await Promise.all(
        chunk(unique, ODOO_MAX_SKUS_PER_CALL).map(async (part) => {
          const quants = await call(
            'getStockBySkus',
            {
              model: 'stock.quant',
              method: 'search_read',
              body: {
                domain: [
                  ['product_id.default_code', 'in', part],
                  ['location_id.usage', '=', 'internal'],
                ],
                fields: QUANT_FIELDS,
              },
            },
            OdooStockQuantListDto,
          );
          return mapOdooQuantsToErpStockRows(quants, part);
        }),
      );
      return pages.flat();
    },

    /**
     * Active warehouses (`stock.warehouse/search_read`), then their address partners (`res.partner/read`) and those
     * partners' countries (`res.country/read`, for the ISO code the many2one name lacks): three calls, cached by the
     * loaders layer.
     */
    async listLocations(): Promise<ErpLocationModel[]> {
      const warehouses = await call(
        'listLocations',
        { model: 'stock.warehouse', method: 'search_read', body: { domain: [], fields: WAREHOUSE_FIELDS } },
        OdooWarehouseListDto,
      );
      const partnerIds = [...new Set(warehouses.flatMap((w) => (w.partner_id === false ? [] : [w.partner_id[0]])))];
      const partners =
        partnerIds.length === 0
          ? []
          : await call(
              'listLocations',
              { model: 'res.partner', method: 'read', body: { ids: partnerIds, fields: PARTNER_ADDRESS_FIELDS } },
              OdooPartnerAddressListDto,
            );
      const countryIds = [...new Set(partners.flatMap((p) => (p.country_id === false ? [] : [p.country_id[0]])))];
      const countries =
        countryIds.length === 0
          ? []
          : await call('listLocations', { model: 'res.country', method: 'read', body: { ids: countryIds, fields: ['code'] } }, OdooCountryListDto);
      const partnersById = new Map(partners.map((p) => [p.id, p]));
      const countryCodes = new Map(countries.map((c) => [c.id, c.code]));
      return warehouses.map((w) =>
        mapOdooWarehouseToErpLocation(w, w.partner_id === false ? undefined : partnersById.get(w.partner_id[0]), countryCodes),
      );
    },
  };
}
