import type { MutationResolvers } from '../generated/resolvers-types';
import { createCheckout, selectShippingRate } from '../domain/checkout';
import { cancelOrder, completeCheckout, refundOrder } from '../domain/orders';
import { changeDiscount, createDiscount, deactivateDiscount, updateCartDiscountCodes } from '../domain/promotions';
import { cancelSubscription, createSubscription, detachPaymentMethod } from '../domain/subscriptions';

export const Mutation: MutationResolvers = {
  checkoutCreate: (_root, { input }, ctx) => createCheckout(ctx, input),
  checkoutShippingRateSelect: (_root, args, ctx) => selectShippingRate(ctx, args.checkoutId, args.rateHandle),
  checkoutComplete: (_root, args, ctx) =>
    completeCheckout(ctx, args.checkoutId, args.payment.paymentMethodId, args.idempotencyKey),
  orderCancel: (_root, args, ctx) => cancelOrder(ctx, args.orderId, args.reason),
  orderRefund: (_root, args, ctx) => refundOrder(ctx, args.orderId, args.amount, args.reason),
  subscriptionCreate: (_root, { input }, ctx) => createSubscription(ctx, input),
  subscriptionCancel: (_root, args, ctx) => cancelSubscription(ctx, args.id),
  paymentMethodDetach: (_root, args, ctx) => detachPaymentMethod(ctx, args.id),
  cartDiscountCodesUpdate: (_root, args, ctx) => updateCartDiscountCodes(ctx, args.cartId, args.discountCodes),
  discountCreate: (_root, { input }, ctx) => createDiscount(ctx, input),
  discountUpdate: (_root, args, ctx) => changeDiscount(ctx, args.id, args.input),
  discountDeactivate: (_root, args, ctx) => deactivateDiscount(ctx, args.id),
};
