/**
 * The WooCommerce REST API v3 adapter of the e-shop role: the only module that speaks WooCommerce's wire format.
 * Every request goes through the shared upstream-call helper (deadline, retries of these reads, breaker, bulkhead,
 * budget), which validates it with the zod DTOs and maps every failure once.
 * Docs: https://woocommerce.github.io/woocommerce-rest-api-docs/ (shared/upstream-apis.md §2, A.2).
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { Upstream } from '@omnigraph/shared/upstream';
import { UpstreamError } from '@omnigraph/shared/errors';
import { createLogger, oncePerKey } from '@omnigraph/shared/logging';
import { ESHOP_BATCH_LIMIT, type EshopClient, type EshopListingModel, type EshopOrderId, type EshopOrderModel } from '../eshop-client.ts';
import {
  WcCustomerListDto,
  WcFulfillmentListDto,
  WcOrderDto,
  WcOrderListDto,
  WcOrderNoteListDto,
  WcProductContentListDto,
  WcProductListDto,
  type WcProductDto,
  WcRefundDto,
  WcRefundListDto,
  WpErrorDto,
} from './woocommerce-dtos.ts';
import { mapWcFulfillments, mapWcNoteToEvent } from './woocommerce-order-detail.ts';
import {
  baseRates,
  grossMinorOfNet,
  PRICES_INCLUDE_TAX,
  ratesForProduct,
  settingFlag,
  WcSettingOptionListDto,
  WcTaxRateListDto,
  type ShopTaxes,
  type WcTaxRateDto,
} from './woocommerce-tax.ts';
import { formatMinorUnits } from '../money.ts';
import {
  isCoreWcOrderStatus,
  isGuestOrderOf,
  mapWcOrderStatus,
  mapWcCustomerDtoToEshopCustomer,
  mapWcGmtDate,
  mapWcOrderDtoToEshopOrder,
  mapWcProductContent,
  mapWcProductDtoToEshopListing,
  mapWcRefundDtoToEshopRefund,
  type WcOrderMappingOptions,
} from './woocommerce-mappers.ts';
import {
  DEFAULT_WRITE_SETTINGS,
  metaText,
  toWcOrderBody,
  toWcRefundBody,
  WC_WRITE_META,
  type WooCommerceWriteSettings,
} from './woocommerce-writes.ts';

const API_PREFIX = '/wp-json/wc/v3';
/** Pages of one listing fetched at once once the total is known: enough for latency, gentle on a PHP-FPM pool. */
const PAGE_CONCURRENCY = 4;

export interface WooCommerceClientOptions {
  /** an axios instance with the shop's base URL (the site root, without `/wp-json`), auth and timeout set */
  http: AxiosInstance;
  /** the shared upstream-call helper for this shop (deadline, retries, breaker, bulkhead, budget) */
  upstream: Upstream;
  /**
   * The shop's currency (WooCommerce setting `woocommerce_currency`). Orders carry their own currency; product JSON
   * carries none, so listings need this.
   */
  currency: string;
  /** ESHOP_NIP_META_KEY: the order meta key a checkout plugin keeps the buyer's NIP under; unset → no NIP */
  nipMetaKey?: string | null | undefined;
  /**
   * ESHOP_ORDER_NUMBER_PATTERN set: a numbering plugin gives orders numbers other than their ids, so an order is
   * found by number through the order search (which such plugins extend with their number meta), not `/orders/{id}`.
   * @default false (core WooCommerce: the number is the id)
   */
  pluginOrderNumbers?: boolean | undefined;
  /** how orders and refunds Omnigraph writes look in the shop (ESHOP_* write settings). @default DEFAULT_WRITE_SETTINGS */
  writes?: WooCommerceWriteSettings | undefined;
  /** the clock that dates stock figures as read (tests pin it). @default Date.now */
  now?: (() => number) | undefined;
  /**
   * ESHOP_PRICES_INCLUDE_TAX: `auto` reads `woocommerce_prices_include_tax` (and the rates when it is `no`), `yes`
   * reads nothing, `no` reads the rates only. @default 'yes' (the client of a test that does not care reads nothing)
   */
  pricesIncludeTax?: 'auto' | 'yes' | 'no' | undefined;
  /** WOOCOMMERCE_BASE_COUNTRY: the shop's base country (`woocommerce_default_country`), whose rates price listings. @default 'PL' */
  baseCountry?: string | undefined;
  /** how long the tax settings and rates read are kept in this process. @default 3_600_000 (1 h) */
  taxSettingsTtlMs?: number | undefined;
}

