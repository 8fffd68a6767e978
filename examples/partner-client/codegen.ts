// graphql-codegen's client preset: typed documents for the operations in src/operations, and the persisted
// documents (hash -> body) the partner publishes; each typed document carries its SHA-256 hash.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../../schema/supergraph.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // The gateway names documents by SHA-256 (Apollo's convention); the preset's default is SHA-1.
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashPropertyName: 'hash',
          hashAlgorithm: 'sha256',
        },
      },
      config: { scalars: { Decimal: 'string', DateTime: 'string', JSON: 'unknown' }, enumsAsTypes: true },
    },
  },
};

export default config;
