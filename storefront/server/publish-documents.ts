// Publishes the storefront's persisted query manifest to a gateway (admin `persistedDocumentsPublish`) as the shop's
// own client (firstParty), so the storefront's documents are trusted there and it runs with SAFELIST_MODE=enforce.
// Publishing the same manifest again changes nothing: `npm start` does it at every start.
// A gateway without that mutation is told nothing: the storefront then registers each document on first use (APQ).
import { createHash } from 'node:crypto';
import { ConfigError, parseConfig } from '@shop/common';
import { z } from 'zod';
import { readManifest, type PersistedQueryManifest } from './manifest';

export type PublishResult =
  | { status: 'published'; published: number }
  | { status: 'unsupported'; reason: string }
  | { status: 'refused'; errors: { code: string; message: string }[] };

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The body of one of the manifest's operations, by name. */
function bodyOf(manifest: PersistedQueryManifest, name: string): string {
  const operation = manifest.operations.find((o) => o.name === name);
  if (!operation) throw new Error(`the storefront's manifest has no ${name} operation`);
  return operation.body;
}

/**
 * Sends one of the storefront's documents by hash as the storefront does, and its text only when the gateway does
 * not know the hash: so it also works on a gateway that enforces its safelist, once the manifest is published.
 */
async function call<T>(url: string, body: string, variables: unknown, token?: string): Promise<Answer<T>> {
  const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(body).digest('hex') };
  const send = async (query?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollographql-client-name': 'storefront',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables, extensions: { persistedQuery } }),
      signal: AbortSignal.timeout(30_000),
    });
    return (await res.json()) as Answer<T>;
  };
  const answer = await send();
  return answer.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' ? send(body) : answer;
}

export async function signInAdmin(
  graphqlUrl: string,
  email: string,
  password: string,
  manifest: PersistedQueryManifest = readManifest(),
): Promise<string> {
  const answer = await call<{ customerLogin: { accessToken: string | null } }>(
    graphqlUrl,
    bodyOf(manifest, 'CustomerLogin'),
    { input: { email, password } },
  );
  const token = answer.data?.customerLogin.accessToken;
  if (!token) throw new Error('the admin sign-in was refused');
  return token;
}

export async function publishDocuments(
  graphqlUrl: string,
  adminToken: string,
  clientName = 'storefront',
  manifest: PersistedQueryManifest = readManifest(),
): Promise<PublishResult> {
  const answer = await call<{
    persistedDocumentsPublish: { published: number; userErrors: { code: string; message: string }[] };
  }>(
    graphqlUrl,
    bodyOf(readManifest(), 'StorefrontPublish'),
    { input: { clientName, manifest, firstParty: true } },
    adminToken,
  );
  const error = answer.errors?.[0];
  // Validation names the missing field or input type when the gateway has no persisted-document publishing.
  if (
    error &&
    /persistedDocumentsPublish|PersistedDocumentsPublishInput/.test(error.message) &&
    error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED'
  )
    return { status: 'unsupported', reason: 'the gateway has no persistedDocumentsPublish mutation' };
  if (error) throw new Error(`publishing was refused: ${error.message}`);
  const payload = answer.data?.persistedDocumentsPublish;
  if (!payload) throw new Error('publishing gave no answer');
  if (payload.userErrors.length) return { status: 'refused', errors: payload.userErrors };
  return { status: 'published', published: payload.published };
}

/** The line `npm start` and this script print for a result. */
export function describePublish(result: PublishResult, clientName = 'storefront'): string {
  switch (result.status) {
    case 'published':
      return `storefront documents: ${result.published} published for client "${clientName}"`;
    case 'unsupported':
      return `storefront documents: not published (${result.reason}); the storefront registers them on first use instead`;
    case 'refused':
      return `storefront documents: refused: ${result.errors.map((e) => `${e.code} ${e.message}`).join('; ')}`;
  }
}

const envSchema = z.object({
  /** The gateway's GraphQL endpoint. */
  GATEWAY_URL: z.string().url().default('http://localhost:4000/graphql'),
  STOREFRONT_CLIENT_NAME: z.string().min(1).default('storefront'),
  /** An admin's access token; or ADMIN_EMAIL and ADMIN_PASSWORD to sign in with. */
  ADMIN_TOKEN: z.string().optional(),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
});

if (require.main === module) {
  (async () => {
    const env = parseConfig(envSchema, process.env);
    const token =
      env.ADMIN_TOKEN ??
      (env.ADMIN_EMAIL && env.ADMIN_PASSWORD
        ? await signInAdmin(env.GATEWAY_URL, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
        : undefined);
    if (!token) throw new ConfigError(['ADMIN_TOKEN: set it, or ADMIN_EMAIL and ADMIN_PASSWORD']);
    const result = await publishDocuments(env.GATEWAY_URL, token, env.STOREFRONT_CLIENT_NAME);
    console.log(describePublish(result, env.STOREFRONT_CLIENT_NAME));
    if (result.status === 'refused') process.exitCode = 1;
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
