// The reconciler's other work: abandoned payments are given up and their stock returned (through the real cart
// service on DynamoDB Local), and refunds the provider refused are retried until they go through, once.
import { admin, customer } from '@shop/testkit';
import type { PaymentGateway } from '../src/payments/gateway';
import type { Harness, UserErrorData } from './harness';
import {
  authenticate,
  chargeStatuses,
  completeAs,
  orderRow,
  realCheckout,
  startOrdersOnRealCart,
  startRealCart,
  stockedVariant,
  type RealCart,
} from './real-cart';

let real: RealCart;
let h: Harness;
/** How many of the next refund calls the provider fails. */
let refundFailures = 0;
let refundCalls = 0;

const flakyRefunds = (gateway: PaymentGateway): PaymentGateway => {
  const wrapped = Object.create(gateway) as PaymentGateway;
  wrapped.refund = async (request) => {
    refundCalls++;
    if (refundFailures > 0) {
      refundFailures--;
      throw new Error('provider unavailable');
    }
    return gateway.refund(request);
  };
  return wrapped;
};

beforeAll(async () => {
  real = await startRealCart();
  h = await startOrdersOnRealCart(
    'orders_reconcile',
    real,
    { PENDING_PAYMENT_TIMEOUT_SECONDS: '2', CHECKOUT_LEASE_SECONDS: '1' },
    { wrapPayments: flakyRefunds },
  );
});
afterAll(async () => {
  await h?.close();
  await real?.close();
});

describe('the reconciler', () => {
  it('When an order is left PENDING_PAYMENT past PENDING_PAYMENT_TIMEOUT_SECONDS, then it is cancelled, its stock released in the cart service and its payment cancelled', async () => {
    const variantId = await stockedVariant(real, 3);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 2 }]);
    const pending = await completeAs(h, shopper, checkout.id, 'pm_card_threeDSecure2Required');
    const orderId = pending.order!.id;
    expect(await real.cart.service.deps.inventory.getLevel(variantId)).toMatchObject({
      available: 1,
      held: 2,
    });

    // Before the timeout the reconciler leaves it alone.
    await new Promise((r) => setTimeout(r, 1100));
    await h.service.reconcile();
    expect((await orderRow(h, orderId)).status).toBe('PENDING_PAYMENT');

    await new Promise((r) => setTimeout(r, 1200));
    expect(await h.service.reconcile()).toBe(1);
    expect(await orderRow(h, orderId)).toMatchObject({
      status: 'CANCELLED',
      failure_code: 'PAYMENT_TIMEOUT',
      captured_minor: '0',
    });
    expect(await real.cart.service.deps.inventory.getReservation(orderId)).toMatchObject({
      status: 'RELEASED',
    });
    expect(await real.cart.service.deps.inventory.getLevel(variantId)).toMatchObject({
      available: 3,
      held: 0,
      sold: 0,
    });
    // The shopper finishing 3-D Secure now takes nothing.
    expect((await authenticate(h, pending.nextAction!.redirectUrl!)).status).toBe(404);
    expect(await chargeStatuses(h, orderId)).toEqual(['canceled']);
    const again = await completeAs(h, shopper, checkout.id, 'pm_card_visa');
    expect(again.order?.status).toBe('PAID');
  });

  it('When a refund fails at the provider, then the reconciler retries it until it succeeds, and the shopper is refunded exactly once', async () => {
    const variantId = await stockedVariant(real, 1);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 1 }]);
    const order = (await completeAs(h, shopper, checkout.id, 'pm_card_visa')).order!;
    refundFailures = 2;
    refundCalls = 0;
    const REFUND = `mutation($id: ID!, $a: Decimal!) { orderRefund(orderId: $id, amount: $a, reason: "damaged") { order { status refunds { status } } userErrors { code } } }`;
    const asked = await h.call<{
      orderRefund: { order: { status: string; refunds: { status: string }[] }; userErrors: UserErrorData[] };
    }>(admin(), REFUND, {
      id: order.id,
      a: order.total.amount,
    });
    expect(asked.orderRefund.order).toEqual({ status: 'REFUNDED', refunds: [{ status: 'PENDING' }] });
    const { rows: charge } = await h.db.db.query<{ id: string }>(
      `SELECT id FROM sandbox_charges WHERE order_id = $1`,
      [order.id],
    );
    const providerRefunds = async () =>
      (
        await h.db.db.query<{ amount_minor: string }>(
          `SELECT amount_minor FROM sandbox_refunds WHERE charge_id = $1`,
          [charge[0]!.id],
        )
      ).rows;
    const refundStatus = async () =>
      (await h.db.db.query<{ status: string }>(`SELECT status FROM refunds WHERE order_id = $1`, [order.id]))
        .rows;
    expect(await providerRefunds()).toEqual([]);

    // The reconciler retries refunds left pending for a minute.
    const age = () =>
      h.db.db.query(`UPDATE refunds SET created_at = now() - interval '2 minutes' WHERE order_id = $1`, [
        order.id,
      ]);
    await age();
    await h.service.reconcile();
    expect(await refundStatus()).toEqual([{ status: 'PENDING' }]);
    expect(await providerRefunds()).toEqual([]);
    await Promise.all([h.service.reconcile(), h.service.reconcile()]);
    expect(await refundStatus()).toEqual([{ status: 'SUCCEEDED' }]);
    await h.service.reconcile();
    expect(await providerRefunds()).toEqual([
      { amount_minor: String(Math.round(Number(order.total.amount) * 100)) },
    ]);
    // Failed twice, then went through; a succeeded refund is never asked for again.
    const calls = refundCalls;
    expect(calls).toBeGreaterThanOrEqual(3);
    await h.service.reconcile();
    expect(refundCalls).toBe(calls);
  });
});
