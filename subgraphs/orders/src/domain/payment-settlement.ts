// Turns what the payment provider says into the order's state. Payments are authorised first and captured
// only once the order's stock is committed (a synchronous call to the cart service), so a shopper is never
// charged for what cannot ship: when the stock is gone the authorisation is voided instead, or, for a payment
// the provider captured already, refunded; either way the order is flagged for a person. Checkout, the Stripe
// webhook, the sandbox's 3-D Secure page and the reconciler all settle through here, so an order is settled the
// same way whoever learns of the payment first; the steps that call out (commit, capture, void) run under the
// order's lease, so two of them never interleave.
import { randomUUID } from 'node:crypto';
import { eventOf, orderCancelled, orderPaid, type EventPayload } from '@shop/contracts';
import { enqueueEvents, type SqlExecutor } from '@shop/datastores';
import {
  claimLease,
  finishRefund,
  findOrder,
  insertRefund,
  addRefunded,
  releaseLease,
  setPaymentAttempt,
  transition,
} from '../data/orders';
import { captureKeyFor, voidKeyFor, type PaymentResult } from '../payments/gateway';
import type { Deps } from './deps';
import { giveBackGiftCards } from './gift-cards';
import type { Order } from './types';

export type AfterCommit =
  | { kind: 'commit_reservation'; reservationId: string }
  | { kind: 'release_reservation'; reservationId: string }
  | { kind: 'refund'; refundId: string; paymentIntentId: string; amountMinor: number }
  | { kind: 'void'; orderId: string; paymentIntentId: string }
  | { kind: 'outbox' };

export const orderNumber = (n: number) => `#${n}`;

export function orderPaidPayload(order: Order): EventPayload<typeof orderPaid> {
  return {
    orderId: order.id,
    orderNumber: orderNumber(order.number),
    customerId: order.customerId,
    email: order.email,
    cartId: order.cartId,
    reservationId: order.id,
    lines: order.lines.map((l) => ({ variantId: l.variantId, productId: l.productId, quantity: l.quantity })),
    totalMinor: order.totalMinor,
    currencyCode: order.currency,
    backordered: order.backordered,
  };
}

export function orderCancelledPayload(
  order: Order,
  refundedMinor: number,
): EventPayload<typeof orderCancelled> {
  return {
    orderId: order.id,
    orderNumber: orderNumber(order.number),
    reservationId: order.id,
    refundedMinor,
    currencyCode: order.currency,
  };
}

/** What the payment method is charged: the total less what gift cards paid. */
export function amountToCharge(order: Pick<Order, 'totalMinor' | 'giftCardMinor'>): number {
  return order.totalMinor - order.giftCardMinor;
}

/**
 * Settles an order that gift cards paid in full (their debit committed with the order), under its lease:
 * the stock committed, then PAID with order.paid; when the stock is gone (and the shop takes no backorders),
 * cancelled and the gift cards given back.
 */
export async function settlePaidByGiftCards(deps: Deps, order: Order): Promise<void> {
  const stock = await deps.cart.commit(order.id);
  if (!stock.ok && !deps.settings.allowBackorders) {
    return applyAndRun(deps, async (tx) => {
      const cancelled = await transition(tx, order.id, ['PENDING_PAYMENT'], 'CANCELLED', {
        failureCode: 'INSUFFICIENT_STOCK',
        cancelReason: 'out of stock',
      });
      if (!cancelled) return [];
      await giveBackGiftCards(tx, order.id);
      return [{ kind: 'release_reservation', reservationId: order.id }];
    });
  }
  return applyAndRun(deps, async (tx) => {
    const paid = await transition(tx, order.id, ['PENDING_PAYMENT'], 'PAID', {
      capturedMinor: 0,
      ...(stock.ok ? {} : { backordered: true, attentionReason: 'BACKORDERED' as const }),
    });
    if (!paid) return [];
    await enqueueEvents(tx, [eventOf(orderPaid, orderPaidPayload(paid))]);
    return [{ kind: 'outbox' }, { kind: 'commit_reservation', reservationId: paid.id }];
  });
}

/** What became of the order's stock before its payment was taken. */
export type StockState = 'unchecked' | 'committed' | 'backordered';

