import { z } from 'zod';
import { boolFlag, optionalUrl, parseConfig, serviceEnv } from '@shop/common';

export const configSchema = z.object({
  ...serviceEnv(4002),
  /** The catalog database; PGlite under DATA_DIR when unset. */
  DATABASE_URL: optionalUrl,
  /** Prefix of the catalog's cache keys, so several catalogs can share one Redis. */
  CACHE_KEY_PREFIX: z.string().default('catalog:'),
  /** How long a cached product lives at most (invalidation removes it sooner); 0 reads every product from Postgres. */
  PRODUCT_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(300),
  /** The search engine: OpenSearch at this URL, else Postgres full-text in the catalog database. */
  OPENSEARCH_URL: optionalUrl,
  /** Names the search engine outright: `postgres` even when OPENSEARCH_URL is set; `opensearch` needs OPENSEARCH_URL. */
  SEARCH_ENGINE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['postgres', 'opensearch']).optional(),
  ),
  /** Prefix of the OpenSearch index and alias names. */
  OPENSEARCH_INDEX_PREFIX: z.string().default('shop_'),
  /** Records shopper behaviour (views, searches, purchases) in DynamoDB for personalised ranking. */
  BEHAVIOUR_ENABLED: boolFlag(true),
  /**
   * The most list items (products of pages, related and recommended products, categories) one request resolves;
   * past it the request fails with COST_LIMIT_EXCEEDED. A bound behind the gateway's cost estimate.
   */
  MAX_LIST_ITEMS_PER_REQUEST: z.coerce.number().int().positive().default(5000),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseConfig(
    configSchema.refine((config) => config.SEARCH_ENGINE !== 'opensearch' || config.OPENSEARCH_URL, {
      path: ['OPENSEARCH_URL'],
      message: 'SEARCH_ENGINE=opensearch needs the URL of an OpenSearch node',
    }),
    env,
  );
}
