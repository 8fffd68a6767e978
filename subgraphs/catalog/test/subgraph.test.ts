import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { demoCatalog } from '@shop/demo-data';
import {
  admin,
  anonymous,
  customer,
  gql,
  identityHeaders,
  outboxDrained,
  service,
  testRedisUrl,
} from '@shop/testkit';
import { eventually, startCatalog, type TestCatalog } from './helpers';

const PRODUCT_FIELDS = `id handle title brand tags createdAt category { handle parent { handle } }
  priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
  variants { id sku title price { amount currencyCode } compareAtPrice { amount } selectedOptions { name value } weightGrams }
  specs { name value } options { name values } images { url altText }`;

interface ProductData {
  id: string;
  handle: string;
  title: string;
  variants: { id: string; sku: string; price: { amount: string } }[];
}

describe('catalog subgraph', () => {
  let catalog: TestCatalog;
  const demo = demoCatalog();
  const shoe = demo.products.find((p) => /running shoes/i.test(p.title))!;
  const anon = () => identityHeaders(anonymous, 'catalog');

  beforeAll(async () => {
    catalog = await startCatalog('catalog_subgraph');
  });
  afterAll(async () => catalog?.close());

  it('When a request has no valid identity, then it is refused with 401', async () => {
    const response = await fetch(catalog.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ categories { id } }' }),
    });
    expect(response.status).toBe(401);
    const forged = await gql(
      catalog.url,
      '{ categories { id } }',
      {},
      identityHeaders(anonymous, 'x'.repeat(40)),
    );
    expect(forged.status).toBe(401);
  });

  it('When a product is read by id and by handle, then both give the seeded product with variants and category', async () => {
    const byId = await gql<{ product: ProductData }>(
      catalog.url,
      `query($id: ID) { product(id: $id) { ${PRODUCT_FIELDS} } }`,
      { id: shoe.id },
      anon(),
    );
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data!.product).toMatchObject({
      id: shoe.id,
      handle: shoe.handle,
      title: shoe.title,
      category: { handle: 'running-shoes', parent: { handle: 'footwear' } },
    });
    expect(byId.body.data!.product.variants.map((v) => v.id)).toEqual(shoe.variants.map((v) => v.id));
    const byHandle = await gql<{ product: ProductData }>(
      catalog.url,
      `query($h: String) { product(handle: $h) { ${PRODUCT_FIELDS} } }`,
      { h: shoe.handle },
      anon(),
    );
    expect(byHandle.body.data!.product).toEqual(byId.body.data!.product);
    const missing = await gql<{ product: null }>(catalog.url, `{ product(id: "nope") { id } }`, {}, anon());
    expect(missing.body.data!.product).toBeNull();
  });

  it('When a product detail page is read from a warm cache, then it costs no SQL statement and matches the Postgres read', async () => {
    const other = demo.products.find((p) => p.id !== shoe.id && p.variants.length > 1)!;
    const DETAIL = `query($h: String) { product(handle: $h) { ${PRODUCT_FIELDS} description } }`;
    const before = catalog.sql.length;
    const cold = await gql<{ product: ProductData }>(catalog.url, DETAIL, { h: other.handle }, anon());
    expect(cold.body.errors).toBeUndefined();
    // The miss reads Postgres (product, variants, category; the parent category through its loader).
    expect(catalog.sql.length - before).toBeGreaterThan(0);
    const warmStart = catalog.sql.length;
    const warm = await gql<{ product: ProductData & { category: { handle: string } } }>(
      catalog.url,
      `query($h: String) { product(handle: $h) { id title description variants { id sku price { amount } } category { handle name } images { url } } }`,
      { h: other.handle },
      anon(),
    );
    expect(warm.body.errors).toBeUndefined();
    expect(catalog.sql.slice(warmStart)).toEqual([]);
    expect(warm.body.data!.product.category.handle).toBe(other.categoryHandle);
    expect(warm.body.data!.product.variants.map((v) => v.id)).toEqual(other.variants.map((v) => v.id));
    const again = await gql<{ product: ProductData }>(catalog.url, DETAIL, { h: other.handle }, anon());
    expect(again.body.data!.product).toEqual(cold.body.data!.product);
  });

  it('When all products are paged by 50 in every sort order, then each appears exactly once and totalCount is right', async () => {
    for (const [sortKey, reverse] of [
      ['ID', false],
      ['TITLE', false],
      ['PRICE', true],
      ['CREATED_AT', true],
      ['BEST_SELLING', true],
    ] as const) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const result: {
          body: {
            data?: {
              products: {
                nodes: { id: string }[];
                totalCount: number;
                pageInfo: { hasNextPage: boolean; endCursor: string };
              };
            };
          };
        } = await gql(
          catalog.url,
          `query($after: String, $s: ProductSortKey, $r: Boolean) { products(first: 50, after: $after, sortKey: $s, reverse: $r) { nodes { id } totalCount pageInfo { hasNextPage endCursor } } }`,
          { after, s: sortKey, r: reverse },
          anon(),
        );
        const products = result.body.data!.products;
        expect(products.totalCount).toBe(demo.products.length);
        seen.push(...products.nodes.map((n) => n.id));
        if (!products.pageInfo.hasNextPage) break;
        after = products.pageInfo.endCursor;
      }
      expect(seen.length).toBe(demo.products.length);
      expect(new Set(seen).size).toBe(demo.products.length);
    }
  });

  it('When a page of 50 products with variants and categories is read, then it costs at most 3 SQL statements', async () => {
    catalog.sql.length = 0;
    const result = await gql<{
      products: { nodes: { variants: unknown[]; category: { parent: unknown } }[] };
    }>(
      catalog.url,
      `{ products(first: 50, sortKey: TITLE) { nodes { id variants { id sku price { amount } } category { id name } } totalCount } }`,
      {},
      anon(),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.products.nodes).toHaveLength(50);
    expect(result.body.data!.products.nodes.every((n) => n.variants.length > 0)).toBe(true);
    expect(catalog.sql.length).toBeLessThanOrEqual(3);
  });

  it('When first is over 100 or the cursor is forged, then the answer is a clear BAD_USER_INPUT error', async () => {
    const big = await gql(catalog.url, `{ products(first: 101) { totalCount } }`, {}, anon());
    expect(big.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.body.errors?.[0]?.message).toMatch(/first/);
    const forged = await gql(
      catalog.url,
      `{ products(first: 5, after: "${Buffer.from('["PRICE","x","y"]').toString('base64url')}", sortKey: PRICE) { totalCount } }`,
      {},
      anon(),
    );
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const searchBig = await gql(
      catalog.url,
      `{ search(query: "shoes", first: 500) { totalCount } }`,
      {},
      anon(),
    );
    expect(searchBig.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('When categories are listed, then parents come before children and a category pages its own and sub-category products', async () => {
    const result = await gql<{
      categories: {
        handle: string;
        parent: { handle: string } | null;
        children: { handle: string }[];
        products: { totalCount: number };
      }[];
    }>(
      catalog.url,
      `{ categories { handle parent { handle } children { handle } products(first: 2) { totalCount nodes { id } } } }`,
      {},
      anon(),
    );
    const categories = result.body.data!.categories;
    expect(categories).toHaveLength(demo.categories.length);
    const index = new Map(categories.map((c, i) => [c.handle, i]));
    for (const c of categories)
      if (c.parent) expect(index.get(c.parent.handle)!).toBeLessThan(index.get(c.handle)!);
    const footwear = categories.find((c) => c.handle === 'footwear')!;
    expect(footwear.children.map((c) => c.handle)).toContain('running-shoes');
    expect(footwear.products.totalCount).toBe(
      demo.products.filter((p) => ['running-shoes', 'hiking-boots', 'sneakers'].includes(p.categoryHandle))
        .length,
    );
  });

  it('When the gateway resolves Product and ProductVariant references, then _entities answers both in order', async () => {
    const variant = shoe.variants[0]!;
    const result = await gql<{
      _entities: ({ id: string; title?: string; sku?: string; product?: { id: string } } | null)[];
    }>(
      catalog.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id title } ... on ProductVariant { id sku product { id } } } }`,
      {
        r: [
          { __typename: 'ProductVariant', id: variant.id },
          { __typename: 'Product', id: shoe.id },
          { __typename: 'Product', id: 'missing' },
        ],
      },
      identityHeaders(anonymous, 'catalog'),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!._entities).toEqual([
      { id: variant.id, sku: variant.sku, product: { id: shoe.id } },
      { id: shoe.id, title: shoe.title },
      null,
    ]);
  });

  it('When a shopper searches for running shoes with filters, then matching products come with facets', async () => {
    const result = await gql<{
      search: {
        totalCount: number;
        nodes: { title: string; category: { handle: string } }[];
        facets: { name: string; values: { value: string; count: number }[] }[];
      };
    }>(
      catalog.url,
      `query($f: [SearchFilter!]) { search(query: "running shoes", first: 10, filters: $f) { totalCount nodes { title category { handle } } facets { name values { value count } } pageInfo { hasNextPage endCursor } } }`,
      { f: [{ category: 'footwear' }, { priceMax: '500.00' }] },
      anon(),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.search.totalCount).toBeGreaterThan(0);
    expect(result.body.data!.search.nodes[0]!.title).toMatch(/running/i);
    expect(
      result.body.data!.search.nodes.every((n) =>
        ['running-shoes', 'hiking-boots', 'sneakers'].includes(n.category.handle),
      ),
    ).toBe(true);
    expect(result.body.data!.search.facets.map((f) => f.name)).toEqual(
      expect.arrayContaining(['brand', 'category']),
    );
    const suggestions = await gql<{ searchSuggestions: string[] }>(
      catalog.url,
      `{ searchSuggestions(prefix: "runn") }`,
      {},
      anon(),
    );
    expect(suggestions.body.data!.searchSuggestions.length).toBeGreaterThan(0);
    const badPrice = await gql(
      catalog.url,
      `{ search(query: "shoes", filters: [{ priceMin: "abc" }]) { totalCount } }`,
      {},
      anon(),
    );
    expect(badPrice.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('When a search does not select facets, then the engine is not asked to count them; a fragment that selects them does', async () => {
    const spy = jest.spyOn(catalog.service.deps.engine, 'search');
    try {
      const lean = await gql<{ search: { totalCount: number; nodes: { id: string }[] } }>(
        catalog.url,
        `{ search(query: "running shoes", first: 5) { totalCount nodes { id } } }`,
        {},
        anon(),
      );
      expect(lean.body.errors).toBeUndefined();
      expect(spy.mock.calls.at(-1)![0].withFacets).toBe(false);
      const viaFragment = await gql<{
        search: { totalCount: number; nodes: { id: string }[]; facets: { name: string }[] };
      }>(
        catalog.url,
        `query { search(query: "running shoes", first: 5) { ...Results } } fragment Results on SearchResultConnection { totalCount nodes { id } ... on SearchResultConnection { facets { name } } }`,
        {},
        anon(),
      );
      expect(viaFragment.body.errors).toBeUndefined();
      expect(spy.mock.calls.at(-1)![0].withFacets).toBe(true);
      expect(viaFragment.body.data!.search.facets.map((f) => f.name)).toEqual([
        'category',
        'brand',
        'price',
        'available',
      ]);
      expect(viaFragment.body.data!.search.nodes).toEqual(lean.body.data!.search.nodes);
      expect(viaFragment.body.data!.search.totalCount).toBe(lean.body.data!.search.totalCount);
    } finally {
      spy.mockRestore();
    }
  });

  it('When a search query is hostile, long or odd, then the answer is a clear error or a result, never a 500', async () => {
    const ask = (query: string) =>
      gql<{ search: { totalCount: number } }>(
        catalog.url,
        `query($q: String!) { search(query: $q, first: 3) { totalCount nodes { id } } }`,
        { q: query },
        anon(),
      );
    for (const query of [
      "'; DROP TABLE products; --",
      'title:(a OR b) AND {"match_all":{}}',
      'shoes\u0000\u001b[31m',
      '🏃‍♀️👟 shoes',
      '',
      '   ',
      '%_\\*?',
    ]) {
      const result = await ask(query);
      expect(result.status).toBe(200);
      expect(result.body.errors?.[0]?.extensions?.code ?? 'OK').not.toBe('INTERNAL_SERVER_ERROR');
    }
    const long = await ask('a'.repeat(257));
    expect(long.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const stillThere = await catalog.db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM products`);
    expect(stillThere.rows[0]!.n).toBeGreaterThanOrEqual(demo.products.length);
    const suggestions = await gql<{ searchSuggestions: string[] }>(
      catalog.url,
      `{ searchSuggestions(prefix: "", first: 50) }`,
      {},
      anon(),
    );
    expect(suggestions.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('When related and recommended products are read, then they are other catalog products', async () => {
    const result = await gql<{
      product: { relatedProducts: { id: string }[] };
      recommendedProducts: { id: string }[];
    }>(
      catalog.url,
      `query($id: ID) { product(id: $id) { relatedProducts(first: 4) { id } } recommendedProducts(first: 5) { id } }`,
      { id: shoe.id },
      anon(),
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.product.relatedProducts.length).toBeGreaterThan(0);
    expect(result.body.data!.product.relatedProducts.map((p) => p.id)).not.toContain(shoe.id);
    expect(result.body.data!.recommendedProducts).toHaveLength(5);
  });

  describe('admin mutations', () => {
    const CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { ${PRODUCT_FIELDS} } userErrors { code field message } } }`;
    const input = (sku = `SKU-${randomUUID().slice(0, 8)}`) => ({
      title: 'Test Zephyr Running Shoes',
      brand: 'Testbrand',
      description: 'Light running shoes for tests.',
      categoryHandle: 'running-shoes',
      tags: ['running'],
      specs: [{ name: 'Drop', value: '6 mm' }],
      options: [{ name: 'Size', values: ['9', '10'] }],
      images: [{ url: 'https://example.com/a.jpg', altText: 'A shoe' }],
      variants: [
        {
          sku: `${sku}-9`,
          selectedOptions: [{ name: 'Size', value: '9' }],
          price: '120.00',
          compareAtPrice: '150.00',
          weightGrams: 300,
        },
        {
          sku: `${sku}-10`,
          selectedOptions: [{ name: 'Size', value: '10' }],
          price: '125.50',
          weightGrams: 310,
        },
      ],
    });

    it('When a shopper who is not an admin calls a product mutation, then it is FORBIDDEN; anonymous is UNAUTHENTICATED', async () => {
      const asCustomer = await gql(
        catalog.url,
        CREATE,
        { input: input() },
        identityHeaders(customer(), 'catalog'),
      );
      expect(asCustomer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asAnon = await gql(
        catalog.url,
        `mutation { productDelete(id: "${shoe.id}") { deletedProductId } }`,
        {},
        anon(),
      );
      expect(asAnon.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const still = await gql<{ product: { id: string } }>(
        catalog.url,
        `{ product(id: "${shoe.id}") { id } }`,
        {},
        anon(),
      );
      expect(still.body.data!.product.id).toBe(shoe.id);
    });

    it('When a partner key holds catalog:write, then it manages products; a key without it is FORBIDDEN', async () => {
      const partner = (scopes: string[]) =>
        identityHeaders({ kind: 'partner', partnerId: randomUUID(), scopes }, 'catalog');
      const refused = await gql(
        catalog.url,
        CREATE,
        { input: input() },
        partner(['catalog:read', 'orders:read']),
      );
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const created = await gql<{
        productCreate: { product: { id: string; title: string }; userErrors: unknown[] };
      }>(
        catalog.url,
        CREATE,
        { input: { ...input(), handle: `partner-${randomUUID().slice(0, 8)}` } },
        partner(['catalog:write']),
      );
      expect(created.body.data!.productCreate.userErrors).toEqual([]);
      const id = created.body.data!.productCreate.product.id;
      const deleted = await gql<{ productDelete: { deletedProductId: string } }>(
        catalog.url,
        `mutation($id: ID!) { productDelete(id: $id) { deletedProductId } }`,
        { id },
        partner(['catalog:write']),
      );
      expect(deleted.body.data!.productDelete.deletedProductId).toBe(id);
    });

    it('When the input is invalid, then userErrors name each problem and nothing is written', async () => {
      const bad = {
        ...input(),
        handle: 'Bad Handle!',
        title: '',
        variants: [
          { sku: 'DUP', price: '-1.00' },
          { sku: 'DUP', price: '1.999' },
        ],
      };
      const result = await gql<{
        productCreate: { product: null; userErrors: { code: string; field: string[] }[] };
      }>(catalog.url, CREATE, { input: bad }, identityHeaders(admin(), 'catalog'));
      const codes = result.body.data!.productCreate.userErrors.map((e) => e.code);
      expect(codes).toEqual(
        expect.arrayContaining(['INVALID_HANDLE', 'INVALID_TITLE', 'INVALID_PRICE', 'DUPLICATE_SKU']),
      );
      expect(result.body.data!.productCreate.product).toBeNull();
      const noVariants = await gql<{ productCreate: { userErrors: { code: string }[] } }>(
        catalog.url,
        CREATE,
        { input: { ...input(), variants: [] } },
        identityHeaders(admin(), 'catalog'),
      );
      expect(noVariants.body.data!.productCreate.userErrors.map((e) => e.code)).toContain(
        'VARIANTS_REQUIRED',
      );
      const takenSku = await gql<{ productCreate: { userErrors: { code: string }[] } }>(
        catalog.url,
        CREATE,
        { input: { ...input(), variants: [{ sku: shoe.variants[0]!.sku, price: '10.00' }] } },
        identityHeaders(admin(), 'catalog'),
      );
      expect(takenSku.body.data!.productCreate.userErrors.map((e) => e.code)).toEqual(['DUPLICATE_SKU']);
      const takenHandle = await gql<{ productCreate: { userErrors: { code: string }[] } }>(
        catalog.url,
        CREATE,
        { input: { ...input(), handle: shoe.handle } },
        identityHeaders(admin(), 'catalog'),
      );
      expect(takenHandle.body.data!.productCreate.userErrors.map((e) => e.code)).toEqual([
        'DUPLICATE_HANDLE',
      ]);
      const count = await catalog.db.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM products`);
      expect(count.rows[0]!.n).toBe(demo.products.length);
    });

    it('When an admin creates, updates and deletes a product, then reads, the cache and the search index follow at once', async () => {
      const created = await gql<{
        productCreate: {
          product: ProductData & { priceRange: { minVariantPrice: { amount: string } } };
          userErrors: unknown[];
        };
      }>(catalog.url, CREATE, { input: input() }, identityHeaders(admin(), 'catalog'));
      expect(created.body.data!.productCreate.userErrors).toEqual([]);
      const product = created.body.data!.productCreate.product;
      expect(product.handle).toBe('test-zephyr-running-shoes');
      expect(product.priceRange.minVariantPrice.amount).toBe('120.00');
      expect(product.variants.map((v) => v.price.amount)).toEqual(['120.00', '125.50']);

      const search = async (q: string) =>
        (
          await gql<{ search: { nodes: { id: string }[] } }>(
            catalog.url,
            `query($q: String!) { search(query: $q, first: 5) { nodes { id } } }`,
            { q },
            anon(),
          )
        ).body.data!.search.nodes.map((n) => n.id);
      expect(await search('zephyr')).toContain(product.id);

      // Fill the cache, then change the product: the next read must see the change.
      const read = async () =>
        (
          await gql<{
            product: { title: string; variants: { id: string; price: { amount: string } }[] } | null;
          }>(
            catalog.url,
            `query($h: String) { product(handle: $h) { title variants { id price { amount } } } }`,
            { h: product.handle },
            anon(),
          )
        ).body.data!.product;
      expect((await read())!.title).toBe('Test Zephyr Running Shoes');
      const redis = new Redis(testRedisUrl());
      try {
        expect(await redis.exists(`${catalog.cachePrefix}product:v2:handle:${product.handle}`)).toBe(1);
        const updated = await gql<{ productUpdate: { product: { title: string }; userErrors: unknown[] } }>(
          catalog.url,
          `mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { product { title } userErrors { code } } }`,
          {
            id: product.id,
            input: {
              title: 'Test Quasar Trail Shoes',
              variants: [{ sku: product.variants[0]!.sku, price: '99.00' }],
            },
          },
          identityHeaders(admin(), 'catalog'),
        );
        expect(updated.body.data!.productUpdate).toEqual({
          product: { title: 'Test Quasar Trail Shoes' },
          userErrors: [],
        });
        expect(await redis.exists(`${catalog.cachePrefix}product:v2:handle:${product.handle}`)).toBe(0);
      } finally {
        redis.disconnect();
      }
      const after = (await read())!;
      expect(after.title).toBe('Test Quasar Trail Shoes');
      // The kept sku keeps its variant id (carts hold it); the dropped one is gone.
      expect(after.variants).toEqual([{ id: product.variants[0]!.id, price: { amount: '99.00' } }]);
      expect(await search('quasar')).toContain(product.id);

      const deleted = await gql<{ productDelete: { deletedProductId: string } }>(
        catalog.url,
        `mutation($id: ID!) { productDelete(id: $id) { deletedProductId userErrors { code } } }`,
        { id: product.id },
        identityHeaders(admin(), 'catalog'),
      );
      expect(deleted.body.data!.productDelete.deletedProductId).toBe(product.id);
      expect(await read()).toBeNull();
      expect(await search('quasar')).not.toContain(product.id);
      const again = await gql<{ productDelete: { userErrors: { code: string }[] } }>(
        catalog.url,
        `mutation($id: ID!) { productDelete(id: $id) { deletedProductId userErrors { code } } }`,
        { id: product.id },
        identityHeaders(admin(), 'catalog'),
      );
      expect(again.body.data!.productDelete.userErrors.map((e) => e.code)).toEqual(['PRODUCT_NOT_FOUND']);
      const events = await catalog.db.db.query<{ payload: { productId: string; change: string } }>(
        `SELECT payload FROM outbox_events WHERE topic = 'product.changed' ORDER BY seq`,
      );
      expect(
        events.rows.filter((r) => r.payload.productId === product.id).map((r) => r.payload.change),
      ).toEqual(['created', 'updated', 'deleted']);
    });
  });

  describe('internal endpoints', () => {
    const post = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${catalog.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

    it('When a service looks up variants, then known ones come back with prices and unknown ones are left out', async () => {
      const variant = shoe.variants[0]!;
      const response = await post(
        '/internal/variants/lookup',
        { ids: [variant.id, 'unknown'] },
        identityHeaders(service('cart'), 'catalog'),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        variants: [
          {
            id: variant.id,
            productId: shoe.id,
            productTitle: shoe.title,
            title: variant.title,
            sku: variant.sku,
            priceMinor: variant.priceMinor,
            compareAtPriceMinor: variant.compareAtPriceMinor,
            currencyCode: 'USD',
            weightGrams: variant.weightGrams,
            imageUrl: shoe.images[0]!.url,
            // The product's category, then the one above it: a discount on either applies to the shoe.
            categoryHandles: [
              shoe.categoryHandle,
              demo.categories.find((c) => c.handle === shoe.categoryHandle)!.parentHandle,
            ],
          },
        ],
      });
      expect(demo.categories.find((c) => c.handle === shoe.categoryHandle)!.parentHandle).toBeTruthy();
    });

    it('When a shopper or nobody calls an internal endpoint, then it is refused; a bad body is a 400', async () => {
      expect(
        (await post('/internal/variants/lookup', { ids: [] }, identityHeaders(customer(), 'catalog'))).status,
      ).toBe(403);
      expect(
        (await post('/internal/variants/lookup', { ids: [] }, { 'content-type': 'application/json' })).status,
      ).toBe(401);
      expect(
        (
          await post(
            '/internal/variants/lookup',
            { ids: Array(251).fill('x') },
            identityHeaders(service('cart'), 'catalog'),
          )
        ).status,
      ).toBe(400);
    });

    it('When a paid order arrives, then its products become bought together and more popular', async () => {
      const [a, b, c] = demo.products.filter((p) => p.categoryHandle === 'tents');
      const before = await catalog.db.db.query<{ popularity: number }>(
        `SELECT popularity FROM products WHERE id = $1`,
        [a!.id],
      );
      const event = {
        id: randomUUID(),
        topic: 'order.paid',
        source: 'orders',
        occurredAt: new Date().toISOString(),
        payload: {
          orderId: randomUUID(),
          orderNumber: 1,
          customerId: null,
          email: 'a@example.com',
          cartId: 'c',
          reservationId: 'r',
          lines: [
            { variantId: a!.variants[0]!.id, productId: a!.id, quantity: 2 },
            { variantId: shoe.variants[0]!.id, productId: shoe.id, quantity: 1 },
          ],
          totalMinor: 1000,
          currencyCode: 'USD',
        },
      };
      await catalog.bus.publish([event]);
      await catalog.bus.publish([event]); // a redelivery changes nothing
      const afterPop = await catalog.db.db.query<{ popularity: number }>(
        `SELECT popularity FROM products WHERE id = $1`,
        [a!.id],
      );
      expect(afterPop.rows[0]!.popularity).toBe(before.rows[0]!.popularity + 2);
      const response = await post(
        '/internal/products/related',
        { productIds: [a!.id], excludeProductIds: [c!.id], first: 3 },
        identityHeaders(service('cart'), 'catalog'),
      );
      const { productIds } = (await response.json()) as { productIds: string[] };
      expect(productIds[0]).toBe(shoe.id);
      expect(productIds).toHaveLength(3);
      expect(productIds).not.toContain(c!.id);
      expect(productIds).not.toContain(a!.id);
      // After the bought-together product, the rest are popular products of the same category.
      const tents = new Set(demo.products.filter((p) => p.categoryHandle === 'tents').map((p) => p.id));
      expect(productIds.slice(1).every((id) => tents.has(id))).toBe(true);
      expect(b).toBeDefined();
    });

    it('When inventory.changed says a product sold out, then the availability filter follows, once per event', async () => {
      const product = demo.products.find(
        (p) => p.variants.every((v) => v.stock > 0) && p.categoryHandle === 'speakers',
      )!;
      const inStock = async () =>
        (
          await gql<{ search: { nodes: { id: string }[] } }>(
            catalog.url,
            `query($q: String!) { search(query: $q, first: 100, filters: [{ category: "speakers" }, { available: true }]) { nodes { id } } }`,
            { q: product.title },
            anon(),
          )
        ).body.data!.search.nodes.map((n) => n.id);
      expect(await inStock()).toContain(product.id);
      const soldOut = product.variants.map((variant) => ({
        id: randomUUID(),
        topic: 'inventory.changed',
        source: 'cart',
        occurredAt: new Date().toISOString(),
        payload: { variantId: variant.id, quantityAvailable: 0 },
      }));
      for (const event of soldOut) await catalog.bus.publish([event]);
      // The indexer's product.changed re-syncs run in the background; they converge on the last state.
      await eventually(async () => expect(await inStock()).not.toContain(product.id));
      const restock = {
        id: randomUUID(),
        topic: 'inventory.changed',
        source: 'cart',
        occurredAt: new Date().toISOString(),
        payload: { variantId: product.variants[0]!.id, quantityAvailable: 4 },
      };
      await catalog.bus.publish([restock]);
      await eventually(async () => expect(await inStock()).toContain(product.id));
      // A late redelivery of an event already applied is ignored. The in-process bus returns once the consumer has
      // handled it; whatever it enqueued is indexed once the outbox is drained.
      await outboxDrained(catalog.db.db);
      const outboxBefore = await catalog.db.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_events',
      );
      await catalog.bus.publish([soldOut[0]!]);
      await outboxDrained(catalog.db.db);
      const outboxAfter = await catalog.db.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_events',
      );
      expect(outboxAfter.rows[0]!.n).toBe(outboxBefore.rows[0]!.n);
      expect(await inStock()).toContain(product.id);
      const rows = await catalog.db.db.query<{ quantity_available: number }>(
        `SELECT quantity_available FROM variant_availability WHERE variant_id = $1`,
        [product.variants[0]!.id],
      );
      expect(rows.rows[0]!.quantity_available).toBe(4);
    });
  });
});
