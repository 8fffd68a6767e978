// A whole shop (gateway and five subgraphs) on the real datastores, for tests that go through the gateway.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  freePort,
  gql,
  TEST_SECRET,
  testDynamo,
  testLogger,
  testRedisUrl,
  type TestDatabase,
} from '@shop/testkit';
import { portsEnv, startShop, type RunningShop } from '../scripts/start';

export interface RealShop {
  url: string;
  /** Signs in (the seeded admin by default) and returns headers carrying the session. */
  signIn: (email?: string, password?: string) => Promise<Record<string, string>>;
  /** Registers a new shopper and returns headers carrying their session. */
  newShopper: () => Promise<Record<string, string>>;
  /** Each service's database (users, catalog, orders, shipping), for tests that read what was written. */
  databaseUrls: Record<string, string>;
  /** The Redis stream the shop's bus runs on, for tests that deliver an event again. */
  eventStream: string;
  /** The users subgraph's database (for state only an older release could have made). */
  usersDb: TestDatabase['db'];
  stop: () => Promise<void>;
}

/**
 * The gateway and five subgraphs as `npm start` runs them, each test run with stores of its own: fresh
 * databases on the real Postgres (or PGlite when `embedded`), a DynamoDB table prefix, and Redis key prefixes and
 * an event stream no other run shares (or no Redis when `embedded`).
 */
export async function startTestShop(
  label: string,
  options: { embedded?: boolean; env?: Record<string, string | undefined> } = {},
): Promise<{
  shop: RunningShop;
  databaseUrls: Record<string, string>;
  eventStream: string;
  stop: () => Promise<void>;
  usersDb?: TestDatabase['db'];
}> {
  const databases: TestDatabase[] = [];
  if (!options.embedded) {
    for (const name of ['users', 'catalog', 'orders', 'shipping'])
      databases.push(await createTestDatabase(`${label}_${name}`));
  }
  const { endpoint, prefix } = testDynamo();
  const eventStream = `test:events:${randomUUID()}`;
  const ports = await Promise.all(Array.from({ length: 6 }, freePort));
  const shop = await startShop(
    {
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      SHIPPING_RATE_SECRET: randomBytes(32).toString('base64url'),
      DATA_DIR: mkdtempSync(join(tmpdir(), `shop-${label}-`)),
      USERS_DATABASE_URL: databases[0]?.url,
      CATALOG_DATABASE_URL: databases[1]?.url,
      ORDERS_DATABASE_URL: databases[2]?.url,
      SHIPPING_DATABASE_URL: databases[3]?.url,
      DYNAMODB_ENDPOINT: endpoint,
      DYNAMODB_TABLE_PREFIX: prefix,
      REDIS_URL: options.embedded ? undefined : testRedisUrl(),
      SHARED_CACHE_PREFIX: `test:${randomUUID()}:shop:`,
      CACHE_KEY_PREFIX: `test:${randomUUID()}:catalog:`,
      EVENT_STREAM: eventStream,
      // Login and registration limits count per client address: this run's counters are its own.
      REDIS_KEY_PREFIX: `test:users:${randomUUID()}:`,
      ...portsEnv(ports),
      METRICS_PORT: '0',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    testLogger,
  );
  return {
    shop,
    databaseUrls: Object.fromEntries(
      ['users', 'catalog', 'orders', 'shipping'].flatMap((name, i) =>
        databases[i] ? [[name, databases[i].url]] : [],
      ),
    ),
    eventStream,
    usersDb: databases[0]?.db,
    stop: async () => {
      await shop.stop();
      for (const db of databases) await db.drop();
    },
  };
}

export async function startRealShop(label: string, env: Record<string, string> = {}): Promise<RealShop> {
  const { shop, stop, databaseUrls, eventStream, usersDb } = await startTestShop(label, { env });
  const url = shop.gatewayUrl;
  const signIn = async (email = 'admin@shop.local', password = 'demo-admin-passphrase-2026') => {
    const { body } = await gql<{ customerLogin: { accessToken: string | null } }>(
      url,
      'mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken } }',
      { input: { email, password } },
    );
    const token = body.data?.customerLogin.accessToken;
    if (!token) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
    return { authorization: `Bearer ${token}` };
  };
  const newShopper = async () => {
    const email = `shopper.${randomUUID().slice(0, 8)}@example.com`;
    const password = 'correct horse battery staple';
    const { body } = await gql(
      url,
      'mutation($input: CustomerRegisterInput!) { customerRegister(input: $input) { userErrors { code } } }',
      { input: { email, password, firstName: 'Ada', lastName: 'Lovelace' } },
    );
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return signIn(email, password);
  };
  return {
    url,
    signIn,
    newShopper,
    databaseUrls,
    eventStream,
    usersDb: usersDb!,
    stop,
  };
}
