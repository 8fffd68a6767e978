// The gateway's response cache on the real Postgres, Redis and DynamoDB: anonymous public reads are served
// without reaching a subgraph, and every change to what an answer holds reaches the next read.
import type { AddressInfo } from 'node:net';
import { admin, gql, identityHeaders, waitFor } from '@shop/testkit';
import type { RunningShop } from '../scripts/start';
import { startTestShop } from './real-shop';

interface Product {
  id: string;
  title: string;
  variants: { id: string; quantityAvailable: number | null }[];
}

const PRODUCT = `query($h: String!) { product(handle: $h) { id title variants { id quantityAvailable } } }`;

describe('The response cache', () => {
  let shop: RunningShop;
  let stop: () => Promise<void>;
  let adminHeaders: Record<string, string>;
  /** Requests each subgraph's server received, as counted since the start. */
  const received: Record<string, number> = {};
  let handles: string[];

  beforeAll(async () => {
    ({ shop, stop } = await startTestShop('response_cache', { env: { RESPONSE_CACHE: 'true' } }));
    for (const [name, subgraph] of Object.entries(shop.subgraphs)) {
      received[name] = 0;
      subgraph.app.server.on('request', () => (received[name] = (received[name] ?? 0) + 1));
    }
    const login = await gql<{ customerLogin: { accessToken: string } }>(
      shop.gatewayUrl,
      'mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken } }',
      { input: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
    );
    adminHeaders = { authorization: `Bearer ${login.body.data!.customerLogin.accessToken}` };
    const listing = await gql<{ products: { nodes: { handle: string }[] } }>(
      shop.gatewayUrl,
      '{ products(first: 10) { nodes { handle } } }',
    );
    handles = listing.body.data!.products.nodes.map((n) => n.handle);
  });

  afterAll(async () => {
    await stop?.();
  });

  /** Runs `read`, returning its answer and how many requests each named subgraph received meanwhile. */
  async function counted<T>(read: () => Promise<T>, ...names: string[]): Promise<[T, number[]]> {
    const before = names.map((n) => received[n] ?? 0);
    const answer = await read();
    return [answer, names.map((n, i) => (received[n] ?? 0) - before[i]!)];
  }

  const readProduct = (handle: string, headers?: Record<string, string>) =>
    gql<{ product: Product }>(shop.gatewayUrl, PRODUCT, { h: handle }, headers);

  it('When an anonymous caller reads a product twice, then the second answer is the first and reaches no subgraph', async () => {
    const [first, firstCalls] = await counted(() => readProduct(handles[0]!), 'catalog', 'cart');
    expect(first.body.errors).toBeUndefined();
    expect(firstCalls).toEqual([1, 1]);
    const [second, secondCalls] = await counted(() => readProduct(handles[0]!), 'catalog', 'cart');
    expect(secondCalls).toEqual([0, 0]);
    expect(second.body.data).toEqual(first.body.data);
    expect(second.status).toBe(200);
  });

  it('When two reads differ only in their variables, then each gets its own answer, cached apart', async () => {
    const [a, b] = [handles[1]!, handles[2]!];
    await readProduct(a);
    await readProduct(b);
    const [[hitA, hitB], calls] = await counted(
      async () => [await readProduct(a), await readProduct(b)],
      'catalog',
    );
    expect(calls).toEqual([0]);
    expect(hitA.body.data!.product.id).not.toBe(hitB.body.data!.product.id);
    const [, fresh] = await counted(() => readProduct(handles[3]!), 'catalog');
    expect(fresh).toEqual([1]);
  });

  it('When a read sends variables its operation does not declare, or its variables in another order, then the extras are answered but never stored, and the order makes no second entry', async () => {
    const handle = handles[8]!;
    const padded = () =>
      gql<{ product: Product }>(shop.gatewayUrl, PRODUCT, { h: handle, junk: 'same each time' });
    const [, calls] = await counted(async () => [await padded(), await padded()], 'catalog');
    expect(calls).toEqual([2]);
    const both = `query($h: String!, $n: Int) { product(handle: $h) { id title } products(first: $n) { nodes { id } } }`;
    await gql(shop.gatewayUrl, both, { h: handle, n: 1 });
    const [reordered, again] = await counted(
      () => gql(shop.gatewayUrl, both, { n: 1, h: handle }),
      'catalog',
    );
    expect(reordered.body.errors).toBeUndefined();
    expect(again).toEqual([0]);
  });

  it('When a signed-in caller reads what an anonymous one had cached, then it is not served from the cache', async () => {
    const handle = handles[4]!;
    await readProduct(handle);
    const [signedIn, calls] = await counted(() => readProduct(handle, adminHeaders), 'catalog');
    expect(calls).toEqual([1]);
    expect(signedIn.body.data!.product.title).toBeTruthy();
    // Nor is its answer stored for anyone: its second read goes to the subgraph again.
    const [, again] = await counted(() => readProduct(handle, adminHeaders), 'catalog');
    expect(again).toEqual([1]);
  });

  it('When an admin updates a product through the gateway, then the next anonymous read has the new title', async () => {
    const handle = handles[5]!;
    const before = await readProduct(handle);
    const [, hit] = await counted(() => readProduct(handle), 'catalog');
    expect(hit).toEqual([0]);
    const updated = await gql<{ productUpdate: { userErrors: unknown[] } }>(
      shop.gatewayUrl,
      'mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { product { id title } userErrors { code } } }',
      { id: before.body.data!.product.id, input: { title: 'Renamed through the gateway' } },
      adminHeaders,
    );
    expect(updated.body.data!.productUpdate.userErrors).toEqual([]);
    const [after, calls] = await counted(() => readProduct(handle), 'catalog');
    expect(calls).toEqual([1]);
    expect(after.body.data!.product.title).toBe('Renamed through the gateway');
  });

  it('When a product changes without passing through the gateway, then its product.changed event purges the cached answer long before its 60 s max-age', async () => {
    const handle = handles[6]!;
    const before = await readProduct(handle);
    const [, hit] = await counted(() => readProduct(handle), 'catalog');
    expect(hit).toEqual([0]);
    const catalog = `http://127.0.0.1:${(shop.subgraphs.catalog!.app.server.address() as AddressInfo).port}/graphql`;
    const direct = await gql<{ productUpdate: { userErrors: unknown[] } }>(
      catalog,
      'mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { userErrors { code } } }',
      { id: before.body.data!.product.id, input: { title: 'Renamed at the catalog' } },
      identityHeaders(admin(), 'catalog'),
    );
    expect(direct.body.data!.productUpdate.userErrors).toEqual([]);
    await waitFor(
      async () => (await readProduct(handle)).body.data!.product.title === 'Renamed at the catalog',
      30_000,
      'the purged read',
    );
  });

  it('When an admin adjusts a variant’s stock, then the next anonymous read has the new quantity', async () => {
    const handle = handles[7]!;
    const before = await readProduct(handle);
    const variant = before.body.data!.product.variants[0]!;
    const [, hit] = await counted(() => readProduct(handle), 'cart');
    expect(hit).toEqual([0]);
    const adjusted = await gql<{ inventoryAdjust: { userErrors: unknown[] } }>(
      shop.gatewayUrl,
      'mutation($v: ID!) { inventoryAdjust(variantId: $v, delta: 3, reason: "recount") { inventoryLevel { variant { id } available } userErrors { code } } }',
      { v: variant.id },
      adminHeaders,
    );
    expect(adjusted.body.data!.inventoryAdjust.userErrors).toEqual([]);
    const [after, calls] = await counted(() => readProduct(handle), 'cart');
    expect(calls).toEqual([1]);
    expect(after.body.data!.product.variants[0]!.quantityAvailable).toBe(variant.quantityAvailable! + 3);
  });

  it('When an anonymous read holds a private field, then it is never cached', async () => {
    const created = await gql<{ cartCreate: { cart: { id: string } } }>(
      shop.gatewayUrl,
      'mutation { cartCreate { cart { id } } }',
    );
    const cartId = created.body.data!.cartCreate.cart.id;
    const query =
      'query($id: ID!) { cart(id: $id) { id totalQuantity } products(first: 1) { nodes { id } } }';
    await gql(shop.gatewayUrl, query, { id: cartId });
    const [second, calls] = await counted(
      () => gql(shop.gatewayUrl, query, { id: cartId }),
      'cart',
      'catalog',
    );
    expect(second.body.errors).toBeUndefined();
    expect(calls).toEqual([1, 1]);
  });

  it('When an anonymous read answers with an error, then it is not cached', async () => {
    const query = '{ product(id: "00000000-0000-0000-0000-000000000000", handle: "both") { id } }';
    const first = await gql(shop.gatewayUrl, query);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    const [, calls] = await counted(() => gql(shop.gatewayUrl, query), 'catalog');
    expect(calls).toEqual([1]);
  });
});
