import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset, type AllegroCheckoutForm } from '@omnigraph/simulator-dataset';
import type { CheckoutForm } from './allegro-types.ts';
import { startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

interface ListBody {
  checkoutForms: CheckoutForm[];
  count: number;
  totalCount: number;
}

const dataset = getDataset({ scale: 0.2 });
const forms = dataset.allegroCheckoutForms;
const loginOf = new Map(dataset.allegroBuyers.map((b) => [b.id, b.login]));

/** The buyer with the most checkout forms: lists by buyer.login have something to page through. */
function busiestBuyer(): { login: string; forms: AllegroCheckoutForm[] } {
  const byLogin = new Map<string, AllegroCheckoutForm[]>();
  for (const f of forms) {
    const login = loginOf.get(f.buyerId)!;
    byLogin.set(login, [...(byLogin.get(login) ?? []), f]);
  }
  const [login, list] = [...byLogin].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { login, forms: list };
}

function isSorted(values: number[], direction: 'asc' | 'desc'): boolean {
  return values.every((v, i) => i === 0 || (direction === 'asc' ? values[i - 1]! <= v : values[i - 1]! >= v));
}

const boughtAt = (f: CheckoutForm) => Math.max(...f.lineItems.map((li) => Date.parse(li.boughtAt)));

describe('Allegro simulator: GET /order/checkout-forms', () => {
  let h: Harness;
  const list = async (query: string): Promise<ListBody> => {
    const res = await h.api(`/order/checkout-forms?${query}`);
    expect(res.status, query).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.allegro.public.v1+json');
    return (await res.json()) as ListBody;
  };

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('returns up to 100 forms by default, newest purchase first, with count and totalCount', async () => {
    const body = await list('');
    expect(forms.length).toBeGreaterThan(100);
    expect(body.count).toBe(100);
    expect(body.checkoutForms).toHaveLength(100);
    expect(body.totalCount).toBe(forms.length);
    expect(isSorted(body.checkoutForms.map(boughtAt), 'desc')).toBe(true);
  });

  it('sorts by lineItems.boughtAt and updatedAt in both directions', async () => {
    expect(isSorted((await list('sort=lineItems.boughtAt')).checkoutForms.map(boughtAt), 'asc')).toBe(true);
    const upd = (f: CheckoutForm) => Date.parse(f.updatedAt);
    expect(isSorted((await list('sort=updatedAt')).checkoutForms.map(upd), 'asc')).toBe(true);
    const desc = await list('sort=-updatedAt');
    expect(isSorted(desc.checkoutForms.map(upd), 'desc')).toBe(true);
    const newest = Math.max(...forms.map((f) => Date.parse(f.updatedAt)));
    expect(upd(desc.checkoutForms[0]!)).toBe(newest);
  });

  it('pages with offset and limit without gaps or overlaps', async () => {
    const all = await list('limit=30&offset=0');
    const p1 = await list('limit=10&offset=0');
    const p2 = await list('limit=10&offset=10');
    const p3 = await list('limit=10&offset=20');
    expect([...p1.checkoutForms, ...p2.checkoutForms, ...p3.checkoutForms].map((f) => f.id)).toEqual(all.checkoutForms.map((f) => f.id));
    expect(p2.count).toBe(10);
    expect(p2.totalCount).toBe(forms.length);
    const tail = await list(`limit=100&offset=${forms.length - 3}`);
    expect(tail.count).toBe(3);
  });

  it("lists one buyer's forms with buyer.login, paging by 100", async () => {
    const { login, forms: theirs } = busiestBuyer();
    expect(theirs.length).toBeGreaterThan(1);
    const q = `buyer.login=${encodeURIComponent(login)}`;
    const got: CheckoutForm[] = [];
    for (let offset = 0; offset < theirs.length; offset += 100) {
      const page = await list(`${q}&limit=100&offset=${offset}`);
      expect(page.totalCount).toBe(theirs.length);
      expect(page.count).toBe(Math.min(100, theirs.length - offset));
      got.push(...page.checkoutForms);
    }
    expect(got.every((f) => f.buyer.login === login)).toBe(true);
    expect(new Set(got.map((f) => f.id))).toEqual(new Set(theirs.map((f) => f.id)));
    expect(isSorted(got.map(boughtAt), 'desc')).toBe(true);
    const asc = await list(`${q}&sort=updatedAt`);
    expect(
      isSorted(
        asc.checkoutForms.map((f) => Date.parse(f.updatedAt)),
        'asc',
      ),
    ).toBe(true);
    const sent = await list(`${q}&fulfillment.status=SENT`);
    expect(sent.totalCount).toBe(theirs.filter((f) => f.fulfillmentStatus === 'SENT').length);
    expect((await list('buyer.login=nobody_with_this_login')).totalCount).toBe(0);
  });

  it('filters by status (repeated or comma-separated) and fulfillment.status', async () => {
    const count = (pred: (f: AllegroCheckoutForm) => boolean) => forms.filter(pred).length;
    const ready = await list('status=READY_FOR_PROCESSING&limit=100');
    expect(ready.totalCount).toBe(count((f) => f.status === 'READY_FOR_PROCESSING'));
    expect(ready.checkoutForms.every((f) => f.status === 'READY_FOR_PROCESSING')).toBe(true);
    const twoRepeated = await list('status=BOUGHT&status=CANCELLED');
    const twoComma = await list('status=BOUGHT,CANCELLED');
    expect(twoRepeated.totalCount).toBe(count((f) => f.status === 'BOUGHT' || f.status === 'CANCELLED'));
    expect(twoComma.totalCount).toBe(twoRepeated.totalCount);
    const sent = await list('fulfillment.status=SENT');
    expect(sent.totalCount).toBe(count((f) => f.fulfillmentStatus === 'SENT'));
    expect(sent.totalCount).toBeGreaterThan(0);
    expect(sent.checkoutForms.every((f) => f.fulfillment.status === 'SENT')).toBe(true);
  });

  it('filters by an updatedAt window and a lineItems.boughtAt window', async () => {
    const times = forms.map((f) => Date.parse(f.updatedAt)).sort((a, b) => a - b);
    const gte = times[Math.floor(times.length / 3)]!;
    const lte = times[Math.floor((2 * times.length) / 3)]!;
    const q = `updatedAt.gte=${new Date(gte).toISOString()}&updatedAt.lte=${new Date(lte).toISOString()}&sort=updatedAt`;
    const body = await list(q);
    expect(body.totalCount).toBe(times.filter((t) => t >= gte && t <= lte).length);
    for (const f of body.checkoutForms) {
      expect(Date.parse(f.updatedAt)).toBeGreaterThanOrEqual(gte);
      expect(Date.parse(f.updatedAt)).toBeLessThanOrEqual(lte);
    }
    const bought = forms.map((f) => Date.parse(f.boughtAt)).sort((a, b) => a - b);
    const since = bought[bought.length - 20]!;
    const recent = await list(`lineItems.boughtAt.gte=${new Date(since).toISOString()}`);
    expect(recent.totalCount).toBe(bought.filter((t) => t >= since).length);
  });

  it('filters by payment.id and delivery.method.id', async () => {
    const f = forms[5]!;
    const byPayment = await list(`payment.id=${f.payment.id}`);
    expect(byPayment.checkoutForms.map((x) => x.id)).toEqual([f.id]);
    const byMethod = await list(`delivery.method.id=${f.delivery.methodId}&limit=100`);
    expect(byMethod.totalCount).toBe(forms.filter((x) => x.delivery.methodId === f.delivery.methodId).length);
  });

  it('agrees with a plain filter-and-sort of the dataset on combined queries (index and range paths)', async () => {
    const times = forms.map((f) => Date.parse(f.updatedAt)).sort((a, b) => a - b);
    const x = new Date(times[Math.floor(times.length * 0.4)]!).toISOString();
    const y = new Date(times[Math.floor(times.length * 0.8)]!).toISOString();
    const { login } = busiestBuyer();
    const cases = [
      'status=READY_FOR_PROCESSING&limit=10&offset=10',
      'status=READY_FOR_PROCESSING&sort=lineItems.boughtAt&limit=7&offset=3',
      'fulfillment.status=SENT,PICKED_UP&sort=-updatedAt&limit=50&offset=100',
      `updatedAt.gte=${x}&updatedAt.lte=${y}&sort=updatedAt&limit=20&offset=5`,
      `updatedAt.gte=${x}&sort=-updatedAt&limit=100&offset=40`,
      `updatedAt.gte=${x}&status=READY_FOR_PROCESSING&limit=30`,
      `lineItems.boughtAt.lte=${y}&sort=lineItems.boughtAt&limit=15&offset=2`,
      `buyer.login=${login}&updatedAt.gte=${x}&sort=-updatedAt`,
      `buyer.login=${login}&status=CANCELLED,READY_FOR_PROCESSING&sort=lineItems.boughtAt&offset=10&limit=5`,
    ];
    for (const query of cases) {
      const p = new URLSearchParams(query);
      const statuses = p.get('status')?.split(',');
      const fulfillment = p.get('fulfillment.status')?.split(',');
      const t = (name: string) => (p.get(name) ? Date.parse(p.get(name)!) : null);
      const [ugte, ulte, blte] = [t('updatedAt.gte'), t('updatedAt.lte'), t('lineItems.boughtAt.lte')];
      const sort = p.get('sort') ?? '-lineItems.boughtAt';
      const key = (f: AllegroCheckoutForm) => Date.parse(sort.endsWith('updatedAt') ? f.updatedAt : f.boughtAt);
      const desc = forms
        .filter((f) => !statuses || statuses.includes(f.status))
        .filter((f) => !fulfillment || fulfillment.includes(f.fulfillmentStatus))
        .filter((f) => !p.get('buyer.login') || loginOf.get(f.buyerId) === p.get('buyer.login'))
        .filter((f) => (ugte === null || Date.parse(f.updatedAt) >= ugte) && (ulte === null || Date.parse(f.updatedAt) <= ulte))
        .filter((f) => blte === null || Date.parse(f.boughtAt) <= blte)
        .sort((a, b) => key(b) - key(a) || (a.id < b.id ? -1 : 1));
      const ordered = sort.startsWith('-') ? desc : [...desc].reverse();
      const offset = Number(p.get('offset') ?? 0);
      const limit = Number(p.get('limit') ?? 100);
      const body = await list(query);
      expect(body.totalCount, query).toBe(ordered.length);
      expect(
        body.checkoutForms.map((f) => f.id),
        query,
      ).toEqual(ordered.slice(offset, offset + limit).map((f) => f.id));
    }
  });

  it('rejects limit 101 with a 422 ErrorsHolder naming the parameter', async () => {
    const res = await h.api('/order/checkout-forms?limit=101');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/vnd.allegro.public.v1+json');
    expect(await res.json()).toEqual({
      errors: [
        {
          code: 'VALIDATION_ERROR',
          message: 'limit: must be less than or equal to 100',
          details: null,
          path: 'limit',
          userMessage: 'Nieprawidłowe parametry zapytania.',
          metadata: {},
        },
      ],
    });
  });

  it('rejects limit 0, a negative offset, an unknown status or sort, and a bad date with 422', async () => {
    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
      ['limit=abc', 'limit'],
      ['status=PAID', 'status'],
      ['fulfillment.status=DONE', 'fulfillment.status'],
      ['sort=boughtAt', 'sort'],
      ['updatedAt.gte=yesterday', 'updatedAt.gte'],
    ] as const) {
      const res = await h.api(`/order/checkout-forms?${query}`);
      expect(res.status, query).toBe(422);
      expect(
        ((await res.json()) as ErrorsHolderBody).errors.map((e) => e.path),
        query,
      ).toEqual([path]);
    }
    const two = await h.api('/order/checkout-forms?limit=0&offset=-5');
    expect(((await two.json()) as ErrorsHolderBody).errors.map((e) => e.path)).toEqual(['offset', 'limit']);
  });

  it('refuses offset + limit beyond 10 000 results', async () => {
    const res = await h.api('/order/checkout-forms?offset=9950&limit=100');
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorsHolderBody).errors[0]).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Offset and limit parameters exceed maximal result size of 10000 items',
      path: '/order/checkout-forms',
    });
    expect((await h.api('/order/checkout-forms?offset=9900&limit=100')).status).toBe(200);
  });
});

