// Reading shipments: by order (through the Order entity) and publicly by tracking number.
import type DataLoader from 'dataloader';
import { assertCanAccessOwned, BadInputError, ForbiddenError, type Principal } from '@shop/common';
import type { SqlExecutor } from '@shop/datastores';
import { shipmentsRepo } from '../data/shipments';
import type { OrderRef, Shipment } from './shipments';

/**
 * Order.shipments is reached through an order the orders subgraph already let this shopper read
 * (Query.order is owner-or-admin there). Here, as a second line: only a signed-in shopper, an admin
 * or a service may resolve an Order, and when a shipment recorded the order's customer, a shopper
 * other than that customer (and not an admin) is refused; so is one other than the owner that
 * order.paid named. Refusal is FORBIDDEN whether or not the
 * order has shipments.
 */
export interface OrderLoaders {
  shipmentsByOrder: DataLoader<string, Shipment[]>;
  orderOwners: DataLoader<string, string | null | undefined>;
}

export async function orderReference(
  principal: Principal,
  loaders: OrderLoaders,
  ref: OrderRef,
): Promise<OrderRef> {
  if (principal.kind !== 'service' && principal.kind !== 'customer') throw new ForbiddenError();
  const [owner, shipments] = await Promise.all([
    loaders.orderOwners.load(ref.id),
    loaders.shipmentsByOrder.load(ref.id),
  ]);
  // order.paid told us the owner: a shopper other than them (and not an admin) is refused.
  if (typeof owner === 'string') assertCanAccessOwned(principal, owner);
  for (const shipment of shipments) {
    if (shipment.customerId !== null) assertCanAccessOwned(principal, shipment.customerId);
  }
  return { id: ref.id };
}

export async function orderShipments(
  principal: Principal,
  loaders: OrderLoaders,
  order: OrderRef,
): Promise<Shipment[]> {
  await orderReference(principal, loaders, order);
  return loaders.shipmentsByOrder.load(order.id);
}

/** Public: whoever holds a tracking number may follow the parcel (as on the carrier's own site). */
export async function trackShipment(db: SqlExecutor, trackingNumber: string): Promise<Shipment | null> {
  const number = trackingNumber.trim().toUpperCase();
  if (!number || number.length > 64) throw new BadInputError('A tracking number has 1 to 64 characters');
  return shipmentsRepo.byTrackingNumber(db, number);
}
