// Publishes this client's manifest (src/gql/persisted-documents.json) for its clientName, with an admin's token:
//   GATEWAY_URL=http://localhost:4000/graphql ADMIN_TOKEN=... CLIENT_NAME=acme-erp npm run publish-manifest -w @shop/partner-client
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toManifest, type PersistedQueryManifest } from './manifest';

export interface PublishResult {
  clientName: string;
  published: number;
  userErrors: { code: string; field: string[] | null; message: string }[];
}

const PUBLISH = `mutation Publish($input: PersistedDocumentsPublishInput!) {
  persistedDocumentsPublish(input: $input) { clientName published userErrors { code field message } }
}`;

export async function publishManifest(options: {
  url: string;
  adminToken: string;
  clientName: string;
  manifest: PersistedQueryManifest;
}): Promise<PublishResult> {
  const res = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.adminToken}` },
    body: JSON.stringify({
      query: PUBLISH,
      variables: { input: { clientName: options.clientName, manifest: options.manifest } },
    }),
  });
  const body = (await res.json()) as {
    data?: { persistedDocumentsPublish: PublishResult };
    errors?: { message: string }[];
  };
  if (!body.data)
    throw new Error(`publishing failed: ${body.errors?.map((e) => e.message).join('; ') ?? res.status}`);
  return body.data.persistedDocumentsPublish;
}

/** The manifest of the documents this client was generated with. */
export function generatedManifest(): PersistedQueryManifest {
  const file = join(__dirname, 'gql', 'persisted-documents.json');
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- a fixed file of this package, written by codegen
  const persisted = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return toManifest(persisted);
}

if (require.main === module) {
  const { GATEWAY_URL = 'http://localhost:4000/graphql', ADMIN_TOKEN, CLIENT_NAME } = process.env;
  if (!ADMIN_TOKEN || !CLIENT_NAME) {
    console.error(
      "Set ADMIN_TOKEN (an admin's accessToken from customerLogin) and CLIENT_NAME (the key's clientName).",
    );
    process.exit(1);
  }
  publishManifest({
    url: GATEWAY_URL,
    adminToken: ADMIN_TOKEN,
    clientName: CLIENT_NAME,
    manifest: generatedManifest(),
  }).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(result.userErrors.length ? 1 : 0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
