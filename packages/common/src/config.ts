// One zod schema per service parses the environment once, at start; every problem is listed at once.
import { z } from 'zod';
import { DEFAULT_MAX_INPUT_ITEMS } from './input-guard';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig<S extends z.ZodTypeAny>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Empty strings count as unset, so `FOO=` in a .env file falls back to the default. */
export const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
export const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const boolFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

/** Settings every service shares. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HMAC key that the gateway signs forwarded identities with and subgraphs verify; also signs service calls. */
  INTERNAL_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** Milliseconds a call to another service may take. */
  SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** Sender address of the shop's emails. */
  EMAIL_FROM: z.string().min(3).default('Shop <no-reply@shop.local>'),
  /** Send email through Amazon SES in this region; unset, emails are written as files under DATA_DIR/mail. */
  SES_REGION: optionalString,
  /** An SES endpoint other than AWS's (a local stand-in in tests). */
  SES_ENDPOINT: optionalUrl,
};

/**
 * What every subgraph service reads besides its own settings: where it listens and where its
 * datastores are (each unset datastore URL means the embedded one).
 */
export function serviceEnv(defaultPort: number) {
  return {
    ...commonEnv,
    PORT: port(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default('.data'),
    DYNAMODB_ENDPOINT: optionalUrl,
    AWS_REGION: z.string().default('us-east-1'),
    DYNAMODB_TABLE_PREFIX: z.string().default('shop_'),
    REDIS_URL: optionalUrl,
    SEED_DEMO_DATA: boolFlag(true),
    /** The most items a list input (cart lines, line ids, tags, topics…) may hold unless the subgraph sets a tighter bound. */
    MAX_INPUT_LIST_ITEMS: z.coerce.number().int().positive().max(10_000).default(DEFAULT_MAX_INPUT_ITEMS),
  };
}
