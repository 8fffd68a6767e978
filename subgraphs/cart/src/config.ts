import { z } from 'zod';
import { parseConfig, serviceEnv } from '@shop/common';

export const configSchema = z.object({
  ...serviceEnv(4003),
  CATALOG_URL: z.string().url().default('http://127.0.0.1:4002'),
  /** How long a checkout's hold on stock lasts before the sweeper returns it. */
  RESERVATION_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  /** How often the sweeper looks for expired holds. */
  RESERVATION_SWEEP_MS: z.coerce.number().int().positive().default(30_000),
  /** A guest's cart expires this many days after its last change. */
  GUEST_CART_TTL_DAYS: z.coerce.number().int().positive().default(30),
  /** How long a cart may be served from the cache; writes invalidate it at once. */
  CART_CACHE_SECONDS: z.coerce.number().int().positive().default(300),
  /**
   * How long the catalog's variant info (prices, titles) is cached for carts; 0 turns it off. Checkout's
   * snapshot always asks the catalog afresh, so this bounds only how stale a price shown in a cart may be.
   */
  CATALOG_CACHE_SECONDS: z.coerce.number().int().min(0).default(30),
  /** Signed-in shoppers' cart adds are reported to the catalog's personalisation in batches this often (0: at once). */
  CART_ADD_REPORT_MS: z.coerce.number().int().min(0).default(5000),
  /** Currency of an empty cart's totals (the catalog's prices set it otherwise). */
  DEFAULT_CURRENCY: z.string().length(3).default('USD'),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseConfig(configSchema, env);
}
