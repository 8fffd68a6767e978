// Throttling through the gateway on the real datastores: a caller's bucket of cost, refilled at its rate, held
// in Redis and shared by every gateway instance; a caller over it gets 429 and never reaches a subgraph.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort, gql, TEST_SECRET, testDynamo, testRedisUrl, waitFor } from '@shop/testkit';
import type { RunningShop } from '../scripts/start';
import { startTestShop } from './real-shop';

const ROOT = join(__dirname, '..');
const RATE = 25;
const BUCKET_SECONDS = 2;
const MAX_COST = 40;
const CAPACITY = Math.max(RATE * BUCKET_SECONDS, MAX_COST);
const ONE_PRODUCT = '{ product(handle: "no-such-product") { id } }'; // 1
const NINE_PRODUCTS = '{ products(first: 9) { nodes { id } } }'; // 1 + 9

describe('Throttling through the gateway', () => {
  let shop: RunningShop;
  let stop: () => Promise<void>;
  let second: ChildProcess | undefined;
  let secondUrl: string;
  let admin: Record<string, string>;
  let catalogCalls = 0;

  beforeAll(async () => {
    const dynamo = testDynamo();
    const env = {
      SHARED_CACHE_PREFIX: `test:${randomUUID()}:shop:`,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: dynamo.prefix,
      REDIS_URL: testRedisUrl(),
      INTERNAL_AUTH_SECRET: TEST_SECRET,
      MAX_QUERY_COST: String(MAX_COST),
      THROTTLE_ANONYMOUS_COST_PER_SECOND: String(RATE),
      THROTTLE_SHOPPER_COST_PER_SECOND: '100000',
      THROTTLE_BUCKET_SECONDS: String(BUCKET_SECONDS),
      // Each test below is its own client address.
      TRUSTED_PROXY_HOPS: '1',
    };
    ({ shop, stop } = await startTestShop('throttle', { env }));
    shop.subgraphs.catalog!.app.server.on('request', () => catalogCalls++);

    // A second gateway process on the same Redis and subgraphs.
    const port = await freePort();
    const urls = Object.fromEntries(
      Object.entries(shop.subgraphs).map(([name, s]) => [
        `SUBGRAPH_${name.toUpperCase()}_URL`,
        `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}/graphql`,
      ]),
    );
    second = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'gateway', 'src', 'index.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        ...env,
        ...urls,
        USERS_URL: urls.SUBGRAPH_USERS_URL!.replace('/graphql', ''),
        PORT: String(port),
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    secondUrl = `http://127.0.0.1:${port}/graphql`;
    await waitFor(
      async () => (await fetch(secondUrl.replace('/graphql', '/health')).catch(() => null))?.ok === true,
      60_000,
      'the second gateway',
    );
    const login = await gql<{ customerLogin: { accessToken: string } }>(
      shop.gatewayUrl,
      'mutation($input: CustomerLoginInput!) { customerLogin(input: $input) { accessToken } }',
      { input: { email: 'admin@shop.local', password: 'demo-admin-passphrase-2026' } },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    admin = { authorization: `Bearer ${login.body.data!.customerLogin.accessToken}` };
  }, 180_000);

  afterAll(async () => {
    second?.kill('SIGTERM');
    await stop?.();
  });

  const call = async (url: string, query: string, headers: Record<string, string>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as {
        data?: Record<string, unknown> | null;
        errors?: { extensions?: { code?: string } }[];
        extensions?: {
          cost?: {
            requestedQueryCost: number | null;
            actualQueryCost: number | null;
            throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
          };
        };
      },
    };
  };

  it('When a partner spends its bucket, then it gets 429 with Retry-After and THROTTLED without reaching a subgraph, and is admitted again after Retry-After', async () => {
    const { body } = await gql<{ apiKeyCreate: { key: string } }>(
      shop.gatewayUrl,
      'mutation { apiKeyCreate(name: "slow", scopes: ["catalog:read"], safelistOnly: false, costPerSecond: 10) { key } }',
      {},
      { ...admin, 'x-forwarded-for': '10.0.0.1' },
    );
    const key = { 'x-api-key': body.data!.apiKeyCreate.key, 'x-forwarded-for': '10.0.0.2' };
    // costPerSecond 10 × 2 s is under MAX_QUERY_COST: the bucket holds 40, four requests of 10.
    for (let i = 0; i < 4; i++) {
      const ok = await call(shop.gatewayUrl, NINE_PRODUCTS, key);
      expect(ok.status).toBe(200);
      expect(ok.body.extensions?.cost?.throttleStatus).toMatchObject({
        maximumAvailable: MAX_COST,
        restoreRate: 10,
      });
    }
    const before = catalogCalls;
    const refused = await call(shop.gatewayUrl, NINE_PRODUCTS, key);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
    // As Shopify's: what it asked for and the bucket it did not fit; nothing ran.
    expect(refused.body.extensions?.cost).toEqual({
      requestedQueryCost: 10,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: MAX_COST, currentlyAvailable: expect.any(Number), restoreRate: 10 },
    });
    expect(refused.body.extensions!.cost!.throttleStatus.currentlyAvailable).toBeLessThan(10);
    const wait = Number(refused.retryAfter);
    expect(wait).toBeGreaterThanOrEqual(1);
    // The other gateway shares the bucket.
    expect((await call(secondUrl, NINE_PRODUCTS, key)).status).toBe(429);
    expect(catalogCalls).toBe(before);

    await new Promise((r) => setTimeout(r, wait * 1000));
    const again = await call(shop.gatewayUrl, NINE_PRODUCTS, key);
    expect(again.status).toBe(200);
    expect(catalogCalls).toBeGreaterThan(before);
  });

  it('When a request returns less than it asked for, then the difference goes back to the bucket both gateways share', async () => {
    const { body } = await gql<{ apiKeyCreate: { key: string } }>(
      shop.gatewayUrl,
      'mutation { apiKeyCreate(name: "refunded", scopes: ["catalog:read"], safelistOnly: false, costPerSecond: 1) { key } }',
      {},
      { ...admin, 'x-forwarded-for': '10.0.0.1' },
    );
    const key = { 'x-api-key': body.data!.apiKeyCreate.key, 'x-forwarded-for': '10.0.0.4' };
    // Asks for 1 + 2 × (1 + 10 assumed variants) = 23 of a bucket of 40 (1 per second: it barely refills).
    const NESTED = '{ products(first: 2) { nodes { id variants { id } } } }';
    const actualOf = (data: Record<string, unknown> | null | undefined) =>
      1 +
      (data as { products: { nodes: { variants: unknown[] }[] } }).products.nodes.reduce(
        (sum, n) => sum + 1 + n.variants.length,
        0,
      );
    const started = performance.now();
    const first = await call(shop.gatewayUrl, NESTED, key);
    expect(first.status).toBe(200);
    const spent = actualOf(first.body.data);
    expect(first.body.extensions?.cost).toMatchObject({ requestedQueryCost: 23, actualQueryCost: spent });
    // Charged 23 alone, the bucket would hold 17 and refuse the next 23: the refund is what admits it, on the
    // other gateway.
    expect(spent).toBeLessThan(23);
    const second = await call(secondUrl, NESTED, key);
    expect(second.status).toBe(200);
    const spentAgain = actualOf(second.body.data);
    const refilled = Math.ceil((performance.now() - started) / 1000);
    const left = second.body.extensions!.cost!.throttleStatus.currentlyAvailable;
    expect(left).toBeGreaterThanOrEqual(MAX_COST - spent - spentAgain);
    expect(left).toBeLessThanOrEqual(Math.min(MAX_COST, MAX_COST - spent - spentAgain + refilled));
  });

  it('When one request costs more than the maximum, then COST_LIMIT_EXCEEDED with its cost and the bucket, and nothing taken', async () => {
    const address = { 'x-forwarded-for': '10.0.0.5' };
    const tooMuch = await call(shop.gatewayUrl, '{ products(first: 50) { nodes { id } } }', address);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(tooMuch.body.extensions?.cost).toEqual({
      requestedQueryCost: 51,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: CAPACITY, currentlyAvailable: CAPACITY, restoreRate: RATE },
    });
  });

  it('When 50 clients at once share one bucket through two gateways, then together they are admitted within 5% of what the bucket allows', async () => {
    const address = { 'x-forwarded-for': '10.0.0.3' };
    const cost = 1;
    let admitted = 0;
    let refused = 0;
    const started = performance.now();
    const until = started + 4000;
    let lastSent = started;
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const url = i % 2 === 0 ? shop.gatewayUrl : secondUrl;
        while (performance.now() < until) {
          lastSent = Math.max(lastSent, performance.now());
          const answer = await call(url, ONE_PRODUCT, address);
          if (answer.status === 200) admitted++;
          else if (answer.status === 429) refused++;
          else throw new Error(`unexpected ${answer.status}: ${JSON.stringify(answer.body)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    // The bucket starts full at the first request and refills until the last one is taken.
    const elapsed = (lastSent - started) / 1000;
    const allowed = CAPACITY + RATE * elapsed;
    expect(refused).toBeGreaterThan(0);
    const off = Math.abs(admitted * cost - allowed) / allowed;
    if (off > 0.05)
      throw new Error(
        `admitted ${admitted * cost} of ${allowed.toFixed(1)} allowed (${refused} refused, ${elapsed.toFixed(2)} s)`,
      );
    expect(off).toBeLessThanOrEqual(0.05);
  });
});
