// What tests share: real datastores isolated per test (a database, a table prefix, a key prefix) and signed identities.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';
import { IDENTITY_HEADER, createLogger, signIdentity, type Logger, type Principal } from '@shop/common';
import { createDynamo, pgDatabase, type Dynamo, type SqlDatabase, type SqlExecutor } from '@shop/datastores';

export { freePort } from './ports';
export { privateDynamo, privatePostgres, privateRedis, type PrivateServer } from './faults';
export { MOTO_VERSION, startMoto, type MotoServer } from './moto';
export * from './aws';
export { testOpenSearchUrl } from './opensearch';

export const TEST_SECRET = 'test-internal-auth-secret-0123456789abcdef';

export const testLogger: Logger = createLogger('test', process.env.TEST_LOG_LEVEL ?? 'silent');

function suffix(): string {
  return randomBytes(5).toString('hex');
}

function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  url: string;
  db: SqlDatabase;
  drop: () => Promise<void>;
}

/** A fresh database on the real Postgres server, dropped by `drop()`. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `test_${label.replace(/\W/g, '_').toLowerCase()}_${suffix()}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = pgDatabase({ connectionString: url.toString(), max: 5 });
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.close();
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestDynamo {
  dynamo: Dynamo;
  endpoint: string;
  /** A table prefix no other test uses. */
  prefix: string;
}

export function testDynamo(): TestDynamo {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error(
      'TEST_DYNAMODB_ENDPOINT is not set: run tests through jest (global setup starts DynamoDB Local)',
    );
  return { dynamo: createDynamo({ endpoint, region: 'us-east-1' }), endpoint, prefix: `t${suffix()}_` };
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export function testRedis(): { redis: Redis; prefix: string } {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  return { redis, prefix: `test:${suffix()}:` };
}

/**
 * Headers that make an in-process request look as if it came through the gateway (or, for a service principal,
 * from that service), signed for `audience`, the service called.
 */
export function identityHeaders(
  principal: Principal,
  audience: string,
  secret = TEST_SECRET,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    [IDENTITY_HEADER]: signIdentity(
      { principal, requestId: randomUUID(), clientIp: '127.0.0.1', audience },
      secret,
    ),
  };
}

export const anonymous: Principal = { kind: 'anonymous' };

export function customer(customerId = randomUUID(), role: 'CUSTOMER' | 'ADMIN' = 'CUSTOMER'): Principal {
  return { kind: 'customer', customerId, role, sessionId: randomUUID() };
}

export function admin(customerId = randomUUID()): Principal {
  return customer(customerId, 'ADMIN');
}

export const service = (name: string): Principal => ({ kind: 'service', service: name });

export interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL operation to a running subgraph or gateway. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

/** Resolves once `check` holds, polling; rejects after `ms`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  ms = 10_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from './browser';

/**
 * Resolves once every outbox event of `db` is marked sent: the relay has published it, and on the in-process
 * bus every consumer has handled it. What a test waits on before asserting that something did not happen.
 */
export async function outboxDrained(db: SqlExecutor, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL',
    );
    if (rows[0]!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0]!.n} outbox events still unsent`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
