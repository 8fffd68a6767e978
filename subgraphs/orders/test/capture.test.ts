// Never charge for what cannot ship: the orders service authorises, commits the stock in the real cart service
// (DynamoDB Local), and only then captures; each way that can go is walked here through both real services.
import { admin, customer, gql, identityHeaders, testLogger } from '@shop/testkit';
import { onOrderCancelled } from '../../cart/src/domain/inventory';
import { settle } from '../src/domain/payment-settlement';
import type { PaymentGateway } from '../src/payments/gateway';
import type { CheckoutData, Harness } from './harness';
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
let backorders: Harness;
/** Runs inside the payment authorisation, to make the world change at that moment. */
let duringAuthorisation: ((orderId: string) => Promise<void>) | null = null;
/** Makes the provider refuse the next capture (an authorisation that lapsed at the bank). */
let refuseCapture = false;

const interrupting = (gateway: PaymentGateway): PaymentGateway => {
  const wrapped = Object.create(gateway) as PaymentGateway;
  wrapped.authorize = async (request) => {
    const result = await gateway.authorize(request);
    if (duringAuthorisation) await duringAuthorisation(request.orderId);
    return result;
  };
  wrapped.capture = async (request) => {
    if (!refuseCapture) return gateway.capture(request);
    refuseCapture = false;
    return {
      kind: 'declined',
      paymentIntentId: request.paymentIntentId,
      message: 'The authorisation has expired.',
      orderId: null,
    };
  };
  return wrapped;
};

beforeAll(async () => {
  real = await startRealCart();
  h = await startOrdersOnRealCart('orders_capture', real, {}, { wrapPayments: interrupting });
  backorders = await startOrdersOnRealCart('orders_backorders', real, { ALLOW_BACKORDERS: 'true' });
});
afterAll(async () => {
  await h?.close();
  await backorders?.close();
  await real?.close();
});
afterEach(() => {
  duringAuthorisation = null;
  refuseCapture = false;
});

const inventory = () => real.cart.service.deps.inventory;
/** What the cart's sweeper does to a hold whose time ran out. */
const expireHold = (orderId: string) => inventory().release(orderId, 'EXPIRED');
/** Another shop channel sells what is left. */
async function sellOut(variantId: string) {
  const level = await inventory().getLevel(variantId);
  if (level && level.available > 0)
    await inventory().adjust(variantId, -level.available, 'sold elsewhere', 'test');
}

const ATTENTION = `query { ordersNeedingAttention(first: 100) { totalCount nodes { id status attentionReason cancelReason backordered } } }`;
type Attention = {
  ordersNeedingAttention: {
    totalCount: number;
    nodes: {
      id: string;
      status: string;
      attentionReason: string;
      cancelReason: string | null;
      backordered: boolean;
    }[];
  };
};

