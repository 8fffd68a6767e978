// Builds the users subgraph: Postgres (customers), DynamoDB (sessions), Redis (session cache, login throttling).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, parse, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import {
  createSubgraph,
  emailSenderFor,
  PARTNER_SCOPES,
  singleCredentialCheckPlugin,
  type Logger,
  type ServiceHandle,
  loadLimitsOf,
} from '@shop/common';
import { SessionStore, sessionTables, type SessionPolicy } from '@shop/auth';
import { apiKeyResolve, endpointRoute, ok, persistedDocumentResolve } from '@shop/contracts';
import {
  connectRedis,
  createCache,
  createDynamo,
  ensureTables,
  loadMigrations,
  migrate,
  openSqlDatabase,
  OUTBOX_MIGRATIONS,
  SqlOutboxRelay,
  type EventBus,
} from '@shop/datastores';
import { decodeKey, seedAdminPassword, type Config } from './config';
import { buildContext, type UsersDeps } from './context';
import { MemoryCounterStore, RedisCounterStore } from './data/counters';
import { customersRepo, EmailTakenError } from './data/customers';
import { resolveApiKey } from './domain/api-keys';
import { parseFirstPartyManifests, publishFirstPartyManifests } from './domain/first-party-clients';
import { resolvePersistedDocument } from './domain/persisted-documents';
import { checkPasswordPolicy, createPasswordHasher, type PasswordHasher } from './domain/passwords';
import { LoginThrottle, SendLimiter } from './domain/throttle';
import { normaliseEmail } from './domain/validation';
import { resolvers } from './resolvers';

export function sessionPolicy(config: Config): SessionPolicy {
  return {
    idleSeconds: config.SESSION_IDLE_SECONDS,
    rememberIdleSeconds: config.SESSION_REMEMBER_IDLE_SECONDS,
    absoluteSeconds: config.SESSION_ABSOLUTE_SECONDS,
    cacheSeconds: config.SESSION_CACHE_SECONDS,
  };
}

/** Creates the seed ADMIN when missing; an existing account is left as it is (its password is never reset). */
async function seedAdmin(
  deps: Pick<UsersDeps, 'db' | 'logger'>,
  hasher: PasswordHasher,
  config: Config,
): Promise<void> {
  const email = config.SEED_ADMIN_EMAIL ? normaliseEmail(config.SEED_ADMIN_EMAIL) : undefined;
  const password = seedAdminPassword(config);
  if (!email || !password) return;
  if (await customersRepo.byEmail(deps.db, email)) return;
  if (checkPasswordPolicy(password, ['SEED_ADMIN_PASSWORD']).length) {
    deps.logger.error(
      'SEED_ADMIN_PASSWORD does not meet the password policy; the admin account was not created',
    );
    return;
  }
  try {
    await customersRepo.insert(deps.db, {
      email,
      passwordHash: await hasher.hash(password),
      firstName: 'Shop',
      lastName: 'Admin',
      role: 'ADMIN',
    });
    deps.logger.info({ email }, 'seed admin account created');
  } catch (error) {
    // Another instance created it at the same moment.
    if (!(error instanceof EmailTakenError)) throw error;
  }
}

export const DEMO_SHOPPER = { email: 'shopper@shop.local', password: 'demo-shopper-passphrase-2026' };

