// A gateway with SAFELIST_MODE=enforce on the real datastores: only published documents run, besides the
// built-in sign-in and an admin session's documents.
import type { AddressInfo } from 'node:net';
import { admin as adminPrincipal, gql, identityHeaders } from '@shop/testkit';
import { SIGN_IN_DOCUMENT } from '../gateway/src/built-in-documents';
import type { RunningShop } from '../scripts/start';
import { startTestShop } from './real-shop';
import { manifest, post, pq, PUBLISH, sha } from './partner-edge';

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
