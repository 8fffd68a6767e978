// The shipping service claims what it is about to ship of an order. The claim is taken with the order row
// locked, as orderCancel takes it, so a cancelled order is never shipped and a claimed one is never cancelled.
import { ForbiddenError, type Principal } from '@shop/common';
import type { SqlDatabase, SqlExecutor } from '@shop/datastores';
import { claimsOfOrder, deleteClaim, insertClaim, type ClaimLine } from '../data/fulfilment-claims';
import { findOrder } from '../data/orders';
import type { OrderStatus } from './types';

/** Only the shipping service books shipments. */
const FULFILMENT_CALLERS: readonly string[] = ['shipping'];

/** Paid and not given back; FULFILLED still ships the rest of an order sent in several parcels. */
const FULFILLABLE: readonly OrderStatus[] = ['PAID', 'FULFILLED'];

export interface ClaimInput {
  orderId: string;
  /** The shipment's id: a retry with the same id claims nothing more. */
  claimId: string;
  lines: ClaimLine[];
}

export interface LineProblem {
  index: number;
  orderLineId: string;
  code: 'UNKNOWN_LINE' | 'QUANTITY_EXCEEDS_REMAINING';
  /** What is left to ship of the line (0 for an unknown line). */
  remaining: number;
}

export type ClaimResult =
  | { kind: 'claimed'; claimId: string; customerId: string | null }
  | { kind: 'not_found' }
  | { kind: 'not_fulfillable'; status: OrderStatus }
  | { kind: 'invalid_lines'; lines: LineProblem[] };

function assertFulfilmentCaller(caller: Principal): void {
  if (caller.kind !== 'service' || !FULFILMENT_CALLERS.includes(caller.service)) throw new ForbiddenError();
}

export async function claimFulfilment(
  deps: { db: SqlDatabase },
  caller: Principal,
  input: ClaimInput,
): Promise<ClaimResult> {
  assertFulfilmentCaller(caller);
  return deps.db.transaction(async (tx): Promise<ClaimResult> => {
    const order = await findOrder(tx, input.orderId, true);
    if (!order) return { kind: 'not_found' };
    const claims = await claimsOfOrder(tx, order.id);
    if (claims.some((c) => c.id === input.claimId))
      return { kind: 'claimed', claimId: input.claimId, customerId: order.customerId };
    if (!FULFILLABLE.includes(order.status)) return { kind: 'not_fulfillable', status: order.status };
    const claimed = new Map<string, number>();
    for (const line of claims.flatMap((c) => c.lines))
      claimed.set(line.orderLineId, (claimed.get(line.orderLineId) ?? 0) + line.quantity);
    const problems: LineProblem[] = [];
    input.lines.forEach((line, index) => {
      const ordered = order.lines.find((l) => l.id === line.orderLineId);
      if (!ordered) {
        problems.push({ index, orderLineId: line.orderLineId, code: 'UNKNOWN_LINE', remaining: 0 });
        return;
      }
      const remaining = ordered.quantity - (claimed.get(line.orderLineId) ?? 0);
      if (line.quantity > remaining)
        problems.push({
          index,
          orderLineId: line.orderLineId,
          code: 'QUANTITY_EXCEEDS_REMAINING',
          remaining,
        });
      // A line named twice in one claim takes from what its earlier mention left.
      else claimed.set(line.orderLineId, (claimed.get(line.orderLineId) ?? 0) + line.quantity);
    });
    if (problems.length) return { kind: 'invalid_lines', lines: problems };
    await insertClaim(tx, { id: input.claimId, orderId: order.id, lines: input.lines });
    return { kind: 'claimed', claimId: input.claimId, customerId: order.customerId };
  });
}

/** Gives a claim back when its shipment could not be created; true when there was one to give back. */
export async function releaseFulfilment(
  deps: { db: SqlDatabase },
  caller: Principal,
  input: { orderId: string; claimId: string },
): Promise<boolean> {
  assertFulfilmentCaller(caller);
  return deleteClaim(deps.db, input.orderId, input.claimId);
}

/** Whether any part of the order has been claimed for shipping (the order row is locked by the caller). */
export async function fulfilmentStarted(db: SqlExecutor, orderId: string): Promise<boolean> {
  return (await claimsOfOrder(db, orderId)).length > 0;
}
