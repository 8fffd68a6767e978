// Starts the users service on real datastores for a test file, and the GraphQL calls the tests share.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '@shop/auth';
import { InProcessBus } from '@shop/datastores';
import {
  createTestDatabase,
  gql,
  identityHeaders,
  testDynamo,
  testLogger,
  testRedisUrl,
  TEST_SECRET,
  type TestDatabase,
} from '@shop/testkit';
import type { Principal } from '@shop/common';
import { loadConfig } from '../src/config';
import { createService } from '../src/service';

export const TEST_MFA_KEY = randomBytes(32).toString('base64');

export interface Harness {
  url: string;
  db: TestDatabase;
  service: Awaited<ReturnType<typeof createService>>;
  bus: InProcessBus;
  dataDir: string;
  clock: { now: number };
  dynamoEndpoint: string;
  tablePrefix: string;
  close: () => Promise<void>;
}

export async function startUsers(
  env: Record<string, string> = {},
  options: { fakeClock?: boolean } = {},
): Promise<Harness> {
  const db = await createTestDatabase('users');
  const { endpoint, prefix, dynamo } = testDynamo();
  const dataDir = mkdtempSync(join(tmpdir(), 'users-'));
  const clock = { now: Date.now() };
  const config = loadConfig({
    NODE_ENV: 'test',
    INTERNAL_AUTH_SECRET: TEST_SECRET,
    DATABASE_URL: db.url,
    DYNAMODB_ENDPOINT: endpoint,
    DYNAMODB_TABLE_PREFIX: prefix,
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: `test:users:${randomBytes(4).toString('hex')}:`,
    SEED_DEMO_DATA: 'false',
    MFA_ENCRYPTION_KEY: TEST_MFA_KEY,
    DATA_DIR: dataDir,
    // Every test calls from 127.0.0.1: the per-address caps are tested on their own harnesses.
    REGISTER_IP_MAX_ATTEMPTS: '100000',
    ACCOUNT_EMAIL_IP_MAX: '100000',
    ...env,
  });
  const bus = new InProcessBus(testLogger);
  const service = await createService(config, {
    bus,
    logger: testLogger,
    now: options.fakeClock ? () => clock.now : undefined,
  });
  service.start();
  const port = await service.subgraph.app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    db,
    service,
    bus,
    dataDir,
    clock,
    dynamoEndpoint: endpoint,
    tablePrefix: prefix,
    close: async () => {
      await service.close();
      await bus.close();
      dynamo.client.destroy();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The principal the gateway would forward for this token. */
export function sessionPrincipal(
  customerId: string,
  token: string,
  role: 'CUSTOMER' | 'ADMIN' = 'CUSTOMER',
): Principal {
  return { kind: 'customer', customerId, role, sessionId: hashToken(token) };
}

export function uniqueEmail(label = 'shopper'): string {
  return `${label}.${randomBytes(4).toString('hex')}@example.com`;
}

export const STRONG_PASSWORD = 'violet-harbour-lantern-42';

export interface UserErrorShape {
  code: string;
  field: string[] | null;
  message: string;
}

export async function call<T = Record<string, unknown>>(
  h: Harness,
  query: string,
  variables: Record<string, unknown> = {},
  principal: Principal = { kind: 'anonymous' },
) {
  const res = await gql<T>(h.url, query, variables, identityHeaders(principal, 'users'));
  return res;
}

export const REGISTER = `mutation($input: CustomerRegisterInput!) {
  customerRegister(input: $input) { customer { id email firstName lastName role mfaEnabled emailVerified createdAt } userErrors { code field message } }
}`;

export const LOGIN = `mutation($input: CustomerLoginInput!) {
  customerLogin(input: $input) { accessToken expiresAt mfaRequired customer { id email } userErrors { code field message } }
}`;

export interface RegisterData {
  customerRegister: {
    customer: {
      id: string;
      email: string;
      firstName: string | null;
      role: string;
      mfaEnabled: boolean;
      emailVerified: boolean;
      createdAt: string;
    } | null;
    userErrors: UserErrorShape[];
  };
}

export interface LoginData {
  customerLogin: {
    accessToken: string | null;
    expiresAt: string | null;
    mfaRequired: boolean;
    customer: { id: string; email: string } | null;
    userErrors: UserErrorShape[];
  };
}

export async function registerCustomer(h: Harness, email = uniqueEmail(), password = STRONG_PASSWORD) {
  const res = await call<RegisterData>(h, REGISTER, {
    input: { email, password, firstName: 'Ada', lastName: 'Lovelace' },
  });
  // Registration answers alike for a new and a taken address: the account's id comes from the database.
  if (res.body.data?.customerRegister.userErrors.length !== 0)
    throw new Error(`registration failed: ${JSON.stringify(res.body)}`);
  const { rows } = await h.db.db.query<{ id: string }>('SELECT id FROM customers WHERE email = $1', [
    email.trim().toLowerCase(),
  ]);
  if (!rows[0]) throw new Error(`registration created no account: ${JSON.stringify(res.body)}`);
  return { id: rows[0].id, email, password };
}

export async function loginCustomer(
  h: Harness,
  email: string,
  password = STRONG_PASSWORD,
  extra: Record<string, unknown> = {},
) {
  const res = await call<LoginData>(h, LOGIN, { input: { email, password, ...extra } });
  return res.body.data!.customerLogin;
}

/** Registers and signs in; returns the principal the gateway would forward. */
export async function signedInCustomer(h: Harness) {
  const { id, email, password } = await registerCustomer(h);
  const login = await loginCustomer(h, email, password);
  if (!login.accessToken) throw new Error(`login failed: ${JSON.stringify(login)}`);
  return {
    id,
    email,
    password,
    token: login.accessToken,
    principal: sessionPrincipal(id, login.accessToken),
  };
}

/** A signed-in customer principal for an existing id (the testkit's `customer()` wants a UUID-typed id). */
export function asCustomer(customerId: string): Principal {
  return { kind: 'customer', customerId, role: 'CUSTOMER', sessionId: hashToken(`unused-${customerId}`) };
}

export function tableOf(h: Harness): { endpoint: string; prefix: string } {
  return { endpoint: h.dynamoEndpoint, prefix: h.tablePrefix };
}
