import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, startHarness, type Harness } from './test-support.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('authentication', () => {
  it('accepts HTTP Basic consumer_key:consumer_secret', async () => {
    const res = await h.api('/orders?per_page=1');
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(true);
  });

  it('accepts the consumer_key/consumer_secret query-parameter fallback', async () => {
    const c = h.sim.woo.credentials;
    const res = await h.api(`/orders?per_page=1&consumer_key=${c.consumerKey}&consumer_secret=${c.consumerSecret}`, { auth: 'none' });
    expect(res.status).toBe(200);
  });

  it('answers a request without credentials with the permission error of the endpoint', async () => {
    const list = await h.api('/orders', { auth: 'none' });
    expect(list.status).toBe(401);
    expect(await list.json()).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
    const one = await h.api('/customers/2000', { auth: 'none' });
    expect(await one.json()).toEqual({
      code: 'woocommerce_rest_cannot_view',
      message: 'Sorry, you cannot view this resource.',
      data: { status: 401 },
    });
    const create = await h.api('/orders', { auth: 'none', method: 'POST', json: {} });
    expect(create.status).toBe(401);
    expect((await create.json()).code).toBe('woocommerce_rest_cannot_create');
  });

  it('treats an unknown consumer key as no credentials, as WooCommerce does over HTTPS', async () => {
    const res = await h.api('/orders', { auth: basic('ck_0000000000000000000000000000000000000000', 'cs_whatever') });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
  });

  it('rejects a known key with a wrong secret before routing, with a Basic challenge', async () => {
    const res = await h.api('/no-such-route', { auth: basic(h.sim.woo.credentials.consumerKey, 'cs_wrong') });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: 'woocommerce_rest_authentication_error',
      message: 'Consumer secret is invalid.',
      data: { status: 401 },
    });
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="WooCommerce API\./);
    const viaQuery = await h.api(`/orders?consumer_key=${h.sim.woo.credentials.consumerKey}&consumer_secret=nope`, { auth: 'none' });
    expect((await viaQuery.json()).code).toBe('woocommerce_rest_authentication_error');
  });

  it('lets a read-only key read but not write', async () => {
    expect((await h.api('/orders?per_page=1', { auth: 'ro' })).status).toBe(200);
    for (const [method, path] of [
      ['POST', '/orders'],
      ['PUT', '/orders/10000'],
      ['DELETE', '/orders/10000'],
      ['POST', '/nowhere'],
    ] as const) {
      const res = await h.api(path, { auth: 'ro', method, json: { status: 'completed' } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        code: 'woocommerce_rest_authentication_error',
        message: 'The API key provided does not have write permissions.',
        data: { status: 401 },
      });
    }
    expect(h.sim.woo.store.orders.get(10000)?.status).not.toBe('trash');
  });
});

describe('errors', () => {
  it('answers unknown routes and methods with rest_no_route', async () => {
    const body = { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } };
    const unknown = await h.api('/nope');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(body);
    expect(await (await h.api('/orders/abc')).json()).toEqual(body);
    expect(await (await h.api('/orders/batch')).json()).toEqual(body);
    expect(await (await h.api('/products', { method: 'DELETE' })).json()).toEqual(body);
  });

  it('validates per_page like WordPress core, before the permission check', async () => {
    const expected = {
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): per_page',
      data: {
        status: 400,
        params: { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' },
        details: { per_page: { code: 'rest_out_of_bounds', message: 'per_page must be between 1 (inclusive) and 100 (inclusive)', data: null } },
      },
    };
    const res = await h.api('/orders?per_page=101');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(expected);
    const anonymous = await h.api('/products?per_page=0', { auth: 'none' });
    expect(anonymous.status).toBe(400);
    expect((await anonymous.json()).data.params.per_page).toBe('per_page must be between 1 (inclusive) and 100 (inclusive)');
  });

  it('reports every invalid parameter at once, with WordPress messages', async () => {
    const res = await h.api('/orders?page=0&order=up&status=paid&after=yesterday');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.message).toBe('Invalid parameter(s): page, after, order, status');
    expect(body.data.params).toEqual({
      page: 'page must be greater than or equal to 1',
      after: 'Invalid date.',
      order: 'order is not one of asc and desc.',
      status:
        'status[0] is not one of any, trash, auto-draft, pending, processing, on-hold, completed, cancelled, refunded, failed, and checkout-draft.',
    });
    expect(body.data.details.after.code).toBe('rest_invalid_date');
  });

  it('answers a malformed JSON body with rest_invalid_json', async () => {
    const res = await h.api('/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status": ' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'rest_invalid_json',
      message: 'Invalid JSON body passed.',
      data: { status: 400, json_error_code: 4, json_error_message: 'Syntax error' },
    });
  });

  it('answers missing records with the per-resource codes', async () => {
    const order = await h.api('/orders/999999');
    expect(order.status).toBe(404);
    expect(await order.json()).toEqual({ code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.', data: { status: 404 } });
    expect(await (await h.api('/products/999999')).json()).toEqual({
      code: 'woocommerce_rest_product_invalid_id',
      message: 'Invalid ID.',
      data: { status: 404 },
    });
    expect(await (await h.api('/customers/999999')).json()).toEqual({
      code: 'woocommerce_rest_invalid_id',
      message: 'Invalid resource ID.',
      data: { status: 404 },
    });
    expect(await (await h.api('/coupons/999999')).json()).toEqual({
      code: 'woocommerce_rest_shop_coupon_invalid_id',
      message: 'Invalid ID.',
      data: { status: 404 },
    });
    const update = await h.api('/orders/999999', { method: 'PUT', json: { status: 'completed' } });
    expect(update.status).toBe(400);
    expect((await update.json()).code).toBe('woocommerce_rest_shop_order_invalid_id');
  });
});

