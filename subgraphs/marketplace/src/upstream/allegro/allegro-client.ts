import { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import type { Upstream } from '@omnigraph/shared/upstream';
import { createLogger, oncePerKey } from '@omnigraph/shared/logging';
import type { MarketplaceClient, MarketplaceOfferModel, MarketplaceOrderModel, MarketplaceRefundModel } from '../marketplace-client.ts';
import {
  AllegroAuthErrorDto,
  AllegroCheckoutFormDto,
  AllegroCheckoutFormListDto,
  AllegroOfferListDto,
  AllegroRefundDto,
  AllegroRefundListDto,
  AllegroShipmentListDto,
} from './allegro-dtos.ts';
import {
  mapAllegroCheckoutFormDtoToMarketplaceOrder,
  mapAllegroOfferDtoToMarketplaceOffer,
  mapAllegroRefundDtoToMarketplaceRefund,
  mapAllegroShipmentDto,
  placedAtOf,
} from './allegro-mappers.ts';
import type { AllegroTokenProvider } from './allegro-token-provider.ts';

/** Every API call must send it: anything else (`*\/*`, `application/json`) gets 406 (upstream-apis.md §1). */
export const ALLEGRO_MEDIA_TYPE = 'application/vnd.allegro.public.v1+json';

/** `/order/checkout-forms` pages hold at most 100 forms. */
const CHECKOUT_FORMS_PAGE_SIZE = 100;
/** offset + limit may not exceed 10 000 on checkout forms (422 otherwise, allegro/allegro-api#4027). */
const CHECKOUT_FORMS_MAX_WINDOW = 10_000;
/** `/sale/offers` pages hold at most 1000 offers; 100 SKUs rarely have more, but the loop covers it. */
const OFFERS_PAGE_SIZE = 1000;
/** `/payments/refunds` pages hold at most 100 refunds. */
const REFUNDS_PAGE_SIZE = 100;
/** An order with more refunds than this is not one a person made: stop paging there rather than loop. */
const REFUNDS_MAX_PAGES = 10;

export interface AllegroClientOptions {
  /** aimed at the API base (https://api.allegro.pl); from `createHttpClient` (timeout, keep-alive, no retries) */
  http: AxiosInstance;
  /** the shared upstream-call helper for the Allegro REST API (deadline, retries, breaker, bulkhead, budget) */
  upstream: Upstream;
  tokens: AllegroTokenProvider;
  /** the clock that dates stock figures as read (tests pin it). @default Date.now */
  now?: (() => number) | undefined;
}

/** A 401 whose AuthError body says the bearer token is expired or unusable: worth exactly one refresh. */
function isInvalidTokenError(error: unknown): boolean {
  if (!isAxiosError(error) || error.response?.status !== 401) return false;
  const body = AllegroAuthErrorDto.safeParse(error.response.data);
  return body.success && body.data.error === 'invalid_token';
}

/** Allegro's total is kept when it is not Σ line totals + delivery (docs/money-model.md); said once per form. */
const logMoneyMismatch = oncePerKey((checkoutFormId) =>
  createLogger({ name: 'marketplace' }).warn({ checkoutFormId }, 'totalToPay differs from line totals + delivery cost; Allegro total is kept'),
);
/** A status Allegro added after this adapter was written: the documented fallback applies, and it is said once per value. */
const logUnknownValue = oncePerKey((key) => {
  const [field, value] = key.split('=', 2);
  createLogger({ name: 'marketplace' }).warn({ field, value }, 'unknown Allegro value; the documented fallback applies');
});
const mapOrder = (dto: AllegroCheckoutFormDto) =>
  mapAllegroCheckoutFormDtoToMarketplaceOrder(dto, logMoneyMismatch, (field, value) => logUnknownValue(`${field}=${value}`));

/** The latest line's boughtAt (what Allegro may sort a form by), else the earliest-line placedAt the mapper falls back to. */
function latestBoughtAtOf(dto: AllegroCheckoutFormDto): string {
  const times = dto.lineItems.flatMap((line) => (line.boughtAt ? [Date.parse(line.boughtAt)] : []));
  return times.length > 0 ? new Date(Math.max(...times)).toISOString() : placedAtOf(dto);
}

export function createAllegroClient(options: AllegroClientOptions): MarketplaceClient {
  const { http, upstream, tokens } = options;
  const now = options.now ?? Date.now;

  /**
   * Sends with the seller token. On 401 invalid_token the token is dropped and the request sent once more with a
   * fresh one, inside the same attempt (Allegro refused the token before reading anything, so even a write is safe to
   * send again); a failed refresh is the token endpoint's verdict and is not retried here.
   */
  async function withSellerToken<R>(send: (token: string) => Promise<R>): Promise<R> {
    const token = await tokens.getAccessToken();
    try {
      return await send(token);
    } catch (error) {
      if (!isInvalidTokenError(error)) throw error;
      tokens.invalidate(token);
      return send(await tokens.getAccessToken());
    }
  }

  /**
   * One GET (idempotent, so the helper may retry it) with the seller token and the vendor media type, validated by
   * `schema`. `buckets`: the budget buckets a resource with its own limit spends (with `allegro:all`).
   */
  function get<T extends z.ZodType, R = z.infer<T>>(
    operation: string,
    url: string,
    schema: T,
    options: {
      onStatus?: Readonly<Partial<Record<number, (response: AxiosResponse<unknown>) => R | undefined>>>;
      buckets?: readonly string[];
    } = {},
  ): Promise<z.infer<T> | R> {
    const { onStatus, buckets } = options;
    const send = (token: string, signal: AbortSignal) =>
      http.get<unknown>(url, { headers: { Accept: ALLEGRO_MEDIA_TYPE, Authorization: `Bearer ${token}` }, signal });
    return upstream.call<z.infer<T> | R>({
      operation,
      idempotent: true,
      send: (signal) => withSellerToken((token) => send(token, signal)),
      parse: (response) => schema.parse(response.data),
      ...(onStatus === undefined ? {} : { onStatus }),
      ...(buckets === undefined ? {} : { buckets }),
    });
  }

  /** One POST: never retried by the helper (`idempotent: false`), because a lost answer may hide a write that happened. */
  function post<T extends z.ZodType>(operation: string, url: string, body: unknown, schema: T): Promise<z.infer<T>> {
    const send = (token: string, signal: AbortSignal) =>
      http.post<unknown>(url, body, {
        headers: { Accept: ALLEGRO_MEDIA_TYPE, 'Content-Type': ALLEGRO_MEDIA_TYPE, Authorization: `Bearer ${token}` },
        signal,
      });
    return upstream.call<z.infer<T>>({
      operation,
      idempotent: false,
      send: (signal) => withSellerToken((token) => send(token, signal)),
      parse: (response) => schema.parse(response.data),
    });
  }

  return {
    /**
     * `GET /sale/offers?external.id=A&external.id=B…&limit=1000`: the only batch read Allegro has, ≤ 100 external ids.
     * https://developer.allegro.pl/documentation#operation/searchOffersUsingGET
     */
    async getOffersBySkus({ skus }) {
      if (skus.length === 0) return [];
      const offers: MarketplaceOfferModel[] = [];
      for (let offset = 0; ; offset += OFFERS_PAGE_SIZE) {
        const query = new URLSearchParams(skus.map((sku) => ['external.id', sku]));
        query.set('limit', String(OFFERS_PAGE_SIZE));
        if (offset > 0) query.set('offset', String(offset));
        const page = await get('getOffersBySkus', `/sale/offers?${query}`, AllegroOfferListDto);
        // each page dated when it arrived, so a cached or stale copy never claims to be newer than its read
        const readAt = new Date(now()).toISOString();
        offers.push(...page.offers.map((dto) => mapAllegroOfferDtoToMarketplaceOffer(dto, readAt)));
        if (page.offers.length === 0 || offset + page.offers.length >= page.totalCount) break;
      }
      return offers;
    },

    /**
     * `GET /order/checkout-forms?buyer.login=…&limit=100&offset=N&sort=-lineItems.boughtAt` until totalCount.
     * The buyer.login filter is Allegro's only way to find a customer's orders (no customer API).
     * https://developer.allegro.pl/documentation#operation/getListOfOrdersUsingGET
     */
    async listOrdersByBuyerLogin({ buyerLogin }) {
      const orders: MarketplaceOrderModel[] = [];
      for (let offset = 0; offset + CHECKOUT_FORMS_PAGE_SIZE <= CHECKOUT_FORMS_MAX_WINDOW; offset += CHECKOUT_FORMS_PAGE_SIZE) {
        const query = new URLSearchParams({
          'buyer.login': buyerLogin,
          limit: String(CHECKOUT_FORMS_PAGE_SIZE),
          offset: String(offset),
          sort: '-lineItems.boughtAt',
        });
        const page = await get('listOrdersByBuyerLogin', `/order/checkout-forms?${query}`, AllegroCheckoutFormListDto);
        orders.push(...page.checkoutForms.map(mapOrder));
        if (page.checkoutForms.length === 0 || offset + page.checkoutForms.length >= page.totalCount) break;
      }
      return orders;
    },

    /**
     * One page of a buyer's checkout forms, newest first: `GET /order/checkout-forms?buyer.login=…&limit=…&offset=…
     * &sort=-lineItems.boughtAt`, and when given `lineItems.boughtAt.lte=…` (inclusive, ISO 8601 with milliseconds).
     * `totalCount` counts the filtered list. Each form comes with its latest line's boughtAt: Allegro sorts and
     * filters on a line's boughtAt, while an order's placedAt is its earliest line's.
     * https://developer.allegro.pl/documentation#operation/getListOfOrdersUsingGET
     */
    async listBuyerOrdersNewestFirst({ buyerLogin, limit, offset, boughtAtLte }) {
      const query = new URLSearchParams({ 'buyer.login': buyerLogin, limit: String(limit), offset: String(offset), sort: '-lineItems.boughtAt' });
      if (boughtAtLte !== null) query.set('lineItems.boughtAt.lte', boughtAtLte);
      const page = await get('listBuyerOrdersNewestFirst', `/order/checkout-forms?${query}`, AllegroCheckoutFormListDto);
      return {
        entries: page.checkoutForms.map((dto) => ({ order: mapOrder(dto), latestBoughtAt: latestBoughtAtOf(dto) })),
        totalCount: page.totalCount,
      };
    },

    /**
     * `GET /order/checkout-forms?limit=100&offset=N&sort=-lineItems.boughtAt`: the seller's newest forms, for the
     * buyer directory's backfill (offset + limit ≤ 10 000, like every listing of checkout forms).
     * https://developer.allegro.pl/documentation#operation/getListOfOrdersUsingGET
     */
    async listRecentOrders({ offset, limit }) {
      const size = Math.min(Math.max(1, limit), CHECKOUT_FORMS_PAGE_SIZE);
      if (offset < 0 || offset + size > CHECKOUT_FORMS_MAX_WINDOW) return { orders: [], totalCount: 0 };
      const query = new URLSearchParams({ limit: String(size), offset: String(offset), sort: '-lineItems.boughtAt' });
      const page = await get('listRecentOrders', `/order/checkout-forms?${query}`, AllegroCheckoutFormListDto);
      return { orders: page.checkoutForms.map(mapOrder), totalCount: page.totalCount };
    },

    /**
     * `GET /order/checkout-forms/{id}`; Allegro has no batch read by id, callers bound the concurrency.
     * https://developer.allegro.pl/documentation#operation/getOrdersDetailsUsingGET
     */
    async getOrderById({ orderNumber }) {
      // 404: not this seller's form. 422: not a time-based UUID, so it cannot be an Allegro form id at all.
      const dto = await get('getOrderById', `/order/checkout-forms/${encodeURIComponent(orderNumber)}`, AllegroCheckoutFormDto, {
        onStatus: { 404: () => null, 422: () => null },
      });
      return dto === null ? null : mapOrder(dto);
    },

    /**
     * `GET /order/checkout-forms/{id}/shipments`: the parcel numbers on the order, also those added in Moje Allegro or
     * by the carrier. One order per call (no batch read), at most 50 calls a second for this resource: the loader caps
     * the calls in flight. 404 (not this seller's form) → null.
     * https://developer.allegro.pl/documentation#operation/getOrderShipmentsUsingGET
     */
    async listShipments({ orderNumber }) {
      const url = `/order/checkout-forms/${encodeURIComponent(orderNumber)}/shipments`;
      const body = await get('listShipments', url, AllegroShipmentListDto, {
        onStatus: { 404: () => null, 422: () => null },
        buckets: ['allegro:shipments', 'allegro:all'],
      });
      if (body === null) return null;
      return (body.shipments ?? []).flatMap((dto, i) => mapAllegroShipmentDto(dto, i, orderNumber) ?? []);
    },

    /**
     * `GET /payments/refunds?order.id=…&limit=100&offset=N` until totalCount (allegro:api:payments:read). By the order,
     * not by `payment.id`: a form's payment id can change while the buyer pays again (allegro/allegro-api#12197), the
     * order id does not. Sorted newest first here, as Allegro documents no order for this list.
     * https://developer.allegro.pl/documentation#operation/getRefundedPayments
     */
    async listRefunds({ orderNumber }) {
      const refunds: MarketplaceRefundModel[] = [];
      for (let page = 0; page < REFUNDS_MAX_PAGES; page++) {
        const offset = page * REFUNDS_PAGE_SIZE;
        const query = new URLSearchParams({ 'order.id': orderNumber, limit: String(REFUNDS_PAGE_SIZE), offset: String(offset) });
        const body = await get('listRefunds', `/payments/refunds?${query}`, AllegroRefundListDto);
        refunds.push(...body.refunds.map(mapAllegroRefundDtoToMarketplaceRefund));
        const total = body.totalCount ?? offset + body.refunds.length;
        if (body.refunds.length < REFUNDS_PAGE_SIZE || offset + body.refunds.length >= total) break;
      }
      return refunds.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    },

    /**
     * `POST /payments/refunds` (allegro:api:payments:write), reason REFUND (goods returned), whole items of the given
     * line items. `commandId` is Allegro's own idempotency key for refund creation (required since 2025-12-15,
     * allegro/allegro-api#11668, #12208). Allegro answers 200 with the RefundDetails.
     * https://developer.allegro.pl/documentation#operation/initiateRefund
     */
    async createRefund({ orderNumber, paymentId, lines, requestId, note }) {
      const body = {
        payment: { id: paymentId },
        order: { id: orderNumber },
        commandId: requestId,
        reason: 'REFUND',
        lineItems: lines.map((line) => ({ id: line.lineId, type: 'QUANTITY', quantity: line.quantity })),
        ...(note === null ? {} : { sellerComment: note }),
      };
      return mapAllegroRefundDtoToMarketplaceRefund(await post('createRefund', '/payments/refunds', body, AllegroRefundDto));
    },
  };
}
