import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { customer } from '@shop/testkit';
import { StripePaymentGateway, createStripeClient } from '../src/payments/stripe';
import { startFakeStripe, type FakeStripe } from './fake-stripe';
import { COMPLETE, readyCheckout, startHarness, type Harness, type UserErrorData } from './harness';
import {
  completeAs,
  orderRow,
  realCheckout,
  startOrdersOnRealCart,
  startRealCart,
  stockedVariant,
  type RealCart,
} from './real-cart';

const WEBHOOK_SECRET = 'whsec_test_secret';

interface CompleteData {
  checkoutComplete: {
    order: { id: string; status: string; total: { amount: string } } | null;
    nextAction: { type: string; redirectUrl: string | null; clientSecret: string | null } | null;
    userErrors: UserErrorData[];
  };
}

let stripeServer: FakeStripe;
let h: Harness;
let stripe: Stripe;

beforeAll(async () => {
  stripeServer = await startFakeStripe();
  h = await startHarness('orders_stripe', {
    STRIPE_SECRET_KEY: 'sk_test_fake',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripeServer.port),
    STRIPE_API_PROTOCOL: 'http',
    CHECKOUT_LEASE_SECONDS: '1',
  });
  stripe = createStripeClient({
    secretKey: 'sk_test_fake',
    host: '127.0.0.1',
    port: stripeServer.port,
    protocol: 'http',
  });
});
afterAll(async () => {
  await h?.close();
  await stripeServer?.close();
});

const complete = (principal: ReturnType<typeof customer>, id: string, pm: string, key: string) =>
  h.call<CompleteData>(principal, COMPLETE, { id, pm, key });

const webhookUrl = () => h.url.replace('/graphql', '/webhooks/stripe');

async function deliver(
  event: Record<string, unknown>,
  options: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? WEBHOOK_SECRET,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
  });
  const res = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: res.status, body: (await res.json()) as { received?: boolean; duplicate?: boolean } };
}

const intentEvent = (type: string, intentId: string) => ({
  id: `evt_${randomUUID().replace(/-/g, '')}`,
  object: 'event',
  type,
  created: Math.floor(Date.now() / 1000),
  data: { object: { ...stripeServer.intents.get(intentId) } },
});

async function orderStatus(orderId: string): Promise<string> {
  const { rows } = await h.db.db.query<{ status: string }>(`SELECT status FROM orders WHERE id = $1`, [
    orderId,
  ]);
  return rows[0]!.status;
}