describe('Allegro simulator: GET /order/checkout-forms/{id} and buyer emails', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('returns the full checkout form with the A.1.1 fields', async () => {
    const source = forms.find((f) => f.delivery.kind === 'parcel_locker' && f.status === 'READY_FOR_PROCESSING')!;
    const res = await h.api(`/order/checkout-forms/${source.id}`);
    expect(res.status).toBe(200);
    const f = (await res.json()) as CheckoutForm;
    expect(Object.keys(f)).toEqual([
      'id',
      'messageToSeller',
      'buyer',
      'payment',
      'status',
      'fulfillment',
      'delivery',
      'invoice',
      'lineItems',
      'surcharges',
      'note',
      'marketplace',
      'summary',
      'updatedAt',
      'revision',
    ]);
    expect(Object.keys(f.buyer)).toEqual([
      'id',
      'email',
      'login',
      'firstName',
      'lastName',
      'companyName',
      'guest',
      'personalIdentity',
      'phoneNumber',
      'preferences',
      'address',
    ]);
    expect(f).toMatchObject({
      id: source.id,
      status: 'READY_FOR_PROCESSING',
      fulfillment: { status: source.fulfillmentStatus, provider: { id: 'SELLER' } },
      delivery: { method: { id: source.delivery.methodId }, pickupPoint: { id: source.delivery.pickupPoint!.id } },
      marketplace: { id: 'allegro-pl' },
      surcharges: [],
      revision: source.revision,
      updatedAt: source.updatedAt,
    });
    expect(f.summary.totalToPay.amount).toMatch(/^\d+\.\d{2}$/);
    for (const li of f.lineItems) {
      expect(li.price).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'PLN' });
      expect(li.offer.productSet).toBeNull();
    }
  });

  it('gives every form a relay email: different per form, same local part for the same buyer', async () => {
    const { login, forms: theirs } = busiestBuyer();
    const emails: string[] = [];
    for (let offset = 0; offset < theirs.length; offset += 100) {
      const res = await h.api(`/order/checkout-forms?buyer.login=${encodeURIComponent(login)}&offset=${offset}`);
      emails.push(...((await res.json()) as ListBody).checkoutForms.map((f) => f.buyer.email));
    }
    for (const e of emails) expect(e).toMatch(/^[a-z0-9]+\+[a-z0-9]+@allegromail\.pl$/);
    expect(new Set(emails).size).toBe(theirs.length);
    expect(new Set(emails.map((e) => e.split('+')[0])).size).toBe(1);
    const page = (await (await h.api('/order/checkout-forms?limit=100')).json()) as ListBody;
    for (const f of page.checkoutForms) expect(f.buyer.email.endsWith('@allegromail.pl')).toBe(true);
  });

  it('answers 422 for a malformed id and 404 CheckoutFormNotFoundException for an unknown one', async () => {
    const bad = await h.api('/order/checkout-forms/not-a-uuid');
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as ErrorsHolderBody).errors[0]).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: 'Not valid time UUID',
      details: 'Invalid value: not-a-uuid',
    });
    // a well-formed random (v4) UUID is not a time UUID either: Allegro refuses it before any lookup
    const randomUuid = await h.api('/order/checkout-forms/62ae358b-8f65-4fc4-9c77-bedf604a2e2b');
    expect(randomUuid.status).toBe(422);
    const unknownId = '00000000-0000-1000-8000-000000000000';
    const missing = await h.api(`/order/checkout-forms/${unknownId}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [
        {
          code: 'CheckoutFormNotFoundException',
          message: `Checkout form ${unknownId} not found`,
          details: null,
          path: `/order/checkout-forms/${unknownId}`,
          userMessage: `Checkout form ${unknownId} not found`,
          metadata: {},
        },
      ],
    });
    // Ids are case-sensitive: an upper-cased id is "not found", as on the real API.
    expect((await h.api(`/order/checkout-forms/${forms[0]!.id.toUpperCase()}`)).status).toBe(404);
  });
});

describe('Allegro simulator: PUT /order/checkout-forms/{id}/fulfillment', () => {
  let h: Harness;
  const put = (id: string, body: unknown, revision?: string) =>
    h.api(`/order/checkout-forms/${id}/fulfillment${revision ? `?checkoutForm.revision=${revision}` : ''}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/vnd.allegro.public.v1+json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = async (id: string) => (await (await h.api(`/order/checkout-forms/${id}`)).json()) as CheckoutForm;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.sim.close());

  it('sets the status (204), bumps revision and updatedAt, and journals FULFILLMENT_STATUS_CHANGED', async () => {
    const source = forms.find((f) => f.status === 'READY_FOR_PROCESSING' && f.fulfillmentStatus !== 'READY_FOR_SHIPMENT')!;
    const before = await get(source.id);
    const stats = (await (await h.api('/order/event-stats')).json()) as { latestEvent: { id: string } };
    const res = await put(source.id, { status: 'READY_FOR_SHIPMENT', shipmentSummary: { lineItemsSent: 'NONE' } }, before.revision);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');

    const after = await get(source.id);
    expect(after.fulfillment.status).toBe('READY_FOR_SHIPMENT');
    expect(after.revision).toMatch(/^[0-9a-f]{8}$/);
    expect(after.revision).not.toBe(before.revision);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));

    const events = (await (await h.api(`/order/events?from=${stats.latestEvent.id}`)).json()) as {
      events: { id: string; type: string; order: { checkoutForm: { id: string; revision: string } } }[];
    };
    expect(events.events).toHaveLength(1);
    expect(events.events[0]).toMatchObject({
      type: 'FULFILLMENT_STATUS_CHANGED',
      order: { checkoutForm: { id: source.id, revision: after.revision } },
    });
    expect(BigInt(events.events[0]!.id)).toBeGreaterThan(BigInt(stats.latestEvent.id));

    const changed = (await (await h.api(`/order/checkout-forms?updatedAt.gte=${encodeURIComponent(after.updatedAt)}`)).json()) as ListBody;
    expect(changed.checkoutForms.map((f) => f.id)).toContain(source.id);

    const shipping = (await (await h.api('/order/checkout-forms?fulfillment.status=READY_FOR_SHIPMENT')).json()) as ListBody;
    expect(shipping.totalCount).toBe(forms.filter((f) => f.fulfillmentStatus === 'READY_FOR_SHIPMENT').length + 1);
    expect(shipping.checkoutForms.map((f) => f.id)).toContain(source.id);

    const stale = await put(source.id, { status: 'SENT' }, before.revision);
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as ErrorsHolderBody;
    expect(conflict.errors[0]).toMatchObject({ code: 'CONFLICT', path: 'checkoutForm.revision' });
    expect((await get(source.id)).fulfillment.status).toBe('READY_FOR_SHIPMENT');
  });

  it('refuses RETURNED (system-only) and unknown statuses with 422', async () => {
    const source = forms.find((f) => f.status === 'READY_FOR_PROCESSING')!;
    const returned = await put(source.id, { status: 'RETURNED' });
    expect(returned.status).toBe(422);
    expect(((await returned.json()) as ErrorsHolderBody).errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', path: 'status' });
    const unknown = await put(source.id, { status: 'SHIPPED' });
    expect(unknown.status).toBe(422);
    const empty = await put(source.id, {});
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as ErrorsHolderBody).errors[0]!.message).toBe('status: must not be null');
  });

  it('answers 400 for a body that is not JSON, 404 for an unknown form, 422 for a malformed id', async () => {
    const source = forms[0]!;
    expect((await put(source.id, '{"status":')).status).toBe(400);
    expect((await put('00000000-0000-1000-8000-000000000000', { status: 'SENT' })).status).toBe(404);
    expect((await put('xyz', { status: 'SENT' })).status).toBe(422);
  });

  it('accepts a PUT without revision, and a repeat of the current status changes nothing', async () => {
    const source = forms.find((f) => f.status === 'READY_FOR_PROCESSING' && f.fulfillmentStatus !== 'SENT')!;
    expect((await put(source.id, { status: 'SENT' })).status).toBe(204);
    const once = await get(source.id);
    expect((await put(source.id, { status: 'SENT' })).status).toBe(204);
    expect((await get(source.id)).revision).toBe(once.revision);
  });

  it('counts requests per endpoint on the admin path', async () => {
    expect((await fetch(`${h.base}/__simulator/counters`, { method: 'DELETE' })).status).toBe(204);
    const id = forms[1]!.id;
    await get(id);
    await get(id);
    await put(id, { status: 'RETURNED' });
    await h.api('/order/checkout-forms?limit=1');
    const counters = await (await fetch(`${h.base}/__simulator/counters`)).json();
    expect(counters).toEqual({
      total: 4,
      endpoints: {
        'GET /order/checkout-forms': 1,
        'GET /order/checkout-forms/:id': 2,
        'PUT /order/checkout-forms/:id/fulfillment': 1,
      },
    });
  });
});
