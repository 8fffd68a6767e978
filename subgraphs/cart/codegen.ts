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
          Cart: '../domain/types#CartRecord',
          CartLine: '../domain/types#PricedLine',
          InventoryLevel: '../domain/types#InventoryLevel as InventoryLevelModel',
          StockMovement: '../domain/types#StockMovement as StockMovementModel',
          LocationStock: '../domain/types#LocationStock as LocationStockModel',
          ProductVariant: '../domain/types#VariantRef',
          Money: '@shop/common#Money as MoneyModel',
          UserError: '@shop/common#UserError as UserErrorModel',
        },
        scalars: { Decimal: 'string', DateTime: 'string' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