describe('Stripe adapter, through the real SDK against a local Stripe-speaking server', () => {
  it('When a card succeeds, then one PaymentIntent is created with the order id in its metadata and an idempotency key from the order, and a retry creates no other', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const key = randomUUID();
    const before = stripeServer.creates;
    const first = await complete(shopper, checkout.id, 'pm_card_visa', key);
    const order = first.checkoutComplete.order!;
    expect(order.status).toBe('PAID');
    await complete(shopper, checkout.id, 'pm_card_visa', key);
    expect(stripeServer.creates).toBe(before + 1);
    const intent = [...stripeServer.intents.values()].find((i) => i.metadata.orderId === order.id)!;
    expect(intent.amount).toBe(Math.round(Number(order.total.amount) * 100));
    expect(intent.currency).toBe('usd');
    expect(stripeServer.idempotencyKeys).toContain(`order-${order.id}-charge`);
  });

  it('When the same idempotency key is sent twice to Stripe, then the second answer is the first PaymentIntent', async () => {
    const gateway = new StripePaymentGateway(stripe);
    const request = {
      amountMinor: 1234,
      currency: 'USD',
      paymentMethodId: 'pm_card_visa',
      orderId: randomUUID(),
      idempotencyKey: `k-${randomUUID()}`,
      returnUrl: 'http://x',
      providerCustomerId: null,
    };
    const a = await gateway.authorize(request);
    const b = await gateway.authorize(request);
    // Manual capture: the card is authorised, nothing is taken yet.
    expect(a.kind).toBe('authorized');
    expect(b).toEqual(a);
    await expect(gateway.authorize({ ...request, amountMinor: 999 })).rejects.toThrow(/same parameters/);
  });

  it('When a card is declined by Stripe, then PAYMENT_DECLINED and the hold is released', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const res = await complete(shopper, checkout.id, 'pm_card_chargeDeclined', randomUUID());
    expect(res.checkoutComplete.userErrors[0]?.code).toBe('PAYMENT_DECLINED');
    const { rows } = await h.db.db.query<{ id: string }>(`SELECT id FROM orders WHERE checkout_id = $1`, [
      checkout.id,
    ]);
    expect(h.cart.reservations.get(rows[0]!.id)?.status).toBe('RELEASED');
  });

  it('When a refund exceeds what was captured, then Stripe refuses it through the adapter, and one refund key twice is one refund', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const order = (await complete(shopper, checkout.id, 'pm_card_visa', randomUUID())).checkoutComplete
      .order!;
    const intent = [...stripeServer.intents.values()].find((i) => i.metadata.orderId === order.id)!;
    const gateway = new StripePaymentGateway(stripe);
    await expect(
      gateway.refund({
        paymentIntentId: intent.id,
        amountMinor: intent.amount + 1,
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(/greater/);
    const ok = await gateway.refund({
      paymentIntentId: intent.id,
      amountMinor: 100,
      idempotencyKey: 'same-refund' + intent.id,
    });
    const again = await gateway.refund({
      paymentIntentId: intent.id,
      amountMinor: 100,
      idempotencyKey: 'same-refund' + intent.id,
    });
    expect(again.refundId).toBe(ok.refundId);
    expect(stripeServer.refunds.filter((r) => r.payment_intent === intent.id)).toHaveLength(1);
  });
});

describe('POST /webhooks/stripe', () => {
  it('When 3-D Secure completes and the webhook arrives twice and a stale failure arrives after, then the order is PAID once', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const res = await complete(shopper, checkout.id, 'pm_card_threeDSecure2Required', randomUUID());
    const order = res.checkoutComplete.order!;
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(res.checkoutComplete.nextAction).toMatchObject({ type: 'USE_STRIPE_SDK', redirectUrl: null });
    expect(res.checkoutComplete.nextAction?.clientSecret).toMatch(/_secret_/);
    const intent = [...stripeServer.intents.values()].find((i) => i.metadata.orderId === order.id)!;

    // An event that says "succeeded" while Stripe still says requires_action changes nothing: the intent is re-read.
    const early = await deliver({
      ...intentEvent('payment_intent.succeeded', intent.id),
      data: { object: { ...intent, status: 'succeeded' } },
    });
    expect(early.status).toBe(200);
    expect(await orderStatus(order.id)).toBe('PENDING_PAYMENT');

    stripeServer.authenticate(intent.id);
    const succeeded = intentEvent('payment_intent.succeeded', intent.id);
    expect((await deliver(succeeded)).body).toEqual({ received: true, duplicate: false });
    expect(await orderStatus(order.id)).toBe('PAID');
    expect((await deliver(succeeded)).body).toEqual({ received: true, duplicate: true });

    const failedLate = {
      ...intentEvent('payment_intent.payment_failed', intent.id),
      data: { object: { ...intent, status: 'requires_payment_method' } },
    };
    expect((await deliver(failedLate)).status).toBe(200);
    expect(await orderStatus(order.id)).toBe('PAID');

    const { rows } = await h.db.db.query(
      `SELECT id FROM outbox_events WHERE topic = 'order.paid' AND payload->>'orderId' = $1`,
      [order.id],
    );
    expect(rows).toHaveLength(1);
    const { rows: recorded } = await h.db.db.query(`SELECT id FROM stripe_events WHERE id = $1`, [
      succeeded.id,
    ]);
    expect(recorded).toHaveLength(1);
  });

  it('When a webhook has a bad or stale signature, then 400 and nothing is recorded', async () => {
    const event = {
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: { id: 'pi_x', metadata: {} } },
    };
    expect((await deliver(event, { secret: 'whsec_wrong' })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(400);
    const unsigned = await fetch(webhookUrl(), { method: 'POST', body: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);
    const { rows } = await h.db.db.query(`SELECT id FROM stripe_events WHERE id = $1`, [event.id]);
    expect(rows).toHaveLength(0);
  });

  it('When a signed event names an intent Stripe does not know, then it is acknowledged and no order moves', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const order = (await complete(shopper, checkout.id, 'pm_card_threeDSecure2Required', randomUUID()))
      .checkoutComplete.order!;
    const event = {
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'payment_intent.payment_failed',
      data: { object: { id: 'pi_unknown', object: 'payment_intent', metadata: { orderId: order.id } } },
    };
    expect((await deliver(event)).status).toBe(200);
    expect(await orderStatus(order.id)).toBe('PENDING_PAYMENT');
  });

  it('When the webhook never comes, then the reconciler reads the PaymentIntent and settles the order', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const order = (await complete(shopper, checkout.id, 'pm_card_threeDSecure2Required', randomUUID()))
      .checkoutComplete.order!;
    const intent = [...stripeServer.intents.values()].find((i) => i.metadata.orderId === order.id)!;
    stripeServer.authenticate(intent.id);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await h.service.reconcile()).toBeGreaterThanOrEqual(1);
    expect(await orderStatus(order.id)).toBe('PAID');
  });
});

