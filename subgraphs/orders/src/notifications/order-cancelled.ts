// The cancellation email (with the amount refunded), on `order.cancelled`.
import { orderCancelled } from '@shop/contracts';
import { createNotificationHandler, type NotificationDeps } from './notify';
import { renderOrderCancelled } from './render';

export const createOrderCancelledHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, {
    kind: 'order_cancelled',
    topic: orderCancelled.topic,
    render: renderOrderCancelled,
  });
