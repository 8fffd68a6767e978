import DataLoader from 'dataloader';
import type { SubgraphContext } from '@shop/common';
import type { SqlDatabase } from '@shop/datastores';
import { crmRepo, type CustomerStats } from './data/crm';
import { shipmentsRepo } from './data/shipments';
import type { FulfillmentDeps } from './domain/fulfillment';
import type { PricingDeps } from './domain/pricing';
import type { ReturnDeps } from './domain/returns';
import type { Shipment, TrackingEvent } from './domain/shipments';
import type { WebhookOptions } from './domain/webhooks';

export interface Deps {
  db: SqlDatabase;
  pricing: PricingDeps;
  fulfillment: FulfillmentDeps;
  returns: ReturnDeps;
  webhooks: WebhookOptions;
}

export interface Context extends SubgraphContext {
  deps: Deps;
  shipmentsByOrder: DataLoader<string, Shipment[]>;
  eventsByShipment: DataLoader<string, TrackingEvent[]>;
  /** The order's customer from order.paid: a string, null for a guest's order, undefined when not known here. */
  orderOwners: DataLoader<string, string | null | undefined>;
  customerStats: DataLoader<string, CustomerStats | undefined>;
}

export function buildContext(deps: Deps, base: SubgraphContext): Context {
  return {
    ...base,
    deps,
    shipmentsByOrder: new DataLoader(async (orderIds) => {
      const byOrder = await shipmentsRepo.byOrderIds(deps.db, orderIds);
      return orderIds.map((id) => byOrder.get(id) ?? []);
    }),
    eventsByShipment: new DataLoader(async (shipmentIds) => {
      const byShipment = await shipmentsRepo.eventsByShipmentIds(deps.db, shipmentIds);
      return shipmentIds.map((id) => byShipment.get(id) ?? []);
    }),
    orderOwners: new DataLoader(async (orderIds) => {
      const owners = await crmRepo.orderOwners(deps.db, orderIds);
      return orderIds.map((id) => (owners.has(id) ? owners.get(id)! : undefined));
    }),
    customerStats: new DataLoader(async (customerIds) => {
      const stats = await crmRepo.statsOf(deps.db, customerIds);
      return customerIds.map((id) => stats.get(id));
    }),
  };
}
