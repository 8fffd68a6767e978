// A guest's order taken into the account the shopper makes or signs in to later. The order's checkout answer
// carries a claim token (an HMAC of the order's id and when the claim lapses, ORDER_CLAIM_DAYS after the order was
// placed): only whoever completed that checkout has it. An email alone never moves an order: whoever registers
// with a guest's address gets none of their orders. An order already in an account stays there.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { requireCustomer, userError } from '@shop/common';
import type { Context } from '../context';
import { assignGuestOrder } from '../data/order-claims';
import { findOrder } from '../data/orders';
import type { OrderPayload } from './orders';
import type { Order } from './types';

/** How long after an order is placed its claim token works. */
export const ORDER_CLAIM_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** The claim tokens' own key, derived from the service secret so no other signature can pass for one. */
export function orderClaimKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('order-claim-token').digest();
}

function signature(key: Buffer, orderId: string, expiresAt: number): Buffer {
  return createHmac('sha256', key).update(`${orderId}\n${expiresAt}`).digest();
}

/** `<order id>.<lapses, epoch seconds>.<signature>`: the same token for every answer about one order. */
export function claimTokenFor(key: Buffer, order: Pick<Order, 'id' | 'createdAt'>): string {
  const expiresAt = Math.floor((order.createdAt.getTime() + ORDER_CLAIM_DAYS * DAY_MS) / 1000);
  return `${order.id}.${expiresAt}.${signature(key, order.id, expiresAt).toString('base64url')}`;
}

/** The order a token names, or why it names none. */
function readClaimToken(
  key: Buffer,
  token: string,
  now: number,
): { orderId: string } | 'INVALID' | 'EXPIRED' {
  const match = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match) return 'INVALID';
  const [, orderId, expires, mac] = match as unknown as [string, string, string, string];
  const expected = signature(key, orderId, Number(expires));
  if (!timingSafeEqual(Buffer.from(mac, 'base64url'), expected)) return 'INVALID';
  return Number(expires) * 1000 <= now ? 'EXPIRED' : { orderId };
}

const fail = (code: string, message: string): OrderPayload => ({
  order: null,
  userErrors: [userError(code, message, ['claimToken'])],
});

/**
 * orderClaim: the signed-in shopper takes the guest's order the token names. Claiming one's own order again
 * answers it unchanged; an order already in another account is ORDER_ALREADY_CLAIMED.
 */
export async function claimOrder(ctx: Context, claimToken: string): Promise<OrderPayload> {
  const { customerId } = requireCustomer(ctx.principal);
  const read = readClaimToken(ctx.deps.orderClaimKey, claimToken, Date.now());
  if (read === 'INVALID') return fail('CLAIM_TOKEN_INVALID', 'This order link is not valid.');
  if (read === 'EXPIRED')
    return fail(
      'CLAIM_TOKEN_EXPIRED',
      `This order link has expired: orders can be added to an account for ${ORDER_CLAIM_DAYS} days.`,
    );
  const order = await findOrder(ctx.deps.db, read.orderId);
  if (!order) return fail('CLAIM_TOKEN_INVALID', 'This order link is not valid.');
  if (order.customerId === customerId) return { order, userErrors: [] };
  if (order.customerId !== null || !(await assignGuestOrder(ctx.deps.db, order.id, customerId)))
    return fail('ORDER_ALREADY_CLAIMED', 'This order is already in an account.');
  ctx.loaders.order.clear(order.id);
  ctx.deps.logger.info({ orderId: order.id }, 'a guest order was added to an account');
  return { order: (await findOrder(ctx.deps.db, order.id))!, userErrors: [] };
}

/** CheckoutCompletePayload.orderClaimToken: for a guest's order, the token its buyer keeps; else null. */
export function orderClaimTokenOf(ctx: Context, order: Order | null | undefined): string | null {
  return order && order.customerId === null ? claimTokenFor(ctx.deps.orderClaimKey, order) : null;
}
