import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin, anonymous, customer, gql, identityHeaders, service } from '@shop/testkit';
import {
  CHECKOUT_CREATE,
  COMPLETE,
  ORDER_FIELDS,
  RATE_SELECT,
  US_ADDRESS,
  chargeCount,
  defaultLines,
  readyCheckout,
  startHarness,
  type CheckoutData,
  type Harness,
  type UserErrorData,
} from './harness';

interface CompleteData {
  checkoutComplete: {
    order: {
      id: string;
      number: string;
      status: string;
      total: { amount: string };
      customer: { id: string } | null;
    } | null;
    nextAction: { type: string; redirectUrl: string | null; clientSecret: string | null } | null;
    userErrors: UserErrorData[];
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_checkout');
});
afterAll(async () => h?.close());

const complete = (principal: Parameters<Harness['call']>[0], id: string, pm: string, key: string) =>
  h.call<CompleteData>(principal, COMPLETE, { id, pm, key });

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms;
  // A check that throws (a folder not written yet) counts as not yet.
  while (
    !(await Promise.resolve()
      .then(check)
      .catch(() => false))
  ) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('checkout', () => {
  it('When a checkout is created, then it is priced from the cart snapshot with server-side rates and per-line half-up tax', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    // 2 × 19.99 = 39.98; UPS Ground for 2 units = 5.00 + 2.00 = 7.00; CA 7.25 % of 39.98 = 2.898… → 2.90 (shipping untaxed in the US).
    expect(checkout.subtotal).toEqual({ amount: '39.98', currencyCode: 'USD' });
    expect(checkout.shippingLine?.price.amount).toBe('7.00');
    expect(checkout.tax.amount).toBe('2.90');
    expect(checkout.total.amount).toBe('49.88');
    expect(checkout.availableShippingRates.map((r) => r.carrier)).toEqual(['UPS', 'DHL']);
    expect(
      h.cart.calls.some(
        (c) =>
          c.path.startsWith('snapshot:') &&
          (c.body as { customerId: string }).customerId === (shopper as { customerId: string }).customerId,
      ),
    ).toBe(true);
  });

  it('When the email or address is malformed, then userErrors name the fields and no checkout is stored', async () => {
    const before = await h.db.db.query(`SELECT count(*)::int AS n FROM checkouts`);
    const res = await h.call<{ checkoutCreate: { checkout: null; userErrors: UserErrorData[] } }>(
      customer(),
      CHECKOUT_CREATE,
      {
        input: {
          cartId: randomUUID(),
          email: 'not-an-email',
          shippingAddress: { ...US_ADDRESS, countryCode: 'XX', zip: 'z'.repeat(50) },
        },
      },
    );
    expect(res.checkoutCreate.checkout).toBeNull();
    expect(res.checkoutCreate.userErrors.map((e) => e.field?.join('.'))).toEqual(
      expect.arrayContaining([
        'input.email',
        'input.shippingAddress.countryCode',
        'input.shippingAddress.zip',
      ]),
    );
    const after = await h.db.db.query(`SELECT count(*)::int AS n FROM checkouts`);
    expect(after.rows).toEqual(before.rows);
  });

  it('When a US or Canadian address names no state, an unknown one, or a ZIP code of another state, then INVALID_ADDRESS names the field and no checkout is stored', async () => {
    const before = await h.db.db.query(`SELECT count(*)::int AS n FROM checkouts`);
    const cases: [Record<string, unknown>, string][] = [
      [{ province: 'ZZ' }, 'province'],
      [{ province: null }, 'province'],
      [{ province: '  ' }, 'province'],
      [{ province: 'California' }, 'province'],
      [{ province: 'NY', zip: '94000' }, 'zip'],
      [{ province: 'CA', zip: '9400' }, 'zip'],
      [{ countryCode: 'CA', province: 'XX', zip: 'M5V 2T6' }, 'province'],
      [{ countryCode: 'CA', province: null, zip: 'M5V 2T6' }, 'province'],
    ];
    for (const [change, field] of cases) {
      const shopper = customer();
      const cartId = randomUUID();
      h.cart.carts.set(cartId, {
        customerId: (shopper as { customerId: string }).customerId,
        currencyCode: 'USD',
        lines: defaultLines(),
      });
      const res = await h.call<{ checkoutCreate: { checkout: null; userErrors: UserErrorData[] } }>(
        shopper,
        CHECKOUT_CREATE,
        {
          input: { cartId, email: 'a@example.com', shippingAddress: { ...US_ADDRESS, ...change } },
        },
      );
      expect({
        change,
        checkout: res.checkoutCreate.checkout,
        errors: res.checkoutCreate.userErrors.map((e) => [e.code, e.field?.join('.')]),
      }).toEqual({
        change,
        checkout: null,
        errors: [['INVALID_ADDRESS', `input.shippingAddress.${field}`]],
      });
    }
    const after = await h.db.db.query(`SELECT count(*)::int AS n FROM checkouts`);
    expect(after.rows).toEqual(before.rows);
  });

  it('When the state is given as a lower-case or country-prefixed ISO 3166-2 code with a ZIP code of that state, then it is taxed at that state’s rate', async () => {
    // 2 × 19.99 = 39.98 at Texas's 6.25 % = 2.49875 → 2.50; in Ontario, 13 % HST on goods and shipping.
    const texas = await readyCheckout(h, customer(), {
      address: { ...US_ADDRESS, city: 'Austin', province: 'us-tx', zip: '73301-0001' },
    });
    expect(texas.tax.amount).toBe('2.50');
    expect((texas as CheckoutData & { shippingAddress: { province: string } }).shippingAddress.province).toBe(
      'TX',
    );
    const ontario = await readyCheckout(h, customer(), {
      address: { ...US_ADDRESS, city: 'Toronto', province: 'ON', zip: 'M5V 2T6', countryCode: 'CA' },
    });
    expect(Number(ontario.tax.amount)).toBeGreaterThan(0);
  });

  it('When the shipping service refuses the destination, then SHIPPING_UNAVAILABLE instead of an error', async () => {
    const shopper = customer();
    const cartId = randomUUID();
    h.cart.carts.set(cartId, {
      customerId: (shopper as { customerId: string }).customerId,
      currencyCode: 'USD',
      lines: defaultLines(),
    });
    const res = await h.call<{ checkoutCreate: { checkout: null; userErrors: UserErrorData[] } }>(
      shopper,
      CHECKOUT_CREATE,
      {
        input: {
          cartId,
          email: 'a@example.com',
          shippingAddress: { ...US_ADDRESS, province: null, countryCode: 'AQ' },
        },
      },
    );
    expect(res.checkoutCreate.userErrors[0]).toMatchObject({
      code: 'SHIPPING_UNAVAILABLE',
      message: 'We do not ship to Antarctica.',
    });
  });

  it("When the cart is unknown or another shopper's, then CART_NOT_FOUND", async () => {
    const cartId = randomUUID();
    h.cart.carts.set(cartId, { customerId: randomUUID(), currencyCode: 'USD', lines: defaultLines() });
    for (const id of [cartId, randomUUID()]) {
      const res = await h.call<{ checkoutCreate: { checkout: null; userErrors: UserErrorData[] } }>(
        customer(),
        CHECKOUT_CREATE,
        {
          input: { cartId: id, email: 'a@example.com', shippingAddress: US_ADDRESS },
        },
      );
      expect(res.checkoutCreate.userErrors[0]?.code).toBe('CART_NOT_FOUND');
    }
  });

  it('When a rate handle is forged or altered, then INVALID_SHIPPING_RATE and the totals stay', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const real = checkout.availableShippingRates[1]!.handle;
    const [body, mac] = real.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const cheaper = `${Buffer.from(JSON.stringify({ ...payload, priceMinor: 1 })).toString('base64url')}.${mac}`;
    for (const handle of [cheaper, `${real}x`, 'made-up']) {
      const res = await h.call<{
        checkoutShippingRateSelect: { checkout: CheckoutData | null; userErrors: UserErrorData[] };
      }>(shopper, RATE_SELECT, {
        id: checkout.id,
        h: handle,
      });
      expect(res.checkoutShippingRateSelect.userErrors[0]?.code).toBe('INVALID_SHIPPING_RATE');
    }
    const read = await h.call<{ checkout: CheckoutData }>(
      shopper,
      `query($id: ID!) { checkout(id: $id) { total { amount } shippingLine { handle } } }`,
      { id: checkout.id },
    );
    expect(read.checkout.total.amount).toBe(checkout.total.amount);
    const stranger = await gql(
      h.url,
      `query($id: ID!) { checkout(id: $id) { id } }`,
      { id: checkout.id },
      identityHeaders(customer(), 'orders'),
    );
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('When a client tries to send its own price, then the request is refused and the charge uses the snapshot price', async () => {
    const res = await gql(
      h.url,
      CHECKOUT_CREATE,
      {
        input: {
          cartId: randomUUID(),
          email: 'a@example.com',
          shippingAddress: US_ADDRESS,
          lines: [{ unitPrice: '0.01' }],
        },
      },
      identityHeaders(customer(), 'orders'),
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const shopper = customer();
    const checkout = await readyCheckout(h, shopper, {
      lines: [{ ...defaultLines()[0]!, unitPriceMinor: 12345, quantity: 1 }],
    });
    const done = await complete(shopper, checkout.id, 'pm_card_visa', randomUUID());
    const { rows } = await h.db.db.query<{ amount_minor: string }>(
      `SELECT amount_minor FROM sandbox_charges WHERE order_id = $1`,
      [done.checkoutComplete.order!.id],
    );
    expect(Number(rows[0]!.amount_minor)).toBe(Math.round(Number(checkout.total.amount) * 100));
    expect(checkout.subtotal.amount).toBe('123.45');
  });
});

describe('checkoutComplete', () => {
  it('When a shopper pays with pm_card_visa, then the order is PAID, the stock is committed, order.paid is published and one email is sent', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const res = await complete(shopper, checkout.id, 'pm_card_visa', randomUUID());
    const order = res.checkoutComplete.order!;
    expect(res.checkoutComplete.userErrors).toEqual([]);
    expect(order.status).toBe('PAID');
    expect(order.number).toMatch(/^#\d{4,}$/);
    expect(order.total.amount).toBe(checkout.total.amount);
    expect(order.customer?.id).toBe((shopper as { customerId: string }).customerId);
    expect(h.cart.reservations.get(order.id)?.status).toBe('COMMITTED');
    await waitFor(() => h.events.some((e) => e.topic === 'order.paid' && e.payload.orderId === order.id));
    const event = h.events.find((e) => e.payload.orderId === order.id)!;
    expect(event.payload).toMatchObject({
      orderNumber: order.number,
      customerId: (shopper as { customerId: string }).customerId,
      email: 'ada@example.com',
      reservationId: order.id,
      totalMinor: Math.round(Number(checkout.total.amount) * 100),
      currencyCode: 'USD',
      lines: [{ variantId: checkout.lines[0]!.variant.id, quantity: 2 }],
    });
    await waitFor(() => readdirSync(join(h.dataDir, 'mail')).some((f) => f.includes(event.id)));
    const mail = JSON.parse(
      readFileSync(join(h.dataDir, 'mail', `order-confirmation-${event.id}.json`), 'utf8'),
    ) as { to: string; subject: string; html: string; text: string };
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toContain(order.number);
    expect(mail.text).toContain('Trail Shoe');
    expect(mail.html).toContain('<table>');

    // The same event delivered again sends nothing more.
    await h.bus.publish([event]);
    const sent = await h.db.db.query(`SELECT * FROM notifications_sent WHERE order_id = $1`, [order.id]);
    expect(sent.rows).toHaveLength(1);
  });

  it('When the card is declined, then PAYMENT_DECLINED, the order is CANCELLED and the hold released', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper, { stock: 5 });
    const key = randomUUID();
    const res = await complete(shopper, checkout.id, 'pm_card_chargeDeclined', key);
    expect(res.checkoutComplete.order).toBeNull();
    expect(res.checkoutComplete.userErrors[0]?.code).toBe('PAYMENT_DECLINED');
    const { rows } = await h.db.db.query<{ id: string; status: string }>(
      `SELECT id, status FROM orders WHERE checkout_id = $1`,
      [checkout.id],
    );
    expect(rows[0]!.status).toBe('CANCELLED');
    expect(h.cart.reservations.get(rows[0]!.id)?.status).toBe('RELEASED');
    expect(h.cart.stock.get(checkout.lines[0]!.variant.id)).toBe(5);
    // The same key answers the same; a new key with a good card then succeeds.
    expect(
      (await complete(shopper, checkout.id, 'pm_card_chargeDeclined', key)).checkoutComplete.userErrors[0]
        ?.code,
    ).toBe('PAYMENT_DECLINED');
    expect(
      (await complete(shopper, checkout.id, 'pm_card_visa', randomUUID())).checkoutComplete.order?.status,
    ).toBe('PAID');
  });

  it('When stock is short, then INSUFFICIENT_STOCK, the order is CANCELLED and nothing is charged', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper, { stock: 1 });
    const before = await chargeCount(h);
    const res = await complete(shopper, checkout.id, 'pm_card_visa', randomUUID());
    expect(res.checkoutComplete.userErrors[0]?.code).toBe('INSUFFICIENT_STOCK');
    expect(await chargeCount(h)).toBe(before);
    const { rows } = await h.db.db.query<{ status: string }>(
      `SELECT status FROM orders WHERE checkout_id = $1`,
      [checkout.id],
    );
    expect(rows).toEqual([{ status: 'CANCELLED' }]);
  });

  it('When no shipping rate is selected or the checkout is unknown, then SHIPPING_RATE_REQUIRED / CHECKOUT_NOT_FOUND', async () => {
    const shopper = customer();
    const cartId = randomUUID();
    h.cart.carts.set(cartId, {
      customerId: (shopper as { customerId: string }).customerId,
      currencyCode: 'USD',
      lines: defaultLines(),
    });
    const created = await h.call<{ checkoutCreate: { checkout: CheckoutData } }>(shopper, CHECKOUT_CREATE, {
      input: { cartId, email: 'a@example.com', shippingAddress: US_ADDRESS },
    });
    expect(
      (await complete(shopper, created.checkoutCreate.checkout.id, 'pm_card_visa', randomUUID()))
        .checkoutComplete.userErrors[0]?.code,
    ).toBe('SHIPPING_RATE_REQUIRED');
    expect(
      (await complete(shopper, randomUUID(), 'pm_card_visa', randomUUID())).checkoutComplete.userErrors[0]
        ?.code,
    ).toBe('CHECKOUT_NOT_FOUND');
    // Another shopper's checkout looks the same as a missing one.
    expect(
      (await complete(customer(), created.checkoutCreate.checkout.id, 'pm_card_visa', randomUUID()))
        .checkoutComplete.userErrors[0]?.code,
    ).toBe('CHECKOUT_NOT_FOUND');
  });

  it('When a completion is retried with the same key, then the same order comes back and the card is charged once', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const key = randomUUID();
    const before = await chargeCount(h);
    const first = await complete(shopper, checkout.id, 'pm_card_visa', key);
    const second = await complete(shopper, checkout.id, 'pm_card_visa', key);
    expect(second.checkoutComplete.order?.id).toBe(first.checkoutComplete.order?.id);
    expect(second.checkoutComplete.order?.number).toBe(first.checkoutComplete.order?.number);
    expect(await chargeCount(h)).toBe(before + 1);
  });

  it('When the same key comes with another payload, then IDEMPOTENCY_KEY_REUSED', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const other = await readyCheckout(h, shopper);
    const key = randomUUID();
    await complete(shopper, checkout.id, 'pm_card_visa', key);
    expect(
      (await complete(shopper, checkout.id, 'pm_card_mastercard', key)).checkoutComplete.userErrors[0]?.code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      (await complete(shopper, other.id, 'pm_card_visa', key)).checkoutComplete.userErrors[0]?.code,
    ).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('When 30 completions of one checkout run at once, then there is one order and one charge', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const before = await chargeCount(h);
    const key = randomUUID();
    // Half retry one key (a double-clicking client), half race with keys of their own (several tabs).
    const keys = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? key : randomUUID()));
    const results = await Promise.all(keys.map((k) => complete(shopper, checkout.id, 'pm_card_visa', k)));
    const orderIds = new Set(results.map((r) => r.checkoutComplete.order?.id).filter(Boolean));
    expect(orderIds.size).toBe(1);
    const { rows: winner } = await h.db.db.query<{ idempotency_key: string }>(
      `SELECT idempotency_key FROM orders WHERE checkout_id = $1`,
      [checkout.id],
    );
    results.forEach((r, i) => {
      if (keys[i] === winner[0]!.idempotency_key) expect(r.checkoutComplete.order?.status).toBe('PAID');
      else expect(r.checkoutComplete.userErrors[0]?.code).toBe('CHECKOUT_COMPLETED');
    });
    const { rows } = await h.db.db.query(`SELECT id FROM orders WHERE checkout_id = $1`, [checkout.id]);
    expect(rows).toHaveLength(1);
    expect(await chargeCount(h)).toBe(before + 1);
    expect(
      h.cart.calls.filter(
        (c) =>
          c.path === 'reserve' && (c.body as { reservationId: string }).reservationId === [...orderIds][0],
      ),
    ).toHaveLength(1);
  });

  it('When the card needs 3-D Secure, then nextAction is returned, and the order is PAID once the shopper authenticates', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const key = randomUUID();
    const res = await complete(shopper, checkout.id, 'pm_card_threeDSecure2Required', key);
    expect(res.checkoutComplete.order?.status).toBe('PENDING_PAYMENT');
    expect(res.checkoutComplete.nextAction?.type).toBe('REDIRECT_TO_URL');
    const redirect = new URL(res.checkoutComplete.nextAction!.redirectUrl!);
    const port = new URL(h.url).port;
    const auth = await fetch(`http://127.0.0.1:${port}${redirect.pathname}${redirect.search}`, {
      method: 'POST',
    });
    expect(auth.status).toBe(200);
    const again = await complete(shopper, checkout.id, 'pm_card_threeDSecure2Required', key);
    expect(again.checkoutComplete.order?.status).toBe('PAID');
    expect(again.checkoutComplete.order?.id).toBe(res.checkoutComplete.order?.id);
  });

  it('When a guest checks out, then the order has no customer and the key is scoped to the checkout', async () => {
    const checkout = await readyCheckout(h, anonymous);
    const key = randomUUID();
    const res = await complete(anonymous, checkout.id, 'pm_card_visa', key);
    expect(res.checkoutComplete.order).toMatchObject({ status: 'PAID', customer: null });
    expect((await complete(anonymous, checkout.id, 'pm_card_visa', key)).checkoutComplete.order?.id).toBe(
      res.checkoutComplete.order?.id,
    );
    const other = await readyCheckout(h, anonymous);
    expect((await complete(anonymous, other.id, 'pm_card_visa', key)).checkoutComplete.order?.status).toBe(
      'PAID',
    );

    // A guest's order has no one to sign in: reading it by id is for admins only, whoever holds the id.
    const orderId = res.checkoutComplete.order!.id;
    for (const who of [anonymous, customer()]) {
      const read = await raw(who, `query($id: ID!) { order(id: $id) { id email } }`, { id: orderId });
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const byAdmin = await raw(admin(), `query($id: ID!) { order(id: $id) { id } }`, { id: orderId });
    expect(byAdmin.data).toEqual({ order: { id: orderId } });
  });

  async function raw(
    who: Parameters<typeof identityHeaders>[0],
    query: string,
    variables: Record<string, unknown>,
  ) {
    return (await gql(h.url, query, variables, identityHeaders(who, 'orders'))).body;
  }

  it('When a checkout is older than its time to live, then completing it is refused and nothing is charged', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    await h.db.db.query(`UPDATE checkouts SET created_at = now() - interval '2 days' WHERE id = $1`, [
      checkout.id,
    ]);
    const before = await chargeCount(h);
    const res = await complete(shopper, checkout.id, 'pm_card_visa', randomUUID());
    expect(res.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['CHECKOUT_EXPIRED']);
    expect(res.checkoutComplete.order).toBeNull();
    expect(await chargeCount(h)).toBe(before);
  });

  it('When an order or subscription history cursor is forged, then the answer is bad input, not a server error', async () => {
    const shopper = customer();
    for (const list of ['orders', 'subscriptions']) {
      for (const forged of [
        { createdAt: 'x', id: 'y' },
        { createdAt: new Date().toISOString(), id: "1' OR '1'='1" },
      ]) {
        const after = Buffer.from(JSON.stringify(forged)).toString('base64url');
        const res = await raw(
          shopper,
          `query($r: [_Any!]!, $a: String) { _entities(representations: $r) { ... on Customer { ${list}(first: 5, after: $a) { totalCount } } } }`,
          { r: [{ __typename: 'Customer', id: (shopper as { customerId: string }).customerId }], a: after },
        );
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('When an order awaiting 3-D Secure is cancelled and the shopper then authenticates, then nothing is charged', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const res = await complete(shopper, checkout.id, 'pm_card_threeDSecure2Required', randomUUID());
    const orderId = res.checkoutComplete.order!.id;
    const cancel = await h.call<{ orderCancel: { order: { status: string } } }>(
      shopper,
      `mutation($id: ID!) { orderCancel(orderId: $id) { order { status } userErrors { code } } }`,
      { id: orderId },
    );
    expect(cancel.orderCancel.order.status).toBe('CANCELLED');
    const port = new URL(h.url).port;
    const link = new URL(res.checkoutComplete.nextAction!.redirectUrl!);
    // The cancellation cancelled the payment at the provider: the link no longer completes anything.
    const late = await fetch(`http://127.0.0.1:${port}${link.pathname}${link.search}`, { method: 'POST' });
    expect(late.status).toBe(404);
    const { rows } = await h.db.db.query<{ status: string; captured_minor: string; refunded_minor: string }>(
      `SELECT status, captured_minor, refunded_minor FROM orders WHERE id = $1`,
      [orderId],
    );
    expect(rows[0]!.status).toBe('CANCELLED');
    expect(rows[0]!.captured_minor).toBe('0');
    expect(rows[0]!.refunded_minor).toBe(rows[0]!.captured_minor);
    const charges = await h.db.db.query<{ status: string }>(
      `SELECT status FROM sandbox_charges WHERE order_id = $1`,
      [orderId],
    );
    expect(charges.rows).toEqual([{ status: 'canceled' }]);
    const refunded = await h.db.db.query(
      `SELECT r.id FROM sandbox_refunds r JOIN sandbox_charges c ON c.id = r.charge_id WHERE c.order_id = $1`,
      [orderId],
    );
    expect(refunded.rows).toEqual([]);
  });

  it('When the payment method id is unknown or looks like a card number, then a clear userError', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const unknown = await complete(shopper, checkout.id, 'pm_card_unheard_of', randomUUID());
    expect(unknown.checkoutComplete.userErrors[0]).toMatchObject({ code: 'INVALID_PAYMENT_METHOD' });
    const pan = await complete(shopper, checkout.id, '4242424242424242', randomUUID());
    expect(pan.checkoutComplete.userErrors[0]).toMatchObject({
      code: 'INVALID_PAYMENT_METHOD',
      field: ['payment', 'paymentMethodId'],
    });
  });
});

