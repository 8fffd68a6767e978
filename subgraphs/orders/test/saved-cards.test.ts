// Saved cards are their owner's: who may read them, and who may pay with them.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@shop/common';
import { admin, customer, gql, identityHeaders } from '@shop/testkit';
import {
  COMPLETE,
  US_ADDRESS,
  chargeCount,
  readyCheckout,
  startHarness,
  type Harness,
  type UserErrorData,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_saved_cards');
});
afterAll(async () => h?.close());

const partner = (scopes: string[]): Principal => ({ kind: 'partner', partnerId: randomUUID(), scopes });
const idOf = (p: Principal) => (p as { customerId: string }).customerId;

/** A shopper with a subscription, so a card saved on their provider customer; answers the saved method's id. */
async function shopperWithSavedCard(): Promise<{ shopper: Principal; savedId: string }> {
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
  const res = await h.call<{
    subscriptionCreate: { subscription: { paymentMethodId: string } | null; userErrors: UserErrorData[] };
  }>(
    shopper,
    `mutation($input: ProductSubscriptionCreateInput!) { subscriptionCreate(input: $input) { subscription { paymentMethodId } userErrors { code message } } }`,
    {
      input: {
        variantId,
        quantity: 1,
        interval: 'MONTH',
        paymentMethodId: 'pm_card_visa',
        shippingAddress: US_ADDRESS,
        email: 'ada@example.com',
      },
    },
  );
  if (!res.subscriptionCreate.subscription)
    throw new Error(JSON.stringify(res.subscriptionCreate.userErrors));
  return { shopper, savedId: res.subscriptionCreate.subscription.paymentMethodId };
}

const CUSTOMER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { FIELDS } } }`;

describe('saved payment methods', () => {
  it('When a partner key with orders:read reads a customer, then it gets their orders and subscriptions but not their saved cards', async () => {
    const { shopper } = await shopperWithSavedCard();
    const reader = partner(['orders:read']);
    const rep = { r: [{ __typename: 'Customer', id: idOf(shopper) }] };
    const lists = await h.call<{
      _entities: { orders: { totalCount: number }; subscriptions: { totalCount: number } }[];
    }>(
      reader,
      CUSTOMER.replace('FIELDS', 'orders(first: 5) { totalCount } subscriptions(first: 5) { totalCount }'),
      rep,
    );
    expect(lists._entities[0]).toEqual({ orders: { totalCount: 1 }, subscriptions: { totalCount: 1 } });
    const cards = await gql(
      h.url,
      CUSTOMER.replace('FIELDS', 'paymentMethods { id last4 }'),
      rep,
      identityHeaders(reader, 'orders'),
    );
    expect(cards.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The owner and an admin still read them.
    for (const who of [shopper, admin()]) {
      const seen = await h.call<{ _entities: { paymentMethods: { last4: string }[] }[] }>(
        who,
        CUSTOMER.replace('FIELDS', 'paymentMethods { last4 }'),
        rep,
      );
      expect(seen._entities[0]!.paymentMethods).toEqual([{ last4: '4242' }]);
    }
  });

  it("When a shopper pays with another shopper's saved card, then INVALID_PAYMENT_METHOD and nothing is charged; the owner pays with it", async () => {
    const { shopper: owner, savedId } = await shopperWithSavedCard();
    const thief = customer();
    const checkout = await readyCheckout(h, thief);
    const before = await chargeCount(h);
    const stolen = await h.call<{ checkoutComplete: { order: null; userErrors: UserErrorData[] } }>(
      thief,
      COMPLETE,
      { id: checkout.id, pm: savedId, key: randomUUID() },
    );
    expect(stolen.checkoutComplete.order).toBeNull();
    expect(stolen.checkoutComplete.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_PAYMENT_METHOD', field: ['payment', 'paymentMethodId'] }),
    ]);
    expect(await chargeCount(h)).toBe(before);
    const { rows } = await h.db.db.query(`SELECT id FROM orders WHERE checkout_id = $1`, [checkout.id]);
    expect(rows).toEqual([]);
    // A guest cannot use it either.
    const guestCheckout = await readyCheckout(h, { kind: 'anonymous' });
    const guest = await h.call<{ checkoutComplete: { userErrors: UserErrorData[] } }>(
      { kind: 'anonymous' },
      COMPLETE,
      { id: guestCheckout.id, pm: savedId, key: randomUUID() },
    );
    expect(guest.checkoutComplete.userErrors[0]?.code).toBe('INVALID_PAYMENT_METHOD');

    const own = await readyCheckout(h, owner);
    const paid = await h.call<{
      checkoutComplete: { order: { status: string } | null; userErrors: UserErrorData[] };
    }>(owner, COMPLETE, { id: own.id, pm: savedId, key: randomUUID() });
    expect(paid.checkoutComplete.userErrors).toEqual([]);
    expect(paid.checkoutComplete.order?.status).toBe('PAID');
  });
});
