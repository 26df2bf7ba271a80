import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VND_MEDIA_TYPE } from './allegro-http.ts';
import type { CheckoutForm, RefundDetails } from './allegro-types.ts';
import { startHarness, type ErrorsHolderBody, type Harness } from './test-support.ts';

interface RefundList {
  refunds: RefundDetails[];
  count: number;
  totalCount: number;
}

const COMMAND_A = '3f1c2b7e-0a51-4c1e-9d6a-7b3e5f0c2a11';
const COMMAND_B = '3f1c2b7e-0a51-4c1e-9d6a-7b3e5f0c2a12';

describe('Allegro simulator: POST and GET /payments/refunds', () => {
  let h: Harness;
  let clock = Date.parse('2026-12-01T10:00:00Z');
  /** a paid (online) form with a line of at least 2 items */
  let form: CheckoutForm;

  const post = (body: unknown, token?: string | null) =>
    h.api('/payments/refunds', {
      method: 'POST',
      headers: { 'content-type': VND_MEDIA_TYPE },
      body: JSON.stringify(body),
      ...(token === undefined ? {} : { token }),
    });
  const list = async (query: string): Promise<RefundList> => {
    const res = await h.api(`/payments/refunds?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as RefundList;
  };
  const refundOf = (f: CheckoutForm, quantity: number, commandId = COMMAND_A, extra: Record<string, unknown> = {}) => ({
    payment: { id: f.payment!.id },
    order: { id: f.id },
    commandId,
    reason: 'REFUND',
    lineItems: [{ id: f.lineItems[0]!.id, type: 'QUANTITY', quantity }],
    ...extra,
  });

  beforeAll(async () => {
    h = await startHarness({ clock: () => clock });
    const all = (await (await h.api('/order/checkout-forms?limit=100&status=READY_FOR_PROCESSING')).json()) as { checkoutForms: CheckoutForm[] };
    form = all.checkoutForms.find((f) => f.payment?.type !== 'CASH_ON_DELIVERY' && f.payment?.paidAmount && f.lineItems[0]!.quantity >= 2)!;
    expect(form).toBeDefined();
  });
  beforeEach(async () => {
    await fetch(`${h.base}/__simulator/reset`, { method: 'POST' });
  });
  afterAll(() => h.sim.close());

  it('creates a refund of line items: 200 with RefundDetails, listed by order.id and payment.id, NEW then SUCCESS', async () => {
    const line = form.lineItems[0]!;
    const res = await post(refundOf(form, 1, COMMAND_A, { sellerComment: 'Zwrot w sklepie [omnigraph:0123456789abcdef]' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(VND_MEDIA_TYPE);
    const refund = (await res.json()) as RefundDetails;
    expect(refund).toMatchObject({
      payment: { id: form.payment!.id },
      order: { id: form.id },
      reason: 'REFUND',
      status: 'NEW',
      totalValue: { amount: line.price.amount, currency: line.price.currency },
      lineItems: [{ id: line.id, type: 'QUANTITY', quantity: 1, value: null }],
      sellerComment: 'Zwrot w sklepie [omnigraph:0123456789abcdef]',
    });
    expect(refund.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(refund.createdAt).toBe(new Date(clock).toISOString());

    const byOrder = await list(`order.id=${form.id}`);
    expect(byOrder).toMatchObject({ count: 1, totalCount: 1 });
    expect(byOrder.refunds[0]!.id).toBe(refund.id);
    expect((await list(`payment.id=${form.payment!.id}`)).refunds.map((r) => r.id)).toEqual([refund.id]);
    expect((await list('order.id=00000000-0000-1000-8000-000000000000')).totalCount).toBe(0);

    clock += 1_000;
    expect((await list(`order.id=${form.id}`)).refunds[0]!.status).toBe('SUCCESS');
    expect((await list(`order.id=${form.id}&status=SUCCESS`)).totalCount).toBe(1);
    expect((await list(`order.id=${form.id}&status=WAITING`)).totalCount).toBe(0);
  });

  it('is idempotent by commandId: the same command answers the first refund and refunds nothing more', async () => {
    const first = (await (await post(refundOf(form, 1, COMMAND_A))).json()) as RefundDetails;
    const again = await post(refundOf(form, 1, COMMAND_A));
    expect(again.status).toBe(200);
    expect(((await again.json()) as RefundDetails).id).toBe(first.id);
    expect((await list(`order.id=${form.id}`)).totalCount).toBe(1);
    // another command is another refund
    const second = (await (await post(refundOf(form, 1, COMMAND_B))).json()) as RefundDetails;
    expect(second.id).not.toBe(first.id);
    const listed = await list(`order.id=${form.id}`);
    expect(listed.refunds.map((r) => r.id)).toEqual([second.id, first.id]);
  });

  it('refuses more items than bought minus already refunded with 422 VALIDATION_ERROR, creating nothing', async () => {
    const line = form.lineItems[0]!;
    const over = await post(refundOf(form, line.quantity + 1));
    expect(over.status).toBe(422);
    const body = (await over.json()) as ErrorsHolderBody;
    expect(body.errors[0]).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: `Oferta: ${line.id} ilość przekroczona, dostępna: ${line.quantity}, żądana: ${line.quantity + 1}`,
    });
    expect((await list(`order.id=${form.id}`)).totalCount).toBe(0);

    expect((await post(refundOf(form, line.quantity, COMMAND_A))).status).toBe(200);
    const twice = await post(refundOf(form, 1, COMMAND_B));
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as ErrorsHolderBody).errors[0]!.message).toContain('dostępna: 0, żądana: 1');
    expect((await list(`order.id=${form.id}`)).totalCount).toBe(1);
  });

  it('answers 404 for an unknown payment, 422 for a foreign line item, a foreign order and nothing to refund', async () => {
    const unknown = await post({ ...refundOf(form, 1), payment: { id: '00000000-0000-1000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorsHolderBody).errors[0]!.code).toBe('NOT_FOUND');

    const foreignLine = await post({
      ...refundOf(form, 1),
      lineItems: [{ id: '11111111-1111-1111-8111-111111111111', type: 'QUANTITY', quantity: 1 }],
    });
    expect(foreignLine.status).toBe(422);
    expect(((await foreignLine.json()) as ErrorsHolderBody).errors[0]).toMatchObject({ code: 'VALIDATION_ERROR', path: 'lineItems[0].id' });

    const otherOrder = await post({ ...refundOf(form, 1), order: { id: '00000000-0000-1000-8000-000000000000' } });
    expect(otherOrder.status).toBe(422);
    expect(((await otherOrder.json()) as ErrorsHolderBody).errors[0]!.path).toBe('order.id');

    const nothing = await post({ ...refundOf(form, 1), lineItems: [] });
    expect(nothing.status).toBe(422);
    expect((await list(`order.id=${form.id}`)).totalCount).toBe(0);
  });

  it('lists every missing required field (payment.id, order.id, commandId, reason) in one 422', async () => {
    const res = await post({ lineItems: [{ id: form.lineItems[0]!.id, type: 'QUANTITY' }] });
    expect(res.status).toBe(422);
    const paths = ((await res.json()) as ErrorsHolderBody).errors.map((e) => e.path);
    expect(paths).toEqual(['payment.id', 'order.id', 'commandId', 'reason', 'lineItems[0].quantity']);
    const badBody = await h.api('/payments/refunds', { method: 'POST', headers: { 'content-type': VND_MEDIA_TYPE }, body: '{not json' });
    expect(badBody.status).toBe(400);
  });

  it('needs allegro:api:payments:write to refund and allegro:api:payments:read to list', async () => {
    const res = await h.token({
      grant_type: 'authorization_code',
      code: 'omnigraph-simulator-auth-code',
      scope: 'allegro:api:orders:read allegro:api:payments:read',
    });
    const readOnly = ((await res.json()) as { access_token: string }).access_token;
    const refused = await post(refundOf(form, 1), readOnly);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorsHolderBody).errors[0]!.code).toBe('AccessDenied');
    expect((await h.api(`/payments/refunds?order.id=${form.id}`, { token: readOnly })).status).toBe(200);
    expect((await list(`order.id=${form.id}`)).totalCount).toBe(0);
    const noRead = (
      (await (
        await h.token({ grant_type: 'authorization_code', code: 'omnigraph-simulator-auth-code', scope: 'allegro:api:orders:read' })
      ).json()) as { access_token: string }
    ).access_token;
    expect((await h.api('/payments/refunds', { token: noRead })).status).toBe(403);
  });

  it('validates the list parameters with one 422', async () => {
    const res = await h.api('/payments/refunds?limit=101&payment.id=nope&status=DONE');
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorsHolderBody).errors.map((e) => e.path)).toEqual(['limit', 'payment.id', 'status']);
    expect(h.sim.control.counters().endpoints['GET /payments/refunds']).toBeGreaterThan(0);
  });
});
