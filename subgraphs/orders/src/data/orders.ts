// The orders and refunds tables in the orders Postgres database.
import { z } from 'zod';
import type { SqlExecutor } from '@shop/datastores';
import {
  ATTENTION_REASONS,
  ORDER_STATUSES,
  addressSchema,
  lineSchema,
  nextActionSchema,
  rateSchema,
  recordedAllocationSchema,
  type RecordedAllocation,
  type Address,
  type AttentionReason,
  type Line,
  type NextAction,
  type Order,
  type OrderStatus,
  type Rate,
  type Refund,
} from '../domain/types';
import { isUuid } from './checkouts';
import { newestFirstPage, type NewestFirstCursor } from './newest-first';

const int = z.union([z.string(), z.number()]).transform((v) => Number(v));
const date = z.union([z.date(), z.string()]).transform((v) => new Date(v));

const orderRow = z.object({
  id: z.string(),
  number: int,
  checkout_id: z.string().nullable(),
  cart_id: z.string().nullable(),
  subscription_id: z.string().nullable().default(null),
  customer_id: z.string().nullable(),
  idempotency_scope: z.string(),
  idempotency_key: z.string(),
  request_hash: z.string(),
  email: z.string(),
  status: z.enum(ORDER_STATUSES),
  currency: z.string(),
  lines: z.array(lineSchema),
  shipping_address: addressSchema,
  shipping_line: rateSchema,
  subtotal_minor: int,
  shipping_minor: int,
  discount_minor: int.default(0),
  discount_codes: z.array(z.string()).default([]),
  discount_allocations: z.array(recordedAllocationSchema).default([]),
  tax_minor: int,
  total_minor: int,
  payment_method_id: z.string(),
  payment_intent_id: z.string().nullable(),
  captured_minor: int,
  refunded_minor: int,
  gift_card_minor: z.union([z.string(), z.number()]).default(0).transform(Number),
  gift_card_refunded_minor: z.union([z.string(), z.number()]).default(0).transform(Number),
  next_action: nextActionSchema.nullable(),
  failure_code: z.string().nullable(),
  cancel_reason: z.string().nullable(),
  attention_reason: z.enum(ATTENTION_REASONS).nullable().default(null),
  backordered: z.boolean().default(false),
  lease_until: date.nullable(),
  created_at: date,
});

export function toOrder(raw: unknown): Order {
  const r = orderRow.parse(raw);
  return {
    id: r.id,
    number: r.number,
    checkoutId: r.checkout_id,
    cartId: r.cart_id,
    subscriptionId: r.subscription_id,
    customerId: r.customer_id,
    idempotencyScope: r.idempotency_scope,
    idempotencyKey: r.idempotency_key,
    requestHash: r.request_hash,
    email: r.email,
    status: r.status,
    currency: r.currency,
    lines: r.lines,
    shippingAddress: r.shipping_address,
    shippingLine: r.shipping_line,
    subtotalMinor: r.subtotal_minor,
    shippingMinor: r.shipping_minor,
    discountMinor: r.discount_minor,
    discountCodes: r.discount_codes,
    allocations: r.discount_allocations,
    taxMinor: r.tax_minor,
    totalMinor: r.total_minor,
    paymentMethodId: r.payment_method_id,
    paymentIntentId: r.payment_intent_id,
    capturedMinor: r.captured_minor,
    refundedMinor: r.refunded_minor,
    giftCardMinor: r.gift_card_minor,
    giftCardRefundedMinor: r.gift_card_refunded_minor,
    nextAction: r.next_action,
    failureCode: r.failure_code,
    cancelReason: r.cancel_reason,
    attentionReason: r.attention_reason,
    backordered: r.backordered,
    leaseUntil: r.lease_until,
    createdAt: r.created_at,
  };
}

export interface NewOrder {
  id: string;
  checkoutId: string | null;
  cartId: string | null;
  subscriptionId?: string | null;
  customerId: string | null;
  idempotencyScope: string;
  idempotencyKey: string;
  requestHash: string;
  email: string;
  currency: string;
  lines: Line[];
  shippingAddress: Address;
  shippingLine: Rate;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** What discounts took off, the codes used, and what each took off each line and shipping. */
  discountMinor?: number;
  discountCodes?: string[];
  allocations?: RecordedAllocation[];
  paymentMethodId: string;
  leaseSeconds: number;
  /** The client address the completion came from, when known. */
  clientIp?: string | null;
}

