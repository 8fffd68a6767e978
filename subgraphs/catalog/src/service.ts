// Builds the catalog subgraph: datastores, migrations, demo seed, search engine, consumers and outbox relay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import gql from 'graphql-tag';
import { createSubgraph, type Logger, type ServiceHandle, loadLimitsOf } from '@shop/common';
import {
  OUTBOX_MIGRATIONS,
  SqlOutboxRelay,
  createCache,
  createDynamo,
  ensureTables,
  loadMigrations,
  migrate,
  openSqlDatabase,
  type EventBus,
  type SqlDatabase,
} from '@shop/datastores';
import type { Config } from './config';
import { buildContext } from './context';
import { BehaviourStore, behaviourTables } from './data/behaviour';
import { ProductCache } from './data/product-cache';
import type { CatalogDeps } from './deps';
import { subscribeConsumers } from './domain/events';
import { MAX_LIST, MAX_OPTIONS, MAX_VARIANTS } from './domain/admin';
import { indexIfEmpty, rebuildIndex } from './domain/indexing';
import { bulkLoadCatalog, seedDemoCatalog, type BulkLoadResult } from './domain/seed';
import type { DemoCatalog } from '@shop/demo-data';
import { resolvers } from './resolvers';
import { internalRoutes } from './routes';
import { openSearchEngine } from './search-engine';
import type { SearchEngine } from './search/engine';
import { MAX_SEARCH_FILTERS } from './search/input';

export const SCHEMA_PATH = join(__dirname, '..', 'schema.graphql');
export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

export interface CatalogRuntime {
  bus: EventBus;
  logger: Logger;
  /** Tests: sees every SQL statement the catalog's own code runs (not the search engine's). */
  onSqlQuery?: (text: string) => void;
  /** Tests: a search engine to use instead of the configured one. */
  searchEngine?: SearchEngine;
}

/** The same database, reporting each statement to `onQuery` (transactions included). */
function observed(db: SqlDatabase, onQuery: (text: string) => void): SqlDatabase {
  return {
    kind: db.kind,
    query: (text, params) => {
      onQuery(text);
      return db.query(text, params);
    },
    exec: (script) => db.exec(script),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (text, params) => {
            onQuery(text);
            return tx.query(text, params);
          },
          exec: (script) => tx.exec(script),
        }),
      ),
    close: () => db.close(),
  };
}

export async function openCatalogDatabase(config: Config): Promise<SqlDatabase> {
  const db = await openSqlDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'catalog', 'pglite'),
  });
  await migrate(db, [...OUTBOX_MIGRATIONS, ...loadMigrations(MIGRATIONS_DIR)]);
  return db;
}

export { type BulkLoadResult } from './domain/seed';

/**
 * Bulk-loads a catalog (e.g. generateCatalog(100_000) from @shop/demo-data) into the catalog database of `config`
 * (migrating it first; it must hold no products) and builds the configured search engine's index from it.
 * Start the service afterwards: it finds products and does not seed.
 */
export async function bulkLoadCatalogDatabase(
  config: Config,
  catalog: DemoCatalog,
  logger?: Logger,
): Promise<BulkLoadResult> {
  const db = await openCatalogDatabase(config);
  try {
    const engine = await openSearchEngine(config, db);
    try {
      await engine.init();
      return await bulkLoadCatalog(db, catalog, { engine, logger });
    } finally {
      await engine.close();
    }
  } finally {
    await db.close();
  }
}

export async function createService(
  config: Config,
  runtime: CatalogRuntime,
): Promise<ServiceHandle & { deps: CatalogDeps }> {
  const { bus, logger } = runtime;
  const rawDb = await openCatalogDatabase(config);
  const db = runtime.onSqlQuery ? observed(rawDb, runtime.onSqlQuery) : rawDb;
  const cache = createCache({ redisUrl: config.REDIS_URL, logger, prefix: config.CACHE_KEY_PREFIX });
  const engine = runtime.searchEngine ?? (await openSearchEngine(config, rawDb));
  await engine.init();

  let behaviour: BehaviourStore | null = null;
  if (config.BEHAVIOUR_ENABLED && (config.DYNAMODB_ENDPOINT || config.NODE_ENV === 'production')) {
    const dynamo = createDynamo({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
    await ensureTables(dynamo.client, behaviourTables(config.DYNAMODB_TABLE_PREFIX));
    behaviour = new BehaviourStore(dynamo, config.DYNAMODB_TABLE_PREFIX);
  }

  const relay = new SqlOutboxRelay(rawDb, bus, 'catalog', logger);
  const deps: CatalogDeps = {
    db,
    productCache: new ProductCache(cache, config.PRODUCT_CACHE_TTL_SECONDS),
    engine,
    logger,
    kickOutbox: () => relay.kick(),
    behaviour,
    maxListItemsPerRequest: config.MAX_LIST_ITEMS_PER_REQUEST,
  };

  if (config.SEED_DEMO_DATA && (await seedDemoCatalog(rawDb))) {
    await rebuildIndex(rawDb, engine, logger);
    logger.info('seeded the demo catalog');
  } else if (await indexIfEmpty(rawDb, engine, logger)) {
    logger.info({ engine: engine.name }, 'the search index was empty: built it from the catalog');
  }

  const subgraph = await createSubgraph({
    limits: loadLimitsOf(config),
    name: 'catalog',
    inputLimits: {
      defaultMaxItems: config.MAX_INPUT_LIST_ITEMS,
      maxItems: {
        ...Object.fromEntries(
          ['ProductCreateInput', 'ProductUpdateInput'].flatMap((input) => [
            [`${input}.variants`, MAX_VARIANTS],
            [`${input}.tags`, MAX_LIST],
            [`${input}.specs`, MAX_LIST],
            [`${input}.images`, MAX_LIST],
            [`${input}.options`, MAX_OPTIONS],
          ]),
        ),
        'ProductOptionInput.values': MAX_LIST,
        'ProductVariantInput.selectedOptions': MAX_OPTIONS,
        'Query.search(filters:)': MAX_SEARCH_FILTERS,
      },
    },
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
    typeDefs: gql(readFileSync(SCHEMA_PATH, 'utf8')),
    resolvers,
    secret: config.INTERNAL_AUTH_SECRET,
    logger,
    buildContext: (base) => buildContext(base, deps),
    routes: internalRoutes({ secret: config.INTERNAL_AUTH_SECRET, service: 'catalog' }, db, behaviour),
    checkHealth: async () => {
      await rawDb.query('SELECT 1');
    },
  });

  let started = false;
  return {
    subgraph,
    deps,
    start() {
      if (started) return;
      started = true;
      subscribeConsumers(bus, deps);
      relay.start();
    },
    async close() {
      await relay.stop();
      await subgraph.close();
      await engine.close();
      await cache.close();
      await rawDb.close();
    },
  };
}
