import { randomUUID } from 'node:crypto';
import { admin, anonymous, customer, gql, identityHeaders } from '@shop/testkit';
import type { Principal } from '@shop/common';
import { addInterval, nextRenewalAfter } from '../src/domain/subscriptions';
import { US_ADDRESS, startHarness, type Harness, type UserErrorData } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_subscriptions');
});
afterAll(async () => h?.close());

const SUB_FIELDS = `id status quantity interval paymentMethodId email variant { id } shippingAddress { city countryCode }
  currentPeriodStart nextRenewalAt cancelledAt createdAt`;

const CREATE = `mutation($input: ProductSubscriptionCreateInput!) {
  subscriptionCreate(input: $input) {
    subscription { ${SUB_FIELDS} } order { id status total { amount } lines { quantity unitPrice { amount } } }
    userErrors { code field message } } }`;

const CANCEL = `mutation($id: ID!) { subscriptionCancel(id: $id) { subscription { ${SUB_FIELDS} } userErrors { code field message } } }`;

const DETACH = `mutation($id: ID!) { paymentMethodDetach(id: $id) { detachedPaymentMethodId userErrors { code field message } } }`;

const CUSTOMER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer {
  subscriptions(first: 10) { totalCount nodes { ${SUB_FIELDS} } }
  paymentMethods { id brand last4 expMonth expYear } } } }`;

interface Sub {
  id: string;
  status: string;
  paymentMethodId: string;
  currentPeriodStart: string;
  nextRenewalAt: string | null;
  cancelledAt: string | null;
}
interface CreateData {
  subscriptionCreate: {
    subscription: Sub | null;
    order: {
      id: string;
      status: string;
      total: { amount: string };
      lines: { quantity: number; unitPrice: { amount: string } }[];
    } | null;
    userErrors: UserErrorData[];
  };
}

function variant(priceMinor = 1250) {
  const id = randomUUID();
  h.catalog.variants.set(id, {
    id,
    productId: randomUUID(),
    productTitle: 'Coffee Beans',
    title: '1 kg',
    sku: 'CB-1',
    priceMinor,
    currencyCode: 'USD',
    weightGrams: 1000,
  });
  h.cart.stock.set(id, 100);
  return id;
}

const idOf = (p: Principal) => (p as { customerId: string }).customerId;

async function create(shopper: Principal, overrides: Record<string, unknown> = {}) {
  return h.call<CreateData>(shopper, CREATE, {
    input: {
      variantId: variant(),
      quantity: 2,
      interval: 'MONTH',
      paymentMethodId: 'pm_card_visa',
      shippingAddress: US_ADDRESS,
      email: 'ada@example.com',
      ...overrides,
    },
  });
}

async function ordersOf(subscriptionId: string) {
  const { rows } = await h.db.db.query<{
    status: string;
    total_minor: string;
    lines: { unitPriceMinor: number }[];
  }>(`SELECT status, total_minor, lines FROM orders WHERE subscription_id = $1 ORDER BY created_at`, [
    subscriptionId,
  ]);
  return rows;
}

const chargesFor = async (subscriptionId: string) =>
  Number(
    (
      await h.db.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM sandbox_charges c JOIN orders o ON o.id::text = c.order_id WHERE o.subscription_id = $1`,
        [subscriptionId],
      )
    ).rows[0]!.n,
  );

describe('subscription periods', () => {
  it('When a month is added to Jan 31, then it lands on the last day of February', () => {
    expect(addInterval(new Date('2026-01-31T10:00:00Z'), 'MONTH').toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(addInterval(new Date('2028-01-31T10:00:00Z'), 'MONTH').toISOString()).toBe(
      '2028-02-29T10:00:00.000Z',
    );
    expect(addInterval(new Date('2026-03-01T00:00:00Z'), 'WEEK').toISOString()).toBe(
      '2026-03-08T00:00:00.000Z',
    );
    expect(addInterval(new Date('2026-12-15T00:00:00Z'), 'YEAR').toISOString()).toBe(
      '2027-12-15T00:00:00.000Z',
    );
  });

  it('When the job slept through several periods, then the next renewal is the first one after now (no burst of charges)', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(nextRenewalAfter(start, 'WEEK', new Date('2026-01-20T00:00:00Z')).toISOString()).toBe(
      '2026-01-22T00:00:00.000Z',
    );
    expect(nextRenewalAfter(start, 'DAY', new Date('2025-12-31T00:00:00Z')).toISOString()).toBe(
      '2026-01-02T00:00:00.000Z',
    );
  });
});

