// Discount codes through the gateway: applied, refused when expired or under the minimum, and exactly N uses.
import { randomUUID } from 'node:crypto';
import { gql } from '@shop/testkit';
import { ADDRESS, call as callAt } from './checkout-flow';
import { startRealShop, type RealShop } from './real-shop';

interface Variant {
  id: string;
  quantityAvailable: number;
  price: { amount: string };
}

describe('promotions through the gateway', () => {
  let shop: RealShop;
  let admin: Record<string, string>;
  let variant: Variant;

  const call = <T>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) => callAt<T>(shop.url, query, variables, headers);

  async function createDiscount(input: Record<string, unknown>): Promise<string> {
    const r = await call<{ discountCreate: { discount: { id: string } | null; userErrors: unknown[] } }>(
      `mutation($input: DiscountInput!) { discountCreate(input: $input) { discount { id } userErrors { code field message } } }`,
      { input },
      admin,
    );
    expect(r.discountCreate.userErrors).toEqual([]);
    return r.discountCreate.discount!.id;
  }

  async function cartWith(quantity: number, codes: string[]) {
    const created = await call<{ cartCreate: { cart: { id: string } } }>(
      `mutation($input: CartInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
      { input: { lines: [{ merchandiseId: variant.id, quantity }] } },
    );
    const cartId = created.cartCreate.cart.id;
    const updated = await call<{
      cartDiscountCodesUpdate: {
        cart: {
          discountCodes: { code: string; applicable: boolean }[];
          discountAllocations: { code: string | null; discountedAmount: { amount: string } }[];
        };
        userErrors: { code: string }[];
      };
    }>(
      `mutation($id: ID!, $codes: [String!]!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: $codes) {
         cart { discountCodes { code applicable } discountAllocations { title code discountedAmount { amount } } } userErrors { code field message } } }`,
      { id: cartId, codes },
    );
    return { cartId, ...updated.cartDiscountCodesUpdate };
  }

  async function checkout(cartId: string, email: string) {
    const created = await call<{
      checkoutCreate: { checkout: { id: string; availableShippingRates: { handle: string }[] } };
    }>(
      `mutation($input: CheckoutCreateInput!) { checkoutCreate(input: $input) { checkout { id availableShippingRates { handle } } userErrors { code } } }`,
      { input: { cartId, email, shippingAddress: ADDRESS } },
    );
    const c = created.checkoutCreate.checkout;
    const selected = await call<{
      checkoutShippingRateSelect: {
        checkout: {
          subtotal: { amount: string };
          discountTotal: { amount: string };
          discountCodes: string[];
          total: { amount: string };
        };
      };
    }>(
      `mutation($id: ID!, $h: String!) { checkoutShippingRateSelect(checkoutId: $id, rateHandle: $h) {
         checkout { subtotal { amount } discountTotal { amount } discountCodes total { amount } } userErrors { code } } }`,
      { id: c.id, h: c.availableShippingRates[0]!.handle },
    );
    return { id: c.id, ...selected.checkoutShippingRateSelect.checkout };
  }

  const complete = (checkoutId: string, pm = 'pm_card_visa') =>
    call<{
      checkoutComplete: {
        order: { status: string; discountTotal: { amount: string }; discountCodes: string[] } | null;
        userErrors: { code: string }[];
      };
    }>(
      `mutation($id: ID!, $pm: String!, $key: String!) { checkoutComplete(checkoutId: $id, payment: { paymentMethodId: $pm }, idempotencyKey: $key) {
         order { status discountTotal { amount } discountCodes } userErrors { code message } } }`,
      { id: checkoutId, pm, key: randomUUID() },
    );

  beforeAll(async () => {
    shop = await startRealShop('promotions');
    admin = await shop.signIn();
    const data = await call<{ products: { nodes: { variants: Variant[] }[] } }>(
      `{ products(first: 50) { nodes { variants { id quantityAvailable price { amount } } } } }`,
    );
    variant = data.products.nodes
      .flatMap((p) => p.variants)
      .find((v) => v.quantityAvailable >= 40 && Number(v.price.amount) >= 10)!;
    expect(variant).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    await shop?.stop();
  });

  it('When a code is applied, then the cart, the checkout and the order carry it and its amount', async () => {
    await createDiscount({ title: 'Ten off', code: 'TENOFF', kind: 'PERCENTAGE', value: '10' });
    const cart = await cartWith(2, ['tenoff']);
    expect(cart.userErrors).toEqual([]);
    expect(cart.cart.discountCodes).toEqual([{ code: 'TENOFF', applicable: true }]);
    const cents = (m: string) => Math.round(Number(m) * 100);
    const expected = Math.round(cents(variant.price.amount) * 2 * 0.1);
    expect(cents(cart.cart.discountAllocations[0]!.discountedAmount.amount)).toBe(expected);
    const c = await checkout(cart.cartId, `ten.${randomUUID()}@example.com`);
    expect(c.discountCodes).toEqual(['TENOFF']);
    expect(cents(c.discountTotal.amount)).toBe(expected);
    const paid = await complete(c.id);
    expect(paid.checkoutComplete.userErrors).toEqual([]);
    expect(paid.checkoutComplete.order!.discountCodes).toEqual(['TENOFF']);
    expect(cents(paid.checkoutComplete.order!.discountTotal.amount)).toBe(expected);
  }, 60_000);

  it('When a code has expired, is unknown or the cart is under its minimum, then each is refused with its code', async () => {
    await createDiscount({
      title: 'Gone',
      code: 'GONE',
      kind: 'PERCENTAGE',
      value: '5',
      startsAt: '2020-01-01T00:00:00Z',
      endsAt: '2020-02-01T00:00:00Z',
    });
    await createDiscount({
      title: 'Big spender',
      code: 'BIGSPEND',
      kind: 'FIXED_AMOUNT',
      value: '5',
      minimumSubtotal: '100000',
    });
    const cart = await cartWith(1, ['GONE', 'BIGSPEND', 'NOSUCHCODE']);
    expect(cart.userErrors.map((e) => e.code)).toEqual([
      'DISCOUNT_CODE_EXPIRED',
      'DISCOUNT_MINIMUM_NOT_MET',
      'DISCOUNT_CODE_INVALID',
    ]);
    expect(cart.cart.discountCodes.map((c) => c.applicable)).toEqual([false, false, false]);
    expect(cart.cart.discountAllocations).toEqual([]);
  }, 60_000);

  it('When 20 shoppers race for a code with 5 uses (after one declined card gave its use back), then exactly 5 paid orders are discounted', async () => {
    const id = await createDiscount({
      title: 'Five only',
      code: 'FIVEONLY',
      kind: 'FIXED_AMOUNT',
      value: '1',
      usageLimit: 5,
    });
    const declinedCart = await cartWith(1, ['FIVEONLY']);
    const declined = await complete(
      (await checkout(declinedCart.cartId, `declined.${randomUUID()}@example.com`)).id,
      'pm_card_chargeDeclined',
    );
    expect(declined.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['PAYMENT_DECLINED']);

    const checkouts = [];
    for (let i = 0; i < 20; i++) {
      const cart = await cartWith(1, ['FIVEONLY']);
      checkouts.push(await checkout(cart.cartId, `racer.${i}.${randomUUID()}@example.com`));
    }
    expect(checkouts.every((c) => c.discountCodes.includes('FIVEONLY'))).toBe(true);
    const results = await Promise.all(checkouts.map((c) => complete(c.id)));
    const paid = results.filter((r) => r.checkoutComplete.order?.status === 'PAID');
    const refused = results.filter((r) => r.checkoutComplete.order === null);
    expect(paid).toHaveLength(5);
    expect(paid.every((r) => r.checkoutComplete.order!.discountCodes.includes('FIVEONLY'))).toBe(true);
    expect(refused).toHaveLength(15);
    expect(
      refused.every(
        (r) => r.checkoutComplete.userErrors.map((e) => e.code).join() === 'DISCOUNT_USAGE_LIMIT_REACHED',
      ),
    ).toBe(true);

    const listed = await call<{
      discounts: { nodes: { id: string; usageCount: number; usageLimit: number }[] };
    }>(`{ discounts(first: 50) { nodes { id usageCount usageLimit } } }`, {}, admin);
    expect(listed.discounts.nodes.find((d) => d.id === id)).toEqual({ id, usageCount: 5, usageLimit: 5 });
  }, 180_000);

  it('When one shopper completes two checkouts at once with a once-per-customer code, then only one is paid', async () => {
    await createDiscount({
      title: 'Welcome',
      code: 'WELCOME1',
      kind: 'PERCENTAGE',
      value: '20',
      oncePerCustomer: true,
    });
    const email = `once.${randomUUID()}@example.com`;
    const a = await checkout((await cartWith(1, ['WELCOME1'])).cartId, email);
    const b = await checkout((await cartWith(1, ['WELCOME1'])).cartId, email);
    const results = await Promise.all([complete(a.id), complete(b.id)]);
    const codes = results
      .map((r) => r.checkoutComplete.order?.status ?? r.checkoutComplete.userErrors.map((e) => e.code).join())
      .sort();
    expect(codes).toEqual(['DISCOUNT_USAGE_LIMIT_REACHED', 'PAID']);
  }, 60_000);

  it('When a code names a category, then only lines of that category (or one below it) are discounted, on the cart lines, the cart cost, the checkout and the order', async () => {
    interface Product {
      category: { handle: string; parent: { handle: string } | null } | null;
      variants: Variant[];
    }
    const data = await call<{ products: { nodes: Product[] } }>(
      `{ products(first: 50) { nodes { category { handle parent { handle } } variants { id quantityAvailable price { amount } } } } }`,
    );
    const stocked = (p: Product) =>
      p.variants.find((v) => v.quantityAvailable >= 5 && Number(v.price.amount) >= 10);
    const inCategory = data.products.nodes.find((p) => p.category?.parent && stocked(p))!;
    expect(inCategory).toBeDefined();
    // The discount names the parent: a product of a sub-category is in it too.
    const handle = inCategory.category!.parent!.handle;
    const outside = data.products.nodes.find(
      (p) =>
        stocked(p) &&
        p.category?.handle !== handle &&
        p.category?.parent?.handle !== handle &&
        p.category?.handle !== inCategory.category!.handle,
    )!;
    expect(outside).toBeDefined();
    const [target, other] = [stocked(inCategory)!, stocked(outside)!];
    await createDiscount({
      title: 'Category sale',
      code: 'CATSALE',
      kind: 'PERCENTAGE',
      value: '25',
      appliesTo: { categoryHandles: [handle] },
    });

    const created = await call<{ cartCreate: { cart: { id: string } } }>(
      `mutation($input: CartInput!) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
      {
        input: {
          lines: [
            { merchandiseId: target.id, quantity: 2 },
            { merchandiseId: other.id, quantity: 1 },
          ],
        },
      },
    );
    const cartId = created.cartCreate.cart.id;
    const updated = await call<{
      cartDiscountCodesUpdate: { userErrors: { code: string }[] };
    }>(
      `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["catsale"]) { userErrors { code } } }`,
      { id: cartId },
    );
    expect(updated.cartDiscountCodesUpdate.userErrors).toEqual([]);

    const { cart } = await call<{
      cart: {
        cost: {
          subtotalAmount: { amount: string; currencyCode: string };
          discountAmount: { amount: string; currencyCode: string };
        };
        discountAllocations: { code: string | null; discountedAmount: { amount: string } }[];
        lines: {
          merchandise: { id: string };
          discountAllocations: { title: string; code: string | null; discountedAmount: { amount: string } }[];
        }[];
      };
    }>(
      `query($id: ID!) { cart(id: $id) {
         cost { subtotalAmount { amount currencyCode } discountAmount { amount currencyCode } }
         discountAllocations { code discountedAmount { amount } }
         lines { merchandise { id } discountAllocations { title code discountedAmount { amount } } } } }`,
      { id: cartId },
    );
    const cents = (m: string) => Math.round(Number(m) * 100);
    const expected = Math.round(cents(target.price.amount) * 2 * 0.25);
    const lineOf = (id: string) => cart.lines.find((l) => l.merchandise.id === id)!;
    expect(lineOf(target.id).discountAllocations.map((a) => [a.title, a.code])).toEqual([
      ['Category sale', 'CATSALE'],
    ]);
    expect(cents(lineOf(target.id).discountAllocations[0]!.discountedAmount.amount)).toBe(expected);
    expect(lineOf(other.id).discountAllocations).toEqual([]);
    expect(cents(cart.cost.discountAmount.amount)).toBe(expected);
    expect(cart.cost.discountAmount.currencyCode).toBe(cart.cost.subtotalAmount.currencyCode);
    expect(cart.discountAllocations.map((a) => [a.code, cents(a.discountedAmount.amount)])).toEqual([
      ['CATSALE', expected],
    ]);

    const c = await checkout(cartId, `category.${randomUUID()}@example.com`);
    expect(c.discountCodes).toEqual(['CATSALE']);
    expect(cents(c.discountTotal.amount)).toBe(expected);
    const paid = await complete(c.id);
    expect(paid.checkoutComplete.userErrors).toEqual([]);
    expect(cents(paid.checkoutComplete.order!.discountTotal.amount)).toBe(expected);
  }, 60_000);

  it('When a cart has no discount, then its cost says a zero discount and its lines none', async () => {
    const created = await call<{
      cartCreate: {
        cart: {
          cost: { discountAmount: { amount: string } };
          lines: { discountAllocations: unknown[] }[];
        };
      };
    }>(
      `mutation($input: CartInput!) { cartCreate(input: $input) {
         cart { cost { discountAmount { amount } } lines { discountAllocations { code } } } userErrors { code } } }`,
      { input: { lines: [{ merchandiseId: variant.id, quantity: 1 }] } },
    );
    expect(created.cartCreate.cart.cost.discountAmount.amount).toBe('0.00');
    expect(created.cartCreate.cart.lines.map((l) => l.discountAllocations)).toEqual([[]]);
  }, 60_000);

  it('When a shopper is not an admin, then the discount admin is FORBIDDEN', async () => {
    const { body } = await gql(shop.url, `{ discounts(first: 1) { totalCount } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
