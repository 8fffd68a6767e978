// A checkout's prices expire: completing one priced over CHECKOUT_PRICE_TTL_SECONDS ago re-prices it first.
import { randomUUID } from 'node:crypto';
import { customer } from '@shop/testkit';
import {
  CHECKOUT_FIELDS,
  chargeCount,
  defaultLines,
  readyCheckout,
  startHarness,
  type CheckoutData,
  type Harness,
  type UserErrorData,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_reprice');
});
afterAll(async () => h?.close());

const COMPLETE_WITH_CHECKOUT = `mutation($id: ID!, $pm: String!, $key: String!) {
  checkoutComplete(checkoutId: $id, payment: { paymentMethodId: $pm }, idempotencyKey: $key) {
    order { id status total { amount } } checkout { ${CHECKOUT_FIELDS} } userErrors { code field message } } }`;
type Completed = {
  checkoutComplete: {
    order: { id: string; status: string; total: { amount: string } } | null;
    checkout: CheckoutData | null;
    userErrors: UserErrorData[];
  };
};

/** A checkout of one line whose variant the catalog sells at `priceMinor`, priced `ageMinutes` ago. */
async function agedCheckout(priceMinor: number, ageMinutes: number) {
  const shopper = customer();
  const lines = defaultLines();
  const line = lines[0]!;
  line.unitPriceMinor = priceMinor;
  h.catalog.variants.set(line.variantId, {
    id: line.variantId,
    productId: line.productId,
    productTitle: line.title,
    title: line.variantTitle,
    sku: line.sku,
    priceMinor,
    currencyCode: 'USD',
    weightGrams: line.weightGrams,
  });
  const checkout = await readyCheckout(h, shopper, { lines });
  await h.db.db.query(
    `UPDATE checkouts SET created_at = now() - make_interval(mins => $2), priced_at = now() - make_interval(mins => $2) WHERE id = $1`,
    [checkout.id, ageMinutes],
  );
  return { shopper, checkout, variantId: line.variantId };
}

describe('checkout prices expire', () => {
  it('When a checkout priced over an hour ago is completed after a price rise, then PRICES_CHANGED with the new totals and nothing is charged; completing again charges the new price', async () => {
    const { shopper, checkout, variantId } = await agedCheckout(1999, 61);
    h.catalog.variants.get(variantId)!.priceMinor = 2499;
    const before = await chargeCount(h);
    const res = await h.call<Completed>(shopper, COMPLETE_WITH_CHECKOUT, {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    });
    expect(res.checkoutComplete.order).toBeNull();
    expect(res.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['PRICES_CHANGED']);
    const repriced = res.checkoutComplete.checkout!;
    // 2 × 24.99 = 49.98; UPS Ground 7.00; CA 7.25 % of 49.98 = 3.62355 → 3.62.
    expect(repriced.lines[0]!.unitPrice.amount).toBe('24.99');
    expect(repriced.subtotal.amount).toBe('49.98');
    expect(repriced.total.amount).toBe('60.60');
    expect(await chargeCount(h)).toBe(before);
    const { rows } = await h.db.db.query(`SELECT id FROM orders WHERE checkout_id = $1`, [checkout.id]);
    expect(rows).toEqual([]);

    const again = await h.call<Completed>(shopper, COMPLETE_WITH_CHECKOUT, {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    });
    expect(again.checkoutComplete.userErrors).toEqual([]);
    expect(again.checkoutComplete.order).toMatchObject({ status: 'PAID', total: { amount: '60.60' } });
    const charged = await h.db.db.query<{ amount_minor: string }>(
      `SELECT amount_minor FROM sandbox_charges WHERE order_id = $1`,
      [again.checkoutComplete.order!.id],
    );
    expect(charged.rows).toEqual([{ amount_minor: '6060' }]);
  });

  it('When a checkout priced over an hour ago still has the same prices, then it completes as priced', async () => {
    const { shopper, checkout } = await agedCheckout(1999, 90);
    const res = await h.call<Completed>(shopper, COMPLETE_WITH_CHECKOUT, {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    });
    expect(res.checkoutComplete.userErrors).toEqual([]);
    expect(res.checkoutComplete.order).toMatchObject({
      status: 'PAID',
      total: { amount: checkout.total.amount },
    });
  });

  it('When a checkout priced minutes ago is completed after a price change, then it is charged as priced (the window has not passed)', async () => {
    const { shopper, checkout, variantId } = await agedCheckout(1999, 10);
    h.catalog.variants.get(variantId)!.priceMinor = 2499;
    const lookups = h.catalog.lookups;
    const res = await h.call<Completed>(shopper, COMPLETE_WITH_CHECKOUT, {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    });
    expect(res.checkoutComplete.order).toMatchObject({
      status: 'PAID',
      total: { amount: checkout.total.amount },
    });
    expect(h.catalog.lookups).toBe(lookups);
  });

  it('When a product of an old checkout is no longer sold, then INVALID_MERCHANDISE and nothing is charged', async () => {
    const { shopper, checkout, variantId } = await agedCheckout(1999, 61);
    h.catalog.variants.delete(variantId);
    const before = await chargeCount(h);
    const res = await h.call<Completed>(shopper, COMPLETE_WITH_CHECKOUT, {
      id: checkout.id,
      pm: 'pm_card_visa',
      key: randomUUID(),
    });
    expect(res.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['INVALID_MERCHANDISE']);
    expect(await chargeCount(h)).toBe(before);
  });
});
