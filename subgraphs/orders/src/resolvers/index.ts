import type { Resolvers } from '../generated/resolvers-types';
import { Checkout, CheckoutLine, ShippingRate } from './Checkout';
import { Customer } from './Customer';
import { Cart, CartCost, CartLine, Discount, DiscountAllocation } from './Discount';
import { Mutation } from './Mutation';
import { orderClaimTokenOf } from '../domain/order-claims';
import { Order, OrderLine, Refund } from './Order';
import { ProductSubscription } from './ProductSubscription';
import { Query } from './Query';
import { TaxRate } from './TaxRate';
import { AppliedGiftCard, GiftCard } from './GiftCard';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  CheckoutCompletePayload: {
    orderClaimToken: (payload, _args, ctx) => orderClaimTokenOf(ctx, payload.order),
  },
  Checkout,
  CheckoutLine,
  ShippingRate,
  Customer,
  Order,
  OrderLine,
  Refund,
  ProductSubscription,
  TaxRate,
  GiftCard,
  AppliedGiftCard,
  Cart,
  CartCost,
  CartLine,
  Discount,
  DiscountAllocation,
};
