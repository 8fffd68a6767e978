import type { MutationResolvers } from '../generated/resolvers-types';
import { createCheckout, selectShippingRate } from '../domain/checkout';
import { cancelOrder, completeCheckout, refundOrder } from '../domain/orders';

export const Mutation: MutationResolvers = {
  checkoutCreate: (_root, { input }, ctx) => createCheckout(ctx, input),
  checkoutShippingRateSelect: (_root, args, ctx) => selectShippingRate(ctx, args.checkoutId, args.rateHandle),
  checkoutComplete: (_root, args, ctx) =>
    completeCheckout(ctx, args.checkoutId, args.payment.paymentMethodId, args.idempotencyKey),
  orderCancel: (_root, args, ctx) => cancelOrder(ctx, args.orderId, args.reason),
  orderRefund: (_root, args, ctx) => refundOrder(ctx, args.orderId, args.amount, args.reason),
};
