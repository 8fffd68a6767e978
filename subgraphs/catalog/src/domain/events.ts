// The catalog's event consumers: the indexer (product.changed), stock (inventory.changed) and purchases (order.paid).
import type { z } from 'zod';
import type { Logger } from '@shop/common';
import {
  eventOf,
  inventoryChanged as inventoryChangedEvent,
  orderPaid as orderPaidEvent,
  productChanged as productChangedEvent,
} from '@shop/contracts';
import {
  consumeOnce,
  enqueueEvents,
  type DomainEvent,
  type EventBus,
  type SqlExecutor,
} from '@shop/datastores';
import { addCopurchases, availableProductIds, setQuantityAvailable } from '../data/availability';
import { addPopularity, productsByIds } from '../data/products';
import { allCategories } from '../data/categories';
import type { CatalogDeps } from '../deps';
import { syncIndex } from './indexing';

const productChanged = productChangedEvent.schema.pick({ productId: true });
const inventoryChanged = inventoryChangedEvent.schema;
/** What the catalog reads of a paid order. */
export const orderPaid = orderPaidEvent.schema.pick({ customerId: true, lines: true });

function parse<T>(schema: z.ZodType<T>, event: DomainEvent, logger: Logger): T | null {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) {
    // A malformed event will never parse: retrying it forever would block the stream.
    logger.error({ topic: event.topic, eventId: event.id }, 'dropping malformed event');
    return null;
  }
  return parsed.data;
}

/** Re-reads the product from Postgres, so a replayed or reordered event still leaves the index right. */
export async function onProductChanged(deps: CatalogDeps, event: DomainEvent): Promise<void> {
  const payload = parse(productChanged, event, deps.logger);
  if (payload) await syncIndex(deps.db, deps.engine, [payload.productId]);
}

/** Writes product.changed in the consumer's transaction: the durable promise that the indexer will re-read these products. */
async function enqueueReindex(tx: SqlExecutor, productIds: string[]): Promise<void> {
  await enqueueEvents(
    tx,
    productIds.map((productId) => eventOf(productChangedEvent, { productId, change: 'updated' })),
  );
}

/**
 * Records the quantity, then sets availability in the index at once. The index write happens after the
 * commit (PGlite serialises connections, so it cannot run inside the transaction); the product.changed
 * event written in the same transaction re-syncs the document if the process dies in between.
 */
export async function onInventoryChanged(deps: CatalogDeps, event: DomainEvent): Promise<void> {
  const payload = parse(inventoryChanged, event, deps.logger);
  if (!payload) return;
  const found: { productId: string | null } = { productId: null };
  const applied = await consumeOnce(deps.db, 'catalog.inventory', event.id, async (tx) => {
    found.productId = await setQuantityAvailable(tx, payload.variantId, payload.quantityAvailable);
    if (found.productId) await enqueueReindex(tx, [found.productId]);
  });
  const productId = found.productId;
  if (!applied || !productId) return;
  deps.kickOutbox();
  const available = await availableProductIds(deps.db, [productId]);
  await deps.engine.setAvailability([{ productId, available: available.has(productId) }]);
}

/** Units sold raise popularity; products of one order count as bought together; the shopper's purchases feed personalisation. */
export async function onOrderPaid(deps: CatalogDeps, event: DomainEvent): Promise<void> {
  const payload = parse(orderPaid, event, deps.logger);
  if (!payload) return;
  const units = new Map<string, number>();
  for (const line of payload.lines)
    units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
  const applied = await consumeOnce(deps.db, 'catalog.orders', event.id, async (tx) => {
    await addPopularity(tx, units);
    await addCopurchases(tx, [...units.keys()]);
    await enqueueReindex(tx, [...units.keys()]);
  });
  if (applied) deps.kickOutbox();
  if (applied && payload.customerId && deps.behaviour) {
    const products = await productsByIds(deps.db, [...units.keys()]);
    const handles = new Map((await allCategories(deps.db)).map((c) => [c.id, c.handle]));
    await deps.behaviour
      .record(
        payload.customerId,
        products.map((p) => ({
          kind: 'purchase' as const,
          productId: p.id,
          brand: p.brand,
          categoryHandle: p.categoryId ? handles.get(p.categoryId) : undefined,
          quantity: units.get(p.id) ?? 1,
          occurredAt: event.occurredAt,
        })),
      )
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'recording purchases failed'));
  }
}

export function subscribeConsumers(bus: EventBus, deps: CatalogDeps): void {
  bus.subscribe('catalog-indexer', [productChangedEvent.topic], (event) => onProductChanged(deps, event));
  bus.subscribe('catalog', [inventoryChangedEvent.topic, orderPaidEvent.topic], async (event) => {
    if (event.topic === inventoryChangedEvent.topic) await onInventoryChanged(deps, event);
    else if (event.topic === orderPaidEvent.topic) await onOrderPaid(deps, event);
  });
}
