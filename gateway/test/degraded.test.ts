// The gateway with its own dependencies down: a private DynamoDB Local and a private Redis, really stopped and
// started by the test, and a users service address where nothing listens.
import { SessionStore, sessionTables } from '@shop/auth';
import { createCache, createDynamo, ensureTables } from '@shop/datastores';
import {
  freePort,
  gql,
  privateDynamo,
  privateRedis,
  testLogger,
  waitFor,
  type PrivateServer,
} from '@shop/testkit';
import { startProbe, type Probe } from './probe';

const PREFIX = 'degraded_';

async function bearer(url: string, token: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ whoami }' }),
  });
  const body = (await response.json()) as {
    data?: { whoami: string };
    errors?: { extensions?: { code?: string } }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

describe('Gateway with its dependencies down', () => {
  let dynamo: PrivateServer & { endpoint: string };
  let redis: PrivateServer;
  let probe: Probe;

  beforeAll(async () => {
    dynamo = await privateDynamo();
    redis = await privateRedis();
    // Neither is started yet, and nothing listens at the users service's address.
    probe = await startProbe({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: PREFIX,
      REDIS_URL: redis.url,
      USERS_URL: `http://127.0.0.1:${await freePort()}`,
      SERVICE_TIMEOUT_MS: '1000',
    });
  });

  afterAll(async () => {
    await probe?.close();
    await dynamo?.destroy();
    await redis?.destroy();
  });

  it('When DynamoDB, Redis and the users service are down at start, then the gateway starts and serves anonymous traffic', async () => {
    const { status, body } = await gql<{ whoami: string }>(probe.gatewayUrl, '{ whoami }');
    expect(status).toBe(200);
    expect(JSON.parse(body.data!.whoami).principal).toEqual({ kind: 'anonymous' });
  });

  it('When the session store is unreachable, then a bearer request answers 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const answer = await bearer(probe.gatewayUrl, 'a'.repeat(43));
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toMatch(/^\d+$/);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('When the users service is unreachable, then a partner key answers 503 SERVICE_UNAVAILABLE, not 500', async () => {
    const response = await fetch(probe.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'pk_live_whatever' },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('When DynamoDB and Redis come back, then bearer requests resolve again without a restart, and a second outage answers 503 again', async () => {
    await Promise.all([dynamo.start(), redis.start()]);
    const store = createDynamo({ endpoint: dynamo.endpoint, region: 'us-east-1' });
    const cache = createCache({ redisUrl: redis.url, logger: testLogger, prefix: 'shop:' });
    try {
      await ensureTables(store.client, sessionTables(PREFIX));
      const sessions = new SessionStore(store, cache, PREFIX);
      const { token } = await sessions.create({
        customerId: 'c-back',
        role: 'CUSTOMER',
        rememberMe: false,
        device: null,
      });
      await waitFor(
        async () => (await bearer(probe.gatewayUrl, token)).status === 200,
        30_000,
        'the session to resolve',
      );
      expect(JSON.parse((await bearer(probe.gatewayUrl, token)).body.data!.whoami).principal).toMatchObject({
        kind: 'customer',
        customerId: 'c-back',
      });

      // Redis down alone: the session cache misses and DynamoDB answers.
      await redis.stop();
      expect((await bearer(probe.gatewayUrl, token)).status).toBe(200);
      const { token: second } = await sessions.create({
        customerId: 'c-2',
        role: 'CUSTOMER',
        rememberMe: false,
        device: null,
      });

      // DynamoDB down as well: an uncached token cannot be checked, and says so.
      await dynamo.stop();
      const refused = await bearer(probe.gatewayUrl, second);
      expect(refused.status).toBe(503);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await gql(probe.gatewayUrl, '{ whoami }')).status).toBe(200);
    } finally {
      store.client.destroy();
      await cache.close();
    }
  });
});
