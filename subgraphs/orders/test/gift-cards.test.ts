import { randomUUID } from 'node:crypto';
import { admin, customer } from '@shop/testkit';
import { allocateGiftCards, prorate } from '../src/domain/gift-cards';
import { ORDER_FIELDS, readyCheckout, startHarness, type Harness, type UserErrorData } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_gift_cards');
});
afterAll(async () => h?.close());

const CREATE = `mutation($input: GiftCardCreateInput!) { giftCardCreate(input: $input) {
  giftCard { id lastCharacters balance { amount currencyCode } initialValue { amount } expiresOn customer { id } } code userErrors { code field message } } }`;
const APPLY = `mutation($id: ID!, $code: String!) { checkoutGiftCardApply(checkoutId: $id, code: $code) {
  checkout { id total { amount } paymentDue { amount } appliedGiftCards { id lastCharacters balance { amount } amountUsed { amount } } } userErrors { code field } } }`;
const REMOVE = `mutation($id: ID!, $g: ID!) { checkoutGiftCardRemove(checkoutId: $id, giftCardId: $g) { checkout { paymentDue { amount } appliedGiftCards { id } } userErrors { code } } }`;
const COMPLETE_ANY = `mutation($id: ID!, $payment: PaymentInput, $key: String!) {
  checkoutComplete(checkoutId: $id, payment: $payment, idempotencyKey: $key) {
    order { ${ORDER_FIELDS} giftCardTotal { amount } } userErrors { code field message } } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!) { orderRefund(orderId: $id, amount: $amount) { order { status } userErrors { code } } }`;

interface CreateData {
  giftCardCreate: {
    giftCard: {
      id: string;
      lastCharacters: string;
      balance: { amount: string; currencyCode: string };
      expiresOn: string | null;
    } | null;
    code: string | null;
    userErrors: UserErrorData[];
  };
}
interface CompleteAnyData {
  checkoutComplete: {
    order: {
      id: string;
      status: string;
      total: { amount: string };
      giftCardTotal: { amount: string };
    } | null;
    userErrors: UserErrorData[];
  };
}

async function issue(amount: string, extra: Record<string, unknown> = {}) {
  const res = await h.call<CreateData>(admin(), CREATE, {
    input: { initialValue: { amount, currencyCode: 'USD' }, ...extra },
  });
  if (!res.giftCardCreate.giftCard || !res.giftCardCreate.code)
    throw new Error(JSON.stringify(res.giftCardCreate.userErrors));
  return { id: res.giftCardCreate.giftCard.id, code: res.giftCardCreate.code };
}

async function balanceOf(id: string): Promise<string> {
  const res = await h.call<{ giftCard: { balance: { amount: string } } }>(
    admin(),
    `query($id: ID!) { giftCard(id: $id) { balance { amount } } }`,
    { id },
  );
  return res.giftCard.balance.amount;
}

const complete = (
  principal: Parameters<Harness['call']>[0],
  id: string,
  pm: string | null,
  key = randomUUID(),
) =>
  h.call<CompleteAnyData>(principal, COMPLETE_ANY, { id, key, payment: pm ? { paymentMethodId: pm } : null });