/** At most this many pages of rates (100 each) are read: a shop's base rates are a handful. */
const MAX_TAX_RATE_PAGES = 10;

type Operation =
  | 'getListingsBySkus'
  | 'getProductContents'
  | 'getOrdersByIds'
  | 'getOrderByNumber'
  | 'listCustomerOrders'
  | 'listGuestOrdersByEmail'
  | 'listOrdersNewestFirst'
  | 'countCustomerOrders'
  | 'findCustomersByEmail'
  | 'getCustomersByIds'
  | 'searchOrders'
  | 'findOrdersByTag'
  | 'listRefunds'
  | 'listOrderNotes'
  | 'listFulfillments'
  | 'getOrderForRefund'
  | 'getTaxSettings'
  | 'listTaxRates';

type WriteOperation = 'createOrder' | 'setOrderMeta' | 'createRefund';

/** The shop's total is kept when it is not Σ line totals + shipping + fees (docs/money-model.md); said once per order. */
const logMoneyMismatch = oncePerKey((orderId) =>
  createLogger({ name: 'eshop' }).warn({ orderId }, 'order total differs from line totals + shipping + fees; the shop total is kept'),
);

/** A plugin's order status reads as PROCESSING (mapWcOrderStatus); said once per status. */
const logCustomStatus = oncePerKey((status) =>
  createLogger({ name: 'eshop' }).warn({ status }, "unknown WooCommerce order status (a plugin's): mapped to PROCESSING, channelStatus keeps it"),
);

const logFulfillmentsOff = oncePerKey(() =>
  createLogger({ name: 'eshop' }).warn(
    {},
    'the shop has no order fulfillments endpoint (feature off or WooCommerce < 10.1); set ESHOP_SHIPMENT_TRACKING=meta',
  ),
);

const logSettingsRefused = oncePerKey((status) =>
  createLogger({ name: 'eshop' }).warn(
    { status },
    'the API key may not read the tax settings (manage_woocommerce): listing prices are read as including tax; set ESHOP_PRICES_INCLUDE_TAX or use a key of a shop manager',
  ),
);

const logTaxesOff = oncePerKey(() =>
  createLogger({ name: 'eshop' }).warn({}, 'the shop has no tax settings group (taxes disabled): listing prices are read as entered'),
);

const logClassWithoutRates = oncePerKey((taxClass) =>
  createLogger({ name: 'eshop' }).warn(
    { taxClass },
    'tax class without a rate for the base country: its net prices are shown as entered, as WooCommerce does',
  ),
);