describe('authorise, commit the stock, then capture', () => {
  it('When the stock commits, then the payment is captured once and the order is PAID with its units sold', async () => {
    const variantId = await stockedVariant(real, 3);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 2 }]);
    const res = await completeAs(h, shopper, checkout.id, 'pm_card_visa');
    expect(res.userErrors).toEqual([]);
    expect(res.order?.status).toBe('PAID');
    expect(await chargeStatuses(h, res.order!.id)).toEqual(['succeeded']);
    expect(await inventory().getReservation(res.order!.id)).toMatchObject({ status: 'COMMITTED' });
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 1, held: 0, sold: 2 });
    expect(await orderRow(h, res.order!.id)).toMatchObject({ attention_reason: null, backordered: false });
  });

  it('When the capture is refused after the stock was committed, then PAYMENT_DECLINED and the order.cancelled event gives the units back to the cart', async () => {
    const variantId = await stockedVariant(real, 2);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 2 }]);
    refuseCapture = true;
    const res = await completeAs(h, shopper, checkout.id, 'pm_card_visa');
    expect(res.userErrors.map((e) => e.code)).toEqual(['PAYMENT_DECLINED']);
    const { rows } = await h.db.db.query<{ id: string }>(`SELECT id FROM orders WHERE checkout_id = $1`, [
      checkout.id,
    ]);
    const orderId = rows[0]!.id;
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 0, held: 0, sold: 2 });
    const { rows: events } = await h.db.db.query<{ id: string; payload: Record<string, unknown> }>(
      `SELECT id, payload FROM outbox_events WHERE topic = 'order.cancelled' AND payload->>'orderId' = $1`,
      [orderId],
    );
    expect(events).toHaveLength(1);
    // The cart's own consumer of that event, as the bus delivers it.
    const event = {
      id: events[0]!.id,
      topic: 'order.cancelled',
      source: 'orders',
      occurredAt: new Date().toISOString(),
      payload: events[0]!.payload,
    };
    await onOrderCancelled(real.cart.service.deps, testLogger, event);
    await onOrderCancelled(real.cart.service.deps, testLogger, event);
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 2, held: 0 });
  });

  it('When the hold runs out during the payment and the stock sells, then the authorisation is voided: INSUFFICIENT_STOCK and no charge', async () => {
    const variantId = await stockedVariant(real, 2);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 2 }]);
    duringAuthorisation = async (orderId) => {
      await expireHold(orderId);
      await sellOut(variantId);
    };
    const res = await completeAs(h, shopper, checkout.id, 'pm_card_visa');
    expect(res.order).toBeNull();
    expect(res.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    const { rows } = await h.db.db.query<{ id: string }>(`SELECT id FROM orders WHERE checkout_id = $1`, [
      checkout.id,
    ]);
    const orderId = rows[0]!.id;
    // Authorised, then cancelled: the sandbox never took the money.
    expect(await chargeStatuses(h, orderId)).toEqual(['canceled']);
    expect(await orderRow(h, orderId)).toMatchObject({
      status: 'CANCELLED',
      failure_code: 'INSUFFICIENT_STOCK',
      captured_minor: '0',
      attention_reason: 'STOCK_GONE_PAYMENT_VOIDED',
    });
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 0, held: 0, sold: 0 });
  });

  it('When 3-D Secure completes after the hold ran out and the stock sold, then nothing is charged and an admin sees the order with its reason', async () => {
    const variantId = await stockedVariant(real, 1);
    const late = customer();
    const first = await realCheckout(h, real, late, [{ variantId, quantity: 1 }]);
    const pending = await completeAs(h, late, first.id, 'pm_card_threeDSecure2Required');
    expect(pending.order?.status).toBe('PENDING_PAYMENT');
    const orderId = pending.order!.id;
    await expireHold(orderId);
    // Another shopper buys the unit while the first is still at the bank.
    const other = customer();
    const bought = await completeAs(
      h,
      other,
      (await realCheckout(h, real, other, [{ variantId, quantity: 1 }])).id,
      'pm_card_visa',
    );
    expect(bought.order?.status).toBe('PAID');

    expect((await authenticate(h, pending.nextAction!.redirectUrl!)).status).toBe(200);
    expect(await orderRow(h, orderId)).toMatchObject({
      status: 'CANCELLED',
      failure_code: 'INSUFFICIENT_STOCK',
      captured_minor: '0',
      attention_reason: 'STOCK_GONE_PAYMENT_VOIDED',
    });
    expect(await chargeStatuses(h, orderId)).toEqual(['canceled']);
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 0, held: 0, sold: 1 });

    const seen = await h.call<Attention>(admin(), ATTENTION);
    expect(seen.ordersNeedingAttention.nodes).toContainEqual({
      id: orderId,
      status: 'CANCELLED',
      attentionReason: 'STOCK_GONE_PAYMENT_VOIDED',
      cancelReason: expect.stringMatching(/voided/),
      backordered: false,
    });
    // The shopper is told too: order.cancelled (its email says why) with nothing to refund.
    const told = await h.db.db.query<{ payload: { refundedMinor: number } }>(
      `SELECT payload FROM outbox_events WHERE topic = 'order.cancelled' AND payload->>'orderId' = $1`,
      [orderId],
    );
    expect(told.rows.map((r) => r.payload.refundedMinor)).toEqual([0]);
    // A shopper cannot list them.
    const refused = await gql(h.url, ATTENTION, {}, identityHeaders(late, 'orders'));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('When 3-D Secure completes after the hold ran out but the stock is still there, then it is sold from stock and the payment captured', async () => {
    const variantId = await stockedVariant(real, 2);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 2 }]);
    const pending = await completeAs(h, shopper, checkout.id, 'pm_card_threeDSecure2Required');
    const orderId = pending.order!.id;
    await expireHold(orderId);
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 2, held: 0 });
    expect((await authenticate(h, pending.nextAction!.redirectUrl!)).status).toBe(200);
    expect(await orderRow(h, orderId)).toMatchObject({
      status: 'PAID',
      attention_reason: null,
      backordered: false,
    });
    expect(await chargeStatuses(h, orderId)).toEqual(['succeeded']);
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 0, held: 0, sold: 2 });
    // The link is good once.
    expect((await authenticate(h, pending.nextAction!.redirectUrl!)).status).toBe(404);
  });

  it('When a payment the provider captured already completes after the stock sold, then it is refunded in full and flagged', async () => {
    const variantId = await stockedVariant(real, 1);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 1 }]);
    const pending = await completeAs(h, shopper, checkout.id, 'pm_card_threeDSecure2Required');
    const orderId = pending.order!.id;
    await expireHold(orderId);
    await sellOut(variantId);
    // The provider reports the payment taken (as Stripe's invoice.paid does for a renewal it billed itself).
    const { rows } = await h.db.db.query<{ id: string }>(
      `SELECT id FROM sandbox_charges WHERE order_id = $1`,
      [orderId],
    );
    await h.db.db.query(`UPDATE sandbox_charges SET status = 'succeeded' WHERE id = $1`, [rows[0]!.id]);
    await settle(h.service.deps, orderId, await h.service.deps.payments.retrieve(rows[0]!.id));
    const row = await orderRow(h, orderId);
    expect(row).toMatchObject({
      status: 'CANCELLED',
      failure_code: 'INSUFFICIENT_STOCK',
      attention_reason: 'STOCK_GONE_PAYMENT_REFUNDED',
    });
    expect(Number(row.captured_minor)).toBeGreaterThan(0);
    expect(row.refunded_minor).toBe(row.captured_minor);
    const refunds = await h.db.db.query<{ amount_minor: string }>(
      `SELECT amount_minor FROM sandbox_refunds WHERE charge_id = $1`,
      [rows[0]!.id],
    );
    expect(refunds.rows.map((r) => r.amount_minor)).toEqual([row.captured_minor]);
  });

  it('When the shop allows backorders and 3-D Secure completes after the stock sold, then the payment is captured and the order kept, flagged BACKORDERED', async () => {
    const variantId = await stockedVariant(real, 1);
    const shopper = customer();
    const checkout = await realCheckout(backorders, real, shopper, [{ variantId, quantity: 1 }]);
    const pending = await completeAs(backorders, shopper, checkout.id, 'pm_card_threeDSecure2Required');
    const orderId = pending.order!.id;
    await expireHold(orderId);
    await sellOut(variantId);
    expect((await authenticate(backorders, pending.nextAction!.redirectUrl!)).status).toBe(200);
    expect(await orderRow(backorders, orderId)).toMatchObject({
      status: 'PAID',
      backordered: true,
      attention_reason: 'BACKORDERED',
    });
    expect(await chargeStatuses(backorders, orderId)).toEqual(['succeeded']);
    const seen = await backorders.call<Attention>(admin(), ATTENTION);
    expect(seen.ordersNeedingAttention.nodes).toContainEqual(
      expect.objectContaining({
        id: orderId,
        status: 'PAID',
        attentionReason: 'BACKORDERED',
        backordered: true,
      }),
    );
    const event = await backorders.db.db.query<{ payload: { backordered: boolean } }>(
      `SELECT payload FROM outbox_events WHERE topic = 'order.paid' AND payload->>'orderId' = $1`,
      [orderId],
    );
    expect(event.rows.map((r) => r.payload.backordered)).toEqual([true]);
  });
});

