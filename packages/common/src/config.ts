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
  /** An SES endpoint other than AWS's (a local stand-in in tests); falls back to AWS_ENDPOINT_URL. */
  SES_ENDPOINT: optionalUrl,
  /**
   * One endpoint for the shop's AWS services (moto in tests); unset means AWS. The AWS SDK reads it
   * too, for every client: DYNAMODB_ENDPOINT (and each service's own endpoint) wins over it.
   */
  AWS_ENDPOINT_URL: optionalUrl,
  /**
   * The worst event-loop delay (ms) in a 100 ms window past which requests answer 503 at once; 0 turns it off.
   * Unset: 1000 in production, off elsewhere (npm start and the tests run PGlite and composition in the same
   * process, which stall the loop on purpose).
   */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).optional(),
  /** Requests in progress at once past which new ones answer 503 at once; 0 turns it off. */
  MAX_IN_FLIGHT_REQUESTS: z.coerce.number().int().min(0).default(2000),
  /** On SIGTERM, how long /ready answers 503 while requests are still served (the balancer deregisters). */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  /** On SIGTERM, how long requests in flight may take to finish before connections are cut and pools close. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
};

/** The overload bounds of a config that includes commonEnv, as createHttpApp takes them. */
export function loadLimitsOf(config: {
  NODE_ENV: string;
  MAX_EVENT_LOOP_DELAY_MS?: number;
  MAX_IN_FLIGHT_REQUESTS: number;
}): { maxEventLoopDelayMs: number; maxInFlight: number } {
  return {
    maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS ?? (config.NODE_ENV === 'production' ? 1000 : 0),
    maxInFlight: config.MAX_IN_FLIGHT_REQUESTS,
  };
}

/**
 * Which event bus a service publishes to and consumes from. Unset: Redis Streams when REDIS_URL is
 * set, else in-process (one process only). `aws`: one SNS topic, one SQS queue per consuming service.
 */
export const busEnv = {
  EVENT_BUS: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['memory', 'redis', 'aws']).optional()),
  REDIS_URL: optionalUrl,
  /** The Redis stream of the Redis bus. */
  EVENT_STREAM: z.string().min(1).default('shop:events'),
  AWS_REGION: z.string().default('us-east-1'),
  AWS_ENDPOINT_URL: optionalUrl,
  /** SNS and SQS endpoints other than AWS's, each falling back to AWS_ENDPOINT_URL. */
  SNS_ENDPOINT: optionalUrl,
  SQS_ENDPOINT: optionalUrl,
  /** The SNS topic every event is published to: a name, or the ARN of a topic the infrastructure made. */
  EVENT_TOPIC: z
    .string()
    .regex(
      // eslint-disable-next-line security/detect-unsafe-regex -- anchored, one optional prefix of disjoint parts: linear
      /^(arn:aws[\w-]*:sns:[a-z0-9-]+:\d{12}:)?[\w-]{1,256}$/,
      'a topic name (letters, digits, - and _) or an SNS topic ARN',
    )
    .default('shop-events'),
  /** Make or update the topic, queues, dead-letter queues and subscriptions at start; false where the infrastructure owns them. */
  EVENT_PROVISION: boolFlag(true),
  /** Queue names are `<prefix><consumer>-events`, with `-dlq` for their dead letters. */
  EVENT_QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]{0,40}$/, 'letters, digits, - and _ only')
    .default('shop-'),
  /** Receives of one message before SQS moves it to the dead-letter queue. */
  EVENT_MAX_RECEIVES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Seconds a received message stays hidden from other consumers; a handler must finish within it. */
  EVENT_VISIBILITY_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(43200).default(60),
  /** Long-poll wait of each receive (0–20 s). */
  EVENT_WAIT_SECONDS: z.coerce.number().int().min(0).max(20).default(20),
};

/** The bus settings alone, for a process that hosts several services on one bus (`npm start`). */
export const busConfigSchema = z.object(busEnv);

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
    ...busEnv,
    DYNAMODB_ENDPOINT: optionalUrl,
    DYNAMODB_TABLE_PREFIX: z.string().default('shop_'),
    SEED_DEMO_DATA: boolFlag(true),
    /** The most items a list input (cart lines, line ids, tags, topics…) may hold unless the subgraph sets a tighter bound. */
    MAX_INPUT_LIST_ITEMS: z.coerce.number().int().positive().max(10_000).default(DEFAULT_MAX_INPUT_ITEMS),
  };
}
