// Turns the client preset's persisted documents (`{ "sha256:<hex>": body }`) into Apollo's persisted query
// manifest, the format persistedDocumentsPublish takes.
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface ManifestOperation {
  id: string;
  name: string | null;
  type: 'query' | 'mutation';
  body: string;
}

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

export function toManifest(persisted: Record<string, string>): PersistedQueryManifest {
  const operations = Object.entries(persisted).map(([hash, body]) => {
    const operation = parse(body).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation || operation.operation === 'subscription')
      throw new Error(`not a query or mutation: ${hash}`);
    return {
      id: hash.replace(/^sha256:/, ''),
      name: operation.name?.value ?? null,
      type: operation.operation,
      body,
    };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}
