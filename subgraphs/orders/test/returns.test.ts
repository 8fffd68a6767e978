import { randomUUID } from 'node:crypto';
import { admin, customer } from '@shop/testkit';
import type { DomainEvent } from '@shop/datastores';
import { returnAmount } from '../src/domain/returns';
import { ORDER_FIELDS, readyCheckout, startHarness, type Harness, type UserErrorData } from './harness';

let h: Harness;
const refunded: DomainEvent[] = [];
beforeAll(async () => {
  h = await startHarness('orders_returns');
  h.bus.subscribe('test-returns', ['return.refunded'], async (e) => {
    refunded.push(e);
  });
});
afterAll(async () => h?.close());

async function waitFor(check: () => boolean | Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const received = (payload: Record<string, unknown>, id = randomUUID()): DomainEvent => ({
  id,
  topic: 'return.received',
  source: 'shipping',
  occurredAt: new Date().toISOString(),
  payload,
});

/** An order line for the return amount's table tests. */
const line = (id: string, unitPriceMinor: number, quantity: number) => ({
  id,
  variantId: `v-${id}`,
  productId: 'p',
  title: 't',
  variantTitle: 'v',
  sku: 's',
  weightGrams: 1,
  unitPriceMinor,
  quantity,
});

describe('a received return', () => {
  it('When one of two units comes back, then it is refunded once (its price and tax share, split between card and gift card) and return.refunded names the unit; redeliveries change nothing', async () => {
    const shopper = customer();
    const issued = await h.call<{ giftCardCreate: { giftCard: { id: string }; code: string } }>(
      admin(),
      `mutation { giftCardCreate(input: { initialValue: { amount: "20.00", currencyCode: USD } }) { giftCard { id } code } }`,
    );
    const checkout = await readyCheckout(h, shopper);
    await h.call(
      shopper,
      `mutation($id: ID!, $code: String!) { checkoutGiftCardApply(checkoutId: $id, code: $code) { userErrors { code } } }`,
      {
        id: checkout.id,
        code: issued.giftCardCreate.code,
      },
    );
    const done = await h.call<{ checkoutComplete: { order: { id: string; status: string } } }>(
      shopper,
      `mutation($id: ID!, $key: String!) { checkoutComplete(checkoutId: $id, payment: { paymentMethodId: "pm_card_visa" }, idempotencyKey: $key) { order { ${ORDER_FIELDS} } } }`,
      { id: checkout.id, key: randomUUID() },
    );
    const orderId = done.checkoutComplete.order.id;
    const { rows: lines } = await h.db.db.query<{ lines: { id: string; variantId: string }[] }>(
      `SELECT lines FROM orders WHERE id = $1`,
      [orderId],
    );
    const line = lines[0]!.lines[0]!;
    const returnId = randomUUID();
    const event = received({
      returnId,
      orderId,
      customerId: null,
      status: 'RECEIVED',
      lines: [{ orderLineId: line.id, quantity: 1 }],
    });

    await h.bus.publish([event]);
    await waitFor(() => refunded.some((e) => e.payload.returnId === returnId));
    // Redelivered, and delivered again under another event id: nothing more.
    await h.bus.publish([event]);
    await h.bus.publish([{ ...event, id: randomUUID() } as DomainEvent]);
    await new Promise((r) => setTimeout(r, 200));

    // 1 of 2 × 19.99 = 19.99 and half the tax 2.90 = 1.45 → 21.44; split 29.88 : 20.00 → 12.84 card, 8.60 gift card.
    const { rows } = await h.db.db.query(
      `SELECT status, refunded_minor::int, gift_card_refunded_minor::int FROM orders WHERE id = $1`,
      [orderId],
    );
    expect(rows).toEqual([
      { status: 'PARTIALLY_REFUNDED', refunded_minor: 1284, gift_card_refunded_minor: 860 },
    ]);
    const { rows: refunds } = await h.db.db.query(
      `SELECT amount_minor::int, reason FROM refunds WHERE order_id = $1`,
      [orderId],
    );
    expect(refunds).toEqual([{ amount_minor: 2144, reason: `return ${returnId}` }]);
    const { rows: card } = await h.db.db.query(`SELECT balance_minor::int FROM gift_cards WHERE id = $1`, [
      issued.giftCardCreate.giftCard.id,
    ]);
    expect(card).toEqual([{ balance_minor: 860 }]);
    const mine = refunded.filter((e) => e.payload.returnId === returnId);
    expect(mine.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        orderId,
        amountMinor: 2144,
        currencyCode: 'USD',
        lines: [{ variantId: line.variantId, quantity: 1 }],
      }),
    ]);
  });

  it("When a discounted order paid partly by gift card comes back in part, then the refund is the units' discounted share and tax, and the gift card gets its part back", async () => {
    const shopper = customer();
    const code = `BACK${randomUUID().slice(0, 8)}`.toUpperCase();
    const made = await h.call<{ discountCreate: { userErrors: UserErrorData[] } }>(
      admin(),
      `mutation($code: String!) { discountCreate(input: { title: "Back ten", code: $code, kind: PERCENTAGE, value: "10" }) { userErrors { code message } } }`,
      { code },
    );
    expect(made.discountCreate.userErrors).toEqual([]);
    const issued = await h.call<{ giftCardCreate: { giftCard: { id: string }; code: string } }>(
      admin(),
      `mutation { giftCardCreate(input: { initialValue: { amount: "10.00", currencyCode: USD } }) { giftCard { id } code } }`,
    );
    const checkout = await readyCheckout(h, shopper, { discountCodes: [code] });
    await h.call(
      shopper,
      `mutation($id: ID!, $code: String!) { checkoutGiftCardApply(checkoutId: $id, code: $code) { userErrors { code } } }`,
      { id: checkout.id, code: issued.giftCardCreate.code },
    );
    const done = await h.call<{
      checkoutComplete: {
        order: {
          id: string;
          status: string;
          discountTotal: { amount: string };
          taxTotal: { amount: string };
        };
      };
    }>(
      shopper,
      `mutation($id: ID!, $key: String!) { checkoutComplete(checkoutId: $id, payment: { paymentMethodId: "pm_card_visa" }, idempotencyKey: $key) { order { id status discountTotal { amount } taxTotal { amount } } } }`,
      { id: checkout.id, key: randomUUID() },
    );
    const order = done.checkoutComplete.order;
    expect(order.status).toBe('PAID');
    // 2 × 19.99 = 39.98, 10 % off = 4.00 (half-up), tax 7.25 % of 35.98 = 2.61.
    expect([order.discountTotal.amount, order.taxTotal.amount]).toEqual(['4.00', '2.61']);
    const { rows } = await h.db.db.query<{
      lines: { id: string }[];
      captured_minor: number;
      gift_card_minor: number;
    }>(`SELECT lines, captured_minor::int, gift_card_minor::int FROM orders WHERE id = $1`, [order.id]);
    const { captured_minor: captured, gift_card_minor: giftPaid } = rows[0]!;
    expect(giftPaid).toBe(1000);
    const returnId = randomUUID();
    const event = received({
      returnId,
      orderId: order.id,
      customerId: null,
      status: 'RECEIVED',
      lines: [{ orderLineId: rows[0]!.lines[0]!.id, quantity: 1 }],
    });
    await h.bus.publish([event]);
    await waitFor(() => refunded.some((e) => e.payload.returnId === returnId));
    await h.bus.publish([{ ...event, id: randomUUID() } as DomainEvent]);
    await new Promise((r) => setTimeout(r, 200));

    // One of two units: (39.98 − 4.00) / 2 = 17.99, and half the tax 2.61 × 17.99 / 35.98 = 1.31 (half-up of
    // 1.305) → 19.30, not the 19.99 + 1.45 the undiscounted price would give. Split by what is left on each:
    // card `captured`, gift card 10.00.
    const refund = 1799 + 131;
    const giftShare = Math.round((refund * 1000) / (captured + 1000));
    const after = await h.db.db.query(
      `SELECT refunded_minor::int, gift_card_refunded_minor::int FROM orders WHERE id = $1`,
      [order.id],
    );
    expect(after.rows).toEqual([{ refunded_minor: refund - giftShare, gift_card_refunded_minor: giftShare }]);
    expect(giftShare).toBeGreaterThan(0);
    const { rows: card } = await h.db.db.query(`SELECT balance_minor::int FROM gift_cards WHERE id = $1`, [
      issued.giftCardCreate.giftCard.id,
    ]);
    expect(card).toEqual([{ balance_minor: giftShare }]);
    expect(refunded.filter((e) => e.payload.returnId === returnId).map((e) => e.payload.amountMinor)).toEqual(
      [refund],
    );
  });

  it('When the return amount is computed, then each line gives back what it was charged for the returned units and its share of the tax', () => {
    const order = {
      lines: [line('a', 1000, 3), line('b', 500, 1)],
      taxMinor: 350,
      shippingMinor: 700,
      allocations: [],
    };
    expect(returnAmount(order, [{ orderLineId: 'a', quantity: 1 }])).toEqual({
      amountMinor: 1000 + 100,
      lines: [{ variantId: 'v-a', quantity: 1 }],
    });
    expect(
      returnAmount(order, [
        { orderLineId: 'a', quantity: 3 },
        { orderLineId: 'b', quantity: 1 },
      ]).amountMinor,
    ).toBe(3500 + 350);
    expect(returnAmount(order, [{ orderLineId: 'zz', quantity: 1 }])).toEqual({ amountMinor: 0, lines: [] });
  });

  it('When the order was discounted, then a returned unit gives back its share of the line after its discounts, and the tax on that', () => {
    const allocation = (lineId: string | null, amountMinor: number, discountId = 'd1') => ({
      lineId,
      discountId,
      title: 'Sale',
      code: null,
      amountMinor,
    });
    // Line a: 3 × 10.00 less a product discount of 3.00 and 1.50 of an order discount = 25.50;
    // line b: 5.00 less 0.50 of the order discount = 4.50; shipping's own discount is not the lines'.
    // Tax at 10 % on what was charged: 3.00.
    const order = {
      lines: [line('a', 1000, 3), line('b', 500, 1)],
      taxMinor: 300,
      shippingMinor: 700,
      allocations: [
        allocation('a', 300, 'product'),
        allocation('a', 150, 'order'),
        allocation('b', 50, 'order'),
        allocation(null, 700, 'ship'),
      ],
    };
    // One of three units of a: 25.50 / 3 = 8.50, and its tax share 300 × 850 / 3000 = 0.85.
    expect(returnAmount(order, [{ orderLineId: 'a', quantity: 1 }])).toEqual({
      amountMinor: 850 + 85,
      lines: [{ variantId: 'v-a', quantity: 1 }],
    });
    // Everything back: exactly what the lines were charged and all the tax, never the undiscounted price.
    expect(
      returnAmount(order, [
        { orderLineId: 'a', quantity: 3 },
        { orderLineId: 'b', quantity: 1 },
      ]).amountMinor,
    ).toBe(2550 + 450 + 300);
    // A line discounted to nothing gives nothing back.
    const free = { ...order, allocations: [allocation('b', 500)] };
    expect(returnAmount(free, [{ orderLineId: 'b', quantity: 1 }]).amountMinor).toBe(0);
  });
});
