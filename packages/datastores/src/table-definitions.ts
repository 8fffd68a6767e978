// Every DynamoDB table the shop uses, defined once: the services create them from here at start (ensureTables),
// and the AWS app (infra/) declares the same tables from here. Imports nothing at run time, so the CDK app can
// read it without loading a datastore client.
import type { TableDefinition } from './dynamo';

/** The outbox and processed-event markers of a service whose store is DynamoDB; relayed outbox items expire by TTL. */
export function dynamoOutboxTables(prefix: string): TableDefinition[] {
  return [
    { name: `${prefix}outbox`, partitionKey: 'pk', sortKey: 'sk', ttlAttribute: 'ttl' },
    { name: `${prefix}processed_events`, partitionKey: 'id', ttlAttribute: 'ttl' },
  ];
}

/** Sessions (users service, read by the gateway). */
export function sessionTables(prefix: string): TableDefinition[] {
  return [
    {
      name: `${prefix}sessions`,
      partitionKey: 'id',
      ttlAttribute: 'ttl',
      indexes: [{ name: 'byCustomer', partitionKey: 'customerId', sortKey: 'createdAt' }],
    },
  ];
}

/** Shopper behaviour events (catalog service). */
export function behaviourTables(prefix: string): TableDefinition[] {
  return [
    { name: `${prefix}behaviour_events`, partitionKey: 'customerId', sortKey: 'sk', ttlAttribute: 'ttl' },
  ];
}

export interface CartTableNames {
  carts: string;
  inventory: string;
  reservations: string;
  movements: string;
  locations: string;
  processed: string;
}

export function cartTableNames(prefix: string): CartTableNames {
  return {
    carts: `${prefix}carts`,
    inventory: `${prefix}inventory`,
    reservations: `${prefix}reservations`,
    movements: `${prefix}stock_movements`,
    locations: `${prefix}stock_locations`,
    processed: `${prefix}processed_events`,
  };
}

/** Carts, inventory and stock reservations (cart service). */
export function cartTables(prefix: string): TableDefinition[] {
  const names = cartTableNames(prefix);
  return [
    {
      name: names.carts,
      partitionKey: 'id',
      ttlAttribute: 'ttl',
      indexes: [{ name: 'byCustomer', partitionKey: 'customerId', sortKey: 'updatedAt' }],
    },
    { name: names.inventory, partitionKey: 'variantId' },
    {
      name: names.reservations,
      partitionKey: 'id',
      ttlAttribute: 'ttl',
      // Sparse: only HELD reservations carry `pending`, so the sweeper reads just the live holds by expiry.
      indexes: [{ name: 'heldByExpiry', partitionKey: 'pending', sortKey: 'expiresAt' }],
    },
    { name: names.movements, partitionKey: 'variantId', sortKey: 'sk' },
    // Stock at locations other than the default one (whose stock is the variant's item in `inventory`).
    { name: names.locations, partitionKey: 'variantId', sortKey: 'locationId' },
    ...dynamoOutboxTables(prefix),
  ];
}

/** Each service's tables; a table two services share (sessions) is listed under both. */
export function serviceTables(
  prefix: string,
): Record<'gateway' | 'users' | 'catalog' | 'cart', TableDefinition[]> {
  return {
    gateway: sessionTables(prefix),
    users: sessionTables(prefix),
    catalog: behaviourTables(prefix),
    cart: cartTables(prefix),
  };
}

/** Every table of the shop, once each. */
export function allTables(prefix: string): TableDefinition[] {
  const byName = new Map<string, TableDefinition>();
  for (const table of Object.values(serviceTables(prefix)).flat()) byName.set(table.name, table);
  return [...byName.values()];
}
