/**
 * The `marketplaceCreateRefund` write step (ADR 0011): refunds whole items of an Allegro order's lines through
 * `POST /payments/refunds`, exactly once per idempotency key, however often the commands subgraph sends it.
 *
 * How a refund carries our key (both documented fields of the refund API):
 * - `sellerComment` ("seller's optional justification", ≤ 250 characters, answered back by `GET /payments/refunds`)
 *   ends with an opaque tag `[omnigraph:<16 hex>]`, the first 16 hex digits of SHA-256 over the checkout-form id and
 *   the idempotency key. Before writing, the step lists the order's refunds (`order.id` filter) and matches the tag:
 *   found → that refund, `created: false`. The tag holds no personal data and means nothing to the buyer, who may see
 *   the comment; the return reason the caller gave goes in front of it.
 * - `commandId` (a UUID the seller chooses, "ensures idempotency of refund creation", required since 2025-12-15) is
 *   derived from the same digest, so if the listing has not caught up with a refund whose answer was lost, Allegro
 *   itself refuses to pay it twice.
 *
 * Limits: the tag is per order and key, not per caller, so the commands subgraph must send keys unique per caller (it
 * scopes them by `identity.subject`). A refund someone edits outside Omnigraph keeps its comment (Allegro has no edit
 * of refunds). More than one tagged refund (never expected) is logged and counted in
 * `omnigraph_writes_duplicates_detected_total`, and the oldest is answered.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { invalidate, type Cache } from '@omnigraph/shared/cache';
import { badUserInput, notFound } from '@omnigraph/shared/errors';
import type { Logger } from '@omnigraph/shared/logging';
import { reportDuplicate, validateIdempotencyKey } from '@omnigraph/shared/writes';
import type { MoneyModel } from '@omnigraph/shared/models';
import { currentRequestScope } from '@omnigraph/shared/sources';
import { marketplaceCacheKeys } from '../upstream/marketplace-cache-keys.ts';
import { parseMarketplaceOrderId, type MarketplaceClient, type MarketplaceRefundModel } from '../upstream/marketplace-client.ts';

export const REFUND_STEP_NAME = 'marketplace.createRefund';
/** The scope the step needs (the gateway checks it for its own plans; direct callers are checked here). */
export const RETURNS_WRITE_SCOPE = 'returns:write';
/** Allegro's `sellerComment` maxLength. */
const SELLER_COMMENT_MAX = 250;
const MAX_LINES = 50;
const TAG = /\[omnigraph:([0-9a-f]{16})\]/;

export interface RefundStepInput {
  /** global order id, `marketplace:<checkout-form id>` */
  orderId: string;
  lines: readonly { lineId: string; quantity: number }[];
  reason?: string | null | undefined;
}

export interface RefundStepResult {
  refundId: string;
  amount: MoneyModel;
  status: string;
  created: boolean;
}

export type RefundStep = (idempotencyKey: string, input: RefundStepInput) => Promise<RefundStepResult>;

export interface RefundStepDeps {
  client: MarketplaceClient;
  /** the loaders' cache: the order, its refunds and its buyer's list are dropped after the step */
  cache: Cache;
  logger?: Logger | undefined;
}

/** The refund's tag and Allegro commandId for one order and key: both from one SHA-256, stable across runs. */
export function refundTagOf(orderNumber: string, idempotencyKey: string): { tag: string; commandId: string } {
  const hex = createHash('sha256').update(`omnigraph:marketplace.createRefund\n${orderNumber}\n${idempotencyKey}`).digest('hex');
  // RFC 9562 version 8 (custom, here name-based with SHA-256): version nibble 8, variant 10xx.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const commandId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return { tag: hex.slice(0, 16), commandId };
}