describe('checkout races through the real cart service', () => {
  it('When 20 shoppers complete checkouts at once for 5 units, then exactly 5 orders are PAID, 15 get INSUFFICIENT_STOCK, 5 payments are captured and the stock is 0', async () => {
    const variantId = await stockedVariant(real, 5);
    const shoppers = Array.from({ length: 20 }, (_, i) => ({
      principal: customer(),
      ip: `198.51.100.${i + 1}`,
    }));
    const checkouts: CheckoutData[] = [];
    for (const s of shoppers)
      checkouts.push(await realCheckout(h, real, s.principal, [{ variantId, quantity: 1 }], s.ip));
    const results = await Promise.all(
      shoppers.map((s, i) => completeAs(h, s.principal, checkouts[i]!.id, 'pm_card_visa', s.ip)),
    );

    const paid = results.filter((r) => r.order?.status === 'PAID');
    const short = results.filter((r) => r.userErrors.map((e) => e.code).join() === 'INSUFFICIENT_STOCK');
    expect(paid).toHaveLength(5);
    expect(short).toHaveLength(15);
    const { rows } = await h.db.db.query<{ status: string; n: string }>(
      `SELECT c.status, count(*) AS n FROM sandbox_charges c JOIN orders o ON o.id::text = c.order_id
        WHERE o.checkout_id = ANY($1::uuid[]) GROUP BY c.status`,
      [checkouts.map((c) => c.id)],
    );
    // Shoppers refused at the stock hold were never asked for money at all.
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({ succeeded: 5 });
    expect(await inventory().getLevel(variantId)).toMatchObject({ available: 0, held: 0, sold: 5 });
    const orders = await h.db.db.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM orders WHERE checkout_id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
      [checkouts.map((c) => c.id)],
    );
    expect(orders.rows.map((r) => [r.status, Number(r.n)])).toEqual([
      ['CANCELLED', 15],
      ['PAID', 5],
    ]);
  });
});

describe('the hold an unpaid order keeps', () => {
  it('When an order awaits 3-D Secure, then its stock is held for RESERVATION_TTL_SECONDS (10 minutes by default), not half an hour', async () => {
    const variantId = await stockedVariant(real, 1);
    const shopper = customer();
    const checkout = await realCheckout(h, real, shopper, [{ variantId, quantity: 1 }]);
    const before = Date.now();
    const pending = await completeAs(h, shopper, checkout.id, 'pm_card_threeDSecure2Required');
    const hold = (await inventory().getReservation(pending.order!.id))!;
    const seconds = (new Date(hold.expiresAt).getTime() - before) / 1000;
    expect(seconds).toBeGreaterThan(590);
    expect(seconds).toBeLessThan(610);
  });
});