describe('orders', () => {
  const ORDER_QUERY = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

  it("When a shopper reads another shopper's order or a missing one, then FORBIDDEN alike; the owner and an admin can read it", async () => {
    const owner = customer();
    const checkout = await readyCheckout(h, owner);
    const orderId = (await complete(owner, checkout.id, 'pm_card_visa', randomUUID())).checkoutComplete.order!
      .id;
    for (const [who, id] of [
      [customer(), orderId],
      [customer(), randomUUID()],
      [anonymous, orderId],
    ] as const) {
      const res = await gql(h.url, ORDER_QUERY, { id }, identityHeaders(who, 'orders'));
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await h.call<{ order: { id: string } }>(owner, ORDER_QUERY, { id: orderId })).order.id).toBe(
      orderId,
    );
    expect((await h.call<{ order: { id: string } }>(admin(), ORDER_QUERY, { id: orderId })).order.id).toBe(
      orderId,
    );
  });

  it('When a request has no valid gateway identity, then 401', async () => {
    const res = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    const forged = await gql(
      h.url,
      '{ __typename }',
      {},
      identityHeaders(customer(), 'another-secret-another-secret-0123456789'),
    );
    expect(forged.status).toBe(401);
  });

  it('When the gateway resolves Order and Customer.orders through _entities, then it gets them, newest first, page by page, only for the owner', async () => {
    const owner = customer();
    const ownerId = (owner as { customerId: string }).customerId;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const checkout = await readyCheckout(h, owner);
      ids.push((await complete(owner, checkout.id, 'pm_card_visa', randomUUID())).checkoutComplete.order!.id);
    }
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Order { id status total { amount } }
      ... on Customer { id orders(first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } edges { cursor } } } } }`;
    const q = ENTITIES.replace('query($r: [_Any!]!)', 'query($r: [_Any!]!, $after: String)');
    const orders = await h.call<{ _entities: { id: string; status: string }[] }>(owner, q, {
      r: ids.map((id) => ({ __typename: 'Order', id })),
    });
    expect(orders._entities.map((o) => o.id)).toEqual(ids);
    type Page = {
      _entities: {
        orders: {
          totalCount: number;
          nodes: { id: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }[];
    };
    const page1 = await h.call<Page>(owner, q, { r: [{ __typename: 'Customer', id: ownerId }] });
    expect(page1._entities[0]!.orders.totalCount).toBe(3);
    expect(page1._entities[0]!.orders.nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(page1._entities[0]!.orders.pageInfo.hasNextPage).toBe(true);
    const page2 = await h.call<Page>(owner, q, {
      r: [{ __typename: 'Customer', id: ownerId }],
      after: page1._entities[0]!.orders.pageInfo.endCursor,
    });
    expect(page2._entities[0]!.orders.nodes.map((n) => n.id)).toEqual([ids[0]]);
    expect(page2._entities[0]!.orders.pageInfo.hasNextPage).toBe(false);

    const stranger = await gql(
      h.url,
      q,
      { r: [{ __typename: 'Customer', id: ownerId }] },
      identityHeaders(customer(), 'orders'),
    );
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const strangerOrder = await gql(
      h.url,
      q,
      { r: [{ __typename: 'Order', id: ids[0] }] },
      identityHeaders(customer(), 'orders'),
    );
    expect(strangerOrder.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A service identity passes no ownership check: services call internal endpoints, not GraphQL.
    const viaService = await gql(
      h.url,
      q,
      { r: [{ __typename: 'Order', id: ids[0] }] },
      identityHeaders(service('shipping'), 'orders'),
    );
    expect(viaService.status).toBe(403);
  });

  it('When an admin refunds part, then the rest, then more, then the order is PARTIALLY_REFUNDED, REFUNDED, and the excess refused', async () => {
    const owner = customer();
    const checkout = await readyCheckout(h, owner);
    const order = (await complete(owner, checkout.id, 'pm_card_visa', randomUUID())).checkoutComplete.order!;
    const REFUND = `mutation($id: ID!, $a: Decimal!) { orderRefund(orderId: $id, amount: $a, reason: "damaged") {
      order { status refunds { amount { amount } status } } userErrors { code field } } }`;
    type R = {
      orderRefund: {
        order: { status: string; refunds: { amount: { amount: string }; status: string }[] } | null;
        userErrors: UserErrorData[];
      };
    };
    const forbidden = await gql(h.url, REFUND, { id: order.id, a: '1.00' }, identityHeaders(owner, 'orders'));
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const part = await h.call<R>(admin(), REFUND, { id: order.id, a: '10.00' });
    expect(part.orderRefund.order?.status).toBe('PARTIALLY_REFUNDED');
    const tooMuch = await h.call<R>(admin(), REFUND, { id: order.id, a: order.total.amount });
    expect(tooMuch.orderRefund.userErrors[0]?.code).toBe('REFUND_EXCEEDS_CAPTURED');
    const bad = await h.call<R>(admin(), REFUND, { id: order.id, a: '1.234' });
    expect(bad.orderRefund.userErrors[0]?.code).toBe('INVALID_AMOUNT');
    const rest = ((Math.round(Number(order.total.amount) * 100) - 1000) / 100).toFixed(2);
    const full = await h.call<R>(admin(), REFUND, { id: order.id, a: rest });
    expect(full.orderRefund.order?.status).toBe('REFUNDED');
    expect(full.orderRefund.order?.refunds.map((r) => [r.amount.amount, r.status])).toEqual([
      ['10.00', 'SUCCEEDED'],
      [rest, 'SUCCEEDED'],
    ]);
    const { rows } = await h.db.db.query<{ s: string }>(
      `SELECT sum(r.amount_minor) AS s FROM sandbox_refunds r JOIN sandbox_charges c ON c.id = r.charge_id WHERE c.order_id = $1`,
      [order.id],
    );
    expect(Number(rows[0]!.s)).toBe(Math.round(Number(order.total.amount) * 100));
    await waitFor(
      async () =>
        (
          await h.db.db.query(
            `SELECT 1 FROM notifications_sent WHERE order_id = $1 AND kind = 'order_refunded'`,
            [order.id],
          )
        ).rows.length === 2,
    );
  });

  it('When the shopper cancels a paid order, then it is CANCELLED, fully refunded and its stock released; a second cancel is refused', async () => {
    const owner = customer();
    const checkout = await readyCheckout(h, owner);
    const order = (await complete(owner, checkout.id, 'pm_card_visa', randomUUID())).checkoutComplete.order!;
    const CANCEL = `mutation($id: ID!) { orderCancel(orderId: $id, reason: "changed my mind") { order { status refunds { amount { amount } status } } userErrors { code } } }`;
    type C = {
      orderCancel: {
        order: { status: string; refunds: { amount: { amount: string }; status: string }[] } | null;
        userErrors: UserErrorData[];
      };
    };
    const stranger = await gql(h.url, CANCEL, { id: order.id }, identityHeaders(customer(), 'orders'));
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await h.call<C>(owner, CANCEL, { id: order.id });
    expect(res.orderCancel.order?.status).toBe('CANCELLED');
    expect(res.orderCancel.order?.refunds).toEqual([
      { amount: { amount: order.total.amount }, status: 'SUCCEEDED' },
    ]);
    expect(h.cart.calls.some((c) => c.path === `release:${order.id}`)).toBe(true);
    expect((await h.call<C>(owner, CANCEL, { id: order.id })).orderCancel.userErrors[0]?.code).toBe(
      'ORDER_NOT_CANCELLABLE',
    );
    await waitFor(() =>
      h.events.some((e) => e.topic === 'order.cancelled' && e.payload.orderId === order.id),
    );
    const event = h.events.find((e) => e.topic === 'order.cancelled' && e.payload.orderId === order.id)!;
    const file = join(h.dataDir, 'mail', `order-cancelled-${event.id}.json`);
    await waitFor(() => readdirSync(join(h.dataDir, 'mail')).includes(`order-cancelled-${event.id}.json`));
    const mail = JSON.parse(readFileSync(file, 'utf8')) as { subject: string; text: string };
    expect(mail.subject).toBe(`Your order ${order.number} has been cancelled`);
    expect(mail.text).toContain(`We are refunding ${order.total.amount} USD`);
  });
});
