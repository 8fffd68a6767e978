// What the partner-edge tests share: requests by text, hash or GET, manifests, and an admin's key and publishing calls.
import { createHash } from 'node:crypto';
import { gql } from '@shop/testkit';
import { startRealShop, type RealShop } from './real-shop';

export const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { cost?: Cost };
  };
}

export interface Cost {
  requestedQueryCost: number | null;
  requestedQueryCostUnknown?: string;
  actualQueryCost: number | null;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer['body'] };
}

export async function get(
  url: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
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

export const pq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

export const manifest = (...bodies: { body: string; type?: string; name?: string; id?: string }[]) => ({
  format: 'apollo-persisted-query-manifest',
  version: 1,
  operations: bodies.map((b) => ({
    id: b.id ?? sha(b.body),
    name: b.name ?? 'Op',
    type: b.type ?? 'query',
    body: b.body,
  })),
});

export const PUBLISH = `mutation($input: PersistedDocumentsPublishInput!) {
  persistedDocumentsPublish(input: $input) { clientName published userErrors { code field message } }
}`;
export const CREATE_KEY = `mutation($name: String!, $scopes: [String!]!, $clientName: String, $safelistOnly: Boolean, $costPerSecond: Int) {
  apiKeyCreate(name: $name, scopes: $scopes, clientName: $clientName, safelistOnly: $safelistOnly, costPerSecond: $costPerSecond) {
    key apiKey { id clientName safelistOnly costPerSecond } userErrors { code }
  }
}`;

/** An admin's partner calls at the gateway `url`, each checked to succeed. */
export const partnerAdmin = (url: string, admin: Record<string, string>) => ({
  async createKey(clientName: string | null, extra: Record<string, unknown> = {}) {
    const { body } = await gql<{ apiKeyCreate: { key: string; userErrors: unknown[] } }>(
      url,
      CREATE_KEY,
      { name: `partner ${clientName}`, scopes: ['catalog:read'], clientName, ...extra },
      admin,
    );
    expect(body.data?.apiKeyCreate.userErrors).toEqual([]);
    return { 'x-api-key': body.data!.apiKeyCreate.key };
  },

  async publish(clientName: string, m: unknown, firstParty?: boolean) {
    const { body } = await gql<{
      persistedDocumentsPublish: {
        clientName: string;
        published: number;
        userErrors: { code: string; field: string[] }[];
      };
    }>(url, PUBLISH, { input: { clientName, manifest: m, firstParty } }, admin);
    expect(body.errors).toBeUndefined();
    return body.data!.persistedDocumentsPublish;
  },

  async listed(clientName: string) {
    const { body } = await gql<{
      persistedDocuments: {
        totalCount: number;
        nodes: { id: string; name: string; type: string; body: string }[];
      };
    }>(
      url,
      'query($c: String!) { persistedDocuments(clientName: $c, first: 100) { totalCount nodes { id name type body } } }',
      { c: clientName },
      admin,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.persistedDocuments;
  },
});

export const PRODUCTS = 'query Products($n: Int) { products(first: $n) { nodes { id title } } }';
export const SHOP_NAMES = 'query Names { products(first: 2) { nodes { handle } } }';

/** A shop of its own for the describe block it is called in, signed in as the seeded admin, with its partner calls. */
export function partnerShop(label: string) {
  const state = {} as { shop: RealShop; admin: Record<string, string> };
  beforeAll(async () => {
    state.shop = await startRealShop(label);
    state.admin = await state.shop.signIn();
  }, 180_000);
  afterAll(async () => state.shop?.stop());
  const calls = () => partnerAdmin(state.shop.url, state.admin);
  return {
    state,
    createKey: (c: string | null, extra?: Record<string, unknown>) => calls().createKey(c, extra),
    publish: (c: string, m: unknown, firstParty?: boolean) => calls().publish(c, m, firstParty),
    listed: (c: string) => calls().listed(c),
  };
}
