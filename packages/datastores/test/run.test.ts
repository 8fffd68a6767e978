import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseConfig, serviceEnv, type Env } from '@shop/common';
import { TEST_SECRET, testRedis, testRedisUrl } from '@shop/testkit';
import { serviceRuntime, type DomainEvent } from '../src';

// The config every subgraph reads besides its own settings (each subgraph's configSchema spreads serviceEnv).
const schema = z.object(serviceEnv(4999));
const loadConfig = (env: Env) => parseConfig(schema, { INTERNAL_AUTH_SECRET: TEST_SECRET, ...env });

function event(): DomainEvent {
  return {
    id: randomUUID(),
    topic: 'thing.happened',
    source: 'test',
    occurredAt: new Date().toISOString(),
    payload: {},
  };
}

describe('A service process', () => {
  it('When EVENT_STREAM names a stream, then the bus the service starts with publishes to that Redis stream', async () => {
    const stream = `test:events:${randomUUID()}`;
    const { config, bus } = serviceRuntime('test', loadConfig, {
      REDIS_URL: testRedisUrl(),
      EVENT_STREAM: stream,
      LOG_LEVEL: 'silent',
    });
    // A client that queues its commands until it is connected (the test reads as soon as it starts).
    const { redis } = testRedis();
    try {
      expect(config.EVENT_STREAM).toBe(stream);
      await bus.publish([event(), event()]);
      expect(await redis.xlen(stream)).toBe(2);
    } finally {
      await bus.close();
      await redis.del(stream, `${stream}:epoch`);
      redis.disconnect();
    }
  });

  it('When EVENT_STREAM is set but empty, then the service refuses to start, naming the setting', () => {
    expect(() =>
      serviceRuntime('test', loadConfig, {
        REDIS_URL: testRedisUrl(),
        EVENT_STREAM: '',
        LOG_LEVEL: 'silent',
      }),
    ).toThrow('EVENT_STREAM');
  });
});
