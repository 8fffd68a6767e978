import { connectRedis, MemoryCache, RedisCache, type Cache } from '../src';
import { testLogger, testRedisUrl } from '@shop/testkit';
import { randomUUID } from 'node:crypto';

async function contract(cache: Cache) {
  const key = randomUUID();
  expect(await cache.get(key)).toBeUndefined();
  await cache.set(key, { a: 1 }, 60);
  expect(await cache.get(key)).toEqual({ a: 1 });
  await cache.del(key);
  expect(await cache.get(key)).toBeUndefined();
}

describe('Cache port', () => {
  it('When values are set, read and deleted in Redis, then reads see each change', async () => {
    const redis = connectRedis(testRedisUrl());
    await new Promise((r) => redis.once('ready', r));
    const cache = new RedisCache(redis, testLogger, `test:${randomUUID()}:`);
    await contract(cache);
    await cache.close();
  });

  it('When the same contract runs in memory, then it behaves the same and expires entries', async () => {
    const cache = new MemoryCache();
    await contract(cache);
    await cache.set('short', 1, 0.05);
    await new Promise((r) => setTimeout(r, 80));
    expect(await cache.get('short')).toBeUndefined();
  });

  it('When Redis is unreachable, then reads are misses and writes are dropped, never errors', async () => {
    const cache = new RedisCache(connectRedis('redis://127.0.0.1:1'), testLogger);
    await expect(cache.get('k')).resolves.toBeUndefined();
    await expect(cache.set('k', 1, 10)).resolves.toBeUndefined();
    await expect(cache.del('k')).resolves.toBeUndefined();
    await cache.close();
  });
});
