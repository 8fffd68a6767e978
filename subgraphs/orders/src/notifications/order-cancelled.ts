// The cancellation email (with the amount refunded), on `order.cancelled`.
import { createNotificationHandler, type NotificationDeps } from './notify';
import { renderOrderCancelled } from './render';

export const createOrderCancelledHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, {
    kind: 'order_cancelled',
    topic: 'order.cancelled',
    render: renderOrderCancelled,
  });
