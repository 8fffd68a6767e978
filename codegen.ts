// Resolver types for every subgraph from its schema.graphql (`npm run generate`): one shared configuration;
// each subgraph names only its mappers, the domain types its GraphQL types resolve from (paths are relative to
// the generated file).
import type { CodegenConfig } from '@graphql-codegen/cli';

function subgraph(mappers: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      contextType: '../context#Context',
      mappers,
      scalars: { Decimal: 'string', DateTime: 'string', JSON: 'unknown' },
      enumsAsTypes: true,
      ...extra,
    },
  };
}

function output(name: string, generated: ReturnType<typeof subgraph>) {
  return {
    [`subgraphs/${name}/src/generated/resolvers-types.ts`]: {
      schema: `subgraphs/${name}/schema.graphql`,
      ...generated,
    },
  };
}

const config: CodegenConfig = {
  generates: {
    ...output(
      'users',
      subgraph({
        Customer: '../domain/types#Customer as CustomerModel',
        MailingAddress: '../domain/types#Address as AddressModel',
        ApiKey: '../domain/types#ApiKey as ApiKeyModel',
        CustomerSession: '../domain/account-settings#SessionView as SessionModel',
      }),
    ),
    ...output(
      'catalog',
      subgraph({
        Product: '../domain/types#Product as ProductModel',
        ProductVariant: '../domain/types#ProductVariant as ProductVariantModel',
        Category: '../domain/types#Category as CategoryModel',
        Money: '@shop/common#Money as MoneyModel',
        ProductConnection: '../domain/types#ProductConnectionModel',
        SearchResultConnection: '../domain/types#SearchConnectionModel',
        ProductCreatePayload: '../domain/types#ProductPayloadModel',
        ProductUpdatePayload: '../domain/types#ProductPayloadModel',
      }),
    ),
    ...output(
      'cart',
      subgraph({
        Cart: '../domain/types#CartRecord',
        CartLine: '../domain/types#PricedLine',
        InventoryLevel: '../domain/types#InventoryLevel as InventoryLevelModel',
        StockMovement: '../domain/types#StockMovement as StockMovementModel',
        LocationStock: '../domain/types#LocationStock as LocationStockModel',
        ProductVariant: '../domain/types#VariantRef',
        Money: '@shop/common#Money as MoneyModel',
        UserError: '@shop/common#UserError as UserErrorModel',
      }),
    ),
    ...output(
      'orders',
      subgraph({
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
        TaxRate: '../data/tax-rates#TaxRateRecord',
        GiftCard: '../data/gift-cards#GiftCardRecord',
        AppliedGiftCard: '../domain/gift-cards#AppliedGiftCardModel',
        GiftCardCreatePayload: '../domain/gift-cards#GiftCardCreateResult',
        TaxRatePayload: '../domain/tax-rates#TaxRateResult',
        Discount: '../data/discounts#StoredDiscount',
        DiscountConnection: '../domain/models#DiscountConnectionModel',
        DiscountEdge: '../domain/models#DiscountEdgeModel',
        DiscountAllocation: '../domain/models#PricedAllocation',
        Cart: '../domain/models#CartRef',
        CartCost: '../domain/models#CartCostRef',
        CartLine: '../domain/models#CartLineRef',
        CartDiscountCodesUpdatePayload: '../domain/models#CartDiscountCodesUpdateModel',
      }),
    ),
    ...output(
      'shipping',
      subgraph(
        {
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
        { mapperTypeSuffix: 'Model' },
      ),
    ),
  },
};

export default config;
