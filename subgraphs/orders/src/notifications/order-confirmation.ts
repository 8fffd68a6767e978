// The order confirmation email, on `order.paid` (sent by the notifications Lambda on AWS, in-process locally).
import { orderPaid } from '@shop/contracts';
import { createNotificationHandler, type NotificationDeps } from './notify';
import { renderOrderConfirmation } from './render';

export type { NotificationDeps } from './notify';

export const createOrderConfirmationHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, {
    kind: 'order_confirmation',
    topic: orderPaid.topic,
    render: renderOrderConfirmation,
  });
