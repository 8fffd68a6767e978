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
          ShippingRate: '../domain/rates#RateInfo',
          Shipment: '../domain/shipments#Shipment',
          TrackingEvent: '../domain/shipments#TrackingEvent',
          Order: '../domain/shipments#OrderRef',
          Money: '@shop/common#Money',
          Return: '../domain/returns-model#Return',
          TimelineEvent: '../data/crm#TimelineEntry',
          CustomerNote: '../data/crm#CustomerNote',
          Customer: '../domain/shipments#CustomerRef',
          WebhookSubscription: '../data/webhooks#WebhookSubscription',
        },
        scalars: { Decimal: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        mapperTypeSuffix: 'Model',
      },
    },
  },
};

export default config;
