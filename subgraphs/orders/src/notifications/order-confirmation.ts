// The order confirmation email, written as an AWS Lambda handler: in AWS the bus (EventBridge/SQS) invokes
// `handler`; locally the orders service's consumer of `order.paid` calls the same function in-process.
import { createNotificationHandler, lambda, type NotificationDeps } from './notify';
import { renderOrderConfirmation } from './render';

export type { NotificationEvent, NotificationDeps } from './notify';

export const createOrderConfirmationHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, { kind: 'order_confirmation', topic: 'order.paid', render: renderOrderConfirmation });

export const handler = lambda(createOrderConfirmationHandler);
