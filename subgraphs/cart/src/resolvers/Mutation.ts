import type { MutationResolvers } from '../generated/resolvers-types';
import { addCartLines, attachBuyer, createCart, removeCartLines, updateCartLines } from '../domain/carts';
import { adjustInventory } from '../domain/inventory';

export const Mutation: MutationResolvers = {
  cartCreate: (_parent, { input }, ctx) => createCart(ctx, input?.lines ?? []),
  cartLinesAdd: (_parent, { cartId, lines }, ctx) => addCartLines(ctx, cartId, lines),
  cartLinesUpdate: (_parent, { cartId, lines }, ctx) => updateCartLines(ctx, cartId, lines),
  cartLinesRemove: (_parent, { cartId, lineIds }, ctx) => removeCartLines(ctx, cartId, lineIds),
  cartBuyerIdentityUpdate: (_parent, { cartId }, ctx) => attachBuyer(ctx, cartId),
  inventoryAdjust: (_parent, { variantId, delta, reason, locationId }, ctx) =>
    adjustInventory(ctx, variantId, delta, reason, locationId),
};
