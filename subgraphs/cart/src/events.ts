// Outgoing events: `inventory.changed` gets its quantityAvailable from the stock as it is when published.
import type { EventPayload, inventoryChanged } from '@shop/contracts';
import type { DomainEvent, EventBus } from '@shop/datastores';
import type { InventoryRepository } from './data/inventory-repo';
import { INVENTORY_CHANGED } from './data/inventory-repo';

/**
 * Wraps the bus the outbox relay publishes to. The outbox item, written in the stock change's own
 * transaction, only names the variant; reading the stock at publish time means the last event of a
 * variant always carries a value at least as new as its last change, even when transactions race.
 */
export function withCurrentAvailability(bus: EventBus, inventory: InventoryRepository): EventBus {
  return {
    async publish(events: DomainEvent[]): Promise<void> {
      const ids = events.filter((e) => e.topic === INVENTORY_CHANGED).map((e) => String(e.payload.variantId));
      const levels = ids.length ? await inventory.getLevels(ids, true) : new Map();
      await bus.publish(
        events.map((event) => {
          if (event.topic !== INVENTORY_CHANGED) return event;
          const variantId = String(event.payload.variantId);
          return {
            ...event,
            payload: {
              variantId,
              quantityAvailable: Math.max(0, levels.get(variantId)?.available ?? 0),
            } satisfies EventPayload<typeof inventoryChanged>,
          };
        }),
      );
    },
    subscribe: (group, topics, handler) => bus.subscribe(group, topics, handler),
    // The relay asks the bus for its epoch to learn that Redis lost the stream: the wrapper must not hide it.
    ...(bus.epoch ? { epoch: () => bus.epoch!() } : {}),
    close: () => bus.close(),
  };
}
