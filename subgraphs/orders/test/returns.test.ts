import { randomUUID } from 'node:crypto';
import { admin, customer } from '@shop/testkit';
import type { DomainEvent } from '@shop/datastores';
import { returnAmount } from '../src/domain/returns';
import { ORDER_FIELDS, readyCheckout, startHarness, type Harness } from './harness';

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

  it('When the return amount is computed, then each line gives back what it was charged for the returned units and its share of the tax', () => {
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
    const order = { lines: [line('a', 1000, 3), line('b', 500, 1)], taxMinor: 350, shippingMinor: 700 };
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
});