describe('recurring billing (sandbox provider)', () => {
  it('When a shopper subscribes, then the card is saved on their customer, the first order is PAID at the catalog price, and both show on the Customer', async () => {
    const shopper = customer();
    const res = await create(shopper);
    expect(res.subscriptionCreate.userErrors).toEqual([]);
    const sub = res.subscriptionCreate.subscription!;
    expect(sub).toMatchObject({ status: 'ACTIVE', cancelledAt: null });
    expect(sub.paymentMethodId).toMatch(/^pm_sandbox_/);
    // 2 × 12.50 = 25.00; UPS Ground 5.00 + 2 × 1.00 = 7.00; CA 7.25 % of 25.00 = 1.8125 → 1.81.
    expect(res.subscriptionCreate.order).toMatchObject({
      status: 'PAID',
      total: { amount: '33.81' },
      lines: [{ quantity: 2, unitPrice: { amount: '12.50' } }],
    });
    expect(new Date(sub.nextRenewalAt!).getTime()).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect(await chargesFor(sub.id)).toBe(1);

    const seen = await h.call<{
      _entities: {
        subscriptions: { totalCount: number; nodes: Sub[] };
        paymentMethods: { id: string; brand: string; last4: string }[];
      }[];
    }>(shopper, CUSTOMER, { r: [{ __typename: 'Customer', id: idOf(shopper) }] });
    expect(seen._entities[0]!.subscriptions.totalCount).toBe(1);
    expect(seen._entities[0]!.subscriptions.nodes[0]!.id).toBe(sub.id);
    expect(seen._entities[0]!.paymentMethods).toEqual([
      expect.objectContaining({ id: sub.paymentMethodId, brand: 'visa', last4: '4242' }),
    ]);
    const { rows } = await h.db.db.query(
      `SELECT status FROM sandbox_subscriptions WHERE id = (SELECT provider_subscription_id FROM product_subscriptions WHERE id = $1)`,
      [sub.id],
    );
    expect(rows).toEqual([{ status: 'active' }]);
  });

  it('When the renewal job runs twice (at once and again) in a period, then exactly one renewal order is placed, priced at the catalog price of that day', async () => {
    const shopper = customer();
    const res = await create(shopper);
    const sub = res.subscriptionCreate.subscription!;
    const variantId = (
      await h.db.db.query<{ variant_id: string }>(
        `SELECT variant_id FROM product_subscriptions WHERE id = $1`,
        [sub.id],
      )
    ).rows[0]!.variant_id;
    h.catalog.variants.get(variantId)!.priceMinor = 1500;

    const early = await h.service.renewDue(new Date(new Date(sub.nextRenewalAt!).getTime() - 1000));
    expect(early).toBe(0);
    const due = new Date(new Date(sub.nextRenewalAt!).getTime() + 1000);
    await Promise.all([h.service.renewDue(due), h.service.renewDue(due)]);
    await h.service.renewDue(due);
    const orders = await ordersOf(sub.id);
    expect(orders.map((o) => o.status)).toEqual(['PAID', 'PAID']);
    expect(orders[1]!.lines[0]!.unitPriceMinor).toBe(1500);
    expect(await chargesFor(sub.id)).toBe(2);

    // The next period renews once more, and only then.
    const after = (
      await h.db.db.query<{ next_renewal_at: Date }>(
        `SELECT next_renewal_at FROM product_subscriptions WHERE id = $1`,
        [sub.id],
      )
    ).rows[0]!;
    expect(after.next_renewal_at.getTime()).toBe(
      addInterval(new Date(sub.nextRenewalAt!), 'MONTH').getTime(),
    );
    await h.service.renewDue(new Date(after.next_renewal_at.getTime() + 1000));
    expect(await ordersOf(sub.id)).toHaveLength(3);
  });

  it('When a subscription is cancelled, then the provider stops it and no later period is ordered', async () => {
    const shopper = customer();
    const sub = (await create(shopper)).subscriptionCreate.subscription!;
    const res = await h.call<{ subscriptionCancel: { subscription: Sub; userErrors: UserErrorData[] } }>(
      shopper,
      CANCEL,
      { id: sub.id },
    );
    expect(res.subscriptionCancel.userErrors).toEqual([]);
    expect(res.subscriptionCancel.subscription).toMatchObject({ status: 'CANCELLED', nextRenewalAt: null });
    expect(res.subscriptionCancel.subscription.cancelledAt).not.toBeNull();
    await h.service.renewDue(new Date(Date.now() + 400 * 86_400_000));
    expect(await ordersOf(sub.id)).toHaveLength(1);
    const { rows } = await h.db.db.query(
      `SELECT status FROM sandbox_subscriptions WHERE id = (SELECT provider_subscription_id FROM product_subscriptions WHERE id = $1)`,
      [sub.id],
    );
    expect(rows).toEqual([{ status: 'canceled' }]);
    const again = await h.call<{ subscriptionCancel: { userErrors: UserErrorData[] } }>(shopper, CANCEL, {
      id: sub.id,
    });
    expect(again.subscriptionCancel.userErrors[0]!.code).toBe('SUBSCRIPTION_CANCELLED');
  });

  it('When another shopper cancels a subscription (or reads its owner), then FORBIDDEN, as for an unknown id; anonymous is UNAUTHENTICATED', async () => {
    const owner = customer();
    const sub = (await create(owner)).subscriptionCreate.subscription!;
    const other = customer();
    for (const id of [sub.id, randomUUID()]) {
      const res = await gql(h.url, CANCEL, { id }, identityHeaders(other, 'orders'));
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anon = await gql(h.url, CANCEL, { id: sub.id }, identityHeaders(anonymous, 'orders'));
    expect(anon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const peek = await gql(
      h.url,
      CUSTOMER,
      { r: [{ __typename: 'Customer', id: idOf(owner) }] },
      identityHeaders(other, 'orders'),
    );
    expect(peek.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unsigned = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CANCEL, variables: { id: sub.id } }),
    });
    expect(unsigned.status).toBe(401);
    expect((await ordersOf(sub.id)).length).toBe(1);
    const still = (
      await h.db.db.query<{ status: string }>(`SELECT status FROM product_subscriptions WHERE id = $1`, [
        sub.id,
      ])
    ).rows[0]!;
    expect(still.status).toBe('ACTIVE');
    // An admin may cancel for the shopper.
    const byAdmin = await h.call<{ subscriptionCancel: { subscription: Sub } }>(admin(), CANCEL, {
      id: sub.id,
    });
    expect(byAdmin.subscriptionCancel.subscription.status).toBe('CANCELLED');
  });

  it('When the first period is declined, then PAYMENT_DECLINED and no subscription keeps running', async () => {
    const shopper = customer();
    const res = await create(shopper, { paymentMethodId: 'pm_card_chargeDeclined' });
    expect(res.subscriptionCreate.subscription).toBeNull();
    expect(res.subscriptionCreate.userErrors[0]!.code).toBe('PAYMENT_DECLINED');
    const { rows } = await h.db.db.query<{ status: string }>(
      `SELECT status FROM product_subscriptions WHERE customer_id = $1`,
      [idOf(shopper)],
    );
    expect(rows).toEqual([{ status: 'CANCELLED' }]);
  });

  it('When the input is bad, then userErrors name the field and nothing is stored', async () => {
    const shopper = customer();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ quantity: 0 }, 'INVALID_QUANTITY', 'input.quantity'],
      [{ paymentMethodId: '4242424242424242' }, 'INVALID_PAYMENT_METHOD', 'input.paymentMethodId'],
      [{ variantId: randomUUID() }, 'INVALID_MERCHANDISE', 'input.variantId'],
      [{ shippingAddress: null }, 'SHIPPING_ADDRESS_REQUIRED', 'input.shippingAddress'],
      [
        { shippingAddress: { ...US_ADDRESS, countryCode: 'XX' } },
        'INVALID_ADDRESS',
        'input.shippingAddress.countryCode',
      ],
      [
        { shippingAddress: { ...US_ADDRESS, province: null, countryCode: 'AQ' } },
        'SHIPPING_UNAVAILABLE',
        'input.shippingAddress',
      ],
      [{ paymentMethodId: 'pm_unknown_method' }, 'INVALID_PAYMENT_METHOD', 'input.paymentMethodId'],
    ];
    for (const [overrides, code, field] of cases) {
      const res = await create(shopper, overrides);
      expect(res.subscriptionCreate.subscription).toBeNull();
      expect(res.subscriptionCreate.userErrors[0]).toMatchObject({ code, field: field.split('.') });
    }
    const { rows } = await h.db.db.query(`SELECT 1 FROM product_subscriptions WHERE customer_id = $1`, [
      idOf(shopper),
    ]);
    expect(rows).toEqual([]);
  });

  it('When no address is given, then the address and email of the shopper’s latest paid order are used', async () => {
    const shopper = customer();
    const first = await create(shopper, {
      email: 'grace@example.com',
      shippingAddress: { ...US_ADDRESS, city: 'Arlington', province: 'TX', zip: '76010' },
    });
    expect(first.subscriptionCreate.userErrors).toEqual([]);
    const second = await create(shopper, { shippingAddress: null, email: null, interval: 'WEEK' });
    expect(second.subscriptionCreate.userErrors).toEqual([]);
    expect(second.subscriptionCreate.subscription).toMatchObject({
      email: 'grace@example.com',
      shippingAddress: { city: 'Arlington', countryCode: 'US' },
    });
  });
});

