// What a customer's lists (orders, subscriptions) share: who may read them and their (createdAt, id) cursor.
import { z } from 'zod';
import { cursorValue, decodeCursor, encodeCursor, readsAll, type Principal } from '@shop/common';

/** The customer themself, an admin, a partner holding orders:read, or a service. */
export function canSeeCustomer(principal: Principal, customerId: string): boolean {
  if (readsAll(principal, 'orders:read')) return true;
  return principal.kind === 'customer' && principal.customerId === customerId;
}

/** A forged cursor is refused as bad input; it never reaches SQL's casts as a server error. */
const createdAtCursor = z.object({ createdAt: cursorValue.instant, id: cursorValue.uuid });

export type CreatedAtCursor = z.infer<typeof createdAtCursor>;

export function decodeCreatedAtCursor(after: string | null | undefined): CreatedAtCursor | null {
  return decodeCursor(after, createdAtCursor);
}

export function encodeCreatedAtCursor(row: { createdAt: Date; id: string }): string {
  return encodeCursor({ createdAt: row.createdAt.toISOString(), id: row.id });
}
