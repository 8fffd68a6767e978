// Starts a real catalog service on a fresh Postgres database (seeded with the demo catalog), real Redis and DynamoDB Local.
import { randomBytes } from 'node:crypto';
import { InProcessBus } from '@shop/datastores';
import {
  TEST_SECRET,
  createTestDatabase,
  testDynamo,
  testLogger,
  testRedisUrl,
  type TestDatabase,
} from '@shop/testkit';
import { loadConfig } from '../src/config';
import { createService } from '../src/service';

export interface TestCatalog {
  url: string;
  baseUrl: string;
  db: TestDatabase;
  bus: InProcessBus;
  service: Awaited<ReturnType<typeof createService>>;
  cachePrefix: string;
  sql: string[];
  close: () => Promise<void>;
}

export async function startCatalog(
  label: string,
  options: { seed?: boolean; behaviour?: boolean; env?: Record<string, string> } = {},
): Promise<TestCatalog> {
  const db = await createTestDatabase(label);
  const bus = new InProcessBus(testLogger);
  const cachePrefix = `test:${randomBytes(5).toString('hex')}:catalog:`;
  const sql: string[] = [];
  const dynamo = options.behaviour ? testDynamo() : null;
  const config = loadConfig({
    INTERNAL_AUTH_SECRET: TEST_SECRET,
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl(),
    CACHE_KEY_PREFIX: cachePrefix,
    SEED_DEMO_DATA: options.seed === false ? 'false' : 'true',
    BEHAVIOUR_ENABLED: options.behaviour ? 'true' : 'false',
    ...(dynamo ? { DYNAMODB_ENDPOINT: dynamo.endpoint, DYNAMODB_TABLE_PREFIX: dynamo.prefix } : {}),
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const service = await createService(config, {
    bus,
    logger: testLogger,
    onSqlQuery: (text) => sql.push(text),
  });
  service.start();
  const port = await service.subgraph.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `${baseUrl}/graphql`,
    baseUrl,
    db,
    bus,
    service,
    cachePrefix,
    sql,
    close: async () => {
      await service.close();
      await bus.close();
      await db.drop();
    },
  };
}

/** Waits until `check` passes (events are delivered asynchronously by the outbox relay). */
export async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
