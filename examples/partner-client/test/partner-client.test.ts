// A partner's tool chain against the gateway on the real datastores: the generated manifest is published with an
// admin's token, the client runs its typed documents by hash with its key, and nothing else runs for that key.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gql } from '@shop/testkit';
import { startRealShop, type RealShop } from '../../../test/real-shop';
import { createPartnerClient } from '../src/client';
import { PartnerProductDocument, PartnerProductsDocument } from '../src/gql/graphql';
import { toManifest } from '../src/manifest';
import { generatedManifest, publishManifest } from '../src/publish';

const hashOf = (document: object) => (document as { __meta__?: { hash?: string } }).__meta__?.hash;

describe('The partner client example', () => {
  let shop: RealShop;
  let adminToken: string;
  let apiKey: string;

  beforeAll(async () => {
    shop = await startRealShop('partnerclient');
    adminToken = (await shop.signIn()).authorization!.replace('Bearer ', '');
    const { body } = await gql<{ apiKeyCreate: { key: string } }>(
      shop.url,
      'mutation { apiKeyCreate(name: "Acme ERP", scopes: ["catalog:read"], clientName: "acme-erp") { key } }',
      {},
      { authorization: `Bearer ${adminToken}` },
    );
    apiKey = body.data!.apiKeyCreate.key;
  }, 180_000);

  afterAll(async () => shop?.stop());

  it('When codegen wrote the persisted documents, then each hash is the SHA-256 of its body, as the typed documents carry it', () => {
    const persisted = JSON.parse(
      readFileSync(join(__dirname, '..', 'src', 'gql', 'persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    for (const [hash, body] of Object.entries(persisted)) {
      expect(hash).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
    }
    expect(Object.keys(persisted)).toEqual(
      expect.arrayContaining([hashOf(PartnerProductsDocument), hashOf(PartnerProductDocument)]),
    );
    expect(
      toManifest(persisted)
        .operations.map((o) => o.name)
        .sort(),
    ).toEqual(['PartnerProduct', 'PartnerProducts']);
  });

  it('When the manifest is published and the client runs its documents by hash, then they answer with their cost; text and unpublished documents are refused', async () => {
    const result = await publishManifest({
      url: shop.url,
      adminToken,
      clientName: 'acme-erp',
      manifest: generatedManifest(),
    });
    expect(result).toEqual({ clientName: 'acme-erp', published: 2, userErrors: [] });

    const client = createPartnerClient({ url: shop.url, apiKey });
    const page = await client.run(PartnerProductsDocument, { first: 3 });
    expect(page.body.errors).toBeUndefined();
    const products = page.body.data!.products.nodes;
    expect(products.length).toBeGreaterThan(0);
    expect(page.body.extensions?.cost?.requestedQueryCost).toBeGreaterThan(0);

    const one = await client.run(PartnerProductDocument, { handle: products[0]!.handle });
    expect(one.body.data?.product?.id).toBe(products[0]!.id);

    // The same key may not send text, nor a document its client did not publish.
    const asText = await fetch(shop.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ products(first: 1) { nodes { id } } }' }),
    });
    expect(
      ((await asText.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PERSISTED_QUERY_REQUIRED');
    const unpublished = await client.run({
      ...PartnerProductDocument,
      __meta__: { hash: `sha256:${'0'.repeat(64)}` },
    });
    expect(unpublished.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
