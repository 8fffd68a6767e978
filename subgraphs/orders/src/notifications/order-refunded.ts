// The refund email, on `order.refunded`.
import { createNotificationHandler, type NotificationDeps } from './notify';
import { renderOrderRefunded } from './render';

export const createOrderRefundedHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, {
    kind: 'order_refunded',
    topic: 'order.refunded',
    render: renderOrderRefunded,
  });
