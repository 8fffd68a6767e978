import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context#Context',
        mappers: {
          Customer: '../domain/types#Customer as CustomerModel',
          MailingAddress: '../domain/types#Address as AddressModel',
          ApiKey: '../domain/types#ApiKey as ApiKeyModel',
          CustomerSession: '../domain/account-settings#SessionView as SessionModel',
        },
        scalars: { Decimal: 'string', DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
