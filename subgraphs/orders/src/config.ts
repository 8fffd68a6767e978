import { z } from 'zod';
import { boolFlag, optionalString, optionalUrl, parseConfig, serviceEnv } from '@shop/common';

export const configSchema = z.object({
  ...serviceEnv(4004),
  DATABASE_URL: optionalUrl,
  CART_URL: z.string().url().default('http://127.0.0.1:4003'),
  SHIPPING_URL: z.string().url().default('http://127.0.0.1:4005'),
  CATALOG_URL: z.string().url().default('http://127.0.0.1:4002'),
  /** Set to use real Stripe (or a Stripe-compatible server); unset uses the embedded sandbox provider. */
  STRIPE_SECRET_KEY: optionalString,
  /** Verifies `POST /webhooks/stripe`; the route answers 404 without it. */
  STRIPE_WEBHOOK_SECRET: optionalString,
  /** Points the Stripe SDK elsewhere than api.stripe.com (tests, stripe-mock). */
  STRIPE_API_HOST: optionalString,
  STRIPE_API_PORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).default('https'),
  /** Seconds a completion attempt holds an order before a retry or the reconciler may take it over. */
  CHECKOUT_LEASE_SECONDS: z.coerce.number().int().positive().default(30),
  /**
   * Seconds an unpaid order holds its stock: long enough for 3-D Secure, short enough that abandoned payments
   * cannot keep stock from other shoppers. A payment completed later still gets the stock if it is there.
   */
  RESERVATION_TTL_SECONDS: z.coerce.number().int().positive().default(600),
  /** How many unpaid orders holding stock one customer, one cart or one client address may have at once. */
  MAX_PENDING_PAYMENTS: z.coerce.number().int().positive().default(3),
  /**
   * Whether an order whose payment completed after its stock was gone is kept (captured, flagged BACKORDERED)
   * rather than voided or refunded.
   */
  ALLOW_BACKORDERS: boolFlag(false),
  /** The shop's public address (the gateway, as browsers reach it); payment pages the shopper is sent to live under it. */
  PUBLIC_URL: z.string().url().default('http://localhost:4000'),
  /** How often the reconciler looks at PENDING_PAYMENT orders (0 turns it off). */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** How often the sandbox provider's renewal job places due subscription orders (0 turns it off). */
  RENEWAL_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** A PENDING_PAYMENT order with no payment after this many seconds is cancelled by the reconciler. */
  PENDING_PAYMENT_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Where the shopper lands after 3-D Secure (Stripe return_url). */
  PAYMENT_RETURN_URL: z.string().url().default('http://localhost:4000/checkout/return'),
  /** A checkout lives this long; completing an older one is refused (CHECKOUT_EXPIRED). */
  CHECKOUT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(24 * 3600),
  /** A checkout's prices hold this long; completing one priced earlier re-prices it first (PRICES_CHANGED when they moved). */
  CHECKOUT_PRICE_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
});

export type Config = z.infer<typeof configSchema>;

/** In production the shop takes real money: the sandbox provider is for development only. */
const productionSchema = configSchema.superRefine((config, ctx) => {
  if (config.NODE_ENV !== 'production') return;
  for (const key of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const) {
    // eslint-disable-next-line security/detect-object-injection -- key is one of the two constant names in the loop
    if (!config[key])
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'is required in production (the sandbox provider takes no money)',
      });
  }
});

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseConfig(productionSchema, env);
}

/** What the notifications Lambda reads: its database and how to send email; no payment or service secret. */
export const notificationsConfigSchema = configSchema
  .pick({
    NODE_ENV: true,
    LOG_LEVEL: true,
    DATABASE_URL: true,
    DATA_DIR: true,
    EMAIL_FROM: true,
    SES_REGION: true,
    SES_ENDPOINT: true,
    AWS_ENDPOINT_URL: true,
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV !== 'production') return;
    // A Lambda has no embedded database to open and no folder to keep emails in.
    for (const key of ['DATABASE_URL', 'SES_REGION'] as const) {
      // eslint-disable-next-line security/detect-object-injection -- key is one of the two literal names above
      if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  });
