// Who owns an order, as far as this service knows (the orders subgraph owns orders).
import type { SqlExecutor } from '@shop/datastores';
import { crmRepo } from '../data/crm';
import { shipmentsRepo } from '../data/shipments';

/**
 * order.paid says (null for a guest's order), else a shipment that recorded the customer;
 * undefined when neither does.
 */
export async function orderOwner(db: SqlExecutor, orderId: string): Promise<string | null | undefined> {
  const paid = await crmRepo.orderOwner(db, orderId);
  if (paid !== undefined) return paid;
  const shipments = (await shipmentsRepo.byOrderIds(db, [orderId])).get(orderId) ?? [];
  return shipments.find((s) => s.customerId !== null)?.customerId ?? undefined;
}
