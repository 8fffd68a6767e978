import { z } from 'zod';
import { boolFlag, commonEnv, optionalUrl, parseConfig, port } from '@shop/common';

export const configSchema = z.object({
  ...commonEnv,
  PORT: port(4002),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  /** The catalog database; PGlite under DATA_DIR when unset. */
  DATABASE_URL: optionalUrl,
  DYNAMODB_ENDPOINT: optionalUrl,
  AWS_REGION: z.string().default('us-east-1'),
  DYNAMODB_TABLE_PREFIX: z.string().default('shop_'),
  /** Product cache; in-process when unset. */
  REDIS_URL: optionalUrl,
  /** Prefix of the catalog's cache keys, so several catalogs can share one Redis. */
  CACHE_KEY_PREFIX: z.string().default('catalog:'),
  /** How long a cached product lives at most (invalidation removes it sooner). */
  PRODUCT_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  SEED_DEMO_DATA: boolFlag(true),
  /** The search engine: OpenSearch at this URL, else Postgres full-text in the catalog database. */
  OPENSEARCH_URL: optionalUrl,
  /** Prefix of the OpenSearch index and alias names. */
  OPENSEARCH_INDEX_PREFIX: z.string().default('shop_'),
  /** Records shopper behaviour (views, searches, purchases) in DynamoDB for personalised ranking. */
  BEHAVIOUR_ENABLED: boolFlag(true),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseConfig(configSchema, env);
}
