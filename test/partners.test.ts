// The partner edge through the gateway on the real datastores: persisted documents by hash (APQ for
// storefronts, published manifests for partners), safelist-only keys, the published cost, GET caching.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { apiKeyHash } from '@shop/auth';
import { admin as adminPrincipal, gql, identityHeaders } from '@shop/testkit';
import { SIGN_IN_DOCUMENT } from '../gateway/src/built-in-documents';
import type { RunningShop } from '../scripts/start';
import { startRealShop, startTestShop, type RealShop } from './real-shop';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { cost?: Cost };
  };
}

interface Cost {
  requestedQueryCost: number | null;
  requestedQueryCostUnknown?: string;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

async function get(url: string, params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
  const res = await fetch(`${url}?${search}`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Answer['body']) : undefined,
  };
}

const pq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

const manifest = (...bodies: { body: string; type?: string; name?: string; id?: string }[]) => ({
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: bodies.map((b) => ({
    id: b.id ?? sha(b.body),
    name: b.name ?? 'Op',
    type: b.type ?? 'query',
    body: b.body,
  })),
});

const PUBLISH = `mutation($input: PersistedDocumentsPublishInput!) {
  persistedDocumentsPublish(input: $input) { clientName published userErrors { code field message } }
}`;
const CREATE_KEY = `mutation($name: String!, $scopes: [String!]!, $clientName: String, $safelistOnly: Boolean, $costPerSecond: Int) {
  apiKeyCreate(name: $name, scopes: $scopes, clientName: $clientName, safelistOnly: $safelistOnly, costPerSecond: $costPerSecond) {
    key apiKey { id clientName safelistOnly costPerSecond } userErrors { code }
  }
}`;

