// Calls the browser tests make beside the browser, to a gateway that enforces its safelist: each document by hash,
// published first for a client of the tests' own, and calls from a chosen local address (Linux answers on all of
// 127.0.0.0/8), as shoppers on different machines would come.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { GraphQLResponse } from '@shop/testkit';
import { manifestOf, readManifest } from '../server/manifest';
import { publishDocuments } from '../server/publish-documents';

export const TEST_CLIENT = 'storefront-test';

export const TEST_DOCUMENTS = {
  products:
    'query TestProducts { products(first: 100) { nodes { handle variants { id quantityAvailable } } } }',
  register:
    'mutation TestRegister($input: CustomerRegisterInput!) { customerRegister(input: $input) { userErrors { code } } }',
  discountCreate:
    'mutation TestDiscount($input: DiscountInput!) { discountCreate(input: $input) { discount { id } userErrors { code message } } }',
} as const;

const sha = (body: string) => createHash('sha256').update(body).digest('hex');

/** Publishes the tests' documents as a client of the shop's own. */
export async function publishTestDocuments(gatewayUrl: string, adminToken: string): Promise<void> {
  const documents = Object.fromEntries(Object.values(TEST_DOCUMENTS).map((body) => [sha(body), body]));
  const result = await publishDocuments(gatewayUrl, adminToken, TEST_CLIENT, manifestOf(documents));
  if (result.status !== 'published')
    throw new Error(`the tests' documents were refused: ${JSON.stringify(result)}`);
}

/** The body of one of the storefront's own operations, by name. */
export function storefrontDocument(name: string): string {
  const found = readManifest().operations.find((o) => o.name === name);
  if (!found) throw new Error(`the storefront has no ${name} operation`);
  return found.body;
}

export interface Call {
  /** The client named in apollographql-client-name; none when null. */
  client?: string | null;
  token?: string;
  /** Send the text instead of the hash. */
  asText?: boolean;
  /** The local address to call from. */
  from?: string;
  headers?: Record<string, string>;
}

/** POSTs a document (by hash unless asText) to `url`. */
export function call<T>(
  url: string,
  body: string,
  variables: Record<string, unknown> = {},
  options: Call = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const client = options.client === undefined ? TEST_CLIENT : options.client;
  const payload = JSON.stringify(
    options.asText
      ? { query: body, variables }
      : { variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha(body) } } },
  );
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: options.from,
        headers: {
          'content-type': 'application/json',
          ...(client ? { 'apollographql-client-name': client } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            ok({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString()) as GraphQLResponse<T>,
            });
          } catch (error) {
            fail(error as Error);
          }
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}
