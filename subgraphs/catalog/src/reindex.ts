// `npm run reindex`: rebuilds the search index from the catalog of record in Postgres.
import { createLogger, type Logger } from '@shop/common';
import type { Config } from './config';
import { rebuildIndex } from './domain/indexing';
import { openSearchEngine } from './search-engine';
import { openCatalogDatabase } from './service';

export async function reindexCatalog(
  config: Config,
  logger: Logger = createLogger('catalog-reindex', config.LOG_LEVEL),
): Promise<void> {
  const db = await openCatalogDatabase(config);
  try {
    const engine = await openSearchEngine(config, db);
    try {
      await engine.init();
      await rebuildIndex(db, engine, logger);
    } finally {
      await engine.close();
    }
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  // Imported lazily so that importing reindexCatalog does not read the environment.
  void import('./config').then(async ({ loadConfig }) => {
    try {
      await reindexCatalog(loadConfig());
      process.exit(0);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  });
}