export async function createService(
  config: Config,
  runtime: { bus: EventBus; logger: Logger; now?: () => number },
): Promise<ServiceHandle & { deps: UsersDeps }> {
  const { bus, logger } = runtime;
  const mfaKey = decodeKey(config.MFA_ENCRYPTION_KEY);
  if (!mfaKey) throw new Error('MFA_ENCRYPTION_KEY is not 32 bytes');

  const db = await openSqlDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'users', 'pglite'),
  });
  const dynamo = createDynamo({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  // The gateway reads the same `session:<id>` and `apikey:<hash>` keys: same Redis, same prefix.
  const cache = createCache({ redisUrl: config.REDIS_URL, logger, prefix: config.SHARED_CACHE_PREFIX });
  const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL) : undefined;
  try {
    await migrate(db, [...OUTBOX_MIGRATIONS, ...loadMigrations(join(__dirname, '..', 'migrations'))]);
    await ensureTables(dynamo.client, sessionTables(config.DYNAMODB_TABLE_PREFIX));
  } catch (error) {
    await db.close();
    dynamo.client.destroy();
    await cache.close();
    redis?.disconnect();
    throw error;
  }

  const now = runtime.now ?? Date.now;
  const hasher = await createPasswordHasher();
  const sessions = new SessionStore(dynamo, cache, config.DYNAMODB_TABLE_PREFIX, sessionPolicy(config), now);
  const counters = redis
    ? new RedisCounterStore(redis, config.REDIS_KEY_PREFIX)
    : new MemoryCounterStore(now);
  const throttle = new LoginThrottle(
    counters,
    {
      accountMaxFailures: config.LOGIN_ACCOUNT_MAX_FAILURES,
      accountBaseLockSeconds: config.LOGIN_ACCOUNT_BASE_LOCK_SECONDS,
      accountMaxLockSeconds: config.LOGIN_ACCOUNT_MAX_LOCK_SECONDS,
      ipMaxFailures: config.LOGIN_IP_MAX_FAILURES,
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
      failMode: config.THROTTLE_FAIL_MODE,
    },
    logger,
  );
  const limits = new SendLimiter(
    counters,
    {
      registerIpMax: config.REGISTER_IP_MAX_ATTEMPTS,
      emailAddressMax: config.ACCOUNT_EMAIL_ADDRESS_MAX,
      emailIpMax: config.ACCOUNT_EMAIL_IP_MAX,
      windowSeconds: config.ACCOUNT_ABUSE_WINDOW_SECONDS,
      failMode: config.THROTTLE_FAIL_MODE,
    },
    logger,
  );
  const relay = new SqlOutboxRelay(db, bus, 'users', logger);
  const background = new Set<Promise<unknown>>();
  let supergraph: GraphQLSchema | undefined;

  const deps: UsersDeps = {
    db,
    cache,
    sessions,
    hasher,
    throttle,
    limits,
    email: emailSenderFor(config),
    logger,
    mfaKey,
    mfaIssuer: config.MFA_ISSUER,
    accountTokenTtlSeconds: config.ACCOUNT_TOKEN_TTL_SECONDS,
    storefrontUrl: config.STOREFRONT_URL,
    now,
    supergraph: () =>
      (supergraph ??= buildASTSchema(
        // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_PATH is the operator's configuration
        parse(readFileSync(config.SUPERGRAPH_PATH, 'utf8')),
        { assumeValidSDL: true },
      )),
    kickOutbox: () => relay.kick(),
    track: (work) => {
      background.add(work);
      void work.finally(() => background.delete(work));
    },
  };

  await seedAdmin(deps, hasher, config);
  await publishFirstPartyManifests(deps, parseFirstPartyManifests(config.FIRST_PARTY_MANIFESTS));
  // The demo shopper's password is public: never in production.
  if (config.SEED_DEMO_DATA && config.NODE_ENV !== 'production' && (await customersRepo.count(db)) <= 1) {
    try {
      await customersRepo.insert(db, {
        email: DEMO_SHOPPER.email,
        passwordHash: await hasher.hash(DEMO_SHOPPER.password),
        firstName: 'Demo',
        lastName: 'Shopper',
        role: 'CUSTOMER',
      });
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
    }
  }

  const subgraph = await createSubgraph({
    limits: loadLimitsOf(config),
    name: 'users',
    inputLimits: {
      defaultMaxItems: config.MAX_INPUT_LIST_ITEMS,
      maxItems: { 'Mutation.apiKeyCreate(scopes:)': PARTNER_SCOPES.length },
    },
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from this module's own directory, never from a request
    typeDefs: gql(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8')),
    resolvers,
    secret: config.INTERNAL_AUTH_SECRET,
    logger,
    buildContext: buildContext(deps),
    // The gateway refuses the same before planning; here it also holds for a plan that sends such a request whole.
    plugins: [singleCredentialCheckPlugin()],
    checkHealth: async () => {
      await db.query('SELECT 1');
    },
    routes: [
      // The gateway alone resolves a partner's key.
      endpointRoute(
        { secret: config.INTERNAL_AUTH_SECRET, service: 'users' },
        apiKeyResolve,
        async ({ key }) => {
          const partner = await resolveApiKey(db, key);
          return partner ? ok(apiKeyResolve, partner) : { status: 404, body: { error: 'NOT_FOUND' } };
        },
      ),
      // The gateway alone runs a partner client's published documents.
      endpointRoute(
        { secret: config.INTERNAL_AUTH_SECRET, service: 'users' },
        persistedDocumentResolve,
        async ({ clientName, id }) => {
          const document = await resolvePersistedDocument({ deps }, clientName ?? null, id);
          return document
            ? ok(persistedDocumentResolve, document)
            : { status: 404, body: { error: 'NOT_FOUND' } };
        },
      ),
    ],
  });

  return {
    subgraph,
    deps,
    start: () => relay.start(),
    close: async () => {
      await subgraph.close();
      await relay.stop();
      await Promise.allSettled([...background]);
      await db.close();
      dynamo.client.destroy();
      await cache.close();
      redis?.disconnect();
    },
  };
}
