// Every order email behind one consumer: the orders service runs it on its bus locally, and the
// notifications Lambda (src/lambdas/notifications.ts) runs it on its SQS queue on AWS.
import { orderCancelled, orderPaid, orderRefunded } from '@shop/contracts';
import type { DomainEvent } from '@shop/datastores';
import type { NotificationDeps } from './notify';
import { createOrderCancelledHandler } from './order-cancelled';
import { createOrderConfirmationHandler } from './order-confirmation';
import { createOrderRefundedHandler } from './order-refunded';
import { SHIPMENT_TOPICS, createOrderShippedHandler } from './order-shipped';

/** The consumer's name: on AWS its queue is `<EVENT_QUEUE_PREFIX>orders-notifications-events`. */
export const NOTIFICATIONS_CONSUMER = 'orders-notifications';

export const NOTIFICATION_TOPICS = [
  orderPaid.topic,
  orderCancelled.topic,
  orderRefunded.topic,
  ...SHIPMENT_TOPICS,
];

/** Sends the emails an event calls for, each once; rejects when one could not be sent (the event is then retried). */
export function createNotifier(deps: NotificationDeps): (event: DomainEvent) => Promise<void> {
  const handlers = [
    createOrderConfirmationHandler(deps),
    createOrderCancelledHandler(deps),
    createOrderRefundedHandler(deps),
    createOrderShippedHandler(deps),
  ];
  return async (event) => {
    const notification = {
      id: event.id,
      'detail-type': event.topic,
      source: event.source,
      time: event.occurredAt,
      detail: event.payload,
    };
    for (const notify of handlers) await notify(notification);
  };
}
