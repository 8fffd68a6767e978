// The login throttle and the send caps with their counters' Redis really stopped (a private redis-server).
import { connectRedis } from '@shop/datastores';
import { privateRedis, testLogger, type PrivateServer } from '@shop/testkit';
import { RedisCounterStore } from '../src/data/counters';
import { LoginThrottle, SendLimiter } from '../src/domain/throttle';

const ready = (redis: ReturnType<typeof connectRedis>) =>
  new Promise<void>((resolve) =>
    redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve()),
  );

describe('Throttling while Redis is down', () => {
  let redis: PrivateServer;
  let client: ReturnType<typeof connectRedis>;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    client = connectRedis(redis.url);
    await ready(client);
  });

  afterAll(async () => {
    client?.disconnect();
    await redis?.destroy();
  });

  const policy = {
    accountMaxFailures: 5,
    accountBaseLockSeconds: 60,
    accountMaxLockSeconds: 900,
    ipMaxFailures: 100,
    windowSeconds: 900,
  };
  const sends = { registerIpMax: 10, emailAddressMax: 5, emailIpMax: 20, windowSeconds: 3600 };

  it('When the counters are reachable, then attempts are counted; when Redis stops, then they fail open by default and closed when configured', async () => {
    const store = new RedisCounterStore(client, 'throttle-outage:');
    const open = new LoginThrottle(store, policy, testLogger);
    const closed = new LoginThrottle(store, { ...policy, failMode: 'closed' }, testLogger);
    const openSends = new SendLimiter(store, sends, testLogger);
    const closedSends = new SendLimiter(store, { ...sends, failMode: 'closed' }, testLogger);

    const up = await closed.begin('ada@example.com', '203.0.113.7');
    expect(up.blocked).toBe(false);
    await up.done();
    expect(await closedSends.allowRegistration('203.0.113.7')).toBe(true);

    await redis.stop();
    expect((await open.begin('ada@example.com', '203.0.113.7')).blocked).toBe(false);
    expect((await closed.begin('ada@example.com', '203.0.113.7')).blocked).toBe(true);
    expect(await openSends.allowRegistration('203.0.113.7')).toBe(true);
    expect(await closedSends.allowEmail('ada@example.com', '203.0.113.7')).toBe(false);

    await redis.start();
    await ready(client);
    expect((await closed.begin('ada@example.com', '203.0.113.7')).blocked).toBe(false);
  });
});
