import { ordersTotal, throttledRequests } from '@shop/common';
import type { MutationResolvers } from '../generated/resolvers-types';
import { createCheckout, selectShippingRate } from '../domain/checkout';
import { cancelOrder, completeCheckout, refundOrder } from '../domain/orders';
import { claimOrder } from '../domain/order-claims';
import { saveTaxRate } from '../domain/tax-rates';
import { applyGiftCard, createGiftCard, removeGiftCard } from '../domain/gift-cards';
import {
  changeDiscount,
  createDiscount,
  deactivateDiscount,
  updateCartDiscountCodes,
} from '../domain/promotions';
import { cancelSubscription, createSubscription, detachPaymentMethod } from '../domain/subscriptions';

export const Mutation: MutationResolvers = {
  checkoutCreate: (_root, { input }, ctx) => createCheckout(ctx, input),
  checkoutShippingRateSelect: (_root, args, ctx) => selectShippingRate(ctx, args.checkoutId, args.rateHandle),
  checkoutComplete: (_root, args, ctx) =>
    completeCheckout(ctx, args.checkoutId, args.payment?.paymentMethodId ?? null, args.idempotencyKey).then(
      countOutcome,
    ),
  orderClaim: (_root, args, ctx) => claimOrder(ctx, args.claimToken),
  orderCancel: (_root, args, ctx) => cancelOrder(ctx, args.orderId, args.reason),
  orderRefund: (_root, args, ctx) => refundOrder(ctx, args.orderId, args.amount, args.reason),
  subscriptionCreate: (_root, { input }, ctx) => createSubscription(ctx, input),
  subscriptionCancel: (_root, args, ctx) => cancelSubscription(ctx, args.id),
  giftCardCreate: (_root, { input }, ctx) => createGiftCard(ctx, input),
  checkoutGiftCardApply: (_root, args, ctx) => applyGiftCard(ctx, args.checkoutId, args.code),
  checkoutGiftCardRemove: (_root, args, ctx) => removeGiftCard(ctx, args.checkoutId, args.giftCardId),
  taxRateUpsert: (_root, { input }, ctx) => saveTaxRate(ctx, input),
  paymentMethodDetach: (_root, args, ctx) => detachPaymentMethod(ctx, args.id),
  cartDiscountCodesUpdate: (_root, args, ctx) =>
    updateCartDiscountCodes(ctx, args.cartId, args.discountCodes),
  discountCreate: (_root, { input }, ctx) => createDiscount(ctx, input),
  discountUpdate: (_root, args, ctx) => changeDiscount(ctx, args.id, args.input),
  discountDeactivate: (_root, args, ctx) => deactivateDiscount(ctx, args.id),
};

/** `orders_total{outcome}`: the status the order reached, or the code it was refused with. */
function countOutcome<P extends { order: { status: string } | null; userErrors: { code?: string | null }[] }>(
  payload: P,
): P {
  const code = payload.userErrors[0]?.code ?? undefined;
  ordersTotal.inc({ outcome: payload.order?.status ?? code ?? 'unknown' });
  if (code === 'TOO_MANY_PENDING_PAYMENTS') throttledRequests.inc({ limit: 'unpaid_orders' });
  return payload;
}
