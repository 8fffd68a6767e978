// Turns what the payment provider says into the order's state, inside the caller's transaction, and lists the
// side effects (stock, refunds) to run once that transaction has committed. Checkout, the Stripe webhook and
// the reconciler all settle through here, so an order is settled the same way whoever learns of the payment first.
import { randomUUID } from 'node:crypto';
import { enqueueEvents, type SqlExecutor } from '@shop/datastores';
import { finishRefund, findOrder, insertRefund, addRefunded, setPaymentAttempt, transition } from '../data/orders';
import type { PaymentResult } from '../payments/gateway';
import type { Deps } from './deps';
import type { Order } from './types';

export type AfterCommit =
  | { kind: 'commit_reservation'; reservationId: string }
  | { kind: 'release_reservation'; reservationId: string }
  | { kind: 'refund'; refundId: string; paymentIntentId: string; amountMinor: number }
  | { kind: 'outbox' };

export const orderNumber = (n: number) => `#${n}`;

export function orderPaidPayload(order: Order): Record<string, unknown> {
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
  };
}

export async function applyPaymentResult(tx: SqlExecutor, orderId: string, result: PaymentResult): Promise<AfterCommit[]> {
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
        });
        if (!paid) return [];
        await enqueueEvents(tx, [{ topic: 'order.paid', payload: orderPaidPayload(paid) }]);
        return [{ kind: 'outbox' }, { kind: 'commit_reservation', reservationId: paid.id }];
      }
      if (order.status === 'CANCELLED' && order.capturedMinor === 0) {
        // Paid after it was cancelled (3-D Secure finished late): a charge must never stand without an order.
        const refundId = randomUUID();
        await tx.query(`UPDATE orders SET captured_minor = $2, payment_intent_id = $3 WHERE id = $1`, [
          order.id, result.amountMinor, result.paymentIntentId,
        ]);
        await insertRefund(tx, { id: refundId, orderId: order.id, amountMinor: result.amountMinor, reason: 'paid after cancellation' });
        await addRefunded(tx, order.id, result.amountMinor, 'CANCELLED');
        return [{ kind: 'refund', refundId, paymentIntentId: result.paymentIntentId, amountMinor: result.amountMinor }];
      }
      return [];
    }
    case 'declined':
    case 'invalid_payment_method': {
      if (order.status !== 'PENDING_PAYMENT') return [];
      const code = result.kind === 'declined' ? 'PAYMENT_DECLINED' : 'INVALID_PAYMENT_METHOD';
      await transition(tx, order.id, ['PENDING_PAYMENT'], 'CANCELLED', {
        failureCode: code,
        cancelReason: 'payment failed',
        ...(result.kind === 'declined' && result.paymentIntentId ? { paymentIntentId: result.paymentIntentId } : {}),
      });
      return [{ kind: 'release_reservation', reservationId: order.id }];
    }
    case 'requires_action':
      if (order.status === 'PENDING_PAYMENT') await setPaymentAttempt(tx, order.id, result.paymentIntentId, result.nextAction);
      return [];
    case 'processing':
      if (order.status === 'PENDING_PAYMENT') await setPaymentAttempt(tx, order.id, result.paymentIntentId, null);
      return [];
  }
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
          // Best effort: the cart also commits the hold when it consumes order.paid.
          await deps.cart.commit(effect.reservationId);
          break;
        case 'release_reservation':
          await deps.cart.release(effect.reservationId);
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

export async function settle(deps: Deps, orderId: string, result: PaymentResult): Promise<void> {
  const effects = await deps.db.transaction((tx) => applyPaymentResult(tx, orderId, result));
  await runAfterCommit(deps, effects);
}