describe('manual capture and lookups on Stripe, through the real SDK and the real cart service', () => {
  let real: RealCart;
  let onCart: Harness;
  beforeAll(async () => {
    real = await startRealCart();
    onCart = await startOrdersOnRealCart('orders_stripe_cart', real, {
      STRIPE_SECRET_KEY: 'sk_test_fake',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(stripeServer.port),
      STRIPE_API_PROTOCOL: 'http',
    });
  });
  afterAll(async () => {
    await onCart?.close();
    await real?.close();
  });
  const intentOf = (orderId: string) =>
    [...stripeServer.intents.values()].find((i) => i.metadata.orderId === orderId)!;

  it('When a card succeeds, then the PaymentIntent is created with manual capture and captured once, after the stock is committed', async () => {
    const variantId = await stockedVariant(real, 2);
    const shopper = customer();
    const checkout = await realCheckout(onCart, real, shopper, [{ variantId, quantity: 2 }]);
    const captures = stripeServer.captures;
    const res = await completeAs(onCart, shopper, checkout.id, 'pm_card_visa');
    expect(res.order?.status).toBe('PAID');
    const intent = intentOf(res.order!.id);
    expect(intent).toMatchObject({
      capture_method: 'manual',
      status: 'succeeded',
      amount_received: intent.amount,
    });
    expect(stripeServer.captures).toBe(captures + 1);
    expect(stripeServer.idempotencyKeys).toContain(`order-${res.order!.id}-capture`);
    expect(await real.cart.service.deps.inventory.getLevel(variantId)).toMatchObject({
      available: 0,
      held: 0,
      sold: 2,
    });
  });

  it('When the stock is gone by the time 3-D Secure completes, then the PaymentIntent is cancelled, never captured', async () => {
    const variantId = await stockedVariant(real, 1);
    const shopper = customer();
    const checkout = await realCheckout(onCart, real, shopper, [{ variantId, quantity: 1 }]);
    const order = (await completeAs(onCart, shopper, checkout.id, 'pm_card_threeDSecure2Required')).order!;
    const intent = intentOf(order.id);
    // The hold ran out (the sweeper's release) and the unit sold elsewhere.
    await real.cart.service.deps.inventory.release(order.id, 'EXPIRED');
    await real.cart.service.deps.inventory.adjust(variantId, -1, 'sold elsewhere', 'test');
    stripeServer.authenticate(intent.id);
    expect(intent.status).toBe('requires_capture');
    const event = intentEvent('payment_intent.amount_capturable_updated', intent.id);
    const res = await fetch(onCart.url.replace('/graphql', '/webhooks/stripe'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': stripe.webhooks.generateTestHeaderString({
          payload: JSON.stringify(event),
          secret: WEBHOOK_SECRET,
        }),
      },
      body: JSON.stringify(event),
    });
    expect(res.status).toBe(200);
    expect(intent.status).toBe('canceled');
    expect(intent.amount_received).toBe(0);
    expect(await orderRow(onCart, order.id)).toMatchObject({
      status: 'CANCELLED',
      failure_code: 'INSUFFICIENT_STOCK',
      attention_reason: 'STOCK_GONE_PAYMENT_VOIDED',
      captured_minor: '0',
    });
  });

  it("When the reconciler looks for an order's PaymentIntent while Stripe's search lags, then it still finds it (by listing, not searching)", async () => {
    const gateway = new StripePaymentGateway(stripe);
    const orderId = randomUUID();
    const createdAt = new Date();
    const made = await gateway.authorize({
      amountMinor: 4200,
      currency: 'USD',
      paymentMethodId: 'pm_card_visa',
      orderId,
      idempotencyKey: `k-${randomUUID()}`,
      returnUrl: 'http://x',
      providerCustomerId: null,
    });
    stripeServer.searchLagMs = 60_000;
    try {
      const searched = await stripe.paymentIntents.search({ query: `metadata['orderId']:'${orderId}'` });
      expect(searched.data).toEqual([]);
      expect(await gateway.findByOrder(orderId, createdAt)).toEqual(made);
      expect(await gateway.findByOrder(randomUUID(), createdAt)).toBeNull();
    } finally {
      stripeServer.searchLagMs = 0;
    }
  });
});

