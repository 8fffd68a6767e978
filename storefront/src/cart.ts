// The shopper's cart: created on the first add, its id kept in the session, its count shown in the header.
import { request, type UserError } from './api';
import { session } from './store';
import {
  CartBuyerIdentityUpdateDocument,
  CartCreateDocument,
  CartDiscountCodesUpdateDocument,
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  type CartFieldsFragment,
} from './gql/graphql';

export interface CartResult {
  cart: CartFieldsFragment | null | undefined;
  userErrors: readonly UserError[];
}

function keep(result: CartResult): CartResult {
  if (result.cart) session.set({ cartId: result.cart.id, cartCount: result.cart.totalQuantity });
  return result;
}

export async function addToCart(merchandiseId: string, quantity: number): Promise<CartResult> {
  const cartId = session.get().cartId;
  const lines = [{ merchandiseId, quantity }];
  if (cartId) {
    const { cartLinesAdd } = await request(CartLinesAddDocument, { cartId, lines });
    // A cart that is gone (expired, ordered) gives way to a new one.
    if (!cartLinesAdd.userErrors.some((e) => e.code === 'CART_NOT_FOUND')) return keep(cartLinesAdd);
  }
  const { cartCreate } = await request(CartCreateDocument, { input: { lines } });
  return keep(cartCreate);
}

export async function setQuantity(cartId: string, lineId: string, quantity: number): Promise<CartResult> {
  if (quantity === 0)
    return keep((await request(CartLinesRemoveDocument, { cartId, lineIds: [lineId] })).cartLinesRemove);
  return keep(
    (await request(CartLinesUpdateDocument, { cartId, lines: [{ id: lineId, quantity }] })).cartLinesUpdate,
  );
}

/** Makes `codes` the cart's discount codes (an empty list removes them all). */
export async function setDiscountCodes(cartId: string, discountCodes: string[]): Promise<CartResult> {
  return keep(
    (await request(CartDiscountCodesUpdateDocument, { cartId, discountCodes })).cartDiscountCodesUpdate,
  );
}

/** After signing in: the guest's cart becomes the shopper's (merged with theirs). */
export async function attachCart(): Promise<void> {
  const cartId = session.get().cartId;
  if (!cartId) return;
  const { cartBuyerIdentityUpdate } = await request(CartBuyerIdentityUpdateDocument, { cartId });
  if (cartBuyerIdentityUpdate.cart) keep(cartBuyerIdentityUpdate);
  else session.set({ cartId: null, cartCount: 0 });
}

export function forgetCart(): void {
  session.set({ cartId: null, cartCount: 0 });
}
