// A whole shop with one subgraph's server really stopped: the gateway serves what the others own.
import { gql } from '@shop/testkit';
import { startTestShop } from './real-shop';
import type { RunningShop } from '../scripts/start';

interface Listing {
  products: { nodes: { title: string; variants: { id: string; quantityAvailable: number | null }[] }[] };
}

describe('A subgraph down', () => {
  let shop: RunningShop;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ shop, stop } = await startTestShop('subgraph_down'));
  });

  afterAll(async () => {
    await stop?.();
  });

  const listing = '{ products(first: 2) { nodes { title variants { id quantityAvailable } } } }';

  it('When the cart subgraph is stopped, then a product listing renders without stock figures, with one SERVICE_UNAVAILABLE error naming the cart, HTTP 200', async () => {
    const before = await gql<Listing>(shop.gatewayUrl, listing);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data!.products.nodes).toHaveLength(2);
    expect(typeof before.body.data!.products.nodes[0]!.variants[0]!.quantityAvailable).toBe('number');

    await shop.subgraphs.cart!.app.close();

    const { status, body } = await gql<Listing>(shop.gatewayUrl, listing);
    expect(status).toBe(200);
    const nodes = body.data!.products.nodes;
    expect(nodes.map((n) => n.title)).toEqual(before.body.data!.products.nodes.map((n) => n.title));
    for (const node of nodes)
      for (const variant of node.variants) expect(variant.quantityAvailable).toBeNull();
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(error!.message).toMatch(/\bcart\b/);
    // The subgraph's public name only: no address, port or internal detail.
    expect(error!.message).not.toMatch(/127\.0\.0\.1|localhost|http|ECONNREFUSED|:\d{2,5}/);
    expect(Object.keys(error!.extensions ?? {})).toEqual(['code']);
  });

  it('When the cart subgraph is stopped, then a query it alone serves answers its field null with SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR', async () => {
    const { status, body } = await gql<{ cart: unknown }>(
      shop.gatewayUrl,
      '{ cart(id: "gid://shop/Cart/none") { id } }',
    );
    expect(status).toBe(200);
    expect(body.data?.cart ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  });
});
