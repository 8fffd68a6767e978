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
          Checkout: '../domain/models#CheckoutModel',
          CheckoutLine: '../domain/models#PricedLine',
          OrderLine: '../domain/models#PricedLine',
          Order: '../domain/models#OrderModel',
          Refund: '../domain/models#PricedRefund',
          ShippingRate: '../domain/models#RateModel',
          Customer: '../domain/models#CustomerRef',
          ProductVariant: '../domain/models#VariantRef',
          OrderConnection: '../domain/models#OrderConnectionModel',
          OrderEdge: '../domain/models#OrderEdgeModel',
          ProductSubscription: '../domain/models#SubscriptionModel',
          ProductSubscriptionConnection: '../domain/models#SubscriptionConnectionModel',
          ProductSubscriptionEdge: '../domain/models#SubscriptionEdgeModel',
          ProductSubscriptionPayload: '../domain/subscriptions#SubscriptionPayload',
          PaymentMethod: '../payments/gateway#SavedPaymentMethod',
          Discount: '../data/discounts#StoredDiscount',
          DiscountConnection: '../domain/models#DiscountConnectionModel',
          DiscountEdge: '../domain/models#DiscountEdgeModel',
          DiscountAllocation: '../domain/models#PricedAllocation',
          Cart: '../domain/models#CartRef',
          CartDiscountCodesUpdatePayload: '../domain/models#CartDiscountCodesUpdateModel',
        },
        scalars: { Decimal: 'string', DateTime: 'string' },
        enumsAsTypes: true,
      },
    },
  },
};

export default config;