describe('wire details', () => {
  it('sends the headers WordPress adds to REST responses', async () => {
    const res = await h.api('/coupons?per_page=1');
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    expect(res.headers.get('access-control-expose-headers')).toBe('X-WP-Total, X-WP-TotalPages, Link');
    expect(res.headers.get('link')).toContain(`<${h.base}/wp-json/>; rel="https://api.w.org/"`);
  });

  it('encodes JSON like PHP: escaped slashes and \\u escapes for non-ASCII', async () => {
    const text = await (await h.api('/customers/2000')).text();
    expect(text).toContain('"self":[{"href":"http:\\/\\/127.0.0.1:');
    expect(text).not.toMatch(/[\u0080-\uffff]/);
    const customer = JSON.parse(text);
    expect(customer._links.self[0].href).toBe(`${h.base}/wp-json/wc/v3/customers/2000`);
  });

  it('trims responses to _fields, nested paths included, keeping the id', async () => {
    const orders = await (await h.api('/orders?customer=2000&per_page=2&_fields=status,billing.email')).json();
    expect(orders).toHaveLength(2);
    for (const o of orders) {
      expect(Object.keys(o).sort()).toEqual(['billing', 'id', 'status']);
      expect(o.billing).toEqual({ email: 'anna.kowalska@example.pl' });
    }
  });

  it('publishes the namespace index without authentication', async () => {
    const res = await h.api('', { auth: 'none' });
    expect(res.status).toBe(200);
    const index = await res.json();
    expect(index.namespace).toBe('wc/v3');
    expect(index.routes['/wc/v3/orders/(?P<id>[\\d]+)'].methods).toEqual(['GET', 'PUT', 'PATCH', 'POST', 'DELETE']);
    expect(index.routes['/wc/v3/orders/batch'].methods).toEqual(['POST', 'PUT', 'PATCH']);
  });

  it('counts requests per endpoint', async () => {
    await h.api('/coupons?code=student10');
    await h.api('/coupons?code=nope');
    await h.api('/coupons/9001');
    const counters = await (await fetch(`${h.base}/__simulator/counters`)).json();
    expect(counters.endpoints['GET /wp-json/wc/v3/coupons']).toBeGreaterThanOrEqual(2);
    expect(counters.endpoints['GET /wp-json/wc/v3/coupons/:id']).toBeGreaterThanOrEqual(1);
  });
});

describe('throttling and faults', () => {
  it('renders an injected rate_limit fault as a 429 with Retry-After and a WordPress-style body', async () => {
    h.sim.control.addFaults([{ kind: 'rate_limit', count: 1 }]);
    const res = await h.api('/orders');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({
      code: 'rate_limit_exceeded',
      message: 'Too many requests. Please wait 1 seconds before trying again.',
      data: { status: 429 },
    });
    expect((await h.api('/orders?per_page=1')).status).toBe(200);
  });

  it('has no rate limit by default and enforces a configured budget per key', async () => {
    expect(h.sim.control.knobs().rateLimit).toBeNull();
    h.sim.control.setRateLimit({ limit: 2, windowMs: 60_000 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await h.api('/coupons?per_page=1')).status);
      expect(statuses).toEqual([200, 200, 429]);
      const limited = await h.api('/coupons?per_page=1');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect((await h.api('/coupons?per_page=1', { auth: 'ro' })).status).toBe(200);
    } finally {
      h.sim.control.setRateLimit(null);
    }
  });

  it('answers 5xx faults as WordPress (500 JSON) or as the web server in front of it (HTML)', async () => {
    h.sim.control.addFaults([{ kind: 'status', status: 500, count: 1 }]);
    const fatal = await h.api('/orders');
    expect(fatal.status).toBe(500);
    expect((await fatal.json()).code).toBe('internal_server_error');
    h.sim.control.addFaults([{ kind: 'status', status: 502, count: 1 }]);
    const gateway = await h.api('/orders');
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toBe('text/html');
    expect(await gateway.text()).toContain('<title>502 Bad Gateway</title>');
  });
});
