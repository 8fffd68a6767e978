import { z } from 'zod';
import { boolFlag, optionalUrl, parseConfig, serviceEnv } from '@shop/common';

const secret = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.string().min(32, 'must be at least 32 characters').optional(),
);

export const configSchema = z.object({
  ...serviceEnv(4005),
  DATABASE_URL: optionalUrl,
  CATALOG_URL: z.string().url().default('http://127.0.0.1:4002'),
  /** The orders service, which a fulfilment claims the order from. */
  ORDERS_URL: z.string().url().default('http://127.0.0.1:4004'),
  /** Signs rate handles; when unset, a key is derived from INTERNAL_AUTH_SECRET. */
  SHIPPING_RATE_SECRET: secret,
  /** How long a rate handle stays valid. */
  SHIPPING_RATE_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Per-carrier keys that sign tracking webhooks; when unset, derived from INTERNAL_AUTH_SECRET (sandbox). */
  CARRIER_WEBHOOK_SECRET_DHL: secret,
  CARRIER_WEBHOOK_SECRET_FEDEX: secret,
  CARRIER_WEBHOOK_SECRET_UPS: secret,
  /** How far a webhook's signed timestamp may be from now, in seconds (replay window). */
  CARRIER_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().positive().default(300),
  /** Outbound webhooks: whether plain-http URLs may be subscribed (local tools); https only otherwise. */
  WEBHOOK_ALLOW_HTTP: boolFlag(false),
  /** Tries of one delivery before it is marked FAILED. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** Wait before the first retry; each next retry waits twice as long. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** How long one delivery may take. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** How often the deliverer looks for due retries. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1000),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseConfig(configSchema, env);
}
