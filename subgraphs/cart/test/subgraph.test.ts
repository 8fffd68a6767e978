// The cart subgraph in process, on DynamoDB Local and Redis, with a fake catalog answering the internal contract.
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@shop/datastores';
import {
  admin,
  anonymous,
  customer,
  gql,
  identityHeaders,
  service,
  testRedis,
  type GraphQLResponse,
} from '@shop/testkit';
import type { Principal } from '@shop/common';
import { makeVariant, startCart, startFakeCatalog, type FakeCatalog, type RunningCart } from './helpers';

let catalog: FakeCatalog;
let cart: RunningCart;

beforeAll(async () => {
  catalog = await startFakeCatalog();
  cart = await startCart(catalog.url, { CATALOG_CACHE_SECONDS: '1' });
});
afterAll(async () => {
  await cart?.close();
  await catalog?.close();
});

const CART_FIELDS = `id totalQuantity createdAt updatedAt buyer { id }
  cost { subtotalAmount { amount currencyCode } totalAmount { amount currencyCode } }
  lines { id quantity merchandise { id quantityAvailable availableForSale } cost { amountPerQuantity { amount } totalAmount { amount } } }`;

interface CartData {
  id: string;
  totalQuantity: number;
  buyer: { id: string } | null;
  cost: { subtotalAmount: { amount: string; currencyCode: string }; totalAmount: { amount: string } };
  lines: {
    id: string;
    quantity: number;
    merchandise: { id: string; quantityAvailable: number; availableForSale: boolean };
    cost: { amountPerQuantity: { amount: string }; totalAmount: { amount: string } };
  }[];
}
interface Payload {
  cart: CartData | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

async function call<T = Record<string, Payload>>(
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const { status, body } = await gql<T>(cart.url, query, variables, identityHeaders(principal, 'cart'));
  expect(status).toBe(200);
  return body as GraphQLResponse<T>;
}

async function stockedVariant(quantity: number, overrides: Parameters<typeof makeVariant>[0] = {}) {
  const variant = makeVariant(overrides);
  catalog.variants.set(variant.id, variant);
  await cart.service.deps.inventory.seed([{ variantId: variant.id, quantity }], 'test');
  return variant;
}

const CREATE = `mutation($lines: [CartLineInput!]) { cartCreate(input: { lines: $lines }) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const ADD = `mutation($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) { cartLinesUpdate(cartId: $cartId, lines: $lines) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const REMOVE = `mutation($cartId: ID!, $lineIds: [ID!]!) { cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;
const GET = `query($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;
const ATTACH = `mutation($cartId: ID!) { cartBuyerIdentityUpdate(cartId: $cartId) { cart { ${CART_FIELDS} } userErrors { code field message } } }`;

async function createCart(
  principal: Principal,
  lines: { merchandiseId: string; quantity: number }[] = [],
): Promise<CartData> {
  const body = await call(principal, CREATE, { lines });
  expect(body.errors).toBeUndefined();
  expect(body.data!.cartCreate!.userErrors).toEqual([]);
  return body.data!.cartCreate!.cart!;
}

describe('cart subgraph', () => {
  it('When a request has no valid identity, then it is refused with 401 before any resolver runs', async () => {
    const none = await gql(cart.url, '{ myCart { id } }');
    expect(none.status).toBe(401);
    const forged = await gql(cart.url, '{ myCart { id } }', {}, identityHeaders(customer(), 'x'.repeat(40)));
    expect(forged.status).toBe(401);
    const internal = await fetch(`${cart.base}/internal/reservations`, { method: 'POST', body: '{}' });
    expect(internal.status).toBe(401);
  });

  it('When a guest creates a cart and adds, updates and removes lines, then totals come from the catalog prices', async () => {
    const shoe = await stockedVariant(10, { priceMinor: 2550 });
    const sock = await stockedVariant(10, { priceMinor: 399, productTitle: 'Sock' });
    catalog.calls.length = 0;
    const created = await createCart(anonymous, [{ merchandiseId: shoe.id, quantity: 2 }]);
    expect(created).toMatchObject({
      totalQuantity: 2,
      buyer: null,
      cost: { subtotalAmount: { amount: '51.00', currencyCode: 'USD' } },
    });
    expect(created.lines[0]).toMatchObject({
      quantity: 2,
      merchandise: { id: shoe.id, quantityAvailable: 10, availableForSale: true },
      cost: { amountPerQuantity: { amount: '25.50' }, totalAmount: { amount: '51.00' } },
    });
    expect(catalog.calls.length).toBeGreaterThan(0);
    for (const c of catalog.calls) expect(c.principal).toEqual({ kind: 'service', service: 'cart' });

    const added = (
      await call(anonymous, ADD, {
        cartId: created.id,
        lines: [
          { merchandiseId: sock.id, quantity: 3 },
          { merchandiseId: shoe.id, quantity: 1 },
        ],
      })
    ).data!.cartLinesAdd!;
    expect(added.userErrors).toEqual([]);
    expect(added.cart!.lines.map((l) => [l.merchandise.id, l.quantity])).toEqual([
      [shoe.id, 3],
      [sock.id, 3],
    ]);
    expect(added.cart!.cost.subtotalAmount.amount).toBe('88.47');

    const sockLine = added.cart!.lines[1]!;
    const updated = (
      await call(anonymous, UPDATE, { cartId: created.id, lines: [{ id: sockLine.id, quantity: 1 }] })
    ).data!.cartLinesUpdate!;
    expect(updated.userErrors).toEqual([]);
    expect(updated.cart!.totalQuantity).toBe(4);

    const removed = (await call(anonymous, REMOVE, { cartId: created.id, lineIds: [sockLine.id] })).data!
      .cartLinesRemove!;
    expect(removed.cart!.lines.map((l) => l.merchandise.id)).toEqual([shoe.id]);

    // The price is the catalog's at read time (cached for at most CATALOG_CACHE_SECONDS), not the one seen when the line was added.
    catalog.variants.set(shoe.id, { ...shoe, priceMinor: 3000 });
    await new Promise((r) => setTimeout(r, 1100));
    const read = (await call<{ cart: CartData }>(anonymous, GET, { id: created.id })).data!.cart;
    expect(read.cost.subtotalAmount.amount).toBe('90.00');
    catalog.variants.set(shoe.id, shoe);
  });

  it('When quantities are out of bounds, the variant unknown, the stock short or the cart missing, then userErrors say so and nothing changes', async () => {
    const v = await stockedVariant(3, { productTitle: 'Lamp', title: 'Blue' });
    const c = await createCart(anonymous, [{ merchandiseId: v.id, quantity: 1 }]);
    for (const quantity of [0, -1, 100]) {
      const p = (await call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity }] }))
        .data!.cartLinesAdd!;
      expect(p.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_QUANTITY', field: ['lines', '0', 'quantity'] }),
      ]);
    }
    for (const merchandiseId of [randomUUID(), 'x'.repeat(5000)]) {
      const unknown = (await call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId, quantity: 1 }] }))
        .data!.cartLinesAdd!;
      expect(unknown.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_MERCHANDISE', field: ['lines', '0', 'merchandiseId'] }),
      ]);
    }
    const short = (
      await call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 3 }] })
    ).data!.cartLinesAdd!;
    expect(short.userErrors).toEqual([
      {
        code: 'INSUFFICIENT_STOCK',
        field: ['lines', '0', 'quantity'],
        message: 'Only 3 of Lamp (Blue) are available.',
      },
    ]);
    const tooMany = (
      await call(anonymous, UPDATE, { cartId: c.id, lines: [{ id: c.lines[0]!.id, quantity: 4 }] })
    ).data!.cartLinesUpdate!;
    expect(tooMany.userErrors[0]).toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      field: ['lines', '0', 'quantity'],
    });
    const zero = (
      await call(anonymous, UPDATE, { cartId: c.id, lines: [{ id: c.lines[0]!.id, quantity: 0 }] })
    ).data!.cartLinesUpdate!;
    expect(zero.userErrors[0]).toMatchObject({ code: 'INVALID_QUANTITY' });
    const createBad = (await call(anonymous, CREATE, { lines: [{ merchandiseId: v.id, quantity: 100 }] }))
      .data!.cartCreate!;
    expect(createBad).toMatchObject({
      cart: null,
      userErrors: [{ code: 'INVALID_QUANTITY', field: ['input', 'lines', '0', 'quantity'] }],
    });
    for (const cartId of [randomUUID(), 'c'.repeat(5000)]) {
      const missing = (await call(anonymous, ADD, { cartId, lines: [{ merchandiseId: v.id, quantity: 1 }] }))
        .data!.cartLinesAdd!;
      expect(missing).toEqual({
        cart: null,
        userErrors: [expect.objectContaining({ code: 'CART_NOT_FOUND', field: ['cartId'] })],
      });
      expect((await call(anonymous, GET, { id: cartId })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const after = (await call<{ cart: CartData }>(anonymous, GET, { id: c.id })).data!.cart;
    expect(after.lines.map((l) => l.quantity)).toEqual([1]);
  });

  it("When another shopper reads or changes a signed-in shopper's cart, then reads are FORBIDDEN (alike for a missing cart) and changes find no cart", async () => {
    const v = await stockedVariant(5);
    const owner = customer();
    const mine = await createCart(owner, [{ merchandiseId: v.id, quantity: 1 }]);
    expect(mine.buyer).toEqual({ id: (owner as { customerId: string }).customerId });
    expect((await call(owner, GET, { id: mine.id })).data!.cart).toMatchObject({ id: mine.id });
    for (const other of [customer(), anonymous]) {
      const read = await call(other, GET, { id: mine.id });
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const missing = await call(other, GET, { id: randomUUID() });
      expect(missing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(missing.errors?.[0]?.message).toBe(read.errors?.[0]?.message);
      const add = (await call(other, ADD, { cartId: mine.id, lines: [{ merchandiseId: v.id, quantity: 1 }] }))
        .data!.cartLinesAdd!;
      expect(add.userErrors[0]?.code).toBe('CART_NOT_FOUND');
    }
    const entities = await call<{ _entities: unknown[] }>(
      customer(),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cart { id } } }`,
      { r: [{ __typename: 'Cart', id: mine.id }] },
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A guest cart is readable by whoever holds its id.
    const guest = await createCart(anonymous, []);
    expect((await call(customer(), GET, { id: guest.id })).data!.cart).toMatchObject({ id: guest.id });
  });

  it('When the gateway resolves Cart and ProductVariant references, then _entities answers them in one batch each', async () => {
    const a = await stockedVariant(7);
    const b = await stockedVariant(0);
    const owner = customer();
    const c = await createCart(owner, [{ merchandiseId: a.id, quantity: 2 }]);
    const stockReads = jest.spyOn(cart.service.deps.inventory, 'getLevels');
    const body = await call<{ _entities: Record<string, unknown>[] }>(
      owner,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Cart { id totalQuantity lines { quantity merchandise { id } } }
        ... on ProductVariant { id quantityAvailable availableForSale } } }`,
      {
        r: [
          { __typename: 'Cart', id: c.id },
          { __typename: 'ProductVariant', id: a.id },
          { __typename: 'ProductVariant', id: b.id },
          { __typename: 'ProductVariant', id: randomUUID() },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { id: c.id, totalQuantity: 2, lines: [{ quantity: 2, merchandise: { id: a.id } }] },
      { id: a.id, quantityAvailable: 7, availableForSale: true },
      { id: b.id, quantityAvailable: 0, availableForSale: false },
      expect.objectContaining({ quantityAvailable: 0, availableForSale: false }),
    ]);
    // Three variants, one BatchGet.
    expect(stockReads).toHaveBeenCalledTimes(1);
    stockReads.mockRestore();
  });

  it('When two clients add different lines to one cart at once, then every line lands', async () => {
    const variants = await Promise.all(Array.from({ length: 8 }, () => stockedVariant(50)));
    const c = await createCart(anonymous, []);
    const results = await Promise.all(
      variants.map((v) =>
        call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 1 }] }),
      ),
    );
    for (const r of results) expect(r.data!.cartLinesAdd!.userErrors).toEqual([]);
    // Same variant from two tabs: both increments count.
    await Promise.all(
      [1, 2, 3, 4].map(() =>
        call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId: variants[0]!.id, quantity: 2 }] }),
      ),
    );
    const read = (await call<{ cart: CartData }>(anonymous, GET, { id: c.id })).data!.cart;
    expect(read.lines.map((l) => l.merchandise.id).sort()).toEqual(variants.map((v) => v.id).sort());
    expect(read.totalQuantity).toBe(8 + 8);
  });

  it('When a guest logs in and attaches their cart, then it merges into the shopper cart with quantities summed and capped by stock', async () => {
    const both = await stockedVariant(5);
    const guestOnly = await stockedVariant(2);
    const gone = await stockedVariant(1);
    const shopper = customer();
    const theirs = await createCart(shopper, [{ merchandiseId: both.id, quantity: 2 }]);
    const guest = await createCart(anonymous, [
      { merchandiseId: both.id, quantity: 4 },
      { merchandiseId: guestOnly.id, quantity: 2 },
      { merchandiseId: gone.id, quantity: 1 },
    ]);
    await cart.service.deps.inventory.adjust(gone.id, -1, 'sold elsewhere', 'test');
    const anon = (await call(anonymous, ATTACH, { cartId: guest.id })).errors?.[0]?.extensions?.code;
    expect(anon).toBe('UNAUTHENTICATED');
    const merged = (await call(shopper, ATTACH, { cartId: guest.id })).data!.cartBuyerIdentityUpdate!;
    expect(merged.userErrors).toEqual([]);
    expect(merged.cart!.id).toBe(theirs.id);
    expect(merged.cart!.lines.map((l) => [l.merchandise.id, l.quantity])).toEqual([
      [both.id, 5],
      [guestOnly.id, 2],
    ]);
    expect(
      (await call(anonymous, ADD, { cartId: guest.id, lines: [{ merchandiseId: both.id, quantity: 1 }] }))
        .data!.cartLinesAdd!.userErrors[0]?.code,
    ).toBe('CART_NOT_FOUND');
    const mine = await call<{ myCart: CartData }>(shopper, `{ myCart { id totalQuantity } }`);
    expect(mine.data!.myCart).toEqual({ id: theirs.id, totalQuantity: 7 });

    // A shopper with no cart simply takes the guest cart over.
    const newcomer = customer();
    const g2 = await createCart(anonymous, [{ merchandiseId: both.id, quantity: 1 }]);
    const taken = (await call(newcomer, ATTACH, { cartId: g2.id })).data!.cartBuyerIdentityUpdate!;
    expect(taken.cart).toMatchObject({
      id: g2.id,
      buyer: { id: (newcomer as { customerId: string }).customerId },
    });
    expect((await call(anonymous, GET, { id: g2.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('When a signed-in shopper adds lines, then the catalog hears of it for personalisation, and its failure does not fail the add', async () => {
    const v = await stockedVariant(5);
    const shopper = customer();
    const c = await createCart(shopper, []);
    const added = (await call(shopper, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 2 }] }))
      .data!.cartLinesAdd!;
    // The fake catalog answers this path with 404.
    expect(added.userErrors).toEqual([]);
    // Adds are gathered and sent as one call per shopper, quantities summed.
    expect(
      (await call(shopper, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 1 }] })).data!
        .cartLinesAdd!.userErrors,
    ).toEqual([]);
    expect(
      catalog.calls.some(
        (x) =>
          x.path === '/internal/behaviour/cart-adds' &&
          x.body.customerId === (shopper as { customerId: string }).customerId,
      ),
    ).toBe(false);
    await cart.service.deps.cartAdds.flush();
    const report = catalog.calls.find(
      (x) =>
        x.path === '/internal/behaviour/cart-adds' &&
        (x.body.lines as { variantId: string }[])[0]?.variantId === v.id,
    );
    expect(report).toMatchObject({
      body: {
        customerId: (shopper as { customerId: string }).customerId,
        lines: [{ variantId: v.id, quantity: 3 }],
      },
      principal: { kind: 'service', service: 'cart' },
    });
  });

  it('When a shopper adds lines, then the cart and the stock are read in one DynamoDB call and the catalog is asked once per variant while cached', async () => {
    const a = await stockedVariant(20);
    const b = await stockedVariant(20);
    const shopper = customer();
    const c = await createCart(shopper, [{ merchandiseId: a.id, quantity: 1 }]);
    const lookups = () =>
      catalog.calls.filter(
        (x) =>
          x.path === '/internal/variants/lookup' &&
          (x.body.ids as string[]).some((id) => id === a.id || id === b.id),
      ).length;
    const combined = jest.spyOn(cart.service.deps.carts, 'getFreshWithStock');
    const cartOnly = jest.spyOn(cart.service.deps.carts, 'getFresh');
    const stockOnly = jest.spyOn(cart.service.deps.inventory, 'getLevels');
    const before = lookups();
    for (const v of [b, a, b]) {
      const added = (
        await call(shopper, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 1 }] })
      ).data!.cartLinesAdd!;
      expect(added.userErrors).toEqual([]);
    }
    expect(combined).toHaveBeenCalledTimes(3);
    expect(cartOnly).not.toHaveBeenCalled();
    // quantityAvailable in the payload is the only other stock read: one batch per request.
    expect(stockOnly).toHaveBeenCalledTimes(3);
    // a was cached by the cartCreate; b is looked up once; the cache lives 1 s in this suite.
    expect(lookups() - before).toBeLessThanOrEqual(1);
    [combined, cartOnly, stockOnly].forEach((spy) => spy.mockRestore());
    const read = (await call<{ cart: CartData }>(shopper, GET, { id: c.id })).data!.cart;
    expect(read.lines.map((l) => [l.merchandise.id, l.quantity])).toEqual([
      [a.id, 2],
      [b.id, 2],
    ]);

    // Checkout's snapshot never trusts the cache: it asks the catalog every time.
    const snapshots = () =>
      catalog.calls.filter(
        (x) => x.path === '/internal/variants/lookup' && (x.body.ids as string[]).includes(b.id),
      ).length;
    const beforeSnapshot = snapshots();
    const res = await fetch(`${cart.base}/internal/carts/${c.id}/snapshot`, {
      method: 'POST',
      headers: identityHeaders(service('orders'), 'cart'),
      body: JSON.stringify({ customerId: (shopper as { customerId: string }).customerId }),
    });
    expect(res.status).toBe(200);
    expect(snapshots()).toBe(beforeSnapshot + 1);
  });

  it('When an add finds stock short, then it is refused against the stock read with the cart, and nothing changes', async () => {
    const v = await stockedVariant(3);
    const c = await createCart(anonymous, [{ merchandiseId: v.id, quantity: 2 }]);
    await cart.service.deps.inventory.adjust(v.id, -2, 'damaged', 'test');
    const p = (await call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 1 }] }))
      .data!.cartLinesAdd!;
    expect(p.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    expect(p.userErrors[0]!.message).toMatch(/Only 1 /);
    expect((await cart.service.deps.carts.getFresh(c.id))!.lines[0]!.quantity).toBe(2);
  });

  it('When the catalog relates products, then crossSellProducts returns references excluding what is in the cart', async () => {
    const v = await stockedVariant(5);
    const inCart = await stockedVariant(5);
    const p1 = randomUUID();
    const p2 = randomUUID();
    catalog.related.set(v.productId, [inCart.productId, p1, p2]);
    const c = await createCart(anonymous, [
      { merchandiseId: v.id, quantity: 1 },
      { merchandiseId: inCart.id, quantity: 1 },
    ]);
    const body = await call<{ cart: { crossSellProducts: { __typename: string; id: string }[] } }>(
      anonymous,
      `query($id: ID!) { cart(id: $id) { crossSellProducts(first: 4) { __typename id } } }`,
      { id: c.id },
    );
    expect(body.data!.cart.crossSellProducts).toEqual([
      { __typename: 'Product', id: p1 },
      { __typename: 'Product', id: p2 },
    ]);
    const related = catalog.calls.filter((x) => x.path === '/internal/products/related').pop();
    expect(related?.body).toMatchObject({
      excludeProductIds: expect.arrayContaining([v.productId, inCart.productId]),
      first: 4,
    });
    expect(related?.principal).toEqual({ kind: 'service', service: 'cart' });
  });

  it('When an admin adjusts inventory, then the level and its audit trail show who, when and why; shoppers are refused', async () => {
    const v = await stockedVariant(2);
    const boss = admin();
    const ADJUST = `mutation($v: ID!, $d: Int!, $r: String!) { inventoryAdjust(variantId: $v, delta: $d, reason: $r) {
      inventoryLevel { available held sold received variant { id quantityAvailable } movements(first: 5) { kind delta reason actor occurredAt } }
      userErrors { code field } } }`;
    const ok = await call<{
      inventoryAdjust: { inventoryLevel: Record<string, unknown>; userErrors: unknown[] };
    }>(boss, ADJUST, { v: v.id, d: 3, r: 'purchase order 17' });
    expect(ok.data!.inventoryAdjust.userErrors).toEqual([]);
    expect(ok.data!.inventoryAdjust.inventoryLevel).toMatchObject({
      available: 5,
      held: 0,
      sold: 0,
      received: 5,
      variant: { id: v.id, quantityAvailable: 5 },
      movements: [
        {
          kind: 'ADJUSTMENT',
          delta: 3,
          reason: 'purchase order 17',
          actor: (boss as { customerId: string }).customerId,
        },
        { kind: 'SEED', delta: 2 },
      ],
    });
    const bad = await call<{ inventoryAdjust: { userErrors: { code: string }[] } }>(boss, ADJUST, {
      v: v.id,
      d: -9,
      r: 'count',
    });
    expect(bad.data!.inventoryAdjust.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    const zero = await call<{ inventoryAdjust: { userErrors: { code: string }[] } }>(boss, ADJUST, {
      v: v.id,
      d: 0,
      r: ' ',
    });
    expect(zero.data!.inventoryAdjust.userErrors.map((e) => e.code)).toEqual([
      'INVALID_QUANTITY',
      'INVALID_REASON',
    ]);
    const unknown = await call<{ inventoryAdjust: { userErrors: { code: string }[] } }>(boss, ADJUST, {
      v: randomUUID(),
      d: 1,
      r: 'x',
    });
    expect(unknown.data!.inventoryAdjust.userErrors.map((e) => e.code)).toEqual(['INVALID_MERCHANDISE']);
    expect((await call(customer(), ADJUST, { v: v.id, d: 1, r: 'x' })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await call(anonymous, ADJUST, { v: v.id, d: 1, r: 'x' })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('When an admin adjusts stock at a location, then the level shows each location and the total, and a bad location id is refused', async () => {
    const v = await stockedVariant(2);
    const boss = admin();
    const ADJUST = `mutation($v: ID!, $d: Int!, $r: String!, $l: ID) { inventoryAdjust(variantId: $v, delta: $d, reason: $r, locationId: $l) {
      inventoryLevel { available totalAvailable locations { locationId available received } variant { quantityAvailable } movements(first: 5) { delta locationId } }
      userErrors { code field } } }`;
    type Adjusted = {
      inventoryAdjust: {
        inventoryLevel: Record<string, unknown> | null;
        userErrors: { code: string; field: string[] }[];
      };
    };
    const moved = (await call<Adjusted>(boss, ADJUST, { v: v.id, d: 5, r: 'delivery', l: 'north' })).data!
      .inventoryAdjust;
    expect(moved.userErrors).toEqual([]);
    expect(moved.inventoryLevel).toEqual({
      available: 2,
      totalAvailable: 7,
      locations: [
        { locationId: 'default', available: 2, received: 2 },
        { locationId: 'north', available: 5, received: 5 },
      ],
      // Shoppers see what checkout can reserve: the default location's stock.
      variant: { quantityAvailable: 2 },
      movements: [
        { delta: 5, locationId: 'north' },
        { delta: 2, locationId: 'default' },
      ],
    });
    // Without a location, the default location changes, as before.
    const plain = (await call<Adjusted>(boss, ADJUST, { v: v.id, d: 1, r: 'found one' })).data!
      .inventoryAdjust;
    expect(plain.inventoryLevel).toMatchObject({ available: 3, totalAvailable: 8 });
    const short = (await call<Adjusted>(boss, ADJUST, { v: v.id, d: -6, r: 'count', l: 'north' })).data!
      .inventoryAdjust;
    expect(short.userErrors.map((e) => e.code)).toEqual(['INSUFFICIENT_STOCK']);
    for (const l of ['', 'has space', 'x'.repeat(65)]) {
      const bad = (await call<Adjusted>(boss, ADJUST, { v: v.id, d: 1, r: 'x', l })).data!.inventoryAdjust;
      expect(bad).toEqual({
        inventoryLevel: null,
        userErrors: [{ code: 'INVALID_LOCATION', field: ['locationId'] }],
      });
    }
  });

  it('When checkout snapshots, reserves, and the order is paid, then the hold is sold, the cart closes, and inventory.changed goes out', async () => {
    const v = await stockedVariant(4, { categoryHandles: ['running-shoes', 'footwear'] });
    const owner = customer();
    const ownerId = (owner as { customerId: string }).customerId;
    const c = await createCart(owner, [{ merchandiseId: v.id, quantity: 3 }]);
    const post = (path: string, body?: unknown, principal: Principal = service('orders')) =>
      fetch(`${cart.base}${path}`, {
        method: 'POST',
        headers: identityHeaders(principal, 'cart'),
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const snap = await post(`/internal/carts/${c.id}/snapshot`, { customerId: ownerId });
    expect(snap.status).toBe(200);
    expect(await snap.json()).toEqual({
      cart: {
        id: c.id,
        customerId: ownerId,
        currencyCode: 'USD',
        subtotalMinor: 3 * v.priceMinor,
        lines: [
          {
            id: c.lines[0]!.id,
            variantId: v.id,
            productId: v.productId,
            title: v.productTitle,
            variantTitle: v.title,
            sku: v.sku,
            quantity: 3,
            unitPriceMinor: v.priceMinor,
            weightGrams: v.weightGrams,
            // The catalog's category lineage, passed on for discounts on categories.
            categoryHandles: ['running-shoes', 'footwear'],
          },
        ],
      },
    });
    expect((await post(`/internal/carts/${c.id}/snapshot`, { customerId: randomUUID() })).status).toBe(403);
    expect((await post(`/internal/carts/${randomUUID()}/snapshot`, { customerId: null })).status).toBe(404);
    expect((await post(`/internal/carts/${c.id}/snapshot`, { customerId: null }, owner)).status).toBe(403);
    // Each endpoint names its callers: the shipping service holds no stock and snapshots no cart; an identity
    // signed for another service is refused whoever it names.
    expect(
      (await post(`/internal/carts/${c.id}/snapshot`, { customerId: ownerId }, service('shipping'))).status,
    ).toBe(403);
    expect(
      (
        await post(
          '/internal/reservations',
          { reservationId: randomUUID(), lines: [{ variantId: v.id, quantity: 1 }] },
          service('shipping'),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await post(
          '/internal/restock',
          { restockId: randomUUID(), lines: [{ variantId: v.id, quantity: 1 }] },
          service('orders'),
        )
      ).status,
    ).toBe(403);
    const forCatalog = await fetch(`${cart.base}/internal/carts/${c.id}/snapshot`, {
      method: 'POST',
      headers: identityHeaders(service('orders'), 'catalog'),
      body: JSON.stringify({ customerId: ownerId }),
    });
    expect(forCatalog.status).toBe(401);

    const reservationId = randomUUID();
    const held = await post('/internal/reservations', {
      reservationId,
      lines: [{ variantId: v.id, quantity: 3 }],
    });
    expect(held.status).toBe(200);
    expect(await held.json()).toMatchObject({ status: 'HELD', expiresAt: expect.any(String) });
    expect(
      (await post('/internal/reservations', { reservationId, lines: [{ variantId: v.id, quantity: 3 }] }))
        .status,
    ).toBe(200);
    const short = await post('/internal/reservations', {
      reservationId: randomUUID(),
      lines: [{ variantId: v.id, quantity: 2 }],
    });
    expect(short.status).toBe(409);
    expect(await short.json()).toEqual({ error: 'INSUFFICIENT_STOCK', variantIds: [v.id] });
    expect((await post('/internal/reservations', { reservationId: 'x', lines: [] })).status).toBe(400);

    const seen: DomainEvent[] = [];
    cart.bus.subscribe('test-catalog', ['inventory.changed'], async (event) => {
      seen.push(event);
    });
    cart.service.start();
    const paid = {
      id: randomUUID(),
      topic: 'order.paid',
      source: 'orders',
      occurredAt: new Date().toISOString(),
      payload: {
        orderId: randomUUID(),
        orderNumber: 1001,
        customerId: ownerId,
        email: 'a@b.c',
        cartId: c.id,
        reservationId,
        lines: [],
        totalMinor: 1,
        currencyCode: 'USD',
        backordered: false,
      },
    };
    await cart.bus.publish([paid]);
    await cart.bus.publish([paid]);
    expect(await cart.service.deps.inventory.getLevel(v.id)).toMatchObject({
      available: 1,
      held: 0,
      sold: 3,
      received: 4,
    });
    expect((await post(`/internal/reservations/${reservationId}/commit`)).status).toBe(200);
    expect((await post(`/internal/reservations/${reservationId}/release`)).status).toBe(409);
    expect((await post(`/internal/carts/${c.id}/snapshot`, { customerId: ownerId })).status).toBe(404);
    expect((await call(owner, `{ myCart { id } }`)).data!.myCart).toBeNull();

    const other = randomUUID();
    await post('/internal/reservations', { reservationId: other, lines: [{ variantId: v.id, quantity: 1 }] });
    const released = await post(`/internal/reservations/${other}/release`);
    expect(released.status).toBe(200);
    expect(await released.json()).toEqual({ status: 'RELEASED' });
    expect((await post(`/internal/reservations/${other}/commit`)).status).toBe(409);

    // Stop the background relay so the last publish is ours, made after every change.
    await cart.service.relay.stop();
    await cart.service.relay.drain();
    const mine = seen.filter((e) => e.payload.variantId === v.id);
    // Delivery is at least once: three changes (reserve, reserve, release), none lost.
    expect(new Set(mine.map((e) => e.id)).size).toBe(3);
    // An event carries the stock as it is when published, so the last one is the current level.
    expect(mine[mine.length - 1]!.payload).toEqual({ variantId: v.id, quantityAvailable: 1 });

    const restock = await post(
      '/internal/restock',
      { restockId: randomUUID(), lines: [{ variantId: v.id, quantity: 2 }] },
      service('shipping'),
    );
    expect(await restock.json()).toEqual({ status: 'RESTOCKED' });
    expect(await cart.service.deps.inventory.getLevel(v.id)).toMatchObject({
      available: 3,
      sold: 3,
      received: 6,
    });

    // The paid order is cancelled: its 3 sold units come back, once however often the event arrives.
    const cancelled = {
      id: randomUUID(),
      topic: 'order.cancelled',
      source: 'orders',
      occurredAt: new Date().toISOString(),
      payload: {
        orderId: paid.payload.orderId,
        orderNumber: '#1001',
        reservationId,
        refundedMinor: 1,
        currencyCode: 'USD',
      },
    };
    await cart.bus.publish([cancelled]);
    await cart.bus.publish([{ ...cancelled, id: randomUUID() }]);
    expect(await cart.service.deps.inventory.getLevel(v.id)).toMatchObject({ available: 6, held: 0 });

    // An unpaid order is cancelled while its hold is held: the hold is released.
    const pending = randomUUID();
    await post('/internal/reservations', {
      reservationId: pending,
      lines: [{ variantId: v.id, quantity: 2 }],
    });
    expect(await cart.service.deps.inventory.getLevel(v.id)).toMatchObject({ available: 4, held: 2 });
    await cart.bus.publish([
      { ...cancelled, id: randomUUID(), payload: { ...cancelled.payload, reservationId: pending } },
    ]);
    expect(await cart.service.deps.inventory.getLevel(v.id)).toMatchObject({ available: 6, held: 0 });
  });

  it('When the orders service commits a hold that ran out, then it is sold from stock if the stock is there, refused with INSUFFICIENT_STOCK if not, and a hold released on purpose is never sold', async () => {
    const post = (path: string) =>
      fetch(`${cart.base}${path}`, {
        method: 'POST',
        headers: identityHeaders(service('orders'), 'cart'),
        body: '{}',
      });
    const inventory = cart.service.deps.inventory;
    const v = await stockedVariant(3);
    const expiredThere = randomUUID();
    await inventory.reserve(expiredThere, [{ variantId: v.id, quantity: 2 }], 600);
    await inventory.release(expiredThere, 'EXPIRED');
    expect((await post(`/internal/reservations/${expiredThere}/commit`)).status).toBe(200);
    expect(await inventory.getLevel(v.id)).toMatchObject({ available: 1, held: 0, sold: 2 });
    expect((await post(`/internal/reservations/${expiredThere}/commit`)).status).toBe(200);
    expect(await inventory.getLevel(v.id)).toMatchObject({ available: 1, sold: 2 });

    const expiredGone = randomUUID();
    await inventory.reserve(expiredGone, [{ variantId: v.id, quantity: 1 }], 600);
    await inventory.release(expiredGone, 'EXPIRED');
    await inventory.adjust(v.id, -1, 'sold elsewhere', 'test');
    const gone = await post(`/internal/reservations/${expiredGone}/commit`);
    expect(gone.status).toBe(409);
    expect(await gone.json()).toEqual({ error: 'INSUFFICIENT_STOCK', variantIds: [v.id] });

    await inventory.adjust(v.id, 5, 'restocked', 'test');
    const cancelled = randomUUID();
    await inventory.reserve(cancelled, [{ variantId: v.id, quantity: 1 }], 600);
    await inventory.release(cancelled, 'RELEASED');
    const refused = await post(`/internal/reservations/${cancelled}/commit`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'RESERVATION_EXPIRED' });
    expect(await inventory.getLevel(v.id)).toMatchObject({ available: 5, held: 0, sold: 2 });
    expect((await post(`/internal/reservations/${randomUUID()}/commit`)).status).toBe(404);
  });

  it('When a cart is read, then it is cached in Redis and served from there until a write invalidates it', async () => {
    const v = await stockedVariant(9);
    const c = await createCart(anonymous, [{ merchandiseId: v.id, quantity: 1 }]);
    const { redis } = testRedis();
    try {
      const key = `${cart.prefix}cart:cart:v1:${c.id}`;
      await call(anonymous, GET, { id: c.id });
      const cached = JSON.parse((await redis.get(key)) ?? 'null') as { lines: { quantity: number }[] };
      expect(cached.lines[0]!.quantity).toBe(1);
      // Tamper with the cached copy: a read that shows it proves the read came from the cache.
      cached.lines[0]!.quantity = 5;
      await redis.set(key, JSON.stringify(cached), 'EX', 60);
      expect((await call<{ cart: CartData }>(anonymous, GET, { id: c.id })).data!.cart.totalQuantity).toBe(5);
      await call(anonymous, ADD, { cartId: c.id, lines: [{ merchandiseId: v.id, quantity: 1 }] });
      expect(await redis.get(key)).toBeNull();
      expect((await call<{ cart: CartData }>(anonymous, GET, { id: c.id })).data!.cart.totalQuantity).toBe(2);
    } finally {
      redis.disconnect();
    }
  });
});
