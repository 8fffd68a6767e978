import { z } from 'zod';
import { DEFAULT_SESSION_POLICY } from '@shop/auth';
import { busEnv, commonEnv, optionalUrl, parseConfig, port } from '@shop/common';

export const configSchema = z.object({
  ...commonEnv,
  /** The bus the response cache's purges come from (the subgraphs' product and inventory events). */
  ...busEnv,
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  /** The port of `GET /metrics` (Prometheus), apart from the public port so shoppers never reach it; 0 picks a free one. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** Where `/metrics` listens; the private network's address in production, never the public load balancer's. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  /** How often (ms) SUPERGRAPH_PATH is checked for a change to reload; 0: only on SIGHUP. */
  SUPERGRAPH_WATCH_MS: z.coerce.number().int().min(0).default(1000),
  /** Milliseconds one subgraph call may take before the gateway gives up on it. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  DYNAMODB_ENDPOINT: optionalUrl,
  AWS_REGION: z.string().default('us-east-1'),
  DYNAMODB_TABLE_PREFIX: z.string().default('shop_'),
  REDIS_URL: optionalUrl,
  /** How long a resolved session may be served from the cache; bounds how late a revocation elsewhere is seen. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(60),
  /** The session policy; the same values as the users service, which creates the sessions the gateway slides. */
  SESSION_IDLE_SECONDS: z.coerce.number().int().positive().default(DEFAULT_SESSION_POLICY.idleSeconds),
  SESSION_REMEMBER_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_SESSION_POLICY.rememberIdleSeconds),
  SESSION_ABSOLUTE_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(DEFAULT_SESSION_POLICY.absoluteSeconds),
  /** Where the users service answers internal calls (partner API keys). */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001'),
  /**
   * How many proxies (load balancers) stand in front and append to X-Forwarded-For; 0 when clients connect
   * directly. The client address is the entry that many places from the right: entries further left are the client's word.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * When set, X-Forwarded-For is believed only from a proxy that sends this secret in X-Shop-Proxy-Secret (the
   * storefront's server does, under `npm start`): a caller reaching the gateway directly is known by its own address
   * whatever it writes there.
   */
  TRUSTED_PROXY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Concurrent identical subgraph reads of one caller scope (all anonymous callers; one shopper's session; one
   * partner key) share one fetch. Never across principals, never for mutations.
   */
  DEDUPLICATE_SUBGRAPH_FETCHES: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Anonymous answers whose every field is public under the `@cacheControl` hints are served from a cache (Redis,
   * or in process without REDIS_URL) for their least max-age, purged by product and inventory events. On by
   * default in production only: in development data changes by paths no event reports (seeding, direct SQL).
   */
  RESPONSE_CACHE: z.enum(['true', 'false', '1', '0']).optional(),
  /** Answers the in-process response cache holds (no REDIS_URL), the least recently stored dropped first. */
  RESPONSE_CACHE_MEMORY_ENTRIES: z.coerce.number().int().positive().default(10_000),
  /** Adds `Server-Timing: identity;dur=<ms>` to GraphQL responses: how long resolving the caller took. */
  SERVER_TIMING: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Schema introspection, for the explorer; off by default in production. */
  INTROSPECTION: z.enum(['true', 'false', '1', '0']).optional(),
  /** The GraphQL explorer page at GET /graphql; off by default in production. */
  EXPLORER: z.enum(['true', 'false', '1', '0']).optional(),
  /** Cache key prefix shared with the users service, which clears revoked sessions and API keys under it. */
  SHARED_CACHE_PREFIX: z.string().default('shop:'),
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_QUERY_COST: z.coerce.number().int().positive().default(20_000),
  MAX_ALIASES: z.coerce.number().int().positive().default(30),
  MAX_TOKENS: z.coerce.number().int().positive().default(5000),
  /**
   * Holds callers to published documents, as Apollo Router's safelisting does: `off` runs any document, `log`
   * runs any and logs those no client published, `enforce` runs only published ones (by hash, or as their text).
   * A partner's safelist-only key is held to its own client's documents whatever the mode.
   */
  SAFELIST_MODE: z.enum(['off', 'log', 'enforce']).default('off'),
  /** Documents the gateway keeps in process by hash, in front of the shared store. */
  PERSISTED_DOCUMENTS_LRU_SIZE: z.coerce.number().int().positive().default(5000),
  /** `extensions.cost` on every answer (requested, actual, the bucket); `false` leaves it out (the bench's baseline). */
  COST_EXTENSION: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Leaky-bucket throttling of query cost per caller; `false` turns it off (cost is still shown). */
  THROTTLE: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** The cost per second each kind of caller's bucket regains; a partner key's costPerSecond overrides its own. */
  THROTTLE_ANONYMOUS_COST_PER_SECOND: z.coerce.number().int().positive().default(1000),
  THROTTLE_SHOPPER_COST_PER_SECOND: z.coerce.number().int().positive().default(2000),
  THROTTLE_PARTNER_COST_PER_SECOND: z.coerce.number().int().positive().default(1000),
  /**
   * How many seconds of its rate a bucket holds (its largest burst); never less than MAX_QUERY_COST, so every
   * request the gateway accepts can eventually run.
   */
  THROTTLE_BUCKET_SECONDS: z.coerce.number().positive().default(20),
});

export type Config = Omit<z.infer<typeof configSchema>, 'INTROSPECTION' | 'EXPLORER' | 'RESPONSE_CACHE'> & {
  INTROSPECTION: boolean;
  EXPLORER: boolean;
  RESPONSE_CACHE: boolean;
  /** From SUBGRAPH_<NAME>_URL: overrides the URL the supergraph records for subgraph <name>. */
  subgraphUrls: Record<string, string>;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match && value) subgraphUrls[match[1]!.toLowerCase()] = value;
  }
  const parsed = parseConfig(configSchema, env);
  // Developer aids: on unless running in production, where each must be asked for.
  const devAid = (flag: string | undefined) =>
    flag === undefined ? parsed.NODE_ENV !== 'production' : ['true', '1'].includes(flag);
  return {
    ...parsed,
    INTROSPECTION: devAid(parsed.INTROSPECTION),
    EXPLORER: devAid(parsed.EXPLORER),
    RESPONSE_CACHE:
      parsed.RESPONSE_CACHE === undefined
        ? parsed.NODE_ENV === 'production'
        : ['true', '1'].includes(parsed.RESPONSE_CACHE),
    subgraphUrls,
  };
}
