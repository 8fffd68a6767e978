import { randomUUID } from 'node:crypto';
import { demoCatalog } from '@shop/demo-data';
import { anonymous, customer, gql, identityHeaders, service } from '@shop/testkit';
import type { Principal } from '@shop/common';
import { eventually, startCatalog, type TestCatalog } from './helpers';

describe('personalised ranking (behaviour in DynamoDB)', () => {
  let catalog: TestCatalog;
  const demo = demoCatalog();
  const brandOf = new Map(demo.products.map((p) => [p.id, p.brand]));
  const running = demo.products.filter((p) => p.categoryHandle === 'running-shoes');

  beforeAll(async () => {
    catalog = await startCatalog('catalog_personal', { behaviour: true });
  });
  afterAll(async () => catalog?.close());

  const topBrands = async (principal: Principal) => {
    const result = await gql<{ search: { nodes: { id: string }[] } }>(
      catalog.url,
      `{ search(query: "running shoes", first: 5) { nodes { id } } }`,
      {},
      identityHeaders(principal, 'catalog'),
    );
    expect(result.body.errors).toBeUndefined();
    return result.body.data!.search.nodes.map((n) => brandOf.get(n.id));
  };

  it('When two shoppers with different histories search the same words, then each sees their brand first and anonymous the base order', async () => {
    const base = await topBrands(anonymous);
    const velora = customer();
    const northpeak = customer();

    // One shopper bought Velora running shoes (through the order.paid consumer)...
    const bought = running.filter((p) => p.brand === 'Velora').slice(0, 2);
    await catalog.bus.publish([
      {
        id: randomUUID(),
        topic: 'order.paid',
        source: 'orders',
        occurredAt: new Date().toISOString(),
        payload: {
          orderId: randomUUID(),
          orderNumber: 7,
          customerId: velora.kind === 'customer' ? velora.customerId : null,
          email: 'v@example.com',
          cartId: 'c',
          reservationId: 'r',
          totalMinor: 100,
          currencyCode: 'USD',
          lines: bought.map((p) => ({ variantId: p.variants[0]!.id, productId: p.id, quantity: 1 })),
        },
      },
    ]);
    // ...the other viewed Northpeak ones (recorded from their product reads).
    for (const p of running.filter((p) => p.brand === 'Northpeak').slice(0, 3)) {
      await gql(
        catalog.url,
        `query($id: ID) { product(id: $id) { id } }`,
        { id: p.id },
        identityHeaders(northpeak, 'catalog'),
      );
    }

    await eventually(async () => expect((await topBrands(velora))[0]).toBe('Velora'));
    await eventually(async () => expect((await topBrands(northpeak))[0]).toBe('Northpeak'));
    expect(await topBrands(velora)).not.toEqual(await topBrands(northpeak));
    expect(await topBrands(anonymous)).toEqual(base);
    expect(await topBrands(customer())).toEqual(base);
  });

  it('When a signed-in shopper asks for recommendations, then their favourite category leads; anonymous gets the popular order', async () => {
    const shopper = customer();
    const tents = demo.products.filter((p) => p.categoryHandle === 'tents').slice(0, 3);
    for (const p of tents)
      await gql(
        catalog.url,
        `query($id: ID) { product(id: $id) { id } }`,
        { id: p.id },
        identityHeaders(shopper, 'catalog'),
      );
    const tentIds = new Set(demo.products.filter((p) => p.categoryHandle === 'tents').map((p) => p.id));
    const read = async (principal: Principal) =>
      (
        await gql<{ recommendedProducts: { id: string }[] }>(
          catalog.url,
          `{ recommendedProducts(first: 8) { id } }`,
          {},
          identityHeaders(principal, 'catalog'),
        )
      ).body.data!.recommendedProducts.map((p) => p.id);
    await eventually(async () => expect(tentIds.has((await read(shopper))[0]!)).toBe(true));
    const popular = await read(anonymous);
    expect(popular).toHaveLength(8);
    expect(await read(shopper)).not.toEqual(popular);
  });

  it("When the cart reports a shopper's cart adds, then they count towards that shopper's ranking", async () => {
    const shopper = customer();
    const customerId = shopper.kind === 'customer' ? shopper.customerId : '';
    const kinetic = running.filter((p) => p.brand === 'Kinetic').slice(0, 2);
    const response = await fetch(`${catalog.baseUrl}/internal/behaviour/cart-adds`, {
      method: 'POST',
      headers: identityHeaders(service('cart'), 'catalog'),
      body: JSON.stringify({
        customerId,
        lines: [
          ...kinetic.map((p) => ({ variantId: p.variants[0]!.id, quantity: 1 })),
          { variantId: 'ghost', quantity: 1 },
        ],
      }),
    });
    expect(await response.json()).toEqual({ recorded: 2 });
    expect((await topBrands(shopper))[0]).toBe('Kinetic');
  });
});
