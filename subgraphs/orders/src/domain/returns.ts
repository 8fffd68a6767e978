// A received return (return.received, from shipping) refunds its units once: what each returned unit was
// really charged plus its share of the tax, split between the card and the gift cards as refunds are; then
// return.refunded tells the cart to restock the units and shipping to close the return.
import { eventOf, returnReceived as returnReceivedEvent, returnRefunded } from '@shop/contracts';
import { consumeOnce, enqueueEvents, type DomainEvent, type SqlExecutor } from '@shop/datastores';
import { findOrder } from '../data/orders';
import type { Deps } from './deps';
import { refundInTransaction } from './orders';
import { orderNumber, runAfterCommit, type AfterCommit } from './payment-settlement';
import { lineTotal } from './pricing';
import { isRefundable } from './status';
import type { Line, Order, RecordedAllocation } from './types';

export const RETURN_TOPICS = [returnReceivedEvent.topic];

/** What orders reads of a received return. */
export const returnReceived = returnReceivedEvent.schema.pick({ returnId: true, orderId: true, lines: true });

/**
 * What a line was really charged before tax: its price times quantity, less every discount the order recorded
 * on it (product discounts and the line's share of order discounts; shipping discounts are on shipping, which a
 * return does not refund). This is the one input the proration below takes per line, so a returned unit gives
 * back its even share of the line's discounted total, never what the shopper did not pay.
 */
export function chargedMinor(line: Line, allocations: readonly RecordedAllocation[]): number {
  const discounted = allocations
    .filter((a) => a.lineId === line.id)
    .reduce((sum, a) => sum + a.amountMinor, 0);
  return Math.max(0, lineTotal(line) - discounted);
}

/** amount × part / whole, rounded half-up, exactly in BigInt. */
function share(amount: number, part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((2n * BigInt(amount) * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole)));
}

/**
 * What returning `quantity` of each line gives back: the units' share of what the line was charged, and the
 * same share of the order's tax on goods (tax is taken as spread over the lines by what they were charged;
 * shipping is not refunded for a return). Never more than the order has left to refund (the caller bounds it).
 */
export function returnAmount(
  order: Pick<Order, 'lines' | 'taxMinor' | 'shippingMinor' | 'allocations'>,
  returned: { orderLineId: string; quantity: number }[],
): { amountMinor: number; lines: { variantId: string; quantity: number }[] } {
  const charged = order.lines.reduce((sum, l) => sum + chargedMinor(l, order.allocations), 0);
  let goods = 0;
  const lines: { variantId: string; quantity: number }[] = [];
  for (const r of returned) {
    const line = order.lines.find((l) => l.id === r.orderLineId);
    if (!line) continue;
    const quantity = Math.min(r.quantity, line.quantity);
    goods += share(chargedMinor(line, order.allocations), quantity, line.quantity);
    lines.push({ variantId: line.variantId, quantity });
  }
  return { amountMinor: goods + share(order.taxMinor, goods, charged), lines };
}

async function recordOnce(tx: SqlExecutor, returnId: string, orderId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO return_refunds (return_id, order_id, amount_minor) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
    [returnId, orderId],
  );
  return (rowCount ?? 0) > 0;
}

export async function onReturnReceived(deps: Deps, event: DomainEvent): Promise<void> {
  const parsed = returnReceived.safeParse(event.payload);
  if (!parsed.success) {
    deps.logger.error(
      { eventId: event.id, topic: event.topic },
      'return event without the expected payload; skipped',
    );
    return;
  }
  const { returnId, orderId } = parsed.data;
  let effects: AfterCommit[] = [];
  await consumeOnce(deps.db, 'orders.returns', event.id, async (tx) => {
    const order = await findOrder(tx, orderId, true);
    if (!order) return;
    const { amountMinor: wanted, lines } = returnAmount(order, parsed.data.lines);
    const left =
      order.capturedMinor - order.refundedMinor + order.giftCardMinor - order.giftCardRefundedMinor;
    const amountMinor = isRefundable(order.status) ? Math.min(wanted, left) : 0;
    // A return is refunded once, keyed by the return: a second event for it (another id) changes nothing.
    if (!(await recordOnce(tx, returnId, order.id))) return;
    let refundId: string | null = null;
    if (amountMinor > 0) {
      const refunded = await refundInTransaction(tx, order, amountMinor, `return ${returnId}`);
      if (refunded.ok) {
        refundId = refunded.refundId;
        effects = refunded.effects;
        await tx.query(`UPDATE return_refunds SET refund_id = $2, amount_minor = $3 WHERE return_id = $1`, [
          returnId,
          refundId,
          amountMinor,
        ]);
      } else
        deps.logger.warn(
          { orderId, returnId, code: refunded.code },
          'return received for an order that cannot be refunded',
        );
    }
    await enqueueEvents(tx, [
      eventOf(returnRefunded, {
        returnId,
        orderId: order.id,
        orderNumber: orderNumber(order.number),
        refundId,
        amountMinor: refundId ? amountMinor : 0,
        currencyCode: order.currency,
        lines,
      }),
    ]);
    if (!effects.length) effects = [{ kind: 'outbox' }];
  });
  await runAfterCommit(deps, effects);
}
