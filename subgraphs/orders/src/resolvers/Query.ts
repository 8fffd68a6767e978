import type { QueryResolvers } from '../generated/resolvers-types';
import { readCheckout } from '../domain/checkout';
import { orderFor } from '../domain/orders';

export const Query: QueryResolvers = {
  order: (_root, args, ctx) => orderFor(ctx, args.id),
  checkout: (_root, args, ctx) => readCheckout(ctx, args.id),
};
