import { z } from 'zod';
import { optionalString, optionalUrl, parseConfig, serviceEnv } from '@shop/common';

/** 32 bytes, given as 64 hex digits or base64; checked here so a bad key stops the process at start. */
const encryptionKey = z
  .string({ required_error: 'is required (32 bytes as 64 hex digits or base64)' })
  .refine((v) => decodeKey(v) !== null, 'must be 32 bytes as 64 hex digits or base64');

export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 32) return bytes;
  }
  return null;
}

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z.object({
  ...serviceEnv(4001),
  DATABASE_URL: optionalUrl,
  /** Prefix of this service's own Redis keys (login throttling). */
  REDIS_KEY_PREFIX: z.string().default('users:'),
  /**
   * Prefix of the cache the gateway shares (`session:<id>`, `apikey:<hash>`): it must equal the gateway's, so a
   * logout or a key revocation here clears the gateway's cached copy at once.
   */
  SHARED_CACHE_PREFIX: z.string().default('shop:'),

  /** AES-256-GCM key that encrypts TOTP secrets at rest. */
  MFA_ENCRYPTION_KEY: encryptionKey,
  /** The issuer an authenticator app shows next to the account. */
  MFA_ISSUER: z.string().min(1).max(64).default('Shop'),

  /** An ADMIN account created at start when missing. The password has a default outside production only. */
  SEED_ADMIN_EMAIL: optionalString.default('admin@shop.local'),
  SEED_ADMIN_PASSWORD: optionalString,
  /**
   * The shop's own clients published at start, as `client=path` pairs of Apollo persisted query manifests,
   * comma-separated (`npm start` sets `storefront=` the storefront's manifest).
   */
  FIRST_PARTY_MANIFESTS: optionalString,

  /** Session policy; the gateway must use the same values for its SessionStore. */
  SESSION_IDLE_SECONDS: seconds(30 * 60),
  SESSION_REMEMBER_IDLE_SECONDS: seconds(30 * 24 * 3600),
  SESSION_ABSOLUTE_SECONDS: seconds(90 * 24 * 3600),
  SESSION_CACHE_SECONDS: seconds(60),

  /** Failed logins before an account is locked for a delay that doubles with each further failure. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_ACCOUNT_BASE_LOCK_SECONDS: seconds(1),
  LOGIN_ACCOUNT_MAX_LOCK_SECONDS: seconds(15 * 60),
  /** Failed logins from one client address within the window before that address is refused (spraying). */
  LOGIN_IP_MAX_FAILURES: z.coerce.number().int().positive().default(100),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60),
  /**
   * What the login throttle and the registration and email caps do when their counters (Redis) cannot be read:
   * `open` (the default) lets the attempt through, since the password check still stands and a cache outage must
   * not lock every shopper out; `closed` refuses it as THROTTLED, for a shop that prefers an outage to a window
   * without brute-force limits.
   */
  THROTTLE_FAIL_MODE: z.enum(['open', 'closed']).default('open'),

  /** Registrations from one client address per window (each costs an argon2id hash). */
  REGISTER_IP_MAX_ATTEMPTS: z.coerce.number().int().positive().default(20),
  /** Account emails (verification, password reset) to one address per window; also the email changes one account may try. */
  ACCOUNT_EMAIL_ADDRESS_MAX: z.coerce.number().int().positive().default(5),
  ACCOUNT_EMAIL_IP_MAX: z.coerce.number().int().positive().default(30),
  ACCOUNT_ABUSE_WINDOW_SECONDS: seconds(3600),

  /** Lifetime of email verification and password reset tokens. */
  ACCOUNT_TOKEN_TTL_SECONDS: seconds(15 * 60),
  /** The composed supergraph, the gateway's: partners' published documents must validate against it. */
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  /** Where links in emails point (the storefront). */
  STOREFRONT_URL: z.string().url().default('http://127.0.0.1:4000'),
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseConfig(configSchema, env);
}

/** The seed admin's password: the configured one, or the demo default outside production. */
export const DEMO_ADMIN_PASSWORD = 'demo-admin-passphrase-2026';
export function seedAdminPassword(config: Config): string | undefined {
  return config.SEED_ADMIN_PASSWORD ?? (config.NODE_ENV === 'production' ? undefined : DEMO_ADMIN_PASSWORD);
}
