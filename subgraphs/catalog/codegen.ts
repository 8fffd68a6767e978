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
          Product: '../domain/types#Product as ProductModel',
          ProductVariant: '../domain/types#ProductVariant as ProductVariantModel',
          Category: '../domain/types#Category as CategoryModel',
          Money: '@shop/common#Money as MoneyModel',
          ProductConnection: '../domain/types#ProductConnectionModel',
          SearchResultConnection: '../domain/types#SearchConnectionModel',
          ProductCreatePayload: '../domain/types#ProductPayloadModel',
          ProductUpdatePayload: '../domain/types#ProductPayloadModel',
        },
        scalars: { Decimal: 'string', DateTime: 'string' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
