// A guest's orders, kept to be added to the account they make or sign in to next: checkout answers a guest's order
// with a claim token (orderClaimToken), kept here in this tab's session only (sessionStorage), so a shared computer
// does not hand one guest's orders to whoever signs in on it days later; after signing in, orderClaim takes each.
import { ApiError, request } from './api';
import { OrderClaimDocument } from './gql/graphql';

const KEY = 'shop.orderClaims';

function load(): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

function save(claims: Record<string, string>): void {
  if (Object.keys(claims).length) sessionStorage.setItem(KEY, JSON.stringify(claims));
  else sessionStorage.removeItem(KEY);
}

export function rememberClaim(orderId: string, claimToken: string): void {
  save({ ...load(), [orderId]: claimToken });
}

/**
 * After signing in: each kept order goes into the account. A token the shop refuses (expired, an order already in
 * an account) is dropped; one that could not be sent (the shop not answering) is kept for the next sign-in.
 */
export async function claimOrders(): Promise<void> {
  const kept = new Map(Object.entries(load()));
  for (const [orderId, claimToken] of kept) {
    try {
      await request(OrderClaimDocument, { claimToken });
      kept.delete(orderId);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  save(Object.fromEntries(kept));
}
