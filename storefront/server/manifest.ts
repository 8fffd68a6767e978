// Apollo's persisted query manifest of the storefront's operations, made from the client preset's hash -> body
// map (src/gql/persisted-documents.json): what is published to the gateway, as a partner's documents would be.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }[];
}

const GQL_DIR = join(__dirname, '..', 'src', 'gql');
export const DOCUMENTS_PATH = join(GQL_DIR, 'persisted-documents.json');
export const MANIFEST_PATH = join(GQL_DIR, 'persisted-query-manifest.json');

export function manifestOf(documents: Record<string, string>): PersistedQueryManifest {
  const operations = Object.entries(documents).map(([id, body]) => {
    if (createHash('sha256').update(body).digest('hex') !== id)
      throw new Error(`document ${id} is not the SHA-256 of its body`);
    const operation = parse(body).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation?.name) throw new Error(`document ${id} has no named operation`);
    return { id, name: operation.name.value, type: operation.operation, body };
  });
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function readManifest(): PersistedQueryManifest {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the manifest's fixed path in this package
  return JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as PersistedQueryManifest;
}

if (require.main === module) {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the generated map's fixed path in this package
  const manifest = manifestOf(JSON.parse(readFileSync(DOCUMENTS_PATH, 'utf8')) as Record<string, string>);
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the manifest's fixed path in this package
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`wrote ${manifest.operations.length} operations to ${MANIFEST_PATH}`);
}
