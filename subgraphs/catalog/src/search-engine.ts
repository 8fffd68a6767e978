// Chooses the search engine from config: OpenSearch when OPENSEARCH_URL is set, else Postgres full-text in the catalog database.
import type { SqlDatabase } from '@shop/datastores';
import type { Config } from './config';
import type { SearchEngine } from './search/engine';

export async function openSearchEngine(config: Config, db: SqlDatabase): Promise<SearchEngine> {
  if (config.OPENSEARCH_URL) {
    const { createOpenSearchEngine } = await import('./search/opensearch');
    return createOpenSearchEngine({ node: config.OPENSEARCH_URL, indexPrefix: config.OPENSEARCH_INDEX_PREFIX });
  }
  const { createPostgresSearchEngine } = await import('./search/postgres');
  return createPostgresSearchEngine(db);
}
