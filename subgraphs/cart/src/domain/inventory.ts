// Stock rules above the repository: what a valid reservation or adjustment is, the sweeper of
// expired holds, and what a paid order does to stock and cart.
import { requireAdminOrScope, userError, type Logger, type UserError } from '@shop/common';
import type { DomainEvent } from '@shop/datastores';
import { orderCancelled, orderPaid, returnRefunded } from '@shop/contracts';
import type { Context, Deps } from '../context';
import type { InventoryRepository } from '../data/inventory-repo';
import { completeCart } from './carts';
import { DEFAULT_LOCATION, type InventoryLevel, type LocationStock } from './types';

export const MAX_ADJUST_DELTA = 1_000_000;

export interface AdjustPayload {
  inventoryLevel: InventoryLevel | null;
  userErrors: UserError[];
}

/** A location id: short and plain, as it becomes part of a DynamoDB key and of the audit trail. */
const LOCATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export async function adjustInventory(
  ctx: Context,
  variantId: string,
  delta: number,
  reason: string,
  locationId?: string | null,
): Promise<AdjustPayload> {
  const actor = requireAdminOrScope(ctx.principal, 'inventory:write');
  const errors: UserError[] = [];
  const location = locationId ?? DEFAULT_LOCATION;
  if (!LOCATION_ID.test(location)) {
    errors.push(
      userError('INVALID_LOCATION', 'A location id is 1 to 64 letters, digits, "-" or "_".', ['locationId']),
    );
  }
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > MAX_ADJUST_DELTA) {
    errors.push(
      userError(
        'INVALID_QUANTITY',
        `delta must be a non-zero whole number of at most ${MAX_ADJUST_DELTA} units either way.`,
        ['delta'],
      ),
    );
  }
  const why = reason.trim();
  if (!why || why.length > 500)
    errors.push(userError('INVALID_REASON', 'Give a reason of 1 to 500 characters.', ['reason']));
  if (errors.length) return { inventoryLevel: null, userErrors: errors };
  if (!(await ctx.loaders.variants.load(variantId))) {
    return {
      inventoryLevel: null,
      userErrors: [userError('INVALID_MERCHANDISE', 'This product variant does not exist.', ['variantId'])],
    };
  }
  const result = await ctx.deps.inventory.adjust(variantId, delta, why, actor.actorId, location);
  if (result.kind === 'insufficient') {
    return {
      inventoryLevel: null,
      userErrors: [
        userError('INSUFFICIENT_STOCK', `Only ${result.available} units are available to remove.`, ['delta']),
      ],
    };
  }
  ctx.loaders.stock.clear(variantId).prime(variantId, result.level);
  return { inventoryLevel: result.level, userErrors: [] };
}

/** What an administrator sees of a variant's stock across locations (the total is kept on the level itself). */
export function totalAvailable(level: InventoryLevel): number {
  return level.available + level.elsewhere;
}

export async function stockLocations(ctx: Context, level: InventoryLevel): Promise<LocationStock[]> {
  requireAdminOrScope(ctx.principal, 'inventory:read');
  return ctx.deps.inventory.locations(level.variantId);
}

export async function inventoryLevel(ctx: Context, variantId: string): Promise<InventoryLevel | null> {
  requireAdminOrScope(ctx.principal, 'inventory:read');
  return ctx.deps.inventory.getLevel(variantId);
}

/**
 * Releases holds whose time ran out. Every release is conditional on the hold still being HELD, so
 * several processes may sweep at once, and a hold made by a process that died is still returned.
 */