/** Inserts a PENDING_PAYMENT order already leased to the caller. */
export async function insertOrder(db: SqlExecutor, o: NewOrder): Promise<Order> {
  const { rows } = await db.query(
    `INSERT INTO orders (id, checkout_id, cart_id, customer_id, idempotency_scope, idempotency_key, request_hash, email,
       status, currency, lines, shipping_address, shipping_line, subtotal_minor, shipping_minor, tax_minor, total_minor,
       payment_method_id, lease_until, subscription_id, client_ip, discount_minor, discount_codes, discount_allocations)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'PENDING_PAYMENT',$9,$10,$11,$12,$13,$14,$15,$16,$17, now() + make_interval(secs => $18), $19, $20,
       $21, $22, $23)
     RETURNING *`,
    [
      o.id,
      o.checkoutId,
      o.cartId,
      o.customerId,
      o.idempotencyScope,
      o.idempotencyKey,
      o.requestHash,
      o.email,
      o.currency,
      JSON.stringify(o.lines),
      JSON.stringify(o.shippingAddress),
      JSON.stringify(o.shippingLine),
      o.subtotalMinor,
      o.shippingMinor,
      o.taxMinor,
      o.totalMinor,
      o.paymentMethodId,
      o.leaseSeconds,
      o.subscriptionId ?? null,
      o.clientIp ?? null,
      o.discountMinor ?? 0,
      o.discountCodes ?? [],
      JSON.stringify(o.allocations ?? []),
    ],
  );
  return toOrder(rows[0]);
}

