// The refund email, as an AWS Lambda handler on `order.refunded`.
import { createNotificationHandler, lambda, type NotificationDeps } from './notify';
import { renderOrderRefunded } from './render';

export const createOrderRefundedHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, { kind: 'order_refunded', topic: 'order.refunded', render: renderOrderRefunded });

export const handler = lambda(createOrderRefundedHandler);
