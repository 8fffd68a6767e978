// What a customer's lists (orders, subscriptions) share: who may read them and their (createdAt, id) cursor.
import { decodeCursor, encodeCursor, readsAll, type Principal } from '@shop/common';

/** The customer themself, an admin, a partner holding orders:read, or a service. */
export function canSeeCustomer(principal: Principal, customerId: string): boolean {
  if (readsAll(principal, 'orders:read')) return true;
  return principal.kind === 'customer' && principal.customerId === customerId;
}

export interface CreatedAtCursor {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A forged cursor is refused here as bad input; it never reaches SQL's casts as a server error. */
function isCreatedAtCursor(v: unknown): v is CreatedAtCursor {
  if (typeof v !== 'object' || v === null) return false;
  const { createdAt, id } = v as { createdAt?: unknown; id?: unknown };
  return (
    typeof createdAt === 'string' &&
    !Number.isNaN(Date.parse(createdAt)) &&
    typeof id === 'string' &&
    UUID.test(id)
  );
}

export function decodeCreatedAtCursor(after: string | null | undefined): CreatedAtCursor | null {
  return decodeCursor(after, isCreatedAtCursor);
}

export function encodeCreatedAtCursor(row: { createdAt: Date; id: string }): string {
  return encodeCursor({ createdAt: row.createdAt.toISOString(), id: row.id });
}