export async function applyPaymentResult(
  tx: SqlExecutor,
  orderId: string,
  result: PaymentResult,
  stock: StockState = 'unchecked',
): Promise<AfterCommit[]> {
  const order = await findOrder(tx, orderId, true);
  if (!order) return [];
  switch (result.kind) {
    case 'succeeded': {
      if (order.status === 'PENDING_PAYMENT') {
        // The shopper may have been charged a different amount than the order's total only if someone tampered
        // with the provider; the order still records what was captured.
        const paid = await transition(tx, order.id, ['PENDING_PAYMENT'], 'PAID', {
          capturedMinor: result.amountMinor,
          paymentIntentId: result.paymentIntentId,
          ...(stock === 'backordered' ? { backordered: true, attentionReason: 'BACKORDERED' as const } : {}),
        });
        if (!paid) return [];
        await enqueueEvents(tx, [eventOf(orderPaid, orderPaidPayload(paid))]);
        return [{ kind: 'outbox' }, { kind: 'commit_reservation', reservationId: paid.id }];
      }
      if (order.status === 'CANCELLED' && order.capturedMinor === 0) {
        // Paid after it was cancelled (a capture the provider made itself): a charge must never stand without an order.
        const refundId = randomUUID();
        await tx.query(`UPDATE orders SET captured_minor = $2, payment_intent_id = $3 WHERE id = $1`, [
          order.id,
          result.amountMinor,
          result.paymentIntentId,
        ]);
        await insertRefund(tx, {
          id: refundId,
          orderId: order.id,
          amountMinor: result.amountMinor,
          reason: 'paid after cancellation',
        });
        await addRefunded(tx, order.id, result.amountMinor, 'CANCELLED');
        return [
          {
            kind: 'refund',
            refundId,
            paymentIntentId: result.paymentIntentId,
            amountMinor: result.amountMinor,
          },
        ];
      }
      return [];
    }
    case 'declined':
    case 'invalid_payment_method': {
      if (order.status !== 'PENDING_PAYMENT') return [];
      const code = result.kind === 'declined' ? 'PAYMENT_DECLINED' : 'INVALID_PAYMENT_METHOD';
      const cancelled = await transition(tx, order.id, ['PENDING_PAYMENT'], 'CANCELLED', {
        failureCode: code,
        cancelReason: 'payment failed',
        ...(result.kind === 'declined' && result.paymentIntentId
          ? { paymentIntentId: result.paymentIntentId }
          : {}),
      });
      if (cancelled) await giveBackGiftCards(tx, order.id);
      if (cancelled && stock !== 'unchecked') {
        // The capture failed after the stock was sold to this order: order.cancelled puts it back.
        await enqueueEvents(tx, [eventOf(orderCancelled, orderCancelledPayload(cancelled, 0))]);
        return [{ kind: 'outbox' }];
      }
      return [{ kind: 'release_reservation', reservationId: order.id }];
    }
    case 'authorized':
      // Settled by `settle` (commit, then capture or void); an authorisation alone changes no order.
      return [];
    case 'requires_action':
      if (order.status === 'PENDING_PAYMENT')
        await setPaymentAttempt(tx, order.id, result.paymentIntentId, result.nextAction);
      return [];
    case 'processing':
      if (order.status === 'PENDING_PAYMENT')
        await setPaymentAttempt(tx, order.id, result.paymentIntentId, null);
      return [];
  }
}

/**
 * A payment completed (authorised or captured) for an order whose stock is gone, and the shop takes no
 * backorders: the order is cancelled as out of stock and flagged, and a captured amount is refunded in full.
 */
async function applyStockGone(
  tx: SqlExecutor,
  orderId: string,
  payment: { paymentIntentId: string; capturedMinor: number },
): Promise<AfterCommit[]> {
  const order = await findOrder(tx, orderId, true);
  if (!order || order.status !== 'PENDING_PAYMENT') return [];
  const captured = payment.capturedMinor > 0;
  const cancelled = (await transition(tx, order.id, ['PENDING_PAYMENT'], 'CANCELLED', {
    failureCode: 'INSUFFICIENT_STOCK',
    cancelReason: captured
      ? 'paid after the stock was gone; the payment was refunded'
      : 'paid after the stock was gone; the payment was voided, nothing was charged',
    attentionReason: captured ? 'STOCK_GONE_PAYMENT_REFUNDED' : 'STOCK_GONE_PAYMENT_VOIDED',
    paymentIntentId: payment.paymentIntentId,
    capturedMinor: payment.capturedMinor,
  }))!;
  const effects: AfterCommit[] = [
    { kind: 'release_reservation', reservationId: order.id },
    { kind: 'outbox' },
  ];
  await giveBackGiftCards(tx, order.id);
  if (captured) {
    const refundId = randomUUID();
    await insertRefund(tx, {
      id: refundId,
      orderId: order.id,
      amountMinor: payment.capturedMinor,
      reason: 'out of stock',
    });
    await addRefunded(tx, order.id, payment.capturedMinor, 'CANCELLED');
    effects.push({
      kind: 'refund',
      refundId,
      paymentIntentId: payment.paymentIntentId,
      amountMinor: payment.capturedMinor,
    });
  }
  await enqueueEvents(tx, [eventOf(orderCancelled, orderCancelledPayload(cancelled, payment.capturedMinor))]);
  return effects;
}