describe('saved payment methods', () => {
  it('When a shopper detaches a saved card, then it is refused while a subscription pays with it and removed once cancelled; another shopper is FORBIDDEN', async () => {
    const shopper = customer();
    const sub = (await create(shopper)).subscriptionCreate.subscription!;
    const inUse = await h.call<{
      paymentMethodDetach: { detachedPaymentMethodId: string | null; userErrors: UserErrorData[] };
    }>(shopper, DETACH, { id: sub.paymentMethodId });
    expect(inUse.paymentMethodDetach).toMatchObject({
      detachedPaymentMethodId: null,
      userErrors: [{ code: 'PAYMENT_METHOD_IN_USE' }],
    });

    const other = customer();
    await create(other);
    const stolen = await gql(h.url, DETACH, { id: sub.paymentMethodId }, identityHeaders(other, 'orders'));
    expect(stolen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await h.call(shopper, CANCEL, { id: sub.id });
    const done = await h.call<{
      paymentMethodDetach: { detachedPaymentMethodId: string | null; userErrors: UserErrorData[] };
    }>(shopper, DETACH, { id: sub.paymentMethodId });
    expect(done.paymentMethodDetach).toEqual({
      detachedPaymentMethodId: sub.paymentMethodId,
      userErrors: [],
    });
    const seen = await h.call<{ _entities: { paymentMethods: unknown[] }[] }>(shopper, CUSTOMER, {
      r: [{ __typename: 'Customer', id: idOf(shopper) }],
    });
    expect(seen._entities[0]!.paymentMethods).toEqual([]);
    // A detached method charges nothing any more.
    const charged = await h.service.deps.payments.authorize({
      amountMinor: 100,
      currency: 'USD',
      paymentMethodId: sub.paymentMethodId,
      orderId: randomUUID(),
      idempotencyKey: randomUUID(),
      returnUrl: 'http://x',
      providerCustomerId: null,
    });
    expect(charged.kind).toBe('invalid_payment_method');
  });

  it('When a shopper subscribes again with a saved method id, then it is reused, not saved twice', async () => {
    const shopper = customer();
    const first = (await create(shopper)).subscriptionCreate.subscription!;
    const second = await create(shopper, { paymentMethodId: first.paymentMethodId });
    expect(second.subscriptionCreate.subscription!.paymentMethodId).toBe(first.paymentMethodId);
    const seen = await h.call<{ _entities: { paymentMethods: unknown[] }[] }>(shopper, CUSTOMER, {
      r: [{ __typename: 'Customer', id: idOf(shopper) }],
    });
    expect(seen._entities[0]!.paymentMethods).toHaveLength(1);
  });
});
