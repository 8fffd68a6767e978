import type {
  CartCostResolvers,
  CartLineResolvers,
  CartResolvers,
  DiscountAllocationResolvers,
  DiscountResolvers,
} from '../generated/resolvers-types';
import { cartDiscountsOnce } from '../domain/promotions';
import { money } from './money';

const percent = (ppm: number) => (ppm / 10_000).toFixed(4).replace(/\.?0+$/, '');

export const Discount: DiscountResolvers = {
  automatic: (d) => d.code === null,
  value: (d) =>
    d.kind === 'FREE_SHIPPING'
      ? null
      : d.kind === 'FIXED_AMOUNT'
        ? money(d.value, d.currencyCode).amount
        : percent(d.value),
  currencyCode: (d) => money(0, d.currencyCode).currencyCode,
  buyQuantity: (d) => (d.kind === 'BUY_X_GET_Y' ? d.buyQuantity : null),
  getQuantity: (d) => (d.kind === 'BUY_X_GET_Y' ? d.getQuantity : null),
  minimumSubtotal: (d) =>
    d.minimumSubtotalMinor === null ? null : money(d.minimumSubtotalMinor, d.currencyCode),
  startsAt: (d) => d.startsAt?.toISOString() ?? null,
  endsAt: (d) => d.endsAt?.toISOString() ?? null,
  createdAt: (d) => d.createdAt.toISOString(),
};

export const DiscountAllocation: DiscountAllocationResolvers = {
  discountedAmount: (a) => money(a.amountMinor, a.currency),
};

export const Cart: CartResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  discountCodes: async (c, _args, ctx) =>
    (await cartDiscountsOnce(ctx, c.id))?.evaluation.codes.map(({ code, applicable }) => ({
      code,
      applicable,
    })) ?? [],
  discountAllocations: async (c, _args, ctx) => {
    const found = await cartDiscountsOnce(ctx, c.id);
    if (!found) return [];
    return found.evaluation.applied
      .filter((a) => a.amountMinor > 0)
      .map((a) => ({ ...a, currency: found.currencyCode }));
  },
};

// CartCost and CartLine are the cart's entities; the gateway hands orders their keys (with the cart's id) and
// orders answers from the same evaluation as Cart.discountAllocations, once per cart per request.
export const CartCost: CartCostResolvers = {
  __resolveReference: (ref) => ref,
  discountAmount: async (c, _args, ctx) => {
    const found = await cartDiscountsOnce(ctx, c.cartId);
    // A cart no longer open (completed, merged) has nothing to discount; its currency is the cart's own.
    return found
      ? money(found.evaluation.totalMinor, found.currencyCode)
      : money(0, c.subtotalAmount?.currencyCode ?? 'USD');
  },
};

export const CartLine: CartLineResolvers = {
  __resolveReference: (ref) => ref,
  discountAllocations: async (l, _args, ctx) => {
    const found = await cartDiscountsOnce(ctx, l.cartId);
    if (!found) return [];
    return (found.evaluation.lineAllocations.get(l.id) ?? [])
      .filter((a) => a.amountMinor > 0)
      .map((a) => ({ ...a, currency: found.currencyCode }));
  },
};
