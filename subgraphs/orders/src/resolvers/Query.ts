import type { QueryResolvers } from '../generated/resolvers-types';
import { readCheckout } from '../domain/checkout';
import { taxRates } from '../domain/tax-rates';
import { giftCardById } from '../domain/gift-cards';
import { discountsPage } from '../domain/promotions';
import { orderFor, ordersNeedingAttention } from '../domain/orders';

export const Query: QueryResolvers = {
  order: (_root, args, ctx) => orderFor(ctx, args.id),
  ordersNeedingAttention: (_root, args, ctx) => ordersNeedingAttention(ctx, args.first, args.after),
  checkout: (_root, args, ctx) => readCheckout(ctx, args.id),
  taxRates: (_root, _args, ctx) => taxRates(ctx),
  giftCard: (_root, args, ctx) => giftCardById(ctx, args.id),
  discounts: (_root, args, ctx) => discountsPage(ctx, args.first, args.after),
};
