import type { QueryResolvers } from '../generated/resolvers-types';
import { checkoutFor } from '../domain/checkout';
import { orderFor } from '../domain/orders';

export const Query: QueryResolvers = {
  order: (_root, args, ctx) => orderFor(ctx, args.id),
  checkout: (_root, args, ctx) => checkoutFor(ctx, args.id),
};