/** Runs the effects of a committed settlement; each is idempotent and retried by the reconciler or the cart's consumer. */
export async function runAfterCommit(deps: Deps, effects: AfterCommit[]): Promise<void> {
  for (const effect of effects) {
    try {
      switch (effect.kind) {
        case 'outbox':
          deps.outboxWritten();
          break;
        case 'commit_reservation':
          // Best effort: the stock was committed before the capture, and the cart commits again on order.paid.
          await deps.cart.commit(effect.reservationId);
          break;
        case 'release_reservation':
          await deps.cart.release(effect.reservationId);
          break;
        case 'void':
          await deps.payments.cancelAuthorization({
            paymentIntentId: effect.paymentIntentId,
            idempotencyKey: voidKeyFor(effect.orderId),
          });
          break;
        case 'refund': {
          const { refundId } = await deps.payments.refund({
            paymentIntentId: effect.paymentIntentId,
            amountMinor: effect.amountMinor,
            idempotencyKey: `refund-${effect.refundId}`,
          });
          await finishRefund(deps.db, effect.refundId, 'SUCCEEDED', refundId);
          break;
        }
      }
    } catch (error) {
      deps.logger.warn({ err: error, effect: effect.kind }, 'after-commit effect failed; it will be retried');
    }
  }
}

async function applyAndRun(deps: Deps, apply: (tx: SqlExecutor) => Promise<AfterCommit[]>): Promise<void> {
  const effects = await deps.db.transaction(apply);
  await runAfterCommit(deps, effects);
}

/**
 * Settles an order with what the provider says of its payment. `leased` says the caller holds the order's
 * lease (checkout, the reconciler); anyone else waits for it before committing stock or moving money.
 */
export async function settle(
  deps: Deps,
  orderId: string,
  result: PaymentResult,
  options: { leased?: boolean } = {},
): Promise<void> {
  const order = await findOrder(deps.db, orderId);
  if (!order) return;
  const completed = result.kind === 'authorized' || result.kind === 'succeeded';
  if (!completed || order.status !== 'PENDING_PAYMENT') {
    if (result.kind === 'authorized') {
      // Authorised after the order was cancelled (3-D Secure finished late): nothing is taken. (For a paid
      // order this is a stale read of its own authorisation, already captured.)
      if (order.status === 'CANCELLED') {
        await deps.payments.cancelAuthorization({
          paymentIntentId: result.paymentIntentId,
          idempotencyKey: voidKeyFor(order.id),
        });
      }
      return;
    }
    return applyAndRun(deps, (tx) => applyPaymentResult(tx, orderId, result));
  }
  if (!options.leased) return settleUnderLease(deps, orderId, result);

  // The stock first: committed, it is this order's whatever happens next; gone, nothing is taken.
  const stock = await deps.cart.commit(order.id);
  const state: StockState = stock.ok ? 'committed' : 'backordered';
  if (!stock.ok && !deps.settings.allowBackorders) {
    const capturedMinor = result.kind === 'succeeded' ? result.amountMinor : 0;
    if (result.kind === 'authorized') {
      const after = await deps.payments.cancelAuthorization({
        paymentIntentId: result.paymentIntentId,
        idempotencyKey: voidKeyFor(order.id),
      });
      // The provider captured it after all (someone else did): it is refunded instead.
      if (after.kind === 'succeeded')
        return applyAndRun(deps, (tx) =>
          applyStockGone(tx, orderId, {
            paymentIntentId: after.paymentIntentId,
            capturedMinor: after.amountMinor,
          }),
        );
    }
    deps.logger.warn(
      { orderId, reason: stock.reason },
      'payment completed after the stock was gone; not charged',
    );
    return applyAndRun(deps, (tx) =>
      applyStockGone(tx, orderId, { paymentIntentId: result.paymentIntentId, capturedMinor }),
    );
  }
  const captured =
    result.kind === 'authorized'
      ? await deps.payments.capture({
          paymentIntentId: result.paymentIntentId,
          amountMinor: result.amountMinor,
          idempotencyKey: captureKeyFor(order.id),
        })
      : result;
  return applyAndRun(deps, (tx) => applyPaymentResult(tx, orderId, captured, state));
}

/** Waits for the order's lease (another attempt may be settling it), then settles under it. */
async function settleUnderLease(deps: Deps, orderId: string, result: PaymentResult): Promise<void> {
  const deadline = Date.now() + (deps.settings.leaseSeconds + 2) * 1000;
  for (;;) {
    const claimed = await claimLease(deps.db, orderId, deps.settings.leaseSeconds);
    if (claimed) {
      try {
        return await settle(deps, orderId, result, { leased: true });
      } finally {
        await releaseLease(deps.db, orderId).catch(() => undefined);
      }
    }
    const now = await findOrder(deps.db, orderId);
    if (!now || now.status !== 'PENDING_PAYMENT') return settle(deps, orderId, result);
    if (Date.now() > deadline) throw new Error('the order is being settled by another attempt; retry later');
    await new Promise((r) => setTimeout(r, 50));
  }
}
