// The cancellation email (with the amount refunded), as an AWS Lambda handler on `order.cancelled`.
import { createNotificationHandler, lambda, type NotificationDeps } from './notify';
import { renderOrderCancelled } from './render';

export const createOrderCancelledHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, { kind: 'order_cancelled', topic: 'order.cancelled', render: renderOrderCancelled });

export const handler = lambda(createOrderCancelledHandler);
