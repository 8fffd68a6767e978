// The cart subgraph's DynamoDB tables, created idempotently at start.
import { dynamoOutboxTables, type TableDefinition } from '@shop/datastores';

export interface TableNames {
  carts: string;
  inventory: string;
  reservations: string;
  movements: string;
  locations: string;
  processed: string;
}

export function tableNames(prefix: string): TableNames {
  return {
    carts: `${prefix}carts`,
    inventory: `${prefix}inventory`,
    reservations: `${prefix}reservations`,
    movements: `${prefix}stock_movements`,
    locations: `${prefix}stock_locations`,
    processed: `${prefix}processed_events`,
  };
}

export function cartTables(prefix: string): TableDefinition[] {
  const names = tableNames(prefix);
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
