import type { CartLineResolvers } from '../generated/resolvers-types';
import { lineCost } from '../domain/carts';

export const CartLine: CartLineResolvers = {
  id: (priced) => priced.line.id,
  cartId: (priced) => priced.cartId,
  quantity: (priced) => priced.line.quantity,
  merchandise: (priced) => ({ id: priced.line.variantId }),
  cost: (priced) => lineCost(priced),
};
