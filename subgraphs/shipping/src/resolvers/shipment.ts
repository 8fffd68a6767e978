import type { ShipmentResolvers } from '../generated/resolvers-types';
import { trackingUrl } from '../domain/shipments';

export const Shipment: ShipmentResolvers = {
  trackingUrl: (shipment) => trackingUrl(shipment.carrier, shipment.trackingNumber),
  events: (shipment, _args, ctx) => ctx.eventsByShipment.load(shipment.id),
};