export async function findOrder(db: SqlExecutor, id: string, forUpdate = false): Promise<Order | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query(`SELECT * FROM orders WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0] ? toOrder(rows[0]) : null;
}

export async function findOrders(db: SqlExecutor, ids: readonly string[]): Promise<Order[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const { rows } = await db.query(`SELECT * FROM orders WHERE id = ANY($1::uuid[])`, [valid]);
  return rows.map(toOrder);
}

export async function findByIdempotencyKey(
  db: SqlExecutor,
  scope: string,
  key: string,
): Promise<Order | null> {
  const { rows } = await db.query(
    `SELECT * FROM orders WHERE idempotency_scope = $1 AND idempotency_key = $2`,
    [scope, key],
  );
  return rows[0] ? toOrder(rows[0]) : null;
}

export async function findLiveOrderForCheckout(db: SqlExecutor, checkoutId: string): Promise<Order | null> {
  const { rows } = await db.query(`SELECT * FROM orders WHERE checkout_id = $1 AND status <> 'CANCELLED'`, [
    checkoutId,
  ]);
  return rows[0] ? toOrder(rows[0]) : null;
}

/** Takes the completion lease when nobody holds it; null when another attempt does or the order has settled. */
export async function claimLease(db: SqlExecutor, id: string, seconds: number): Promise<Order | null> {
  const { rows } = await db.query(
    `UPDATE orders SET lease_until = now() + make_interval(secs => $2)
      WHERE id = $1 AND status = 'PENDING_PAYMENT' AND (lease_until IS NULL OR lease_until < now())
      RETURNING *`,
    [id, seconds],
  );
  return rows[0] ? toOrder(rows[0]) : null;
}

export async function releaseLease(db: SqlExecutor, id: string): Promise<void> {
  await db.query(`UPDATE orders SET lease_until = NULL WHERE id = $1`, [id]);
}

export async function setPaymentAttempt(
  db: SqlExecutor,
  id: string,
  paymentIntentId: string | null,
  nextAction: NextAction | null,
): Promise<void> {
  await db.query(
    `UPDATE orders SET payment_intent_id = COALESCE($2, payment_intent_id), next_action = $3, updated_at = now() WHERE id = $1`,
    [id, paymentIntentId, nextAction ? JSON.stringify(nextAction) : null],
  );
}

export interface TransitionChanges {
  capturedMinor?: number;
  paymentIntentId?: string;
  failureCode?: string;
  cancelReason?: string;
  attentionReason?: AttentionReason;
  backordered?: boolean;
}

/** Moves an order from one status to another; null when it was not in `from` (someone else moved it). */
export async function transition(
  db: SqlExecutor,
  id: string,
  from: OrderStatus[],
  to: OrderStatus,
  changes: TransitionChanges = {},
): Promise<Order | null> {
  const { rows } = await db.query(
    // The order's reserved discount uses settle with its status, in the same statement: committed when it is
    // paid, given back when it is cancelled unpaid (a declined or abandoned payment), like its stock hold.
    `WITH moved AS (UPDATE orders SET status = $3,
        captured_minor = COALESCE($4, captured_minor),
        payment_intent_id = COALESCE($5, payment_intent_id),
        failure_code = COALESCE($6, failure_code),
        cancel_reason = COALESCE($7, cancel_reason),
        attention_reason = COALESCE($8, attention_reason),
        backordered = COALESCE($9, backordered),
        paid_at = CASE WHEN $3 = 'PAID' THEN now() ELSE paid_at END,
        next_action = CASE WHEN $3 = 'PENDING_PAYMENT' THEN next_action ELSE NULL END,
        lease_until = NULL,
        updated_at = now()
      WHERE id = $1 AND status = ANY($2::text[])
      RETURNING *),
     uses AS (UPDATE discount_uses u SET status = CASE WHEN moved.status = 'PAID' THEN 'COMMITTED' ELSE 'RELEASED' END
       FROM moved WHERE u.order_id = moved.id AND u.status = 'RESERVED' AND moved.status IN ('PAID', 'CANCELLED'))
     SELECT * FROM moved`,
    [
      id,
      from,
      to,
      changes.capturedMinor ?? null,
      changes.paymentIntentId ?? null,
      changes.failureCode ?? null,
      changes.cancelReason ?? null,
      changes.attentionReason ?? null,
      changes.backordered ?? null,
    ],
  );
  return rows[0] ? toOrder(rows[0]) : null;
}

/**
 * How many unpaid orders still holding stock (made within the hold's lifetime) count against any of these
 * holders: a customer, a cart, a client address. For a client address only the orders awaiting the shopper
 * (3-D Secure) count: one address can be a whole network behind NAT, whose shoppers pay by card at the same
 * moment; an order still being authorised settles within seconds, while one awaiting the shopper holds stock
 * for minutes.
 */
export async function countPendingHolds(
  db: SqlExecutor,
  holders: { customerId: string | null; cartId: string | null; clientIp: string | null },
  holdSeconds: number,
): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM orders
      WHERE status = 'PENDING_PAYMENT' AND created_at > now() - make_interval(secs => $4)
        AND (customer_id = $1 OR cart_id = $2 OR (client_ip = $3 AND next_action IS NOT NULL))`,
    [holders.customerId, holders.cartId, holders.clientIp, holdSeconds],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Orders flagged for a person, newest first; the cursor is (createdAt, id). */
export function listAttentionOrders(
  db: SqlExecutor,
  limit: number,
  after: NewestFirstCursor,
): Promise<{ rows: Order[]; total: number }> {
  return newestFirstPage(db, 'orders', 'attention_reason IS NOT NULL', [], limit, after, toOrder);
}

export async function addRefunded(
  db: SqlExecutor,
  id: string,
  deltaMinor: number,
  status: OrderStatus,
): Promise<Order> {
  const { rows } = await db.query(
    `UPDATE orders SET refunded_minor = refunded_minor + $2, status = $3, updated_at = now() WHERE id = $1 RETURNING *`,
    [id, deltaMinor, status],
  );
  return toOrder(rows[0]);
}

/**
 * Newest first; the cursor is (createdAt, id). A checkout attempt that never got paid (a declined
 * card, stock gone) is not an order the shopper placed, so it stays out of the history.
 */
export function listCustomerOrders(
  db: SqlExecutor,
  customerId: string,
  limit: number,
  after: NewestFirstCursor,
): Promise<{ rows: Order[]; total: number }> {
  const placed = `(paid_at IS NOT NULL OR status = 'PENDING_PAYMENT')`;
  return newestFirstPage(db, 'orders', `customer_id = $1 AND ${placed}`, [customerId], limit, after, toOrder);
}

/** PENDING_PAYMENT orders older than `seconds` that no attempt holds. */
export async function findStalePending(
  db: SqlExecutor,
  olderThanSeconds: number,
  limit = 50,
): Promise<Order[]> {
  const { rows } = await db.query(
    `SELECT * FROM orders WHERE status = 'PENDING_PAYMENT' AND created_at < now() - make_interval(secs => $1)
       AND (lease_until IS NULL OR lease_until < now()) ORDER BY created_at LIMIT $2`,
    [olderThanSeconds, limit],
  );
  return rows.map(toOrder);
}

const refundRow = z.object({
  id: z.string(),
  order_id: z.string(),
  amount_minor: int,
  reason: z.string().nullable(),
  status: z.enum(['PENDING', 'SUCCEEDED', 'FAILED']),
  provider_refund_id: z.string().nullable(),
  created_at: date,
});

function toRefund(raw: unknown): Refund {
  const r = refundRow.parse(raw);
  return {
    id: r.id,
    orderId: r.order_id,
    amountMinor: r.amount_minor,
    reason: r.reason,
    status: r.status,
    providerRefundId: r.provider_refund_id,
    createdAt: r.created_at,
  };
}

export async function insertRefund(
  db: SqlExecutor,
  r: { id: string; orderId: string; amountMinor: number; reason: string | null },
): Promise<Refund> {
  const { rows } = await db.query(
    `INSERT INTO refunds (id, order_id, amount_minor, reason, status) VALUES ($1, $2, $3, $4, 'PENDING') RETURNING *`,
    [r.id, r.orderId, r.amountMinor, r.reason],
  );
  return toRefund(rows[0]);
}

export async function finishRefund(
  db: SqlExecutor,
  id: string,
  status: 'SUCCEEDED' | 'FAILED',
  providerRefundId: string | null,
): Promise<void> {
  await db.query(`UPDATE refunds SET status = $2, provider_refund_id = $3 WHERE id = $1`, [
    id,
    status,
    providerRefundId,
  ]);
}

export async function refundsForOrders(db: SqlExecutor, orderIds: readonly string[]): Promise<Refund[]> {
  if (!orderIds.length) return [];
  const { rows } = await db.query(
    `SELECT * FROM refunds WHERE order_id = ANY($1::uuid[]) ORDER BY created_at`,
    [orderIds],
  );
  return rows.map(toRefund);
}
