// Model types the generated resolver types map GraphQL types to (see codegen.ts).
import type { Connection } from '@shop/common';
import type { Order } from './types';

export interface CustomerRef {
  id: string;
}

export interface VariantRef {
  id: string;
}

export type OrderConnectionModel = Connection<Order>;
export type OrderEdgeModel = Connection<Order>['edges'][number];

/** A line with the currency of its checkout or order, so its prices can be rendered alone. */
export type PricedLine = import('./types').Line & {
  currency: string;
  allocations: import('./types').RecordedAllocation[];
};

/** A refund with its order's currency. */
export type PricedRefund = import('./types').Refund & { currency: string };

export type CheckoutModel = import('./types').Checkout;
export type OrderModel = import('./types').Order;
export type RateModel = import('./types').Rate;

export type SubscriptionConnectionModel = Connection<import('../data/subscriptions').ProductSubscription>;
export type SubscriptionEdgeModel = SubscriptionConnectionModel['edges'][number];
export type SubscriptionModel = import('../data/subscriptions').ProductSubscription;

export type DiscountConnectionModel = Connection<import('../data/discounts').StoredDiscount>;
export type DiscountEdgeModel = DiscountConnectionModel['edges'][number];
/** A discount's allocation with the currency it is in. */
export type PricedAllocation = import('./discounts').Allocation & { currency: string };
export interface CartRef {
  id: string;
}
/** The cart's CartCost and CartLine entities, keyed by their cart (orders adds their discount fields). */
export interface CartCostRef {
  cartId: string;
  /** Given by the gateway (`@requires`) for a cart with no discounts to show. */
  subtotalAmount?: { currencyCode: string };
}
export interface CartLineRef {
  id: string;
  cartId: string;
}
export interface CartDiscountCodesUpdateModel {
  cart: CartRef | null;
  userErrors: import('@shop/common').UserError[];
}
