// A request's cost through the gateway on the real datastores: what it really asks for (variables, defaults,
// nesting) is refused above MAX_QUERY_COST before anything runs; ordinary storefront requests pass.
import { gql } from '@shop/testkit';
import { startRealShop, type RealShop } from './real-shop';

const nest = (depth: number, args: string) => {
  let inner = '{ id }';
  for (let i = 0; i < depth; i++) inner = `{ id relatedProducts${args} ${inner} }`;
  return inner;
};

describe('Query cost through the gateway', () => {
  let shop: RealShop;
  let shopper: Record<string, string>;
  let handle: string;

  beforeAll(async () => {
    shop = await startRealShop('cost');
    shopper = await shop.newShopper();
    handle = (
      await gql<{ products: { nodes: { handle: string }[] } }>(
        shop.url,
        '{ products(first: 1) { nodes { handle } } }',
      )
    ).body.data!.products.nodes[0]!.handle;
  }, 180_000);

  afterAll(async () => shop?.stop());

  async function expectRefused(query: string, variables: Record<string, unknown>) {
    const { status, body } = await gql(shop.url, query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/cost, \d+, is above the maximum of 20000/),
        extensions: { code: 'COST_LIMIT_EXCEEDED' },
      },
    ]);
  }

  it('When relatedProducts(first: $n) nests five deep with n = 100, then it is refused with COST_LIMIT_EXCEEDED', async () => {
    await expectRefused(`query($h: String, $n: Int) { product(handle: $h) ${nest(5, '(first: $n)')} }`, {
      h: handle,
      n: 100,
    });
  });

  it('When the default relatedProducts nests seven deep, then it is refused with COST_LIMIT_EXCEEDED', async () => {
    await expectRefused(`query($h: String) { product(handle: $h) ${nest(7, '')} }`, { h: handle });
  });

  it('When a fragment hides the nesting, then it is refused all the same', async () => {
    const query = `query($h: String, $n: Int) { product(handle: $h) { ...A } }
      fragment A on Product { relatedProducts(first: $n) { ...B } }
      fragment B on Product { relatedProducts(first: $n) { ...C } }
      fragment C on Product { relatedProducts(first: $n) { id } }`;
    await expectRefused(query, { h: handle, n: 100 });
    // The same shape, asking for little, runs.
    const small = await gql<{ product: { relatedProducts: unknown[] } }>(shop.url, query, {
      h: handle,
      n: 2,
    });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data!.product.relatedProducts.length).toBeGreaterThan(0);
  });

  it('When a storefront runs the journey and benchmark queries, then none is refused', async () => {
    const queries: [string, Record<string, unknown>, Record<string, string>][] = [
      [
        '{ search(query: "runnign shoes", first: 5) { totalCount nodes { title variants { id price { amount } quantityAvailable } } facets { name values { value count } } } }',
        {},
        {},
      ],
      ['{ me { email orders(first: 5) { nodes { number status total { amount } } } } }', {}, shopper],
      [
        '{ products(first: 100) { nodes { variants { id title quantityAvailable price { amount currencyCode } } } } }',
        {},
        {},
      ],
      [
        '{ products(first: 20) { nodes { id title handle priceRange { minVariantPrice { amount currencyCode } } } } }',
        {},
        {},
      ],
      [
        `query($h: String) { product(handle: $h) { id title description brand tags specs { name value } options { name values }
          images { url } variants { id sku title price { amount currencyCode } weightGrams } category { name } relatedProducts { id title } } }`,
        { h: handle },
        {},
      ],
      [
        `query($q: String!, $s: SearchSortKey) { search(query: $q, first: 20, sortKey: $s) {
          totalCount edges { node { id title } } facets { name values { value count } } } }`,
        { q: 'shoes', s: 'PRICE_ASC' },
        {},
      ],
      [
        '{ categories { name products(first: 5) { nodes { id } } } recommendedProducts { id title } }',
        {},
        {},
      ],
    ];
    for (const [query, variables, headers] of queries) {
      const { status, body } = await gql(shop.url, query, variables, headers);
      expect({ query, errors: body.errors }).toEqual({ query, errors: undefined });
      expect(status).toBe(200);
    }
  });
});