export class ReservationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly inventory: InventoryRepository,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweepSafely(), this.intervalMs);
    this.timer.unref();
    void this.sweepSafely();
  }

  private async sweepSafely(): Promise<void> {
    try {
      await this.sweep();
    } catch (error) {
      this.logger.warn({ err: error }, 'reservation sweep failed; will retry');
    }
  }

  /** Releases every expired hold; resolves with how many it released. */
  sweep(): Promise<number> {
    this.running ??= (async () => {
      let released = 0;
      try {
        for (;;) {
          const ids = await this.inventory.expiredHolds(100);
          let releasedNow = 0;
          for (const id of ids) {
            // `released` also answers an id another sweeper got to first; only our own changes count.
            const before = await this.inventory.getReservation(id);
            if (before?.status !== 'HELD') continue;
            if ((await this.inventory.release(id, 'EXPIRED')).kind === 'released') releasedNow++;
          }
          released += releasedNow;
          // An index that lags behind (DynamoDB GSIs are eventually consistent) must not make this spin.
          if (!releasedNow) return released;
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}

export type CommitOutcome =
  | { kind: 'committed' }
  | { kind: 'insufficient'; variantIds: string[] }
  | { kind: 'released' }
  | { kind: 'not_found' };

/**
 * Makes a hold a sale. A hold that ran out before its order could be paid is sold from the stock available
 * now, all lines or none; a hold released on purpose (its order was cancelled) is never sold again.
 */
export async function commitReservation(
  deps: Pick<Deps, 'inventory'>,
  reservationId: string,
): Promise<CommitOutcome> {
  const result = await deps.inventory.commit(reservationId);
  if (result.kind !== 'expired') return result;
  const reservation = await deps.inventory.getReservation(reservationId);
  if (reservation?.releaseReason !== 'EXPIRED') return { kind: 'released' };
  const late = await deps.inventory.sellReleased(reservationId);
  if (late.kind === 'insufficient') return late;
  if (late.kind === 'sold') return { kind: 'committed' };
  // Someone else changed it between the two reads: its state now decides.
  const now = await deps.inventory.getReservation(reservationId);
  return now?.status === 'COMMITTED' ? { kind: 'committed' } : { kind: 'released' };
}

/** What the cart reads of a paid order, of a cancelled one and of a refunded return. */
export const orderPaidSchema = orderPaid.schema.pick({
  orderId: true,
  cartId: true,
  reservationId: true,
  backordered: true,
});
export const orderCancelledSchema = orderCancelled.schema.pick({
  orderId: true,
  orderNumber: true,
  reservationId: true,
});
export const returnRefundedSchema = returnRefunded.schema.pick({ returnId: true, lines: true });

/**
 * `order.paid`: the hold becomes a sale and the cart closes. Both steps are conditional on the state
 * they change (HELD, OPEN), so a redelivered event does nothing the second time. The orders service
 * commits the hold before it captures the payment, so here the commit is normally already done.
 */
export async function onOrderPaid(deps: Deps, logger: Logger, event: DomainEvent): Promise<void> {
  const parsed = orderPaidSchema.safeParse(event.payload);
  if (!parsed.success) {
    logger.error({ eventId: event.id }, 'order.paid event without the expected payload; skipped');
    return;
  }
  const { orderId, cartId, reservationId, backordered } = parsed.data;
  if (reservationId) {
    const result = await commitReservation(deps, reservationId);
    // A backordered order was captured knowingly and is flagged on the order for a person.
    if (result.kind === 'insufficient' && !backordered) {
      logger.error({ orderId, reservationId, variantIds: result.variantIds }, 'paid order without stock');
    } else if (result.kind === 'not_found') {
      logger.error({ orderId, reservationId }, 'paid order with an unknown reservation');
    }
  }
  if (cartId) await completeCart(deps, cartId);
}

/**
 * `order.cancelled`: the order's stock goes back. A hold still held is released; a hold already sold
 * (the order was paid) is restocked once, keyed by the reservation, so a redelivered event does nothing.
 */
export async function onOrderCancelled(deps: Deps, logger: Logger, event: DomainEvent): Promise<void> {
  const parsed = orderCancelledSchema.safeParse(event.payload);
  if (!parsed.success) {
    logger.error({ eventId: event.id }, 'order.cancelled event without the expected payload; skipped');
    return;
  }
  const { reservationId } = parsed.data;
  const reservation = await deps.inventory.getReservation(reservationId);
  if (!reservation) return;
  if (reservation.status === 'HELD') {
    await deps.inventory.release(reservationId, 'RELEASED');
  } else if (reservation.status === 'COMMITTED') {
    await deps.inventory.restock(reservation.lines, {
      restockId: `cancel-${reservationId}`,
      actor: 'orders',
      reason: `order ${parsed.data.orderNumber} cancelled`,
    });
  }
}

/**
 * `return.refunded` (orders refunded a received return): its units go back on the shelf once, keyed by the
 * return, so a redelivered event restocks nothing more.
 */
export async function onReturnRefunded(deps: Deps, logger: Logger, event: DomainEvent): Promise<void> {
  const parsed = returnRefundedSchema.safeParse(event.payload);
  if (!parsed.success || !parsed.data.lines.length) {
    logger.error({ eventId: event.id }, 'return.refunded event without a return id or lines; skipped');
    return;
  }
  const { returnId, lines } = parsed.data;
  await deps.inventory.restock(lines, {
    restockId: `return-${returnId}`,
    actor: 'orders',
    reason: `return ${returnId} received`,
  });
}
