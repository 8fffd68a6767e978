// The refund email, on `order.refunded`.
import { orderRefunded } from '@shop/contracts';
import { createNotificationHandler, type NotificationDeps } from './notify';
import { renderOrderRefunded } from './render';

export const createOrderRefundedHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, {
    kind: 'order_refunded',
    topic: orderRefunded.topic,
    render: renderOrderRefunded,
  });
