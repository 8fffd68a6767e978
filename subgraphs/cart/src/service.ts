// Builds the cart subgraph from its config: datastores, seed, server, event consumer, outbox relay, sweeper.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import gql from 'graphql-tag';
import {
  createServiceClient,
  createSubgraph,
  loadLimitsOf,
  onScrape,
  openReservations,
  type Logger,
  type ServiceHandle,
} from '@shop/common';
import { orderCancelled, orderPaid, returnRefunded } from '@shop/contracts';
import { createCache, createDynamo, DynamoOutboxRelay, ensureTables, type EventBus } from '@shop/datastores';
import { demoStock } from '@shop/demo-data';
import type { Config } from './config';
import { buildContext, type Context, type Deps } from './context';
import { CartRepository } from './data/cart-repo';
import { CartAddReporter, cachedVariantLookup, catalogOver } from './data/catalog-client';
import { InventoryRepository } from './data/inventory-repo';
import { cartTables, tableNames } from './data/tables';
import { onOrderCancelled, onOrderPaid, onReturnRefunded, ReservationSweeper } from './domain/inventory';
import { LIMITS } from './domain/types';
import { withCurrentAvailability } from './events';
import { internalRoutes } from './internal';
import { resolvers } from './resolvers';

export const SERVICE_NAME = 'cart';

export function loadTypeDefs() {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
  return gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
}

export interface CartService extends ServiceHandle {
  deps: Deps;
  sweeper: ReservationSweeper;
  relay: DynamoOutboxRelay;
}

export async function createService(
  config: Config,
  runtime: { bus: EventBus; logger: Logger },
): Promise<CartService> {
  const { bus, logger } = runtime;
  const prefix = config.DYNAMODB_TABLE_PREFIX;
  const dynamo = createDynamo({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  await ensureTables(dynamo.client, cartTables(prefix));
  const cache = createCache({ redisUrl: config.REDIS_URL, logger, prefix: `${prefix}cart:` });

  const inventory = new InventoryRepository(dynamo, prefix);
  const catalog = catalogOver(
    createServiceClient({
      caller: SERVICE_NAME,
      target: 'catalog',
      baseUrl: config.CATALOG_URL,
      secret: config.INTERNAL_AUTH_SECRET,
      timeoutMs: config.SERVICE_TIMEOUT_MS,
    }),
  );
  const deps: Deps = {
    carts: new CartRepository(dynamo, cache, prefix, config.CART_CACHE_SECONDS),
    inventory,
    catalog,
    variants: cachedVariantLookup(catalog, cache, config.CATALOG_CACHE_SECONDS),
    cartAdds: new CartAddReporter(catalog, config.CART_ADD_REPORT_MS),
    settings: {
      guestCartTtlDays: config.GUEST_CART_TTL_DAYS,
      reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
      defaultCurrency: config.DEFAULT_CURRENCY,
    },
    now: () => new Date(),
    newId: randomUUID,
  };

  if (config.SEED_DEMO_DATA && (await inventory.isEmpty())) {
    try {
      const stock = demoStock();
      await inventory.seed(stock, 'seed');
      logger.info({ variants: stock.length }, 'seeded demo stock');
    } catch (error) {
      logger.warn({ err: error }, 'demo stock not seeded');
    }
  }

  const subgraph = await createSubgraph<Context>({
    limits: loadLimitsOf(config),
    inputLimits: {
      defaultMaxItems: config.MAX_INPUT_LIST_ITEMS,
      // A request never names more lines than a cart can hold.
      maxItems: {
        'CartInput.lines': LIMITS.maxLines,
        'Mutation.cartLinesAdd(lines:)': LIMITS.maxLines,
        'Mutation.cartLinesUpdate(lines:)': LIMITS.maxLines,
        'Mutation.cartLinesRemove(lineIds:)': LIMITS.maxLines,
      },
    },
    name: SERVICE_NAME,
    typeDefs: loadTypeDefs(),
    resolvers,
    secret: config.INTERNAL_AUTH_SECRET,
    logger,
    buildContext: (base) => buildContext(deps, base),
    routes: internalRoutes(deps, { secret: config.INTERNAL_AUTH_SECRET, service: SERVICE_NAME }),
    checkHealth: async () => {
      await dynamo.client.send(new DescribeTableCommand({ TableName: tableNames(prefix).inventory }));
    },
  });

  const relay = new DynamoOutboxRelay(
    dynamo,
    prefix,
    withCurrentAvailability(bus, inventory),
    logger,
    1000,
    SERVICE_NAME,
  );
  const sweeper = new ReservationSweeper(inventory, logger, config.RESERVATION_SWEEP_MS);
  let started = false;
  let stopGauge: () => void = () => undefined;

  return {
    subgraph,
    deps,
    sweeper,
    relay,
    start() {
      if (started) return;
      started = true;
      bus.subscribe(SERVICE_NAME, [orderPaid.topic], (event) => onOrderPaid(deps, logger, event));
      bus.subscribe(`${SERVICE_NAME}-cancellations`, [orderCancelled.topic], (event) =>
        onOrderCancelled(deps, logger, event),
      );
      bus.subscribe(`${SERVICE_NAME}-returns`, [returnRefunded.topic], (event) =>
        onReturnRefunded(deps, logger, event),
      );
      relay.start();
      sweeper.start();
      stopGauge = onScrape(async () => openReservations.set(await inventory.countHeld()));
    },
    async close() {
      stopGauge();
      await sweeper.stop();
      await relay.stop();
      await subgraph.close();
      await deps.cartAdds.close();
      await cache.close();
      dynamo.client.destroy();
    },
  };
}
