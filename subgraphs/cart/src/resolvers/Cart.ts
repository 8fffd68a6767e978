import type { CartCostResolvers, CartResolvers } from '../generated/resolvers-types';
import { cartCostMoney, crossSell, pricedLines, readCart } from '../domain/carts';
import { totalQuantity } from '../domain/cart-rules';

export const Cart: CartResolvers = {
  __resolveReference: (ref, ctx) => readCart(ctx, ref.id),
  lines: (cart, _args, ctx) => pricedLines(ctx, cart),
  totalQuantity: async (cart, _args, ctx) => totalQuantity((await pricedLines(ctx, cart)).map((p) => p.line)),
  cost: (cart, _args, ctx) => cartCostMoney(ctx, cart),
  buyer: (cart) => (cart.customerId ? { __typename: 'Customer', id: cart.customerId } : null),
  crossSellProducts: (cart, { first }, ctx) => crossSell(ctx, cart, first),
};

/** CartCost is an entity only so that orders may add `discountAmount` (it `@requires` the subtotal's currency). */
export const CartCost: CartCostResolvers = {
  __resolveReference: async (ref, ctx) => cartCostMoney(ctx, await readCart(ctx, ref.cartId)),
};
