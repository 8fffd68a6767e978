// The shipping subgraph's shipment events move an order to FULFILLED, once per event and only along
// an allowed transition (a cancelled or refunded order stays as it is).
import { shipmentCreated } from '@shop/contracts';
import { consumeOnce, type DomainEvent } from '@shop/datastores';
import { findOrder, transition } from '../data/orders';
import type { Deps } from './deps';
import { canTransition } from './status';

/** What orders reads of shipment.created and shipment.updated (one payload). */
export const shipmentEvent = shipmentCreated.schema.pick({ shipmentId: true, orderId: true, status: true });

/** Statuses that mean the goods left (or are leaving) the warehouse; RETURNED does not fulfil an order. */
const SHIPPED = new Set(['LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION']);

export async function onShipmentEvent(deps: Deps, event: DomainEvent): Promise<void> {
  const parsed = shipmentEvent.safeParse(event.payload);
  if (!parsed.success) {
    deps.logger.error(
      { eventId: event.id, topic: event.topic },
      'shipment event without the expected payload; skipped',
    );
    return;
  }
  const { orderId, status } = parsed.data;
  await consumeOnce(deps.db, 'orders.shipments', event.id, async (tx) => {
    const order = await findOrder(tx, orderId, true);
    if (!order || !SHIPPED.has(status) || order.status === 'FULFILLED') return;
    if (!canTransition(order.status, 'FULFILLED')) {
      deps.logger.warn(
        { orderId, from: order.status },
        'shipment for an order that cannot be fulfilled; status left as is',
      );
      return;
    }
    await transition(tx, order.id, [order.status], 'FULFILLED');
  });
}
