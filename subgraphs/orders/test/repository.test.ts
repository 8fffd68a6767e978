import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { OUTBOX_MIGRATIONS, isUniqueViolation, loadMigrations, migrate } from '@shop/datastores';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { insertCheckout } from '../src/data/checkouts';
import {
  addRefunded,
  claimLease,
  insertOrder,
  listCustomerOrders,
  transition,
  type NewOrder,
} from '../src/data/orders';
import { SandboxPaymentGateway } from '../src/payments/sandbox';
import { createOrderConfirmationHandler } from '../src/notifications/order-confirmation';
import type { EmailMessage } from '@shop/common';

let pg: TestDatabase;
beforeAll(async () => {
  pg = await createTestDatabase('orders_repo');
  await migrate(pg.db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(__dirname, '..', 'migrations'))]);
});
afterAll(async () => pg?.drop());

const address = {
  id: randomUUID(),
  firstName: null,
  lastName: null,
  address1: '1 Main',
  address2: null,
  city: 'X',
  province: null,
  zip: '1',
  countryCode: 'US',
  phone: null,
};
const line = {
  id: 'l',
  variantId: 'v',
  productId: 'p',
  title: 't',
  variantTitle: 'v',
  sku: 's',
  quantity: 1,
  unitPriceMinor: 1000,
  weightGrams: 1,
};
const rate = {
  handle: 'h',
  carrier: 'UPS' as const,
  service: 'Ground',
  priceMinor: 500,
  currencyCode: 'USD',
  estimatedDeliveryDays: 3,
};

async function newCheckout(customerId: string | null) {
  return insertCheckout(pg.db, {
    id: randomUUID(),
    customerId,
    cartId: randomUUID(),
    email: 'a@b.co',
    currency: 'USD',
    lines: [line],
    shippingAddress: address,
    rates: [rate],
    taxRule: { ratePpm: 0, shippingTaxable: false },
  });
}

function newOrder(checkoutId: string, customerId: string | null, key = randomUUID()): NewOrder {
  return {
    id: randomUUID(),
    checkoutId,
    cartId: 'c',
    customerId,
    idempotencyScope: customerId ?? checkoutId,
    idempotencyKey: key,
    requestHash: 'h',
    email: 'a@b.co',
    currency: 'USD',
    lines: [line],
    shippingAddress: address,
    shippingLine: rate,
    subtotalMinor: 1000,
    shippingMinor: 500,
    taxMinor: 0,
    totalMinor: 1500,
    paymentMethodId: 'pm_card_visa',
    leaseSeconds: 30,
  };
}

describe('orders repository on Postgres', () => {
  it('When a second live order is inserted for one checkout, then the unique index refuses it; after a cancellation a new one is allowed', async () => {
    const checkout = await newCheckout(null);
    const first = await insertOrder(pg.db, newOrder(checkout.id, null));
    expect(first.number).toBeGreaterThanOrEqual(1001);
    const dup = await insertOrder(pg.db, newOrder(checkout.id, null)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(dup)).toBe(true);
    await transition(pg.db, first.id, ['PENDING_PAYMENT'], 'CANCELLED', { failureCode: 'PAYMENT_DECLINED' });
    const second = await insertOrder(pg.db, newOrder(checkout.id, null));
    // Sequences leave gaps after a refused insert; numbers stay unique and increasing.
    expect(second.number).toBeGreaterThan(first.number);
  });

  it('When a transition starts from the wrong status or a refund passes the captured amount, then nothing changes', async () => {
    const checkout = await newCheckout(null);
    const o = await insertOrder(pg.db, newOrder(checkout.id, null));
    expect(await transition(pg.db, o.id, ['PAID'], 'REFUNDED')).toBeNull();
    const paid = await transition(pg.db, o.id, ['PENDING_PAYMENT'], 'PAID', {
      capturedMinor: 1500,
      paymentIntentId: 'pi_1',
    });
    expect(paid?.status).toBe('PAID');
    const over = await addRefunded(pg.db, o.id, 1501, 'REFUNDED').then(
      () => null,
      (e: unknown) => e,
    );
    expect(over).toBeTruthy();
  });

  it('When a lease is held, then a second claim fails until it expires', async () => {
    const checkout = await newCheckout(null);
    const o = await insertOrder(pg.db, { ...newOrder(checkout.id, null), leaseSeconds: 30 });
    expect(await claimLease(pg.db, o.id, 30)).toBeNull();
    await pg.db.query(`UPDATE orders SET lease_until = now() - interval '1 second' WHERE id = $1`, [o.id]);
    expect((await claimLease(pg.db, o.id, 30))?.id).toBe(o.id);
  });

  it("When a customer's orders are listed, then newest first with a stable cursor", async () => {
    const customerId = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await insertOrder(pg.db, newOrder((await newCheckout(customerId)).id, customerId))).id);
    const page = await listCustomerOrders(pg.db, customerId, 2, null);
    expect(page.total).toBe(3);
    expect(page.rows.map((o) => o.id)).toEqual([ids[2], ids[1], ids[0]]);
    const last = page.rows[1]!;
    const next = await listCustomerOrders(pg.db, customerId, 2, {
      createdAt: last.createdAt.toISOString(),
      id: last.id,
    });
    expect(next.rows.map((o) => o.id)).toEqual([ids[0]]);
  });
});

