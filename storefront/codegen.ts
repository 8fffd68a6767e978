// Types for the storefront's operations (src/operations/*.graphql) from the composed supergraph, and the
// persisted-document map (hash -> body) the gateway is given: the app itself ships hashes, not query text.
import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // Plain hex SHA-256 of the printed body: what Apollo's persistedQuery.sha256Hash and its manifest's id carry.
        persistedDocuments: {
          mode: 'replaceDocumentWithHash',
          hashAlgorithm: (body: string) => createHash('sha256').update(body).digest('hex'),
        },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Decimal: 'string', JSON: 'unknown', CurrencyCode: 'string' },
      },
    },
  },
};

export default config;
