import type { Resolvers } from '../generated/resolvers-types';
import { Checkout, CheckoutLine, ShippingRate } from './Checkout';
import { Customer } from './Customer';
import { Cart, Discount, DiscountAllocation } from './Discount';
import { Mutation } from './Mutation';
import { Order, OrderLine, Refund } from './Order';
import { ProductSubscription } from './ProductSubscription';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Checkout,
  CheckoutLine,
  ShippingRate,
  Customer,
  Order,
  OrderLine,
  Refund,
  ProductSubscription,
  Cart,
  Discount,
  DiscountAllocation,
};