describe('sandbox payment provider', () => {
  it('When one idempotency key is charged twice, then one charge; refunds never pass the charge', async () => {
    const gateway = new SandboxPaymentGateway(
      pg.db,
      (id, token) => `http://x/${id}?token=${token}`,
      'sandbox-test-secret-0123456789abcdef',
    );
    const request = {
      amountMinor: 1000,
      currency: 'USD',
      paymentMethodId: 'pm_card_visa',
      orderId: randomUUID(),
      idempotencyKey: randomUUID(),
      returnUrl: 'http://x',
      providerCustomerId: null,
    };
    const [a, b] = await Promise.all([gateway.authorize(request), gateway.authorize(request)]);
    expect(a).toEqual(b);
    // Authorised only: nothing is taken until the capture, and capturing twice takes once.
    expect(a.kind).toBe('authorized');
    expect(await gateway.findByOrder(request.orderId)).toEqual(a);
    const intent = a.kind === 'authorized' ? a.paymentIntentId : '';
    await expect(
      gateway.refund({ paymentIntentId: intent, amountMinor: 100, idempotencyKey: 'r0' + intent }),
    ).rejects.toThrow(/not succeeded/);
    const captured = await gateway.capture({
      paymentIntentId: intent,
      amountMinor: 1000,
      idempotencyKey: 'c' + intent,
    });
    expect(captured.kind).toBe('succeeded');
    expect(
      await gateway.capture({ paymentIntentId: intent, amountMinor: 1000, idempotencyKey: 'c' + intent }),
    ).toEqual(captured);
    expect(await gateway.findByOrder(request.orderId)).toEqual(captured);
    expect(
      (await gateway.cancelAuthorization({ paymentIntentId: intent, idempotencyKey: 'v' + intent })).kind,
    ).toBe('succeeded');
    const pi = captured.kind === 'succeeded' ? captured.paymentIntentId : '';
    await gateway.refund({ paymentIntentId: pi, amountMinor: 600, idempotencyKey: 'r1' + pi });
    await gateway.refund({ paymentIntentId: pi, amountMinor: 600, idempotencyKey: 'r1' + pi });
    await expect(
      gateway.refund({ paymentIntentId: pi, amountMinor: 600, idempotencyKey: 'r2' + pi }),
    ).rejects.toThrow(/above/);
    expect(
      (
        await gateway.authorize({
          ...request,
          idempotencyKey: randomUUID(),
          paymentMethodId: 'pm_card_chargeDeclinedInsufficientFunds',
        })
      ).kind,
    ).toBe('declined');
    expect(
      (
        await gateway.authorize({
          ...request,
          idempotencyKey: randomUUID(),
          paymentMethodId: 'pm_card_authenticationRequired',
        })
      ).kind,
    ).toBe('requires_action');
    expect(
      (await gateway.authorize({ ...request, idempotencyKey: randomUUID(), paymentMethodId: 'pm_nope' }))
        .kind,
    ).toBe('invalid_payment_method');
  });

  it('When an authorisation is cancelled, then it can no longer be captured or refunded', async () => {
    const gateway = new SandboxPaymentGateway(
      pg.db,
      (id, token) => `http://x/${id}?token=${token}`,
      'sandbox-test-secret-0123456789abcdef',
    );
    const a = await gateway.authorize({
      amountMinor: 500,
      currency: 'USD',
      paymentMethodId: 'pm_card_visa',
      orderId: randomUUID(),
      idempotencyKey: randomUUID(),
      returnUrl: 'http://x',
      providerCustomerId: null,
    });
    const intent = a.kind === 'authorized' ? a.paymentIntentId : '';
    expect(
      (await gateway.cancelAuthorization({ paymentIntentId: intent, idempotencyKey: 'v' + intent })).kind,
    ).toBe('declined');
    expect(
      (await gateway.capture({ paymentIntentId: intent, amountMinor: 500, idempotencyKey: 'c' + intent }))
        .kind,
    ).toBe('declined');
    await expect(
      gateway.refund({ paymentIntentId: intent, amountMinor: 500, idempotencyKey: 'r' + intent }),
    ).rejects.toThrow(/not succeeded/);
  });
});

describe('order confirmation Lambda handler', () => {
  it('When the same event is handled twice, then one email is sent and one notification recorded', async () => {
    const checkout = await newCheckout(null);
    const o = await insertOrder(pg.db, newOrder(checkout.id, null));
    const sent: EmailMessage[] = [];
    const handler = createOrderConfirmationHandler({
      db: pg.db,
      email: { send: async (m) => void sent.push(m) },
    });
    const event = {
      id: randomUUID(),
      'detail-type': 'order.paid',
      source: 'orders',
      time: new Date().toISOString(),
      detail: { orderId: o.id },
    };
    expect(await handler(event)).toEqual({ sent: true });
    expect(await handler(event)).toEqual({ sent: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.idempotencyKey).toBe(`order-confirmation-${event.id}`);
    const { rows } = await pg.db.query(`SELECT * FROM notifications_sent WHERE order_id = $1`, [o.id]);
    expect(rows).toHaveLength(1);
  });
});
