// Chooses the search engine from config: SEARCH_ENGINE when set, else OpenSearch when OPENSEARCH_URL is set, else
// Postgres full-text in the catalog database.
import type { SqlDatabase } from '@shop/datastores';
import type { Config } from './config';
import type { SearchEngine } from './search/engine';

export async function openSearchEngine(config: Config, db: SqlDatabase): Promise<SearchEngine> {
  const choice = config.SEARCH_ENGINE ?? (config.OPENSEARCH_URL ? 'opensearch' : 'postgres');
  if (choice === 'opensearch' && config.OPENSEARCH_URL) {
    const { createOpenSearchEngine } = await import('./search/opensearch');
    return createOpenSearchEngine({
      node: config.OPENSEARCH_URL,
      indexPrefix: config.OPENSEARCH_INDEX_PREFIX,
    });
  }
  const { createPostgresSearchEngine } = await import('./search/postgres');
  return createPostgresSearchEngine(db);
}
