// Partner keys through the gateway on the real datastores: a safelist-only key names its client (an older key
// that names none runs nothing until an admin fixes it), and refusals made before anything runs show their cost.
import { apiKeyHash } from '@shop/auth';
import { gql } from '@shop/testkit';
import type { RealShop } from './real-shop';
import { CREATE_KEY, manifest, post, pq, sha, partnerShop, PRODUCTS, SHOP_NAMES } from './partner-edge';

describe('Partner keys and the cost of refusals', () => {
  const { state, createKey, publish } = partnerShop('partnerkeys');
  let shop: RealShop;
  let admin: Record<string, string>;
  beforeAll(() => ({ shop, admin } = state));

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
    // A key the shop does not know is refused before any bucket is known: the cost, and no bucket to show.
    const stranger = await post(shop.url, { query: mine }, { 'x-api-key': `shk_${'0'.repeat(40)}` });
    expect(stranger.status).toBe(401);
    expect(stranger.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(stranger.body.extensions?.cost).toEqual({
      requestedQueryCost: 4,
      actualQueryCost: null,
      throttleStatus: null,
    });
  });
});
