/**
 * The WooCommerce REST API v3 adapter of the e-shop role: the only module that speaks WooCommerce's wire format.
 * Every response is validated with the zod DTOs, every failure leaves through `mapAxiosErrorToUpstreamError` once.
 * Docs: https://woocommerce.github.io/woocommerce-rest-api-docs/ (shared/upstream-apis.md §2, A.2).
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { mapAxiosErrorToUpstreamError } from '@omnigraph/shared/errors';
import {
  ESHOP_BATCH_LIMIT,
  type EshopClient,
  type EshopListingModel,
  type EshopOrderModel,
} from '../eshop-client.ts';
import { WcOrderDto, WcOrderListDto, WcProductListDto, WpErrorDto } from './woocommerce-dtos.ts';
import { isGuestOrderOf, mapWcOrderDtoToEshopOrder, mapWcProductDtoToEshopListing } from './woocommerce-mappers.ts';

const API_PREFIX = '/wp-json/wc/v3';
/** Pages of one listing fetched at once once the total is known: enough for latency, gentle on a PHP-FPM pool. */
const PAGE_CONCURRENCY = 4;

export interface WooCommerceClientOptions {
  /** an axios instance with the shop's base URL (the site root, without `/wp-json`), auth and timeout set */
  http: AxiosInstance;
  /**
   * The shop's currency (WooCommerce setting `woocommerce_currency`). Orders carry their own currency; product JSON
   * carries none, so listings need this.
   */
  currency: string;
}

type Operation =
  | 'getListingsBySkus'
  | 'getOrdersByIds'
  | 'getOrderByNumber'
  | 'listCustomerOrders'
  | 'listGuestOrdersByEmail';

export function createWooCommerceClient(options: WooCommerceClientOptions): EshopClient {
  const { http, currency } = options;

  /** Runs one operation's HTTP work; anything thrown (axios, zod, mapping) becomes an UpstreamError here, once. */
  async function run<T>(operation: Operation, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw mapAxiosErrorToUpstreamError(error, { serviceName: 'eshop', operation });
    }
  }

  /**
   * `GET /orders` over every page. The first page says how many there are (`X-WP-TotalPages`); the rest are fetched
   * a few at a time. Sorted by id ascending so that an order placed meanwhile lands on the last page instead of
   * shifting the pages already read; duplicates (none expected) are dropped by id.
   */
  async function listAllOrders(params: Record<string, string | number>): Promise<WcOrderDto[]> {
    const query = { ...params, per_page: ESHOP_BATCH_LIMIT, orderby: 'id', order: 'asc' };
    const first = await http.get<unknown>(`${API_PREFIX}/orders`, { params: { ...query, page: 1 } });
    const orders = WcOrderListDto.parse(first.data);
    const totalPages = totalPagesOf(first);
    if (totalPages === null) {
      // No header (a proxy stripped it): walk pages until a short one.
      let page = 1;
      let last = orders.length;
      while (last === ESHOP_BATCH_LIMIT) {
        page += 1;
        const res = await http.get<unknown>(`${API_PREFIX}/orders`, { params: { ...query, page } });
        const batch = WcOrderListDto.parse(res.data);
        orders.push(...batch);
        last = batch.length;
      }
    } else {
      const pages = Array.from({ length: Math.max(0, totalPages - 1) }, (_, i) => i + 2);
      for (let i = 0; i < pages.length; i += PAGE_CONCURRENCY) {
        const chunk = pages.slice(i, i + PAGE_CONCURRENCY);
        const results = await Promise.all(
          chunk.map((page) => http.get<unknown>(`${API_PREFIX}/orders`, { params: { ...query, page } })),
        );
        for (const res of results) orders.push(...WcOrderListDto.parse(res.data));
      }
    }
    const seen = new Set<number>();
    return orders.filter((o) => (seen.has(o.id) ? false : (seen.add(o.id), true)));
  }

  return {
    /**
     * `GET /products?sku=A,B,C&per_page=100`: exact (case-insensitive) SKU match over products **and variations**.
     * WooCommerce splits the list on commas, so a SKU containing one cannot be asked for and is skipped.
     */
    async getListingsBySkus({ skus }) {
      const askable = [...new Set(skus.filter((sku) => sku !== '' && !sku.includes(',')))];
      if (askable.length === 0) return [];
      if (askable.length > ESHOP_BATCH_LIMIT) throw new RangeError(`at most ${ESHOP_BATCH_LIMIT} SKUs per call`);
      return run('getListingsBySkus', async () => {
        const res = await http.get<unknown>(`${API_PREFIX}/products`, {
          params: { sku: askable.join(','), per_page: ESHOP_BATCH_LIMIT },
        });
        return WcProductListDto.parse(res.data)
          .map((dto) => mapWcProductDtoToEshopListing(dto, currency))
          .filter((listing): listing is EshopListingModel => listing !== null);
      });
    },

    /** `GET /orders?include=1,2,3&per_page=100`: a batch read by ids (≤ 100, WooCommerce's `per_page` maximum). */
    async getOrdersByIds({ ids }) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      if (unique.length > ESHOP_BATCH_LIMIT) throw new RangeError(`at most ${ESHOP_BATCH_LIMIT} ids per call`);
      return run('getOrdersByIds', async () => {
        const res = await http.get<unknown>(`${API_PREFIX}/orders`, {
          params: { include: unique.join(','), per_page: ESHOP_BATCH_LIMIT, orderby: 'include' },
        });
        return WcOrderListDto.parse(res.data).map(mapWcOrderDtoToEshopOrder);
      });
    },

    /**
     * `GET /orders/{number}`: in core WooCommerce the order number is the order id. A numbering plugin makes them
     * differ; the order found must then still carry the number asked for, otherwise there is no such order.
     */
    async getOrderByNumber({ number }) {
      if (!/^\d+$/.test(number)) return null;
      return run('getOrderByNumber', async () => {
        let res: AxiosResponse<unknown>;
        try {
          res = await http.get<unknown>(`${API_PREFIX}/orders/${number}`);
        } catch (error) {
          if (isMissingOrderError(error)) return null;
          throw error;
        }
        const order = mapWcOrderDtoToEshopOrder(WcOrderDto.parse(res.data));
        return order.number === number ? order : null;
      });
    },

    /** `GET /orders?customer=<id>&per_page=100&page=N`, following `X-WP-TotalPages`. */
    async listCustomerOrders({ customerId }) {
      return run('listCustomerOrders', async () =>
        (await listAllOrders({ customer: customerId })).map(mapWcOrderDtoToEshopOrder),
      );
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
      return run('listGuestOrdersByEmail', async () =>
        (await listAllOrders({ search: trimmed, customer: 0 }))
          .filter((dto) => isGuestOrderOf(dto, trimmed))
          .map(mapWcOrderDtoToEshopOrder),
      );
    },
  };
}

function totalPagesOf(res: AxiosResponse<unknown>): number | null {
  const header = res.headers['x-wp-totalpages'];
  const value = typeof header === 'string' ? Number.parseInt(header, 10) : Number.NaN;
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * 404 `woocommerce_rest_shop_order_invalid_id` is "no such order". Any other 404 (`rest_no_route`: a wrong base URL,
 * the REST API switched off) is a fault and goes to the shared mapper. Read structurally from the axios error.
 */
function isMissingOrderError(error: unknown): boolean {
  const response = (error as { response?: { status?: unknown; data?: unknown } } | null)?.response;
  if (response?.status !== 404) return false;
  const body = WpErrorDto.safeParse(response.data);
  return body.success && body.data.code === 'woocommerce_rest_shop_order_invalid_id';
}
