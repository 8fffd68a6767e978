import type {
  CheckoutLineResolvers,
  CheckoutResolvers,
  ShippingRateResolvers,
} from '../generated/resolvers-types';
import { appliedGiftCards } from '../domain/gift-cards';
import { lineTotal } from '../domain/pricing';
import { money } from './money';

export const Checkout: CheckoutResolvers = {
  subtotal: (c) => money(c.subtotalMinor, c.currency),
  tax: (c) => money(c.taxMinor, c.currency),
  discountTotal: (c) => money(c.discountMinor, c.currency),
  discountAllocations: (c) =>
    c.appliedDiscounts.filter((a) => a.amountMinor > 0).map((a) => ({ ...a, currency: c.currency })),
  total: (c) => money(c.totalMinor, c.currency),
  appliedGiftCards: (c, _args, ctx) => appliedGiftCards(ctx.deps.db, c),
  paymentDue: async (c, _args, ctx) => {
    const used = (await appliedGiftCards(ctx.deps.db, c)).reduce((sum, a) => sum + a.amountUsedMinor, 0);
    return money(c.totalMinor - used, c.currency);
  },
  shippingLine: (c) => c.selectedRate,
  availableShippingRates: (c) => c.rates,
  lines: (c) =>
    c.lines.map((l) => ({
      ...l,
      currency: c.currency,
      allocations: c.allocations.filter((a) => a.lineId === l.id),
    })),
};

export const CheckoutLine: CheckoutLineResolvers = {
  variant: (l) => ({ id: l.variantId }),
  unitPrice: (l) => money(l.unitPriceMinor, l.currency),
  total: (l) => money(lineTotal(l), l.currency),
  discountAllocations: (l) => l.allocations.map((a) => ({ ...a, currency: l.currency })),
};

export const ShippingRate: ShippingRateResolvers = {
  price: (r) => money(r.priceMinor, r.currencyCode),
};
