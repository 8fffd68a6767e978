// The shipping email (label created, in transit, delivered…), on the shipping subgraph's `shipment.created` and `shipment.updated`: one email per event, even when it is delivered twice.
import { shipmentCreated, shipmentUpdated } from '@shop/contracts';
import { createNotificationHandler, type NotificationDeps } from './notify';
import { renderOrderShipped } from './render';

export const SHIPMENT_TOPICS = [shipmentCreated.topic, shipmentUpdated.topic];

export const createOrderShippedHandler = (deps: NotificationDeps) =>
  createNotificationHandler(deps, {
    kind: 'order_shipped',
    topic: SHIPMENT_TOPICS,
    render: renderOrderShipped,
  });