describe('Stripe subscriptions and saved payment methods, through the real SDK', () => {
  it("When a shopper pays with their saved card, then their Stripe customer is passed; another shopper's use of it is refused", async () => {
    const shopper = customer();
    const variantId = randomUUID();
    h.catalog.variants.set(variantId, {
      id: variantId,
      productId: randomUUID(),
      productTitle: 'Tea',
      title: '1 kg',
      sku: 'T-1',
      priceMinor: 900,
      currencyCode: 'USD',
      weightGrams: 1000,
    });
    h.cart.stock.set(variantId, 100);
    const sub = await h.call<{ subscriptionCreate: { subscription: { paymentMethodId: string } } }>(
      shopper,
      `mutation($input: ProductSubscriptionCreateInput!) { subscriptionCreate(input: $input) { subscription { paymentMethodId } } }`,
      {
        input: {
          variantId,
          quantity: 1,
          interval: 'MONTH',
          paymentMethodId: 'pm_card_visa',
          email: 'ada@example.com',
          shippingAddress: {
            address1: '1 Main St',
            city: 'Springfield',
            province: 'CA',
            zip: '94000',
            countryCode: 'US',
          },
        },
      },
    );
    const savedId = sub.subscriptionCreate.subscription.paymentMethodId;
    const owner = stripeServer.paymentMethods.get(savedId)!.customer;

    const thief = customer();
    const creates = stripeServer.creates;
    const stolen = await complete(thief, (await readyCheckout(h, thief)).id, savedId, randomUUID());
    expect(stolen.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['INVALID_PAYMENT_METHOD']);
    expect(stripeServer.creates).toBe(creates);

    const paid = await complete(shopper, (await readyCheckout(h, shopper)).id, savedId, randomUUID());
    expect(paid.checkoutComplete.order?.status).toBe('PAID');
    const intent = [...stripeServer.intents.values()].find(
      (i) => i.metadata.orderId === paid.checkoutComplete.order!.id,
    )!;
    expect(intent.customer).toBe(owner);
  });

  const SUB = `id status paymentMethodId nextRenewalAt`;
  const CREATE = `mutation($input: ProductSubscriptionCreateInput!) {
    subscriptionCreate(input: $input) { subscription { ${SUB} } order { id } userErrors { code field message } } }`;

  it('When a shopper subscribes on Stripe, then a Stripe customer, saved card and subscription are made, and each invoice.paid places one PAID order', async () => {
    const shopper = customer();
    const variantId = randomUUID();
    h.catalog.variants.set(variantId, {
      id: variantId,
      productId: randomUUID(),
      productTitle: 'Tea',
      title: '500 g',
      sku: 'T-5',
      priceMinor: 1250,
      currencyCode: 'USD',
      weightGrams: 500,
    });
    h.cart.stock.set(variantId, 100);
    const res = await h.call<{
      subscriptionCreate: {
        subscription: { id: string; status: string; paymentMethodId: string } | null;
        order: null;
        userErrors: UserErrorData[];
      };
    }>(shopper, CREATE, {
      input: {
        variantId,
        quantity: 2,
        interval: 'MONTH',
        paymentMethodId: 'pm_card_visa',
        email: 'ada@example.com',
        shippingAddress: {
          address1: '1 Main St',
          city: 'Springfield',
          province: 'CA',
          zip: '94000',
          countryCode: 'US',
        },
      },
    });
    expect(res.subscriptionCreate.userErrors).toEqual([]);
    const sub = res.subscriptionCreate.subscription!;
    expect(res.subscriptionCreate.order).toBeNull();
    const saved = stripeServer.paymentMethods.get(sub.paymentMethodId)!;
    expect(stripeServer.customers.has(saved.customer!)).toBe(true);
    const [stripeSubId, stripeSub] = [...stripeServer.subscriptions.entries()].find(
      ([, s]) => s.metadata.subscriptionId === sub.id,
    )!;
    expect(stripeSub).toMatchObject({
      customer: saved.customer,
      payment_method: sub.paymentMethodId,
      amount: 3381,
      currency: 'usd',
      interval: 'month',
      status: 'active',
    });

    const invoiceId = stripeServer.payInvoice(stripeSubId, new Date());
    const event = {
      id: `evt_${randomUUID().replace(/-/g, '')}`,
      object: 'event',
      type: 'invoice.paid',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: invoiceId, object: 'invoice' } },
    };
    expect((await deliver(event)).status).toBe(200);
    expect((await deliver(event)).body.duplicate).toBe(true);
    // Another event about the same invoice (Stripe may send invoice.paid and a replay) places nothing new.
    expect((await deliver({ ...event, id: `evt_${randomUUID().replace(/-/g, '')}` })).status).toBe(200);
    const { rows } = await h.db.db.query<{
      status: string;
      captured_minor: string;
      payment_intent_id: string;
    }>(`SELECT status, captured_minor, payment_intent_id FROM orders WHERE subscription_id = $1`, [sub.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'PAID', captured_minor: '3381' });
    expect(stripeServer.intents.get(rows[0]!.payment_intent_id)?.amount_received).toBe(3381);

    const methods = await h.call<{ _entities: { paymentMethods: { id: string; last4: string }[] }[] }>(
      shopper,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { paymentMethods { id last4 } } } }`,
      { r: [{ __typename: 'Customer', id: (shopper as { customerId: string }).customerId }] },
    );
    expect(methods._entities[0]!.paymentMethods).toEqual([{ id: sub.paymentMethodId, last4: '4242' }]);

    const cancelled = await h.call<{ subscriptionCancel: { subscription: { status: string } } }>(
      shopper,
      `mutation($id: ID!) { subscriptionCancel(id: $id) { subscription { status } } }`,
      { id: sub.id },
    );
    expect(cancelled.subscriptionCancel.subscription.status).toBe('CANCELLED');
    expect(stripeServer.subscriptions.get(stripeSubId)!.status).toBe('canceled');
    const detached = await h.call<{ paymentMethodDetach: { detachedPaymentMethodId: string } }>(
      shopper,
      `mutation($id: ID!) { paymentMethodDetach(id: $id) { detachedPaymentMethodId } }`,
      { id: sub.paymentMethodId },
    );
    expect(detached.paymentMethodDetach.detachedPaymentMethodId).toBe(sub.paymentMethodId);
    expect(stripeServer.paymentMethods.get(sub.paymentMethodId)!.customer).toBeNull();
  });
});
