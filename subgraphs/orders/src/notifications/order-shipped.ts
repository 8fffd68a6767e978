// The shipping email (label created, in transit, delivered…), as an AWS Lambda handler on the shipping
// subgraph's `shipment.created` and `shipment.updated`: one email per event, even when it is delivered twice.
import { createNotificationHandler, lambda, type NotificationDeps } from './notify';
import { renderOrderShipped } from './render';

export const SHIPMENT_TOPICS = ['shipment.created', 'shipment.updated'];

export const createOrderShippedHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, { kind: 'order_shipped', topic: SHIPMENT_TOPICS, render: renderOrderShipped });

export const handler = lambda(createOrderShippedHandler);
