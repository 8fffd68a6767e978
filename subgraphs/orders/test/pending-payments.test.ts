// Stock cannot be held hostage: unpaid orders awaiting 3-D Secure hold stock, so a customer, a cart or a client
// address may have only a few of them at once. On the real cart service (DynamoDB Local).
import { anonymous, customer, gql } from '@shop/testkit';
import { CHECKOUT_CREATE, RATE_SELECT, US_ADDRESS, type CheckoutData, type Harness } from './harness';
import {
  completeAs,
  headersFrom,
  realCheckout,
  startOrdersOnRealCart,
  startRealCart,
  stockedVariant,
  type RealCart,
} from './real-cart';

let real: RealCart;
let h: Harness;

beforeAll(async () => {
  real = await startRealCart();
  h = await startOrdersOnRealCart('orders_pending_limit', real, { MAX_PENDING_PAYMENTS: '3' });
});
afterAll(async () => {
  await h?.close();
  await real?.close();
});

const held = async (variantId: string) => (await real.cart.service.deps.inventory.getLevel(variantId))!.held;

describe('unpaid orders per holder', () => {
  it('When a customer already has 3 orders awaiting 3-D Secure, then a 4th is TOO_MANY_PENDING_PAYMENTS and holds nothing; once one is paid, the next goes through', async () => {
    const variantId = await stockedVariant(real, 10);
    const shopper = customer();
    const pending = [];
    // Each from its own address and cart: the customer is what they share.
    for (let i = 0; i < 3; i++) {
      const checkout = await realCheckout(
        h,
        real,
        shopper,
        [{ variantId, quantity: 1 }],
        `203.0.113.${i + 1}`,
      );
      const res = await completeAs(
        h,
        shopper,
        checkout.id,
        'pm_card_threeDSecure2Required',
        `203.0.113.${i + 1}`,
      );
      expect(res.order?.status).toBe('PENDING_PAYMENT');
      pending.push(res);
    }
    expect(await held(variantId)).toBe(3);
    const fourth = await realCheckout(h, real, shopper, [{ variantId, quantity: 1 }], '203.0.113.9');
    const refused = await completeAs(h, shopper, fourth.id, 'pm_card_threeDSecure2Required', '203.0.113.9');
    expect(refused.order).toBeNull();
    expect(refused.userErrors.map((e) => e.code)).toEqual(['TOO_MANY_PENDING_PAYMENTS']);
    expect(await held(variantId)).toBe(3);
    const { rows } = await h.db.db.query(`SELECT id FROM orders WHERE checkout_id = $1`, [fourth.id]);
    expect(rows).toEqual([]);

    const link = new URL(pending[0]!.nextAction!.redirectUrl!);
    expect(
      (await fetch(`${new URL(h.url).origin}${link.pathname}${link.search}`, { method: 'POST' })).status,
    ).toBe(200);
    const next = await completeAs(h, shopper, fourth.id, 'pm_card_visa', '203.0.113.9');
    expect(next.order?.status).toBe('PAID');
  });

  it('When one client address already has 3 unpaid orders from different guests, then the 4th guest there is refused, and a guest elsewhere is not', async () => {
    const variantId = await stockedVariant(real, 10);
    const address = '192.0.2.77';
    for (let i = 0; i < 3; i++) {
      const checkout = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], address);
      expect(
        (await completeAs(h, anonymous, checkout.id, 'pm_card_threeDSecure2Required', address)).order?.status,
      ).toBe('PENDING_PAYMENT');
    }
    const fourth = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], address);
    expect(
      (await completeAs(h, anonymous, fourth.id, 'pm_card_threeDSecure2Required', address)).userErrors.map(
        (e) => e.code,
      ),
    ).toEqual(['TOO_MANY_PENDING_PAYMENTS']);
    const elsewhere = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], '192.0.2.78');
    expect(
      (await completeAs(h, anonymous, elsewhere.id, 'pm_card_threeDSecure2Required', '192.0.2.78')).order
        ?.status,
    ).toBe('PENDING_PAYMENT');
  });

  it('When guests on the addresses of one IPv6 /64 already have 3 unpaid orders, then a 4th there is refused, and one on the next /64 is not', async () => {
    const variantId = await stockedVariant(real, 10);
    for (let i = 1; i <= 3; i++) {
      const address = `2001:db8:42:1::${i}`;
      const checkout = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], address);
      expect(
        (await completeAs(h, anonymous, checkout.id, 'pm_card_threeDSecure2Required', address)).order?.status,
      ).toBe('PENDING_PAYMENT');
    }
    const same = '2001:db8:42:1:abcd::9';
    const fourth = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], same);
    expect(
      (await completeAs(h, anonymous, fourth.id, 'pm_card_threeDSecure2Required', same)).userErrors.map(
        (e) => e.code,
      ),
    ).toEqual(['TOO_MANY_PENDING_PAYMENTS']);
    const next = '2001:db8:42:2::1';
    const elsewhere = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], next);
    expect(
      (await completeAs(h, anonymous, elsewhere.id, 'pm_card_threeDSecure2Required', next)).order?.status,
    ).toBe('PENDING_PAYMENT');
  });

  it('When one cart already has 3 unpaid orders (checked out again and again), then a 4th from it is refused', async () => {
    const variantId = await stockedVariant(real, 10);
    const first = await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], '100.64.0.1');
    const { rows } = await h.db.db.query<{ cart_id: string }>(`SELECT cart_id FROM checkouts WHERE id = $1`, [
      first.id,
    ]);
    const cartId = rows[0]!.cart_id;
    const again = async (ip: string) => {
      const created = await gql<{ checkoutCreate: { checkout: CheckoutData } }>(
        h.url,
        CHECKOUT_CREATE,
        {
          input: { cartId, email: 'ada@example.com', shippingAddress: US_ADDRESS },
        },
        headersFrom(anonymous, ip),
      );
      const checkout = created.body.data!.checkoutCreate.checkout;
      await gql(
        h.url,
        RATE_SELECT,
        { id: checkout.id, h: checkout.availableShippingRates[0]!.handle },
        headersFrom(anonymous, ip),
      );
      return checkout;
    };
    const checkouts = [
      first,
      await again('100.64.0.2'),
      await again('100.64.0.3'),
      await again('100.64.0.4'),
    ];
    const results = [];
    for (const [i, c] of checkouts.entries())
      results.push(
        await completeAs(h, anonymous, c.id, 'pm_card_threeDSecure2Required', `100.64.0.${i + 1}`),
      );
    expect(results.map((r) => r.order?.status ?? r.userErrors[0]?.code)).toEqual([
      'PENDING_PAYMENT',
      'PENDING_PAYMENT',
      'PENDING_PAYMENT',
      'TOO_MANY_PENDING_PAYMENTS',
    ]);
  });

  it('When many guests behind one address pay by card at the same moment, then every payment goes through', async () => {
    const variantId = await stockedVariant(real, 20);
    const address = '192.0.2.99';
    const checkouts = [];
    for (let i = 0; i < 8; i++)
      checkouts.push(await realCheckout(h, real, anonymous, [{ variantId, quantity: 1 }], address));
    const results = await Promise.all(
      checkouts.map((c) => completeAs(h, anonymous, c.id, 'pm_card_visa', address)),
    );
    expect(results.map((r) => r.userErrors.map((e) => e.code))).toEqual(checkouts.map(() => []));
    expect(results.map((r) => r.order?.status)).toEqual(checkouts.map(() => 'PAID'));
  });

  it('When many unpaid completions from one customer race, then no more than 3 of them hold stock', async () => {
    const variantId = await stockedVariant(real, 20);
    const shopper = customer();
    const checkouts = [];
    for (let i = 0; i < 8; i++)
      checkouts.push(await realCheckout(h, real, shopper, [{ variantId, quantity: 1 }], `198.18.0.${i + 1}`));
    const results = await Promise.all(
      checkouts.map((c, i) =>
        completeAs(h, shopper, c.id, 'pm_card_threeDSecure2Required', `198.18.0.${i + 1}`),
      ),
    );
    expect(results.filter((r) => r.order?.status === 'PENDING_PAYMENT')).toHaveLength(3);
    expect(results.filter((r) => r.userErrors[0]?.code === 'TOO_MANY_PENDING_PAYMENTS')).toHaveLength(5);
    expect(await held(variantId)).toBe(3);
  });
});