/** `<reason> [omnigraph:<tag>]`, the reason shortened so that the tag always fits Allegro's 250 characters. */
export function sellerCommentOf(reason: string | null | undefined, tag: string): string {
  const suffix = `[omnigraph:${tag}]`;
  const text = (reason ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return suffix;
  const room = SELLER_COMMENT_MAX - suffix.length - 1;
  return `${text.length > room ? `${text.slice(0, room - 1)}…` : text} ${suffix}`;
}

/** The tag a refund's comment carries, or null. */
export function tagOfComment(note: string | null): string | null {
  return note === null ? null : (TAG.exec(note)?.[1] ?? null);
}

/**
 * Direct callers (the commands subgraph, signed with the caller's identity) are checked here: the field is
 * @inaccessible, so no gateway plan reaches it and checks its @scope.
 */
function requireReturnsWrite(): void {
  const identity = currentRequestScope()?.identity;
  if (identity !== undefined && identity.customer === undefined && identity.scopes.includes(RETURNS_WRITE_SCOPE)) return;
  throw new GraphQLError(`Refunds need the ${RETURNS_WRITE_SCOPE} scope.`, {
    extensions: { code: 'FORBIDDEN', missingScopes: [RETURNS_WRITE_SCOPE] },
  });
}

function checkInput(idempotencyKey: string, input: RefundStepInput): string {
  validateIdempotencyKey(idempotencyKey);
  const orderNumber = parseMarketplaceOrderId(input.orderId);
  if (orderNumber === null) throw badUserInput('orderId must be marketplace:<Allegro checkout-form id>.', 'input');
  if (input.lines.length === 0 || input.lines.length > MAX_LINES) throw badUserInput(`lines must hold 1–${MAX_LINES} lines.`, 'input');
  const seen = new Set<string>();
  for (const line of input.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) throw badUserInput('Every line quantity must be a positive integer.', 'input');
    if (line.lineId === '' || line.lineId.length > 100) throw badUserInput('Every lineId must be an order line id (OrderLine.id).', 'input');
    if (seen.has(line.lineId)) throw badUserInput('Each line may be given once.', 'input');
    seen.add(line.lineId);
  }
  return orderNumber.toLowerCase();
}

function resultOf(refund: MarketplaceRefundModel, created: boolean): RefundStepResult {
  return { refundId: refund.id, amount: refund.amount, status: refund.status, created };
}

export function createRefundStep(deps: RefundStepDeps): RefundStep {
  const { client, cache, logger } = deps;

  return async function createRefund(idempotencyKey, input) {
    requireReturnsWrite();
    const orderNumber = checkInput(idempotencyKey, input);
    // Read live, not from the cache: the payment id is what the refund names, and Allegro may have replaced it.
    const order = await client.getOrderById({ orderNumber });
    if (order === null) throw notFound(`Allegro has no checkout form ${orderNumber}.`);
    if (order.paymentId === null) throw badUserInput('The order has no payment to refund.', 'input');
    const lineIds = new Set(order.lines.flatMap((line) => (line.id === null ? [] : [line.id])));
    const unknown = input.lines.find((line) => !lineIds.has(line.lineId));
    if (unknown !== undefined) throw badUserInput(`The order has no line ${unknown.lineId}.`, 'input');

    const { tag, commandId } = refundTagOf(orderNumber, idempotencyKey);
    const dropCached = () => invalidate(cache, marketplaceCacheKeys.orderKeysOf({ number: orderNumber, buyerLogin: order.buyerLogin }));

    const tagged = (await client.listRefunds({ orderNumber })).filter((refund) => tagOfComment(refund.note) === tag);
    if (tagged.length > 0) {
      if (tagged.length > 1) {
        reportDuplicate(REFUND_STEP_NAME, { service: 'marketplace', ...(logger ? { logger } : {}), upstreamIds: tagged.map((r) => r.id) });
      }
      // the oldest: the one the first run made
      const first = tagged.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
      await dropCached();
      logger?.info({ step: REFUND_STEP_NAME, orderNumber, refundId: first.id, created: false }, 'refund already made for this key');
      return resultOf(first, false);
    }

    const refund = await client.createRefund({
      orderNumber,
      paymentId: order.paymentId,
      lines: input.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      requestId: commandId,
      note: sellerCommentOf(input.reason, tag),
    });
    await dropCached();
    logger?.info({ step: REFUND_STEP_NAME, orderNumber, refundId: refund.id, created: true }, 'refund made');
    return resultOf(refund, true);
  };
}
