import type { OrderLineResolvers, OrderResolvers, RefundResolvers } from '../generated/resolvers-types';
import { orderFor } from '../domain/orders';
import { orderNumber } from '../domain/payment-settlement';
import { lineTotal } from '../domain/pricing';
import { money } from './money';

export const Order: OrderResolvers = {
  __resolveReference: (ref, ctx) => orderFor(ctx, ref.id),
  number: (o) => orderNumber(o.number),
  lines: (o) =>
    o.lines.map((l) => ({
      ...l,
      currency: o.currency,
      allocations: o.allocations.filter((a) => a.lineId === l.id),
    })),
  discountTotal: (o) => money(o.discountMinor, o.currency),
  subtotal: (o) => money(o.subtotalMinor, o.currency),
  shippingTotal: (o) => money(o.shippingMinor, o.currency),
  taxTotal: (o) => money(o.taxMinor, o.currency),
  total: (o) => money(o.totalMinor, o.currency),
  giftCardTotal: (o) => money(o.giftCardMinor, o.currency),
  customer: (o) => (o.customerId ? { id: o.customerId } : null),
  refunds: async (o, _args, ctx) =>
    (await ctx.loaders.refunds.load(o.id)).map((r) => ({ ...r, currency: o.currency })),
  createdAt: (o) => o.createdAt.toISOString(),
};

export const OrderLine: OrderLineResolvers = {
  variant: (l) => ({ id: l.variantId }),
  unitPrice: (l) => money(l.unitPriceMinor, l.currency),
  total: (l) => money(lineTotal(l), l.currency),
  discountAllocations: (l) => l.allocations.map((a) => ({ ...a, currency: l.currency })),
};

export const Refund: RefundResolvers = {
  amount: (r) => money(r.amountMinor, r.currency),
  createdAt: (r) => r.createdAt.toISOString(),
};