export function createWooCommerceClient(options: WooCommerceClientOptions): EshopClient {
  const { http, upstream, currency } = options;
  const now = options.now ?? Date.now;
  const mapping: WcOrderMappingOptions = { nipMetaKey: options.nipMetaKey ?? null, onMoneyMismatch: logMoneyMismatch };
  const mapOrder = (dto: WcOrderDto) => {
    if (!isCoreWcOrderStatus(dto.status)) logCustomStatus(dto.status);
    return mapWcOrderDtoToEshopOrder(dto, mapping);
  };

  /** One `GET` (every call here is a read, so the helper may retry it), its body validated by `parse`. */
  function get<T>(
    operation: Operation,
    path: string,
    params: Record<string, string | number> | undefined,
    parse: (response: AxiosResponse<unknown>) => T,
    onStatus?: { 404: (response: AxiosResponse<unknown>) => T | undefined },
  ): Promise<T> {
    return upstream.call({
      operation,
      idempotent: true,
      send: (signal) => http.get<unknown>(`${API_PREFIX}${path}`, { params, signal }),
      parse,
      ...(onStatus === undefined ? {} : { onStatus }),
    });
  }

  const orderPage = (operation: Operation, query: Record<string, string | number>, page: number) =>
    get(operation, '/orders', { ...query, page }, (res) => ({ orders: WcOrderListDto.parse(res.data), totalPages: totalPagesOf(res) }));

  /**
   * `GET /orders` over every page. The first page says how many there are (`X-WP-TotalPages`); the rest are fetched
   * a few at a time. Sorted by id ascending so that an order placed meanwhile lands on the last page instead of
   * shifting the pages already read; duplicates (none expected) are dropped by id.
   */
  async function listAllOrders(operation: Operation, params: Record<string, string | number>): Promise<WcOrderDto[]> {
    const query = { ...params, per_page: ESHOP_BATCH_LIMIT, orderby: 'id', order: 'asc' };
    const first = await orderPage(operation, query, 1);
    const orders = first.orders;
    if (first.totalPages === null) {
      // No header (a proxy stripped it): walk pages until a short one.
      let page = 1;
      let last = orders.length;
      while (last === ESHOP_BATCH_LIMIT) {
        page += 1;
        const batch = (await orderPage(operation, query, page)).orders;
        orders.push(...batch);
        last = batch.length;
      }
    } else {
      const pages = Array.from({ length: Math.max(0, first.totalPages - 1) }, (_, i) => i + 2);
      for (let i = 0; i < pages.length; i += PAGE_CONCURRENCY) {
        const chunk = pages.slice(i, i + PAGE_CONCURRENCY);
        const results = await Promise.all(chunk.map((page) => orderPage(operation, query, page)));
        for (const result of results) orders.push(...result.orders);
      }
    }
    const seen = new Set<number>();
    return orders.filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)));
  }

  const writes = options.writes ?? DEFAULT_WRITE_SETTINGS;

  /** One write: never retried by the helper (the step looks its document up by tag before writing again). */
  function write<T>(
    operation: WriteOperation,
    send: (signal: AbortSignal) => Promise<AxiosResponse<unknown>>,
    parse: (response: AxiosResponse<unknown>) => T,
    onStatus?: Record<number, (response: AxiosResponse<unknown>) => T | undefined>,
  ): Promise<T> {
    return upstream.call({ operation, idempotent: false, send, parse, ...(onStatus === undefined ? {} : { onStatus }) });
  }

  const taxMode = options.pricesIncludeTax ?? 'yes';
  const baseCountry = options.baseCountry ?? 'PL';
  const taxTtlMs = options.taxSettingsTtlMs ?? 3_600_000;
  let shopTaxes: { value: Promise<ShopTaxes>; until: number } | null = null;

  /**
   * `GET /settings/tax`: the tax options in one answer. 401/403 `woocommerce_rest_cannot_view` (a key whose user lacks
   * manage_woocommerce) → prices read as including tax, the usual Polish setting, said once. 404
   * `rest_setting_setting_group_invalid`: the tax page is only registered while taxes are enabled, so prices are shown
   * as entered.
   */
  function readTaxSettings(): Promise<{ pricesIncludeTax: boolean; roundAtSubtotal: boolean }> {
    const refused = (res: AxiosResponse<unknown>) => {
      const body = WpErrorDto.safeParse(res.data);
      if (!body.success || body.data.code !== 'woocommerce_rest_cannot_view') return undefined;
      logSettingsRefused(String(res.status));
      return { pricesIncludeTax: true, roundAtSubtotal: false };
    };
    return upstream.call({
      operation: 'getTaxSettings' satisfies Operation,
      idempotent: true,
      send: (signal) => http.get<unknown>(`${API_PREFIX}/settings/tax`, { signal }),
      parse: (res) => {
        const optionsRead = WcSettingOptionListDto.parse(res.data);
        return {
          // an absent option is WooCommerce's default: `no`
          pricesIncludeTax: settingFlag(optionsRead, 'woocommerce_prices_include_tax') ?? false,
          roundAtSubtotal: settingFlag(optionsRead, 'woocommerce_tax_round_at_subtotal') ?? false,
        };
      },
      onStatus: {
        401: refused,
        403: refused,
        404: (res) => {
          const body = WpErrorDto.safeParse(res.data);
          if (!body.success || body.data.code !== 'rest_setting_setting_group_invalid') return undefined;
          logTaxesOff('taxes');
          return { pricesIncludeTax: true, roundAtSubtotal: false };
        },
      },
    });
  }

  /** `GET /taxes?per_page=100`: every class's rates in one call (a page more only for a shop with > 100 rates). */
  async function readTaxRates(): Promise<WcTaxRateDto[]> {
    const page = (n: number) =>
      get('listTaxRates', '/taxes', { per_page: ESHOP_BATCH_LIMIT, page: n, orderby: 'order', order: 'asc' }, (res) => ({
        rates: WcTaxRateListDto.parse(res.data),
        totalPages: totalPagesOf(res),
      }));
    const first = await page(1);
    const rates = [...first.rates];
    const last = Math.min(MAX_TAX_RATE_PAGES, first.totalPages ?? 1);
    for (let n = 2; n <= last; n += 1) rates.push(...(await page(n)).rates);
    return rates;
  }

  async function loadShopTaxes(): Promise<ShopTaxes> {
    const settings = taxMode === 'auto' ? await readTaxSettings() : { pricesIncludeTax: false, roundAtSubtotal: false };
    if (settings.pricesIncludeTax) return PRICES_INCLUDE_TAX;
    return { pricesIncludeTax: false, roundAtSubtotal: settings.roundAtSubtotal, ratesByClass: baseRates(await readTaxRates(), baseCountry) };
  }

  /** The shop's taxes, read once per TTL by this process (one read in flight at a time); a failed read is not kept. */
  function currentShopTaxes(): Promise<ShopTaxes> {
    if (taxMode === 'yes') return Promise.resolve(PRICES_INCLUDE_TAX);
    const at = now();
    if (shopTaxes !== null && at < shopTaxes.until) return shopTaxes.value;
    const entry = { value: loadShopTaxes(), until: at + taxTtlMs };
    shopTaxes = entry;
    entry.value.catch(() => {
      if (shopTaxes === entry) shopTaxes = null;
    });
    return entry.value;
  }

  /** A product's prices as the shopper pays them: net prices of a taxable product get its class's base rates. */
  const grossPrices = (dto: WcProductDto, taxes: ShopTaxes): WcProductDto => {
    const rates = ratesForProduct(taxes, dto, logClassWithoutRates);
    if (rates === null) return dto;
    const gross = (amount: string) => (amount === '' ? '' : formatMinorUnits(grossMinorOfNet(amount, rates, taxes.roundAtSubtotal)));
    return { ...dto, price: gross(dto.price), regular_price: gross(dto.regular_price), sale_price: gross(dto.sale_price) };
  };

  const refundsOf = (orderId: EshopOrderId, operation: Operation) =>
    get(operation, `/orders/${orderId}/refunds`, { per_page: ESHOP_BATCH_LIMIT }, (res) =>
      WcRefundListDto.parse(res.data).map((dto) => mapWcRefundDtoToEshopRefund(dto, orderId, currency)),
    );

  return {
    /** `POST /orders`: WooCommerce has no idempotency key of its own; the order carries ours as meta. */
    async createOrder({ order }) {
      const body = toWcOrderBody(order, writes);
      return write(
        'createOrder',
        (signal) => http.post<unknown>(`${API_PREFIX}/orders`, body, { signal }),
        (res) => mapOrder(WcOrderDto.parse(res.data)),
      );
    },

    /**
     * WooCommerce cannot filter orders by meta: the recent orders (`after`, GMT) of the account, or the guest orders of
     * the billing e-mail (`search` + `customer=0`), all pages, matched on the tag here. A write's order is at most
     * hours old, so the window is a page or two even for a busy B2B account.
     */
    async findOrdersByTag({ idempotencyKey, eshopCustomerId, email, sinceIso }) {
      const after = sinceIso.replace(/\.\d{3}Z$|Z$/, '');
      const query: Record<string, string | number> = { after, dates_are_gmt: 'true' };
      if (eshopCustomerId !== null) query['customer'] = eshopCustomerId;
      else {
        query['search'] = email.trim();
        query['customer'] = 0;
      }
      const recent = await listAllOrders('findOrdersByTag', query);
      return recent.filter((dto) => metaText(dto.meta_data, WC_WRITE_META.idempotencyKey) === idempotencyKey).map(mapOrder);
    },

    /** `PUT /orders/{id}` with one meta entry: WooCommerce updates the entry with that key in place (`update_meta_data`). */
    async setOrderMeta({ orderId, key, value }) {
      return write(
        'setOrderMeta',
        (signal) => http.put<unknown>(`${API_PREFIX}/orders/${orderId}`, { meta_data: [{ key, value }] }, { signal }),
        (res) => mapOrder(WcOrderDto.parse(res.data)),
      );
    },

    /**
     * `POST /orders/{id}/refunds` for lines of the order, priced from the order as it is now (one read first). A
     * refusal of WooCommerce (more than is left to refund, a gateway that cannot refund) comes as HTTP 500 with
     * `woocommerce_rest_cannot_create_order_refund`: a final answer (UPSTREAM_REJECTED), not an unwell shop.
     */
    async createRefund({ refund }) {
      const order = await get('getOrderForRefund', `/orders/${refund.orderId}`, undefined, (res) => WcOrderDto.parse(res.data));
      const { body } = toWcRefundBody(order, refund, writes);
      const refused = (res: AxiosResponse<unknown>) => {
        const error = WpErrorDto.safeParse(res.data);
        if (error.success && error.data.code.startsWith('woocommerce_rest_')) {
          throw new UpstreamError({ code: 'UPSTREAM_REJECTED', serviceName: 'eshop', operation: 'createRefund', status: res.status });
        }
        return undefined;
      };
      return write(
        'createRefund',
        (signal) => http.post<unknown>(`${API_PREFIX}/orders/${refund.orderId}/refunds`, body, { signal }),
        (res) => mapWcRefundDtoToEshopRefund(WcRefundDto.parse(res.data), refund.orderId, order.currency),
        { 500: refused },
      );
    },

    /** `GET /orders/{id}/refunds?per_page=100`, newest first. */
    async listRefunds({ orderId }) {
      return refundsOf(orderId, 'listRefunds');
    },

    /** `GET /orders/{id}/notes` (every note at once: the controller does not paginate), oldest first. */
    async listOrderNotes({ orderId }) {
      return get('listOrderNotes', `/orders/${orderId}/notes`, undefined, (res) =>
        WcOrderNoteListDto.parse(res.data)
          .sort((a, b) => (a.date_created_gmt === b.date_created_gmt ? a.id - b.id : a.date_created_gmt < b.date_created_gmt ? -1 : 1))
          .map((note) => mapWcNoteToEvent(note, mapWcOrderStatus)),
      );
    },

    /**
     * `GET /orders/{id}/fulfillments`. A shop with the feature off has no such route (404 `rest_no_route`): no
     * fulfillments, said once, not a fault.
     */
    async listFulfillments({ orderId }) {
      return get('listFulfillments', `/orders/${orderId}/fulfillments`, undefined, (res) => mapWcFulfillments(WcFulfillmentListDto.parse(res.data)), {
        404: (res) => {
          const body = WpErrorDto.safeParse(res.data);
          if (!body.success || body.data.code !== 'rest_no_route') return undefined;
          logFulfillmentsOff('fulfillments');
          return [];
        },
      });
    },

    /**
     * `GET /products?sku=A,B,C&per_page=100`: exact (case-insensitive) SKU match over products **and variations**.
     * WooCommerce splits the list on commas, so a SKU containing one cannot be asked for and is skipped.
     */
    async getListingsBySkus({ skus }) {
      const askable = [...new Set(skus.filter((sku) => sku !== '' && !sku.includes(',')))];
      if (askable.length === 0) return [];
      if (askable.length > ESHOP_BATCH_LIMIT) throw new RangeError(`at most ${ESHOP_BATCH_LIMIT} SKUs per call`);
      const [taxes, products] = await Promise.all([
        currentShopTaxes(),
        get('getListingsBySkus', '/products', { sku: askable.join(','), per_page: ESHOP_BATCH_LIMIT }, (res) => ({
          dtos: WcProductListDto.parse(res.data),
          // dated when the answer arrived, so a cached or stale copy never claims to be newer than this read
          readAt: new Date(now()).toISOString(),
        })),
      ]);
      return products.dtos
        .map((dto) => mapWcProductDtoToEshopListing(grossPrices(dto, taxes), currency, products.readAt))
        .filter((listing): listing is EshopListingModel => listing !== null);
    },

    /**
     * `GET /products?include=1,2,3&per_page=100&_fields=…`: the content of up to 100 products (variations' parents,
     * which keep the categories, short description and gallery). `_fields` trims the answer to what is read.
     */
    async getProductContents({ productIds }) {
      const unique = [...new Set(productIds)];
      if (unique.length === 0) return [];
      if (unique.length > ESHOP_BATCH_LIMIT) throw new RangeError(`at most ${ESHOP_BATCH_LIMIT} ids per call`);
      return get(
        'getProductContents',
        '/products',
        { include: unique.join(','), per_page: ESHOP_BATCH_LIMIT, _fields: 'id,type,parent_id,description,short_description,images,categories' },
        (res) => WcProductContentListDto.parse(res.data).map((dto) => ({ productId: String(dto.id), ...mapWcProductContent(dto) })),
      );
    },

    /** `GET /orders?include=1,2,3&per_page=100`: a batch read by ids (≤ 100, WooCommerce's `per_page` maximum). */
    async getOrdersByIds({ ids }) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      if (unique.length > ESHOP_BATCH_LIMIT) throw new RangeError(`at most ${ESHOP_BATCH_LIMIT} ids per call`);
      return get('getOrdersByIds', '/orders', { include: unique.join(','), per_page: ESHOP_BATCH_LIMIT, orderby: 'include' }, (res) =>
        WcOrderListDto.parse(res.data).map(mapOrder),
      );
    },

    /**
     * `GET /orders/{number}`: in core WooCommerce the order number is the order id. A numbering plugin makes them
     * differ; the order found must then still carry the number asked for, otherwise there is no such order.
     */
    async getOrderByNumber({ number }) {
      if (options.pluginOrderNumbers === true) {
        // Sequential Order Numbers & co. add their number meta (`_order_number`, `_order_number_formatted`) to the
        // order search fields; the search is a substring match, so only an exact `number` counts. The newest such
        // order wins should a plugin ever have reused a number.
        const trimmed = number.trim();
        if (trimmed === '' || trimmed.includes(',')) return null;
        const found = await get(
          'getOrderByNumber',
          '/orders',
          { search: trimmed, per_page: ESHOP_BATCH_LIMIT, orderby: 'date', order: 'desc' },
          (res) => WcOrderListDto.parse(res.data).filter((dto) => dto.number === trimmed),
        );
        const first = found[0];
        return first === undefined ? null : mapOrder(first);
      }
      if (!/^\d+$/.test(number)) return null;
      return get(
        'getOrderByNumber',
        `/orders/${number}`,
        undefined,
        (res) => {
          const order = mapOrder(WcOrderDto.parse(res.data));
          return order.number === number ? order : null;
        },
        { 404: (res) => (isMissingOrder(res) ? null : undefined) },
      );
    },

    /** `GET /orders?customer=<id>&per_page=100&page=N`, following `X-WP-TotalPages`. */
    async listCustomerOrders({ customerId }) {
      return (await listAllOrders('listCustomerOrders', { customer: customerId })).map(mapOrder);
    },

    /**
     * `GET /orders?search=<email>&customer=0&per_page=100`. Guests have `customer_id` 0 and exist only as orders.
     * `customer=0` keeps a registered heavy buyer's own orders (which the e-mail also matches) out of the pages;
     * `search` is a substring match over addresses, names and items, so each order is re-checked for the exact
     * billing e-mail.
     */
    async listGuestOrdersByEmail({ email }): Promise<EshopOrderModel[]> {
      const trimmed = email.trim();
      if (trimmed === '') return [];
      return (await listAllOrders('listGuestOrdersByEmail', { search: trimmed, customer: 0 }))
        .filter((dto) => isGuestOrderOf(dto, trimmed))
        .map(mapOrder);
    },

    /**
     * One page of a customer's orders, newest first: `GET /orders?customer=<id>` (registered) or
     * `customer=0&search=<email>` (guests; `search` is a substring match, so each order is re-checked for the exact
     * billing e-mail), with `orderby=date&order=desc` (the REST controller sorts by `date ID`, so one second's orders
     * come by id, highest first), `per_page`, `offset` (items skipped, whatever the page size) and, when given,
     * `before=<GMT>&dates_are_gmt=true`: created strictly before that instant (WP_Date_Query's bounds are exclusive;
     * order dates have second precision). `total` is `X-WP-Total`, the count of the query before the re-check.
     * https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-orders
     */
    async listOrdersNewestFirst({ owner, perPage, offset, beforeGmt }) {
      const query: Record<string, string | number> =
        'customerId' in owner ? { customer: owner.customerId } : { customer: 0, search: owner.guestEmail.trim() };
      Object.assign(query, { orderby: 'date', order: 'desc', per_page: perPage, offset });
      if (beforeGmt !== null) Object.assign(query, { before: beforeGmt, dates_are_gmt: 'true' });
      return get('listOrdersNewestFirst', '/orders', query, (res) => {
        const dtos = WcOrderListDto.parse(res.data);
        const total = headerCount(res, 'x-wp-total');
        const kept = 'guestEmail' in owner ? dtos.filter((dto) => isGuestOrderOf(dto, owner.guestEmail)) : dtos;
        const last = dtos.at(-1);
        return {
          orders: kept.map(mapOrder),
          listed: dtos.length,
          total,
          more: total === null ? dtos.length === perPage : offset + dtos.length < total,
          lastListedAt: last === undefined ? null : mapWcGmtDate(last.date_created_gmt),
        };
      });
    },

    /** `GET /orders?customer=<id>&per_page=1`: the registered customer's order count (`X-WP-Total`), one order read. */
    async countCustomerOrders({ customerId }) {
      return get('countCustomerOrders', '/orders', { customer: customerId, per_page: 1 }, (res) => headerCount(res, 'x-wp-total'));
    },

    /**
     * `GET /customers?email=<exact>&role=all`: WP_User_Query on `user_email`, case-insensitive; `role=all` because the
     * default (`customer`) hides shoppers a shop gave another role (wholesale plugins do).
     * https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-customers
     */
    async findCustomersByEmail({ email }) {
      const trimmed = email.trim();
      if (trimmed === '') return [];
      return get('findCustomersByEmail', '/customers', { email: trimmed, role: 'all' }, (res) =>
        WcCustomerListDto.parse(res.data).map(mapWcCustomerDtoToEshopCustomer),
      );
    },

    /** `GET /customers?include=1,2&per_page=100&role=all`: a batch read by ids. */
    async getCustomersByIds({ ids }) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      if (unique.length > ESHOP_BATCH_LIMIT) throw new RangeError(`at most ${ESHOP_BATCH_LIMIT} ids per call`);
      return get('getCustomersByIds', '/customers', { include: unique.join(','), per_page: ESHOP_BATCH_LIMIT, role: 'all' }, (res) =>
        WcCustomerListDto.parse(res.data).map(mapWcCustomerDtoToEshopCustomer),
      );
    },

    /**
     * `GET /orders?search=<term>&orderby=date&order=asc&per_page=100`, page by page up to `maxPages`. The REST
     * controller hands `search` to the order data store's search: with posts storage `wc_order_search()` (a LIKE
     * `%term%` over the meta keys of `woocommerce_shop_order_search_fields`: `_billing_address_index` and
     * `_shipping_address_index`, which hold every address field including e-mail and phone as typed, plus item names
     * and the keys plugins add); with HPOS the orders table search over the same address columns. Oldest first, so a
     * capped read still sees when each buyer started.
     */
    async searchOrders({ term, maxPages }) {
      const trimmed = term.trim();
      if (trimmed === '' || maxPages < 1) return [];
      const query = { search: trimmed, per_page: ESHOP_BATCH_LIMIT, orderby: 'date', order: 'asc' };
      const first = await orderPage('searchOrders', query, 1);
      const orders = [...first.orders];
      const lastPage = Math.min(maxPages, first.totalPages ?? (first.orders.length === ESHOP_BATCH_LIMIT ? maxPages : 1));
      for (let page = 2; page <= lastPage; page += 1) {
        const batch = (await orderPage('searchOrders', query, page)).orders;
        orders.push(...batch);
        if (batch.length < ESHOP_BATCH_LIMIT) break;
      }
      const seen = new Set<number>();
      return orders.filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true))).map(mapOrder);
    },
  };
}

function totalPagesOf(res: AxiosResponse<unknown>): number | null {
  return headerCount(res, 'x-wp-totalpages');
}

/** `X-WP-Total` / `X-WP-TotalPages`; null when a proxy stripped it. */
function headerCount(res: AxiosResponse<unknown>, name: 'x-wp-total' | 'x-wp-totalpages'): number | null {
  const header = res.headers[name];
  const value = typeof header === 'string' ? Number.parseInt(header, 10) : Number.NaN;
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * 404 `woocommerce_rest_shop_order_invalid_id` is "no such order". Any other 404 (`rest_no_route`: a wrong base URL,
 * the REST API switched off) is a fault and fails as usual (NOT_FOUND through the shared mapper).
 */
function isMissingOrder(response: AxiosResponse<unknown>): boolean {
  const body = WpErrorDto.safeParse(response.data);
  return body.success && body.data.code === 'woocommerce_rest_shop_order_invalid_id';
}
