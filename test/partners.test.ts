// The partner edge through the gateway on the real datastores: persisted documents by hash (APQ for
// storefronts, published manifests for partners), safelist-only keys, the published cost, GET caching.
import type { RealShop } from './real-shop';
import { gql } from '@shop/testkit';
import { CREATE_KEY, get, manifest, post, pq, sha, partnerShop, PRODUCTS, SHOP_NAMES } from './partner-edge';

describe('Partners through persisted documents', () => {
  const { state, createKey, publish, listed } = partnerShop('partners');
  let shop: RealShop;
  beforeAll(() => ({ shop } = state));

  it('When a storefront sends an unknown hash, registers it with its text, then sends the hash alone, then the hash runs (POST and GET)', async () => {
    const query = `query Apq${Date.now()} { products(first: 1) { nodes { id } } }`;
    const hash = sha(query);
    const miss = await post(shop.url, { extensions: pq(hash) });
    expect(miss.body.errors).toEqual([
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    ]);

    const registered = await post(shop.url, { query, extensions: pq(hash) });
    expect(registered.status).toBe(200);
    expect(registered.body.errors).toBeUndefined();
    const hit = await post(shop.url, { extensions: pq(hash) });
    expect(hit.body.data).toEqual(registered.body.data);
    const byDocumentId = await post(shop.url, { documentId: `sha256:${hash}` });
    expect(byDocumentId.body.data).toEqual(registered.body.data);
    const byGet = await get(shop.url, { extensions: pq(hash) });
    expect(byGet.status).toBe(200);
    expect(byGet.body?.data).toEqual(registered.body.data);
  });

  it("When the hash is not the text's, or not 64 lowercase hex digits, then BAD_USER_INPUT and nothing is registered", async () => {
    const query = `query Wrong${Date.now()} { products(first: 1) { nodes { id } } }`;
    const other = sha(`${query} `);
    const wrong = await post(shop.url, { query, extensions: pq(other) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await post(shop.url, { extensions: pq(other) })).body.errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    for (const bad of ['abc', sha(query).toUpperCase(), `${sha(query).slice(0, 63)}g`, `${sha(query)}00`]) {
      const answer = await post(shop.url, { extensions: pq(bad) });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const badId = await post(shop.url, { documentId: 'sha1:abc' });
    expect(badId.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('When an admin publishes a manifest, then it is listed, publishing again changes nothing, and a dropped document stops working for that client', async () => {
    const key = await createKey('erp');
    const first = await publish(
      'erp',
      manifest({ body: PRODUCTS, name: 'Products' }, { body: SHOP_NAMES, name: 'Names' }),
    );
    expect(first).toEqual({ clientName: 'erp', published: 2, userErrors: [] });
    expect(
      await publish(
        'erp',
        manifest({ body: PRODUCTS, name: 'Products' }, { body: SHOP_NAMES, name: 'Names' }),
      ),
    ).toEqual(first);
    const list = await listed('erp');
    expect(list.totalCount).toBe(2);
    expect(list.nodes).toEqual(
      expect.arrayContaining([{ id: sha(PRODUCTS), name: 'Products', type: 'query', body: PRODUCTS }]),
    );

    const ran = await post(shop.url, { extensions: pq(sha(SHOP_NAMES)) }, key);
    expect(ran.body.errors).toBeUndefined();
    expect((ran.body.data as { products: { nodes: unknown[] } }).products.nodes).toHaveLength(2);

    expect(await publish('erp', manifest({ body: PRODUCTS, name: 'Products' }))).toMatchObject({
      published: 1,
      userErrors: [],
    });
    const dropped = await post(shop.url, { extensions: pq(sha(SHOP_NAMES)) }, key);
    expect(dropped.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const kept = await post(shop.url, { extensions: pq(sha(PRODUCTS)), variables: { n: 1 } }, key);
    expect(kept.body.errors).toBeUndefined();
  });

  it('When a manifest has a wrong hash, an invalid body, a mutation for a read-only client, too many operations, or an unknown client, then userErrors and nothing is published', async () => {
    await createKey('marketplace');
    expect(await publish('marketplace', manifest({ body: PRODUCTS }))).toMatchObject({ published: 1 });
    const before = await listed('marketplace');
    const cases: [string, unknown, string][] = [
      [
        'marketplace',
        manifest({ body: SHOP_NAMES }, { body: SHOP_NAMES.replace('2', '3'), id: sha('other') }),
        'HASH_MISMATCH',
      ],
      [
        'marketplace',
        manifest({ body: '{ products(first: 1) { nodes { noSuchField } } }' }),
        'INVALID_DOCUMENT',
      ],
      ['marketplace', manifest({ body: '{ products(first: 1) {' }), 'INVALID_DOCUMENT'],
      [
        'marketplace',
        manifest({ body: 'mutation Out { customerLogout { success } }', type: 'mutation' }),
        'MUTATION_NOT_ALLOWED',
      ],
      [
        'marketplace',
        manifest(...Array.from({ length: 1001 }, (_, i) => ({ body: `query Q${i} { __typename }` }))),
        'TOO_LARGE',
      ],
      ['nobody-has-this', manifest({ body: SHOP_NAMES }), 'NOT_FOUND'],
      ['marketplace', { format: 'something-else', operations: [] }, 'INVALID'],
    ];
    for (const [client, m, code] of cases) {
      const result = await publish(client, m);
      expect(result.published).toBe(0);
      expect(result.userErrors.map((e) => e.code)).toContain(code);
    }
    expect(await listed('marketplace')).toEqual(before);
  });

  it("When an admin publishes the shop's own client, then it needs no key and may hold mutations; a partner's client cannot become the shop's own", async () => {
    const logout = 'mutation Out { customerLogout { success } }';
    const own = 'query OwnNames { products(first: 2) { nodes { id handle } } }';
    const ok = { clientName: 'shop-web', published: 2, userErrors: [] };
    const both = manifest({ body: logout, type: 'mutation' }, { body: own });
    expect(await publish('shop-web', both, true)).toEqual(ok);
    // Later publishes need not say so again.
    expect(await publish('shop-web', manifest({ body: own }))).toEqual({ ...ok, published: 1 });
    // Its documents run by hash for a caller naming it (the storefront's browser test: not under another name).
    const named = { 'apollographql-client-name': 'shop-web' };
    expect((await post(shop.url, { extensions: pq(sha(own)) }, named)).body.errors).toBeUndefined();
    await createKey('bazaar');
    const partner = await publish('bazaar', manifest({ body: SHOP_NAMES }), true);
    expect(partner).toMatchObject({
      published: 0,
      userErrors: [{ code: 'CLIENT_IS_PARTNER', field: ['firstParty'] }],
    });
    // Nor can a partner's key take the shop's own client's name (it would run the shop's documents).
    const { body } = await gql<{ apiKeyCreate: { key: string | null; userErrors: { code: string }[] } }>(
      shop.url,
      CREATE_KEY,
      { name: 'posing partner', scopes: ['catalog:read'], clientName: 'shop-web' },
      state.admin,
    );
    expect(body.data?.apiKeyCreate).toMatchObject({
      key: null,
      userErrors: [{ code: 'CLIENT_IS_FIRST_PARTY' }],
    });
  });

  it("When a safelist-only key sends a document as text, or another client's hash, then it is refused; its own hash runs", async () => {
    const agency = await createKey('agency');
    await createKey('other-client');
    const mine = 'query Mine { products(first: 1) { nodes { id handle } } }';
    const theirs = 'query Theirs { products(first: 1) { nodes { id title } } }';
    expect(await publish('agency', manifest({ body: mine }))).toMatchObject({ published: 1 });
    expect(await publish('other-client', manifest({ body: theirs }))).toMatchObject({ published: 1 });

    const asText = await post(shop.url, { query: mine }, agency);
    expect(asText.status).toBe(400);
    expect(asText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const textWithHash = await post(shop.url, { query: mine, extensions: pq(sha(mine)) }, agency);
    expect(textWithHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const other = await post(shop.url, { extensions: pq(sha(theirs)) }, agency);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(other.body.data).toBeUndefined();
    const own = await post(shop.url, { documentId: `sha256:${sha(mine)}` }, agency);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data).toEqual({
      products: { nodes: [expect.objectContaining({ handle: expect.any(String) })] },
    });

    // A key that is not safelist-only runs text too.
    const open = await createKey('agency', { safelistOnly: false });
    expect((await post(shop.url, { query: theirs }, open)).body.errors).toBeUndefined();
  });

  it('When a query comes with variables, with defaults, or nested, then extensions.cost is its hand-computed cost and what it really returned', async () => {
    // products: the connection (1) + nodes sized by `first` × Product (1).
    const withVariables = await post(shop.url, { query: PRODUCTS, variables: { n: 3 } });
    expect(withVariables.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 1 + 3,
      actualQueryCost: 1 + 3,
    });

    const withDefault = await post(shop.url, {
      query: 'query($n: Int = 5) { products(first: $n) { nodes { id } } }',
    });
    expect(withDefault.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 1 + 5,
      actualQueryCost: 1 + 5,
    });

    // Each of 2 products (1) with its variants (assumed 10 × 1); really, the variants returned.
    const nested = await post(shop.url, { query: '{ products(first: 2) { nodes { id variants { id } } } }' });
    expect(nested.body.extensions?.cost?.requestedQueryCost).toBe(1 + 2 * (1 + 10));
    const nodes = (nested.body.data as { products: { nodes: { variants: unknown[] }[] } }).products.nodes;
    expect(nested.body.extensions?.cost?.actualQueryCost).toBe(
      1 + nodes.reduce((sum, n) => sum + 1 + n.variants.length, 0),
    );
    expect(nested.body.extensions?.cost?.throttleStatus).toEqual({
      maximumAvailable: expect.any(Number),
      currentlyAvailable: expect.any(Number),
      restoreRate: expect.any(Number),
    });
    // A list that comes back shorter costs less than asked.
    const few = await post(shop.url, { query: PRODUCTS, variables: { n: 100 } });
    const returned = (few.body.data as { products: { nodes: unknown[] } }).products.nodes.length;
    expect(few.body.extensions?.cost).toMatchObject({
      requestedQueryCost: 101,
      actualQueryCost: 1 + returned,
    });
  });

  it('When a persisted query comes by GET, then it carries Cache-Control, Vary and an ETag, and a matching If-None-Match is 304', async () => {
    const query = 'query Public { products(first: 2) { nodes { id title } } }';
    const hash = sha(query);
    await post(shop.url, { query, extensions: pq(hash) });
    const first = await get(shop.url, { extensions: pq(hash) });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toBe('Authorization, X-Api-Key');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(shop.url, { extensions: pq(hash) }, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    const stale = await get(shop.url, { extensions: pq(hash) }, { 'if-none-match': 'W/"other"' });
    expect(stale.status).toBe(200);

    // Stock figures are fresh for 5 seconds: the answer's age is its freshest field's.
    const stock = 'query Stock { products(first: 1) { nodes { id variants { id quantityAvailable } } } }';
    await post(shop.url, { query: stock, extensions: pq(sha(stock)) });
    const stocked = await get(shop.url, { extensions: pq(sha(stock)) });
    expect(stocked.headers.get('cache-control')).toBe('public, max-age=5');

    // The same query for a signed-in shopper is theirs alone.
    const shopper = await shop.newShopper();
    const signedIn = await get(shop.url, { extensions: pq(hash) }, shopper);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');

    // A field of a customer is private whoever asks.
    const me = 'query Me { me { id } }';
    await post(shop.url, { query: me, extensions: pq(sha(me)) });
    const mine = await get(shop.url, { extensions: pq(sha(me)) });
    expect(mine.headers.get('cache-control')).toBe('private, no-store');

    // A mutation never runs by GET.
    const logout = 'mutation Out { customerLogout { success } }';
    await post(shop.url, { query: logout, extensions: pq(sha(logout)) });
    expect((await get(shop.url, { extensions: pq(sha(logout)) })).status).toBe(405);
  });
});