describe('gift cards', () => {
  it('When an admin issues a gift card, then the code (16+ characters) is shown once and only its hash is stored; shoppers cannot issue or read cards', async () => {
    const owner = customer();
    const ownerId = (owner as { customerId: string }).customerId;
    const res = await h.call<CreateData>(admin(), CREATE, {
      input: {
        initialValue: { amount: '50.00', currencyCode: 'USD' },
        expiresOn: '2099-12-31',
        customerId: ownerId,
      },
    });
    const { giftCard, code } = res.giftCardCreate;
    expect(code).toMatch(/^[A-Z2-9]{16}$/);
    expect(giftCard).toEqual(
      expect.objectContaining({
        lastCharacters: code!.slice(-4),
        balance: { amount: '50.00', currencyCode: 'USD' },
        expiresOn: '2099-12-31',
      }),
    );
    const { rows } = await h.db.db.query(`SELECT * FROM gift_cards WHERE id = $1`, [giftCard!.id]);
    expect(JSON.stringify(rows)).not.toContain(code!);
    const again = await h.call<{ giftCard: Record<string, unknown> }>(
      admin(),
      `query($id: ID!) { giftCard(id: $id) { id lastCharacters } }`,
      { id: giftCard!.id },
    );
    expect(JSON.stringify(again)).not.toContain(code!);
    const mine = await h.call<{ _entities: { giftCards: { id: string }[] }[] }>(
      owner,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { giftCards { id } } } }`,
      {
        r: [{ __typename: 'Customer', id: ownerId }],
      },
    );
    expect(mine._entities[0]!.giftCards).toEqual([{ id: giftCard!.id }]);

    await expect(
      h.call(customer(), CREATE, { input: { initialValue: { amount: '5.00', currencyCode: 'USD' } } }),
    ).rejects.toThrow();
    await expect(
      h.call(customer(), `query($id: ID!) { giftCard(id: $id) { id } }`, { id: giftCard!.id }),
    ).rejects.toThrow();
    const short = await h.call<CreateData>(admin(), CREATE, {
      input: { initialValue: { amount: '5.00', currencyCode: 'USD' }, code: 'SHORT' },
    });
    expect(short.giftCardCreate.userErrors.map((e) => e.code)).toEqual(['INVALID_CODE']);
    const zero = await h.call<CreateData>(admin(), CREATE, {
      input: { initialValue: { amount: '0', currencyCode: 'USD' } },
    });
    expect(zero.giftCardCreate.userErrors.map((e) => e.code)).toEqual(['INVALID_AMOUNT']);
  });

  it('When a gift card covers the whole checkout, then the order is PAID with no payment method and nothing is charged to a card', async () => {
    const shopper = customer();
    const card = await issue('100.00');
    const checkout = await readyCheckout(h, shopper);
    const applied = await h.call<{
      checkoutGiftCardApply: {
        checkout: { paymentDue: { amount: string }; appliedGiftCards: { amountUsed: { amount: string } }[] };
      };
    }>(shopper, APPLY, {
      id: checkout.id,
      code: card.code.toLowerCase().replace(/(.{4})/g, '$1-'),
    });
    expect(applied.checkoutGiftCardApply.checkout.paymentDue.amount).toBe('0.00');
    expect(applied.checkoutGiftCardApply.checkout.appliedGiftCards.map((a) => a.amountUsed.amount)).toEqual([
      '49.88',
    ]);
    const res = await complete(shopper, checkout.id, null);
    expect(res.checkoutComplete.order).toEqual(
      expect.objectContaining({
        status: 'PAID',
        total: expect.objectContaining({ amount: '49.88' }),
        giftCardTotal: { amount: '49.88' },
      }),
    );
    expect(await balanceOf(card.id)).toBe('50.12');
    const { rows } = await h.db.db.query(
      `SELECT count(*)::int AS n FROM sandbox_charges WHERE order_id = $1`,
      [res.checkoutComplete.order!.id],
    );
    expect(rows[0]).toEqual({ n: 0 });
    expect(h.cart.reservations.get(res.checkoutComplete.order!.id)?.status).toBe('COMMITTED');
  });

  it('When a gift card covers part, then the card is charged the rest; a refund goes back to both in proportion', async () => {
    const shopper = customer();
    const card = await issue('20.00');
    const checkout = await readyCheckout(h, shopper);
    await h.call(shopper, APPLY, { id: checkout.id, code: card.code });
    const refused = await complete(shopper, checkout.id, null);
    expect(refused.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['PAYMENT_METHOD_REQUIRED']);
    expect(await balanceOf(card.id)).toBe('20.00');

    const res = await complete(shopper, checkout.id, 'pm_card_visa');
    const order = res.checkoutComplete.order!;
    expect(order).toEqual(expect.objectContaining({ status: 'PAID', giftCardTotal: { amount: '20.00' } }));
    expect(await balanceOf(card.id)).toBe('0.00');
    const { rows } = await h.db.db.query<{ amount_minor: string }>(
      `SELECT amount_minor FROM sandbox_charges WHERE order_id = $1`,
      [order.id],
    );
    expect(rows.map((r) => Number(r.amount_minor))).toEqual([2988]);

    // 10.00 of 49.88 back: 20.00 / 49.88 of it (4.01) to the gift card, 5.99 to the card.
    const partial = await h.call<{ orderRefund: { order: { status: string } } }>(admin(), REFUND, {
      id: order.id,
      amount: '10.00',
    });
    expect(partial.orderRefund.order.status).toBe('PARTIALLY_REFUNDED');
    expect(await balanceOf(card.id)).toBe('4.01');
    const rest = await h.call<{ orderRefund: { order: { status: string } } }>(admin(), REFUND, {
      id: order.id,
      amount: '39.88',
    });
    expect(rest.orderRefund.order.status).toBe('REFUNDED');
    expect(await balanceOf(card.id)).toBe('20.00');
    const { rows: o } = await h.db.db.query(
      `SELECT refunded_minor::int, captured_minor::int, gift_card_refunded_minor::int FROM orders WHERE id = $1`,
      [order.id],
    );
    expect(o[0]).toEqual({ refunded_minor: 2988, captured_minor: 2988, gift_card_refunded_minor: 2000 });
  });

  it('When the card payment for the rest is declined, then the order is cancelled and the gift card gets its debit back', async () => {
    const shopper = customer();
    const card = await issue('10.00');
    const checkout = await readyCheckout(h, shopper);
    await h.call(shopper, APPLY, { id: checkout.id, code: card.code });
    const res = await complete(shopper, checkout.id, 'pm_card_chargeDeclined');
    expect(res.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['PAYMENT_DECLINED']);
    expect(await balanceOf(card.id)).toBe('10.00');
  });

  it('When a code is wrong, expired, spent, or removed, then it is refused or no longer pays', async () => {
    const shopper = customer();
    const checkout = await readyCheckout(h, shopper);
    const call = (code: string) =>
      h.call<{ checkoutGiftCardApply: { userErrors: UserErrorData[] } }>(shopper, APPLY, {
        id: checkout.id,
        code,
      });
    expect((await call('NOPE-NOPE-NOPE-NOPE')).checkoutGiftCardApply.userErrors.map((e) => e.code)).toEqual([
      'GIFT_CARD_NOT_FOUND',
    ]);
    const expired = await issue('5.00', { expiresOn: '2020-01-01' });
    expect((await call(expired.code)).checkoutGiftCardApply.userErrors.map((e) => e.code)).toEqual([
      'GIFT_CARD_EXPIRED',
    ]);
    const card = await issue('5.00');
    await call(card.code);
    const removed = await h.call<{
      checkoutGiftCardRemove: { checkout: { paymentDue: { amount: string }; appliedGiftCards: unknown[] } };
    }>(shopper, REMOVE, { id: checkout.id, g: card.id });
    expect(removed.checkoutGiftCardRemove.checkout).toEqual({
      paymentDue: { amount: '49.88' },
      appliedGiftCards: [],
    });
    // Someone else's checkout is not found, whatever the code.
    expect(
      (
        await h.call<{ checkoutGiftCardApply: { userErrors: UserErrorData[] } }>(customer(), APPLY, {
          id: checkout.id,
          code: card.code,
        })
      ).checkoutGiftCardApply.userErrors.map((e) => e.code),
    ).toEqual(['CHECKOUT_NOT_FOUND']);
  });

  it('When 10 checkouts race on one gift card with balance for 3, then exactly 3 are paid, the balance ends at 0 and never went below', async () => {
    const card = await issue('149.64'); // 3 × 49.88
    const shoppers = Array.from({ length: 10 }, () => customer());
    const checkouts = await Promise.all(shoppers.map((s) => readyCheckout(h, s)));
    for (const [i, c] of checkouts.entries())
      await h.call(shoppers[i]!, APPLY, { id: c.id, code: card.code });
    const results = await Promise.all(checkouts.map((c, i) => complete(shoppers[i]!, c.id, null)));
    const paid = results.filter((r) => r.checkoutComplete.order?.status === 'PAID');
    expect(paid).toHaveLength(3);
    expect(
      results.filter((r) => r.checkoutComplete.userErrors[0]?.code === 'PAYMENT_METHOD_REQUIRED'),
    ).toHaveLength(7);
    expect(await balanceOf(card.id)).toBe('0.00');
    const { rows } = await h.db.db.query<{ n: number; sum: number }>(
      `SELECT count(*)::int AS n, sum(amount_minor)::int AS sum FROM gift_card_transactions WHERE gift_card_id = $1`,
      [card.id],
    );
    expect(rows[0]).toEqual({ n: 3, sum: -14_964 });
  });
});

describe('gift-card arithmetic', () => {
  it('When an amount is prorated, then the shares sum exactly to it and the largest remainders take the leftover cents', () => {
    expect(prorate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(prorate(1000, [2000, 2988])).toEqual([401, 599]);
    expect(prorate(0, [5, 5])).toEqual([0, 0]);
    expect(prorate(7, [0, 0])).toEqual([0, 0]);
    for (const [amount, weights] of [
      [999, [3, 7, 11]],
      [1, [1, 1]],
      [12345, [100, 200, 300, 400]],
    ] as const) {
      const shares = prorate(amount, [...weights]);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
    }
  });

  it('When cards are applied, then they pay in the order applied, each as far as its balance goes, expired ones not at all', () => {
    const card = (id: string, balanceMinor: number, expiresOn: string | null = null) => ({
      id,
      lastCharacters: 'ABCD',
      currency: 'USD',
      initialMinor: balanceMinor,
      balanceMinor,
      expiresOn,
      customerId: null,
      createdAt: new Date(),
    });
    const used = allocateGiftCards(
      [card('a', 1000), card('old', 5000, '2020-01-01'), card('b', 5000), card('c', 5000)],
      4988,
      new Date('2026-06-01'),
    );
    expect(used.map((u) => u.amountUsedMinor)).toEqual([1000, 0, 3988, 0]);
  });
});
