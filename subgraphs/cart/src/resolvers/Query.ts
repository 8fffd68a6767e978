import type { QueryResolvers } from '../generated/resolvers-types';
import { myCart, readCart } from '../domain/carts';
import { inventoryLevel } from '../domain/inventory';

export const Query: QueryResolvers = {
  cart: (_parent, { id }, ctx) => readCart(ctx, id),
  myCart: (_parent, _args, ctx) => myCart(ctx),
  inventoryLevel: (_parent, { variantId }, ctx) => inventoryLevel(ctx, variantId),
};
