import type { ProductSubscriptionResolvers } from '../generated/resolvers-types';

export const ProductSubscription: ProductSubscriptionResolvers = {
  variant: (s) => ({ id: s.variantId }),
  currentPeriodStart: (s) => s.currentPeriodStart.toISOString(),
  nextRenewalAt: (s) => (s.status === 'CANCELLED' ? null : s.nextRenewalAt.toISOString()),
  cancelledAt: (s) => s.cancelledAt?.toISOString() ?? null,
  createdAt: (s) => s.createdAt.toISOString(),
};