describe('Partners through persisted documents', () => {
  let shop: RealShop;
  let admin: Record<string, string>;
  const PRODUCTS = 'query Products($n: Int) { products(first: $n) { nodes { id title } } }';
  const SHOP_NAMES = 'query Names { products(first: 2) { nodes { handle } } }';

  beforeAll(async () => {
    shop = await startRealShop('partners');
    admin = await shop.signIn();
  }, 180_000);

  afterAll(async () => shop?.stop());

  async function createKey(clientName: string | null, extra: Record<string, unknown> = {}) {
    const { body } = await gql<{ apiKeyCreate: { key: string; userErrors: unknown[] } }>(
      shop.url,
      CREATE_KEY,
      { name: `partner ${clientName}`, scopes: ['catalog:read'], clientName, ...extra },
      admin,
    );
    expect(body.data?.apiKeyCreate.userErrors).toEqual([]);
    return { 'x-api-key': body.data!.apiKeyCreate.key };
  }

  async function publish(clientName: string, m: unknown) {
    const { body } = await gql<{
      persistedDocumentsPublish: {
        clientName: string;
        published: number;
        userErrors: { code: string; field: string[] }[];
      };
    }>(shop.url, PUBLISH, { input: { clientName, manifest: m } }, admin);
    expect(body.errors).toBeUndefined();
    return body.data!.persistedDocumentsPublish;
  }

  async function listed(clientName: string) {
    const { body } = await gql<{
      persistedDocuments: {
        totalCount: number;
        nodes: { id: string; name: string; type: string; body: string }[];
      };
    }>(
      shop.url,
      'query($c: String!) { persistedDocuments(clientName: $c, first: 100) { totalCount nodes { id name type body } } }',
      { c: clientName },
      admin,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.persistedDocuments;
  }

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

  it('When a safelist-only key would name no client, then it is refused at creation; a key that names none from before runs nothing until an admin names its client or opens it', async () => {
    const { body: refused } = await gql<{
      apiKeyCreate: { key: string | null; userErrors: { code: string }[] };
    }>(shop.url, CREATE_KEY, { name: 'nameless', scopes: ['catalog:read'] }, admin);
    expect(refused.data?.apiKeyCreate).toMatchObject({
      key: null,
      userErrors: [{ code: 'CLIENT_NAME_REQUIRED' }],
    });
    const open = await createKey(null, { safelistOnly: false });
    expect((await post(shop.url, { query: SHOP_NAMES }, open)).body.errors).toBeUndefined();

    // A key from before keys named clients: safelist-only (the column's default) and no client.
    const legacyKey = `shk_legacy${Date.now()}`;
    const { rows } = await shop.usersDb.query<{ id: string }>(
      `INSERT INTO api_keys (id, name, key_hash, prefix, scopes) VALUES (gen_random_uuid(), 'Old ERP', $1, 'shk_le', '{catalog:read}') RETURNING id`,
      [apiKeyHash(legacyKey)],
    );
    const legacy = { 'x-api-key': legacyKey };
    await createKey('legacy-erp');
    expect(await publish('legacy-erp', manifest({ body: SHOP_NAMES }))).toMatchObject({ published: 1 });
    const asText = await post(shop.url, { query: SHOP_NAMES }, legacy);
    expect(asText.status).toBe(400);
    expect(asText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(asText.body.errors?.[0]?.message).toMatch(/names no client/);
    const byHash = await post(shop.url, { extensions: pq(sha(SHOP_NAMES)) }, legacy);
    expect(byHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(byHash.body.data).toBeUndefined();

    const UPDATE = `mutation($id: ID!, $clientName: String, $safelistOnly: Boolean) {
      apiKeyUpdate(id: $id, clientName: $clientName, safelistOnly: $safelistOnly) {
        apiKey { clientName safelistOnly } userErrors { code field }
      }
    }`;
    const update = async (variables: Record<string, unknown>) =>
      (await gql<{ apiKeyUpdate: unknown }>(shop.url, UPDATE, { id: rows[0]!.id, ...variables }, admin)).body
        .data?.apiKeyUpdate;
    // Named, it runs its client's documents by hash, and still nothing as text; the change applies at once.
    expect(await update({ clientName: 'legacy-erp' })).toEqual({
      apiKey: { clientName: 'legacy-erp', safelistOnly: true },
      userErrors: [],
    });
    expect((await post(shop.url, { extensions: pq(sha(SHOP_NAMES)) }, legacy)).body.errors).toBeUndefined();
    expect((await post(shop.url, { query: SHOP_NAMES }, legacy)).body.errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_REQUIRED',
    );
    // Its client cannot be taken away while it is safelist-only; opened explicitly, it runs text.
    expect(await update({ clientName: null })).toEqual({
      apiKey: null,
      userErrors: [{ code: 'CLIENT_NAME_REQUIRED', field: ['clientName'] }],
    });
    expect(await update({ clientName: null, safelistOnly: false })).toEqual({
      apiKey: { clientName: null, safelistOnly: false },
      userErrors: [],
    });
    expect((await post(shop.url, { query: SHOP_NAMES }, legacy)).body.errors).toBeUndefined();
    const unknown = await gql<{ apiKeyUpdate: unknown }>(
      shop.url,
      UPDATE,
      { id: '00000000-0000-4000-8000-000000000000', safelistOnly: false },
      admin,
    );
    expect(unknown.body.data?.apiKeyUpdate).toEqual({
      apiKey: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['id'] }],
    });
  });

  it('When a request is refused before it runs, then it still carries extensions.cost: its text costed, a hash naming nothing or a text that does not parse saying so, nothing actually spent', async () => {
    const key = await createKey('costed');
    const mine = 'query Costed { products(first: 3) { nodes { id } } }';
    expect(await publish('costed', manifest({ body: mine }))).toMatchObject({ published: 1 });
    const bucket = {
      maximumAvailable: expect.any(Number),
      currentlyAvailable: expect.any(Number),
      restoreRate: expect.any(Number),
    };

    // A safelist refusal of a text: what it would have cost (1 + 3).
    const asText = await post(shop.url, { query: mine }, key);
    expect(asText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(asText.body.extensions?.cost).toEqual({
      requestedQueryCost: 4,
      actualQueryCost: null,
      throttleStatus: bucket,
    });
    const withVariables = await post(shop.url, { query: PRODUCTS, variables: { n: 7 } }, key);
    expect(withVariables.body.extensions?.cost?.requestedQueryCost).toBe(1 + 7);
    // A hash that names no document it may run: nothing to cost.
    const missing = await post(shop.url, { extensions: pq(sha('query Nothing { __typename }')) }, key);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(missing.body.extensions?.cost).toEqual({
      requestedQueryCost: null,
      requestedQueryCostUnknown: 'no document this caller may run was sent',
      actualQueryCost: null,
      throttleStatus: bucket,
    });
    // A text that does not parse says so, whether a safelist refuses it or the parser does.
    const garbled = await post(shop.url, { query: '{ products(first: 1) {' }, key);
    expect(garbled.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(garbled.body.extensions?.cost).toMatchObject({
      requestedQueryCost: null,
      requestedQueryCostUnknown: 'the document does not parse',
      actualQueryCost: null,
    });
    const unparsed = await post(shop.url, { query: '{ products(first: 1) {' });
    expect(unparsed.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(unparsed.body.extensions?.cost).toEqual({
      requestedQueryCost: null,
      requestedQueryCostUnknown: 'the document does not parse',
      actualQueryCost: null,
      throttleStatus: bucket,
    });
    const invalid = await post(shop.url, { query: '{ products(first: 1) { nodes { noSuchField } } }' });
    expect(invalid.body.extensions?.cost).toMatchObject({
      requestedQueryCost: null,
      requestedQueryCostUnknown: 'the document is not valid against the schema',
    });
    // A malformed hash is refused before anything too, and still shows the bucket.
    const malformed = await post(shop.url, { extensions: pq('abc') });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(malformed.body.extensions?.cost?.throttleStatus).toEqual(bucket);
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

describe('A gateway that enforces the safelist', () => {
  let shop: RunningShop;
  let stop: () => Promise<void>;
  let url: string;
  /** The back office publishes straight to the users subgraph: the gateway would hold its text documents too. */
  let backOffice: (query: string, variables: Record<string, unknown>) => ReturnType<typeof gql>;

  beforeAll(async () => {
    ({ shop, stop } = await startTestShop('safelist', { env: { SAFELIST_MODE: 'enforce' } }));
    url = shop.gatewayUrl;
    const users = `http://127.0.0.1:${(shop.subgraphs.users!.app.server.address() as AddressInfo).port}/graphql`;
    backOffice = (query, variables) =>
      gql(users, query, variables, identityHeaders(adminPrincipal(), 'users'));
  }, 180_000);

  afterAll(async () => stop?.());

  it('When every caller is held to published documents, then only a published document runs, by hash or as its exact text', async () => {
    const created = await backOffice(
      'mutation { apiKeyCreate(name: "Storefront", scopes: ["catalog:read"], clientName: "storefront") { key } }',
      {},
    );
    expect(created.body.errors).toBeUndefined();
    const published = 'query Listing { products(first: 2) { nodes { id title } } }';
    const publish = await backOffice(PUBLISH, {
      input: { clientName: 'storefront', manifest: manifest({ body: published }) },
    });
    expect(publish.body.data).toMatchObject({ persistedDocumentsPublish: { published: 1, userErrors: [] } });

    expect((await post(url, { extensions: pq(sha(published)) })).body.errors).toBeUndefined();
    expect((await post(url, { query: published })).body.errors).toBeUndefined();
    const other = 'query Other { products(first: 3) { nodes { id } } }';
    const asText = await post(url, { query: other });
    expect(asText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    expect(asText.body.data).toBeUndefined();
    // APQ cannot register around the safelist.
    const registering = await post(url, { query: other, extensions: pq(sha(other)) });
    expect(registering.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(url, { extensions: pq(sha(other)) })).body.errors?.[0]?.extensions?.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('When an admin manages the shop through an enforcing gateway, then the built-in sign-in and the admin session run, a shopper and anonymous callers stay held', async () => {
    const credentials = { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' };
    // The sign-in is built in: as its text in any layout, or by its hash; no other selection of it.
    const relaidOut = SIGN_IN_DOCUMENT.replace(/\s+/g, ' ');
    const signedIn = await post(url, { query: relaidOut, variables: { input: credentials } });
    expect(signedIn.body.errors).toBeUndefined();
    const token = (signedIn.body.data as { customerLogin: { accessToken: string } }).customerLogin
      .accessToken;
    expect(token).toEqual(expect.any(String));
    const byHash = await post(url, {
      extensions: pq(sha(SIGN_IN_DOCUMENT)),
      variables: { input: credentials },
    });
    expect(byHash.body.errors).toBeUndefined();
    const wider = await post(url, {
      query:
        'mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken customer { email } } }',
      variables: { input: credentials },
    });
    expect(wider.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');

    // The admin's session sends its documents as text: a key, a manifest, a look at the list.
    const admin = { authorization: `Bearer ${token}` };
    const created = await post(
      url,
      {
        query:
          'mutation { apiKeyCreate(name: "Marketplace", scopes: ["catalog:read"], clientName: "marketplace") { key userErrors { code } } }',
      },
      admin,
    );
    expect(created.body.data).toMatchObject({ apiKeyCreate: { key: expect.any(String), userErrors: [] } });
    const doc = 'query MarketplaceListing { products(first: 1) { nodes { id handle } } }';
    const published = await post(
      url,
      {
        query: PUBLISH,
        variables: { input: { clientName: 'marketplace', manifest: manifest({ body: doc }) } },
      },
      admin,
    );
    expect(published.body.data).toMatchObject({
      persistedDocumentsPublish: { published: 1, userErrors: [] },
    });
    const list = await post(
      url,
      { query: '{ persistedDocuments(clientName: "marketplace") { totalCount } }' },
      admin,
    );
    expect(list.body.data).toEqual({ persistedDocuments: { totalCount: 1 } });
    const partner = {
      'x-api-key': (created.body.data as { apiKeyCreate: { key: string } }).apiKeyCreate.key,
    };
    expect((await post(url, { extensions: pq(sha(doc)) }, partner)).body.errors).toBeUndefined();

    // A shopper's session is no admin's: held to published documents as an anonymous caller is.
    const email = `held.${Date.now()}@example.com`;
    const users = `http://127.0.0.1:${(shop.subgraphs.users!.app.server.address() as AddressInfo).port}/graphql`;
    await gql(
      users,
      'mutation($input: CustomerRegisterInput!) { customerRegister(input: $input) { userErrors { code } } }',
      { input: { email, password: 'correct horse battery staple' } },
      identityHeaders({ kind: 'anonymous' }, 'users'),
    );
    const shopperLogin = await post(url, {
      query: SIGN_IN_DOCUMENT,
      variables: { input: { email, password: 'correct horse battery staple' } },
    });
    const shopperToken = (shopperLogin.body.data as { customerLogin: { accessToken: string } }).customerLogin
      .accessToken;
    expect(shopperToken).toEqual(expect.any(String));
    const shopperText = await post(
      url,
      { query: '{ me { id } }' },
      { authorization: `Bearer ${shopperToken}` },
    );
    expect(shopperText.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
    const anonymousAdminOp = await post(url, { query: '{ apiKeys { id } }' });
    expect(anonymousAdminOp.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });
});
